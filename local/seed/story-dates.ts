import { addDays, format } from 'date-fns';

/**
 * The demo incidents are written with the dates of one autumn (`incidents.ts`), and seeded
 * relative to the day the site first seeds them, so the demo never expires: the 24-hour rule
 * always has a due incident, and After Action Summaries' default 12 months always hold several
 * months of incidents.
 *
 * Every story moves by whole weeks: weekdays ("Saturday evening", "Monday's data"), times of day,
 * the minutes within an incident and each person's UTC offset stay as written. Only dates change.
 */

/** The story's own "now": the Saturday after the last incident, as the text was written. */
export const STORY_NOW = new Date('2026-11-21T12:00:00Z');

/** The four stories; each moves with the tickets around its incident. */
export type Story = 'login' | 'backup' | 'etl' | 'mainframe';

/**
 * How many weeks before the most recent story INC-3's and INC-4's are placed: INC-3 about six
 * weeks before "now", INC-4 last week.
 */
export const WEEKS_BEFORE_LATEST: Readonly<Record<'etl' | 'mainframe', number>> = { etl: 4, mainframe: 0 };

/**
 * INC-1 and INC-2 move together, ten days apart as written (both Sev1/Sev2, so the 24-hour rule
 * has two incidents in one window to work on), 12 to 16 weeks before the most recent story: the
 * fewest of those weeks that puts them in two calendar months (a 10-day gap sliding a week at a
 * time meets a month's end within five steps). INC-2, INC-3 and INC-4 are each more than 31 days
 * apart, so the four incidents, and the three demo reviews, always span at least three months.
 * Every story stays earlier than the next one, so later keys stay created later.
 */
export const PAIR_WEEKS_BACK: readonly number[] = [12, 13, 14, 15, 16];
const PAIR_DAYS = ['2026-10-17', '2026-10-27'] as const;

export interface StoryDates {
  /** `text` with every YYYY-MM-DD in it moved to the story's place (timestamps keep time and offset). */
  s: (text: string) => string;
  /** A date of the story as written (YYYY-MM-DD), moved and formatted with date-fns `pattern`. */
  day: (storyDate: string, pattern: string) => string;
}

const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/g;
const WEEK_MS = 7 * 24 * 3_600_000;

function calendarDate(y: string, m: string, d: string): Date {
  // Calendar arithmetic only: a local-midnight date formats back to the same day in any time zone.
  return new Date(Number(y), Number(m) - 1, Number(d));
}

function movedBy(days: number): StoryDates {
  const move = (y: string, m: string, d: string) => addDays(calendarDate(y, m, d), days);
  return {
    s: (text) => text.replace(ISO_DATE, (_all, y: string, m: string, d: string) => format(move(y, m, d), 'yyyy-MM-dd')),
    day: (storyDate, pattern) => {
      const [y, m, d] = storyDate.split('-');
      return format(move(y, m, d), pattern);
    },
  };
}

/**
 * Whole weeks from the story's "now" to the latest Saturday noon (UTC) at or before `now`: the
 * most recent story lands there, so its last ticket (Friday afternoon in the story) is always in
 * the past, and INC-4 (Sev2, restored on the Wednesday) is between two and nine days old: past due
 * under the 24-hour rule and inside the 14 days the rhythm job looks back.
 */
export function weeksSinceStory(now: Date): number {
  return Math.floor((now.getTime() - STORY_NOW.getTime()) / WEEK_MS);
}

/** Where each story sits for a site seeded at `now`. */
export function storyDates(now: Date): (story: Story) => StoryDates {
  const weeks = weeksSinceStory(now);
  const monthsApart = (back: number) => {
    const moved = movedBy((weeks - back) * 7);
    return moved.day(PAIR_DAYS[0], 'yyyy-MM') !== moved.day(PAIR_DAYS[1], 'yyyy-MM');
  };
  const pairBack = PAIR_WEEKS_BACK.find(monthsApart) ?? PAIR_WEEKS_BACK[0];
  const back: Record<Story, number> = { login: pairBack, backup: pairBack, ...WEEKS_BEFORE_LATEST };
  return (story) => movedBy((weeks - back[story]) * 7);
}

/** A story's date (YYYY-MM-DD or an ISO timestamp, as written in `incidents.ts`) as seeded at `now`. */
export function seededDate(now: Date, story: Story, written: string): string {
  return storyDates(now)(story).s(written);
}
