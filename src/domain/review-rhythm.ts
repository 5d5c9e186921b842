import type { DocNode } from '@atlaskit/adf-schema/doc';
import { doc, em, paragraph, strong, text } from '@atlaskit/adf-utils/builders';
import { addBusinessDays, addDays, isValid, isWeekend, parseISO } from 'date-fns';
import type { DueReviewFlag, SeverityLevel } from '../contract';
import { isOverdue } from './action-items';
import { wallToInstant, zoneOffsetMs } from './zone-offset';

/**
 * The rhythm the scheduled job keeps (docs/DECISIONS.md#journeys, journey 7): a Sev1/Sev2 review is due within one
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
  const wall = instant + zoneOffsetMs(instant, timeZone);
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
 * Keys of the incidents to remind now, in input order: Sev1 or Sev2 (critical, docs/DECISIONS.md#vocabulary),
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

// ---- The scheduled job's decisions (docs/DECISIONS.md#journeys, journey 7) -----------------

/**
 * The site's time zone for "business day": an IANA name, canonicalised ('europe/london' →
 * 'Europe/London'). Empty or missing is UTC; a name the runtime does not know is UTC too, and
 * `invalid` carries it so the job can say so in its log.
 */
export function resolveTimeZone(raw: string | undefined): { timeZone: string; invalid: string | null } {
  const name = raw?.trim() ?? '';
  if (name === '') return { timeZone: 'UTC', invalid: null };
  try {
    return { timeZone: new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone, invalid: null };
  } catch {
    return { timeZone: 'UTC', invalid: name };
  }
}

/**
 * The record that makes a reminder happen at most once. It is claimed (`pending`) in one
 * conditional write *before* the comment is posted and marked `sent` after, so a run that dies
 * in between leaves a pending claim, never a second comment.
 */
export interface ReminderClaim {
  incidentKey: string;
  state: 'pending' | 'sent';
  /** Random per claim: a take-over names the claim it replaces, so only one run can win it. */
  claimId: string;
  /** Epoch ms of the claim. */
  claimedAt: number;
  dueAt: string;
  /** ISO instant the comment was posted (or found), once `sent`. */
  sentAt?: string;
  commentId?: string;
}

/**
 * How long a pending claim belongs to the run that made it. Far longer than any invocation
 * (Forge stops one at 25 s; a scheduled trigger at most at 15 minutes with a raised timeout),
 * so a claim older than this was left by a run that died.
 */
export const REMINDER_LEASE_MS = 20 * 60_000;

/**
 * What to do about an incident that needs a reminder, given its claim:
 * - `claim`: none yet; claim it, post, mark sent;
 * - `sent`: reminded already (never again);
 * - `wait`: another run claimed it moments ago and may be posting right now;
 * - `take-over`: a run died holding the claim; take it over, then post only if the incident
 *   does not already carry the reminder (the run may have died after posting).
 */
export type ReminderStep = 'claim' | 'sent' | 'wait' | 'take-over';

export function reminderStep(
  claim: Pick<ReminderClaim, 'state' | 'claimedAt'> | null,
  nowMs: number,
  leaseMs = REMINDER_LEASE_MS,
): ReminderStep {
  if (claim === null) return 'claim';
  if (claim.state === 'sent') return 'sent';
  return nowMs - claim.claimedAt >= leaseMs ? 'take-over' : 'wait';
}

/** The global page keeps at most this many due-review flags (one KVS value, well under 240 KiB). */
export const MAX_DUE_FLAGS = 200;
/** A flag's title is cut to this many characters (the page re-reads the title from Jira anyway). */
export const FLAG_TITLE_CHARS = 120;

function cutTitle(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  return t.length <= FLAG_TITLE_CHARS ? t : `${t.slice(0, FLAG_TITLE_CHARS - 1).trimEnd()}…`;
}

/**
 * The flags after a run: `remove` (reviews that started) dropped, `upsert` laid over by incident
 * key, most overdue first (then key). Past MAX_DUE_FLAGS the longest-flagged are dropped: the list
 * is for reviews still worth holding, and every flagged incident already carries its reminder.
 */
export function reconcileFlags(
  current: readonly DueReviewFlag[],
  change: { upsert: readonly DueReviewFlag[]; remove: ReadonlySet<string> },
): DueReviewFlag[] {
  const byKey = new Map<string, DueReviewFlag>();
  for (const flag of [...current, ...change.upsert]) {
    if (!change.remove.has(flag.incidentKey)) byKey.set(flag.incidentKey, { ...flag, title: cutTitle(flag.title) });
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.incidentKey < b.incidentKey ? -1 : a.incidentKey > b.incidentKey ? 1 : 0),
  );
  return sorted.slice(Math.max(0, sorted.length - MAX_DUE_FLAGS));
}

/** Whether two flag lists say the same (the write is skipped when a run changed nothing). */
export function sameFlags(a: readonly DueReviewFlag[], b: readonly DueReviewFlag[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The sentence that identifies the app's reminder among an incident's comments (with the author
 * being an app), so a run that takes over a dead run's claim can tell whether it was posted.
 */
export const REMINDER_MARK = 'This is a one-time reminder from the Post-incident review app.';

export function isReminderText(text: string): boolean {
  return text.includes(REMINDER_MARK);
}

const wallClock = new Map<string, Intl.DateTimeFormat>();

/** "Saturday, 17 October 2026 at 20:34 (Europe/London)": an instant as people on the site read it. */
export function formatInZone(iso: string, timeZone: string): string {
  let format = wallClock.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' });
    wallClock.set(timeZone, format);
  }
  return `${format.format(parseInstant(iso, 'instant'))} (${timeZone})`;
}

/**
 * The reminder comment as ADF: short and blameless, when service was restored and when the review
 * is due, and how to start it. Built with @atlaskit/adf-utils so it validates against
 * @atlaskit/adf-schema (checked in test/unit/review-rhythm-reminder.test.ts).
 */
export function reminderComment(input: { severityLevel: SeverityLevel; restoredAt: string; dueAt: string; timeZone: string }): DocNode {
  return doc(
    paragraph(strong(text('Post-incident review due'))),
    paragraph(
      text(`Service was restored on ${formatInZone(input.restoredAt, input.timeZone)}. `),
      text(
        `Reviews of Sev${input.severityLevel} incidents are due within one business day of recovery, by ${formatInZone(input.dueAt, input.timeZone)}, `,
      ),
      text(
        'while what people saw and did is still fresh. The review is about how we can know sooner and recover sooner, not about who did what.',
      ),
    ),
    paragraph(
      text('To start it, open the '),
      strong(text('Post-incident review')),
      text(' panel on this issue and choose '),
      strong(text('Start review')),
      text('.'),
    ),
    paragraph(em(text(REMINDER_MARK))),
  );
}
