import { addBusinessDays, addDays, isValid, isWeekend, parseISO } from 'date-fns';
import type { SeverityLevel } from '../contract';
import { isOverdue } from './action-items';

/**
 * The rhythm the scheduled job keeps (DESIGN §1 journey 7): a Sev1/Sev2 review is due within one
 * business day of service being restored, and overdue countermeasures are flagged. Pure: the job
 * passes `now`, `today` and the site's IANA time zone; nothing here reads a clock or storage.
 */

export interface RhythmIncident {
  key: string;
  severityLevel: SeverityLevel;
  /** ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`); null while not restored. */
  restoredAt: string | null;
  reviewStarted: boolean;
  reminded: boolean;
}

export interface RhythmActionItem {
  incidentKey: string;
  itemId: string;
  /** Calendar date, YYYY-MM-DD. */
  dueDate: string | null;
  done: boolean;
}

const DAY_MS = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When the review of an incident restored at `restoredAt` is due: one business day later, counted
 * in `timeZone`'s wall clock, Monday to Friday only (public holidays are not known here).
 *
 * - Monday to Thursday: the next day at the same wall-clock time.
 * - Friday: the following Monday at the same wall-clock time (Friday 18:00 → Monday 18:00).
 * - Saturday or Sunday: the clock starts on Monday, so the review is due at the end of Monday,
 *   i.e. Tuesday 00:00 local. This is the same "one full business day" as the weekday cases.
 * - The time of day is kept across a DST change (Friday 18:00 BST → Monday 18:00 GMT, 73 real
 *   hours). A wall time that does not exist is moved forward by the gap; one that happens twice
 *   takes the earlier instant (Temporal's "compatible" disambiguation).
 *
 * Returns a UTC ISO string. Throws RangeError for an instant without an offset or an unknown zone.
 */
export function reviewDueAt(restoredAt: string, timeZone: string): string {
  const instant = parseInstant(restoredAt, 'restoredAt');
  const wall = instant + offsetAt(instant, timeZone);
  const timeOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  const restoredDay = new Date(wall - timeOfDay);
  // date-fns works on the system's local calendar, so the wall date is carried at local noon: the
  // day arithmetic is then the same whatever time zone the process runs in.
  const localNoon = new Date(restoredDay.getUTCFullYear(), restoredDay.getUTCMonth(), restoredDay.getUTCDate(), 12);
  const weekend = isWeekend(localNoon);
  const nextBusinessDay = addBusinessDays(localNoon, 1);
  const dueDay = weekend ? addDays(nextBusinessDay, 1) : nextBusinessDay;
  const dueWall = Date.UTC(dueDay.getFullYear(), dueDay.getMonth(), dueDay.getDate()) + (weekend ? 0 : timeOfDay);
  return new Date(wallToInstant(dueWall, timeZone)).toISOString();
}

/**
 * Keys of the incidents to remind now, in input order: Sev1 or Sev2 (critical, DESIGN §2),
 * restored, no review started, never reminded, and strictly past the due instant — a review is
 * due *within* one business day, so at the due instant itself it is not late yet.
 */
export function incidentsNeedingReminder(incidents: readonly RhythmIncident[], now: string, timeZone: string): string[] {
  const nowMs = parseInstant(now, 'now');
  return incidents
    .filter((incident) => {
      if (incident.severityLevel > 2 || incident.restoredAt === null) return false;
      if (incident.reviewStarted || incident.reminded) return false;
      return nowMs > Date.parse(reviewDueAt(incident.restoredAt, timeZone));
    })
    .map((incident) => incident.key);
}

/** Items past their due date and not done (same rule as `isOverdue`: due today is not overdue). */
export function overdueItems(items: readonly RhythmActionItem[], today: string): RhythmActionItem[] {
  if (!ISO_DATE.test(today) || !isValid(parseISO(today))) throw new RangeError(`today must be YYYY-MM-DD, got "${today}"`);
  return items.filter((item) => isOverdue(item.dueDate, item.done ? 'done' : 'indeterminate', today));
}

/**
 * Bounded work per run: at most `limit` keys strictly after `cursor`, in sorted (code unit) order,
 * duplicates removed. The returned cursor is the batch's last key while keys remain after it, and
 * null once the batch reaches the end, so the next run starts again from the first key. A cursor
 * with nothing after it (its keys were deleted) starts from the first key in this same run.
 */
export function nextBatch(keys: readonly string[], cursor: string | null, limit: number): { batch: string[]; cursor: string | null } {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let start = cursor === null ? 0 : sorted.findIndex((key) => key > cursor);
  if (start === -1) start = 0;
  const batch = sorted.slice(start, start + limit);
  const reachedEnd = start + batch.length >= sorted.length;
  return { batch, cursor: reachedEnd ? null : batch[batch.length - 1] };
}

function parseInstant(value: string, name: string): number {
  const date = ISO_INSTANT.test(value) ? parseISO(value) : null;
  if (!date || !isValid(date)) throw new RangeError(`${name} must be an ISO instant with an offset, got "${value}"`);
  return date.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at `instant` in ms: its wall clock read as UTC, minus the instant. */
function offsetAt(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws RangeError for an unknown zone, which is the error we want to surface.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant showing wall time `wall` (read as UTC) in the zone; see `reviewDueAt` for gaps and overlaps. */
function wallToInstant(wall: number, timeZone: string): number {
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((t) => t + offsetAt(t, timeZone) === wall);
  // No candidate: the wall time falls in a gap; the offset before it pushes it forward by the gap.
  return candidates.length > 0 ? Math.min(...candidates) : wall - offsetBefore;
}
