import type { DueReviewFlag, SummaryRow } from '../contract';
import { createBoundedPool } from '../http/bounded-pool';
import type { RestoredIncident, RhythmJiraPort } from '../jira/rhythm-jira';
import { logger } from '../logger';
import {
  incidentsNeedingReminder,
  nextBatch,
  reconcileFlags,
  reminderComment,
  reminderStep,
  resolveTimeZone,
  reviewDueAt,
  sameFlags,
  type ReminderClaim,
  type RhythmIncident,
} from '../domain/review-rhythm';
import { severityFor } from '../domain/severity';
import { docFacts, mergeRow, sameRow } from '../domain/summary-index';
import type { RhythmCursors, RhythmStore } from '../storage/rhythm-store';
import type { StoredReviewDoc } from '../storage/review-doc-store';
import type { SummaryStore } from '../storage/summary-store';
import { toReviewDoc } from './review-doc';
import type { OrphanSweepResult } from './orphan-sweep';
import type { SummaryRepairResult } from './summary-repair';
import { utcDay } from '../domain/issue-key';

/**
 * The scheduled job that keeps the rhythm (docs/DECISIONS.md#journeys, journey 7), run hourly by `pir-rhythm-check`:
 * 1. Sev1/Sev2 incidents restored more than one business day ago (in the site's time zone)
 *    without a started review get one reminder comment, never two, and a flag on the global page;
 *    a flag goes once the review starts.
 * 2. The countermeasures of a batch of reviews are read from Jira, so the page's open and overdue
 *    counts follow Jira even when nobody opens the review.
 * 3. Storage upkeep (issue 12): summary rows marked dirty by a failed index write are rebuilt
 *    from their reviews, and timeline chunks left by a pull that died are deleted.
 * Each part does bounded work after a stored cursor, so a later run continues where this one stopped.
 */
export interface RhythmLimits {
  /** Due incidents checked per run. */
  reminders: number;
  /** Reviews whose countermeasures are refreshed per run. */
  reviews: number;
  /** Reminders in flight at once. */
  concurrency: number;
}

export const DEFAULT_RHYTHM_LIMITS: RhythmLimits = { reminders: 25, reviews: 10, concurrency: 5 };

export interface RhythmDeps {
  now(): Date;
  /** PIR_TIME_ZONE as configured (IANA); UTC when missing or unknown. */
  timeZone: string | undefined;
  /** Jira as the app. */
  jira: RhythmJiraPort;
  store: RhythmStore;
  summaries: Pick<SummaryStore, 'upsert' | 'readFlags' | 'writeFlags'>;
  newId(): string;
  limits?: Partial<RhythmLimits>;
  /** Rebuilds the summary rows marked dirty (`repairSummaryRows`). */
  repairIndex?(): Promise<SummaryRepairResult>;
  /** Deletes chunk generations of pulls that died (`sweepOrphanedPulls`). */
  sweepOrphans?(): Promise<OrphanSweepResult>;
}

export interface RhythmResult {
  timeZone: string;
  /** Restored Sev1/Sev2 incidents found in Jira. */
  candidates: number;
  /** Of those, the ones past due (reminded or not, review started or not: the batch checks tell). */
  due: number;
  /** Due incidents checked this run (at most `limits.reminders`). */
  checked: number;
  /** Incidents reminded by this run. */
  reminded: string[];
  /** Incidents whose reminder could not be posted; their claim is taken over by a later run. */
  failed: string[];
  /** Due reviews flagged on the global page after this run. */
  flagged: number;
  /** Reviews whose countermeasures were read from Jira, and how many index rows that changed. */
  refreshed: number;
  rowsChanged: number;
  /** Summary rows rebuilt after a failed write. */
  rowsRepaired: number;
  /** Chunk generations deleted because no committed review pointed at them. */
  orphanGenerationsDeleted: number;
  cursors: RhythmCursors;
  /** Parts that failed as a whole (their cursor stays where it was). */
  errors: string[];
}

type Outcome = { kind: 'posted' | 'found' | 'sent'; flag: DueReviewFlag } | { kind: 'skipped' } | { kind: 'failed' };

interface Due {
  incident: RestoredIncident;
  severityLevel: 1 | 2;
  dueAt: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function flagOf(due: Due, remindedAt: string): DueReviewFlag {
  return {
    incidentKey: due.incident.key,
    title: due.incident.title,
    severityLevel: due.severityLevel,
    restoredAt: due.incident.resolvedAt,
    dueAt: due.dueAt,
    remindedAt,
  };
}

/**
 * One incident's reminder, at most once whatever happens around it: the claim is written
 * (conditionally) before the comment is posted, so a run that loses the race, or finds a fresh
 * claim, does nothing; a run that finds a dead run's claim takes it over and posts only if the
 * incident does not carry the reminder already.
 */
async function remind(deps: RhythmDeps, due: Due, claim: ReminderClaim | null, timeZone: string, now: Date): Promise<Outcome> {
  const key = due.incident.key;
  const step = reminderStep(claim, now.getTime());
  if (step === 'sent' && claim) return { kind: 'sent', flag: flagOf(due, claim.sentAt ?? new Date(claim.claimedAt).toISOString()) };
  if (step === 'wait') return { kind: 'skipped' };
  const mine: ReminderClaim = { incidentKey: key, state: 'pending', claimId: deps.newId(), claimedAt: now.getTime(), dueAt: due.dueAt };
  if (!(await deps.store.putClaim(mine, claim))) return { kind: 'skipped' };
  const markSent = async (commentId: string) => {
    const sent: ReminderClaim = { ...mine, state: 'sent', sentAt: now.toISOString(), commentId };
    // Lost only to a run that took over a claim we held past the lease: it finds our comment.
    if (!(await deps.store.putClaim(sent, mine))) logger.warn('rhythm.claim-taken-over', { incidentKey: key });
  };
  if (step === 'take-over') {
    const existing = await deps.jira.findReminder(key);
    if (existing !== null) {
      await markSent(existing);
      return { kind: 'found', flag: flagOf(due, now.toISOString()) };
    }
  }
  const body = reminderComment({ severityLevel: due.severityLevel, restoredAt: due.incident.resolvedAt, dueAt: due.dueAt, timeZone });
  const posted = await deps.jira.postReminder(key, body, mine);
  if (!posted.posted) {
    logger.error('rhythm.reminder-refused', { incidentKey: key, status: posted.status });
    return { kind: 'failed' };
  }
  await markSent(posted.commentId);
  return { kind: 'posted', flag: flagOf(due, now.toISOString()) };
}

/** Due incidents in Jira; those whose restore time cannot be read are logged and left out. */
function dueIncidents(incidents: readonly RestoredIncident[], now: Date, timeZone: string): Map<string, Due> {
  const byKey = new Map<string, Due>();
  const rhythm: RhythmIncident[] = [];
  for (const incident of incidents) {
    const level = severityFor(incident.priority).level;
    if (level !== 1 && level !== 2) continue;
    try {
      byKey.set(incident.key, { incident, severityLevel: level, dueAt: reviewDueAt(incident.resolvedAt, timeZone) });
      rhythm.push({ key: incident.key, severityLevel: level, restoredAt: incident.resolvedAt, reviewStarted: false, reminded: false });
    } catch (e) {
      logger.warn('rhythm.unreadable-restore-time', { incidentKey: incident.key, error: message(e) });
    }
  }
  const due = new Set(incidentsNeedingReminder(rhythm, now.toISOString(), timeZone));
  return new Map([...byKey].filter(([key]) => due.has(key)));
}

async function reminders(deps: RhythmDeps, limits: RhythmLimits, cursor: string | null, timeZone: string, now: Date) {
  const { incidents, complete } = await deps.jira.restoredIncidents();
  if (!complete) logger.warn('rhythm.candidates-truncated', { found: incidents.length });
  const due = dueIncidents(incidents, now, timeZone);
  const next = nextBatch([...due.keys()], cursor, limits.reminders);
  const flags = await deps.summaries.readFlags();
  const [started, claims] = await Promise.all([
    deps.store.reviewsStarted([...next.batch, ...flags.map((f) => f.incidentKey)]),
    deps.store.claims(next.batch),
  ]);
  const pool = createBoundedPool(limits.concurrency);
  const outcomes = await Promise.all(
    next.batch
      .filter((key) => !started.has(key))
      .map((key) =>
        pool.run(async (): Promise<[string, Outcome]> => {
          try {
            return [key, await remind(deps, due.get(key) as Due, claims.get(key) ?? null, timeZone, now)];
          } catch (e) {
            logger.error('rhythm.reminder-failed', { incidentKey: key, error: message(e) });
            return [key, { kind: 'failed' }];
          }
        }),
      ),
  );
  const upsert = outcomes.flatMap(([, o]) => ('flag' in o ? [o.flag] : []));
  // A flag already on the page keeps the time its reminder went out.
  const kept = upsert.map((f) => ({ ...f, remindedAt: flags.find((g) => g.incidentKey === f.incidentKey)?.remindedAt ?? f.remindedAt }));
  const nextFlags = reconcileFlags(flags, { upsert: kept, remove: started });
  if (!sameFlags(flags, nextFlags)) await deps.summaries.writeFlags(nextFlags);
  return {
    candidates: incidents.length,
    due: due.size,
    checked: next.batch.length,
    reminded: outcomes.filter(([, o]) => o.kind === 'posted').map(([k]) => k),
    failed: outcomes.filter(([, o]) => o.kind === 'failed').map(([k]) => k),
    flagged: nextFlags.length,
    cursor: next.cursor,
  };
}

/**
 * The row with the review's countermeasures as Jira has them now. Only the countermeasure fields
 * change: status, tags and customer impact stay as the last save wrote them, so a save racing
 * this run is never undone by the document read a moment earlier. Unchanged rows are not rewritten.
 */
function refreshedRow(
  prev: SummaryRow | null,
  stored: StoredReviewDoc,
  live: Parameters<typeof toReviewDoc>[2],
  today: string,
  nowMs: number,
): SummaryRow | null {
  // No row yet: the review's next save writes it (with the incident's title and severity).
  if (prev === null) return null;
  // A save landed after this run read the document: its row is newer, leave it to the next run.
  if (prev.docVersion > stored.version) return prev;
  const facts = docFacts(toReviewDoc(stored, today, live));
  const next = mergeRow(
    prev,
    prev.incidentKey,
    prev,
    { doc: { ...facts, status: prev.status, customerImpact: prev.customerImpact, tags: prev.tags } },
    nowMs,
  );
  return sameRow(prev, next) ? prev : next;
}

async function countermeasures(deps: RhythmDeps, limits: RhythmLimits, cursor: string | null, now: Date) {
  const { docs, more } = await deps.store.reviewDocsAfter(cursor, limits.reviews);
  // Reviews without sub-tasks have nothing in Jira to follow: their row changes only on save.
  const tracked = docs.filter((d) => Object.keys(d.doc.sync).length > 0);
  const live = await deps.jira.liveActionItems(tracked.map((d) => ({ incidentKey: d.incidentKey, known: d.doc.sync })));
  const today = utcDay(now);
  const changed = new Set<string>();
  for (const stored of tracked) {
    try {
      // `upsert` may call this again after losing a race on the shard: the last call decides.
      await deps.summaries.upsert(stored.incidentKey, (prev) => {
        const next = refreshedRow(prev, stored, live.get(stored.incidentKey) ?? {}, today, now.getTime());
        if (next !== prev) changed.add(stored.incidentKey);
        else changed.delete(stored.incidentKey);
        return next;
      });
    } catch (e) {
      logger.error('rhythm.row-refresh-failed', { incidentKey: stored.incidentKey, error: message(e) });
    }
  }
  return {
    refreshed: tracked.length,
    rowsChanged: changed.size,
    cursor: more && docs.length > 0 ? docs[docs.length - 1].incidentKey : null,
  };
}

export async function runRhythm(deps: RhythmDeps): Promise<RhythmResult> {
  const limits: RhythmLimits = { ...DEFAULT_RHYTHM_LIMITS, ...deps.limits };
  const now = deps.now();
  const { timeZone, invalid } = resolveTimeZone(deps.timeZone);
  if (invalid !== null) logger.warn('rhythm.time-zone-invalid', { configured: invalid, using: timeZone });
  const cursors = await deps.store.readCursors();
  const errors: string[] = [];

  let sent: Awaited<ReturnType<typeof reminders>> | null = null;
  try {
    sent = await reminders(deps, limits, cursors.reminders, timeZone, now);
  } catch (e) {
    errors.push(`reminders: ${message(e)}`);
    logger.error('rhythm.reminders-failed', { error: message(e) });
  }
  let refresh: Awaited<ReturnType<typeof countermeasures>> | null = null;
  try {
    refresh = await countermeasures(deps, limits, cursors.reviews, now);
  } catch (e) {
    errors.push(`countermeasures: ${message(e)}`);
    logger.error('rhythm.countermeasures-failed', { error: message(e) });
  }

  // Last, and each on its own: a failure here leaves its marks and records for the next run.
  let repaired: SummaryRepairResult | null = null;
  try {
    repaired = deps.repairIndex ? await deps.repairIndex() : null;
  } catch (e) {
    errors.push(`index repair: ${message(e)}`);
    logger.error('rhythm.index-repair-failed', { error: message(e) });
  }
  let swept: OrphanSweepResult | null = null;
  try {
    swept = deps.sweepOrphans ? await deps.sweepOrphans() : null;
  } catch (e) {
    errors.push(`orphan sweep: ${message(e)}`);
    logger.error('rhythm.orphan-sweep-failed', { error: message(e) });
  }

  const next: RhythmCursors = { reminders: sent ? sent.cursor : cursors.reminders, reviews: refresh ? refresh.cursor : cursors.reviews };
  if (next.reminders !== cursors.reminders || next.reviews !== cursors.reviews) await deps.store.writeCursors(next);
  const result: RhythmResult = {
    timeZone,
    candidates: sent?.candidates ?? 0,
    due: sent?.due ?? 0,
    checked: sent?.checked ?? 0,
    reminded: sent?.reminded ?? [],
    failed: sent?.failed ?? [],
    flagged: sent?.flagged ?? 0,
    refreshed: refresh?.refreshed ?? 0,
    rowsChanged: refresh?.rowsChanged ?? 0,
    rowsRepaired: repaired?.repaired ?? 0,
    orphanGenerationsDeleted: swept?.generations ?? 0,
    cursors: next,
    errors,
  };
  logger.info('rhythm.run', { ...result, reminded: result.reminded.length, failed: result.failed.length });
  return result;
}
