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
 * How many weeks before the most recent story each one is placed, so trends span several months:
 * INC-1 and INC-2 about four months before "now" (ten days apart, as written: both Sev1/Sev2, so
 * the 24-hour rule has two incidents in one window to work on), INC-3 about six weeks, INC-4 last
 * week. INC-2, INC-3 and INC-4 are each more than 31 days apart, so they always fall in three
 * months. Raising a number only ever moves a story earlier, so later keys stay created later.
 */
export const WEEKS_BEFORE_LATEST: Readonly<Record<Story, number>> = { login: 12, backup: 12, etl: 4, mainframe: 0 };

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
  return (story) => movedBy((weeks - WEEKS_BEFORE_LATEST[story]) * 7);
}

/** A story's date (YYYY-MM-DD or an ISO timestamp, as written in `incidents.ts`) as seeded at `now`. */
export function seededDate(now: Date, story: Story, written: string): string {
  return storyDates(now)(story).s(written);
}

