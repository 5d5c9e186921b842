import type { ChatEntry, ChatMessage, ChatProblem } from './types';

/** A transcript's clock going back more than this means it crossed midnight (transcripts are in order). */
const ROLLOVER_MS = 3 * 3600_000;

export interface TimeSettings {
  /** The day ("YYYY-MM-DD") of the first message whose line has no date. */
  date: string;
  /** "YYYY-MM-DDTHH:MM:SS" read in the chosen zone as an ISO instant, or null (a time the zone skips is moved forward by the caller). */
  toInstant: (local: string) => string | null;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const clockMs = (time: string) => {
  const [h, m, s] = time.split(':').map(Number) as [number, number, number];
  return ((h * 60 + m) * 60 + s) * 1000;
};

/**
 * Every message's instant: Slack's own, or its wall clock on its date (the chosen date when the
 * line has none, moved to the next day each time the clock goes back past midnight) in the
 * chosen zone.
 */
export function resolveTimes(messages: readonly ChatMessage[], settings: TimeSettings): { entries: ChatEntry[]; problems: ChatProblem[] } {
  const entries: ChatEntry[] = [];
  const problems: ChatProblem[] = [];
  let day = settings.date;
  let previous: number | null = null;
  for (const m of messages) {
    let at: string | null;
    if (m.time.kind === 'instant') at = m.time.iso;
    else {
      const clock = clockMs(m.time.time);
      if (m.time.date) day = m.time.date;
      else if (previous !== null && clock < previous - ROLLOVER_MS) day = nextDay(day);
      previous = clock;
      at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? settings.toInstant(`${day}T${m.time.time}`) : null;
    }
    if (at) entries.push({ line: m.line, at, author: m.author, text: m.text });
    else
      problems.push({ line: m.line, excerpt: m.author, message: 'This time does not exist on the chosen date in the chosen time zone.' });
  }
  return { entries, problems };
}
