import type { IncidentOverview, ReviewDoc, TimelineView } from '../contract';
import { docFacts, incidentFacts, mergeRow, sameRow, timelineFacts, type DocFacts, type TimelineFacts } from '../domain/summary-index';
import { logger } from '../logger';
import type { DirtyMark, SummaryDirtyMarks, SummaryStore } from '../storage/summary-store';

/**
 * Keeps the After Action Summaries index in step with reviews: every save that changes what a
 * row shows upserts it. The index is derived data: a failure here never fails the user's save
 * (which has already been written); the row is marked dirty instead, and the scheduled job
 * rebuilds it from the review (`repairSummaryRows`, summary-repair.ts), so no row stays stale past one run.
 *
 * The save that creates a review's row is the one that starts the review (the timeline pull or
 * the first save of the document): it also drops the incident's 24-hour-rule flag, so the global
 * page stops saying "review due" at once rather than at the scheduled job's next run. Only that
 * save reads the flags, so later edits cost no extra storage read.
 */
export interface SummaryIndexer {
  timelineChanged(view: TimelineView): Promise<void>;
  /** `pageUrl` when the internal report was just published. */
  docChanged(doc: ReviewDoc, incident: Pick<IncidentOverview, 'summary' | 'severity'>, pageUrl?: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSummaryIndexer(
  store: Pick<SummaryStore, 'upsert' | 'readFlags' | 'writeFlags'> & Pick<SummaryDirtyMarks, 'markDirty'>,
  now: () => Date,
): SummaryIndexer {
  const dropDueFlag = async (incidentKey: string) => {
    try {
      const flags = await store.readFlags();
      // The job may write its list in between and bring the flag back; its next run drops it again.
      if (flags.some((f) => f.incidentKey === incidentKey)) await store.writeFlags(flags.filter((f) => f.incidentKey !== incidentKey));
    } catch (e) {
      logger.error('summary-index.flag-write-failed', { incidentKey, error: message(e) });
    }
  };
  const apply = async (
    incidentKey: string,
    base: TimelineFacts,
    change: { timeline?: TimelineFacts; doc?: DocFacts; pageUrl?: string | null },
    severityLevel: TimelineFacts['severityLevel'],
  ) => {
    let started = false;
    try {
      await store.upsert(incidentKey, (prev) => {
        // `upsert` may call this again after losing a race on the shard: the last call decides.
        started = prev === null;
        const next = mergeRow(prev, incidentKey, base, change, now().getTime());
        return sameRow(prev, next) ? prev : next;
      });
    } catch (e) {
      logger.error('summary-index.write-failed', { incidentKey, error: message(e) });
      const mark: DirtyMark = { incidentKey, title: base.title, severityLevel, markedAt: now().getTime() };
      try {
        await store.markDirty(mark);
      } catch (f) {
        logger.error('summary-index.mark-failed', { incidentKey, error: message(f) });
      }
    }
    if (started) await dropDueFlag(incidentKey);
  };
  return {
    timelineChanged: (view) => {
      const facts = timelineFacts(view);
      // The mark keeps the severity from the priority: the repair lays the review's override over it.
      return apply(view.incidentKey, facts, { timeline: facts }, view.incident.severity.level);
    },
    docChanged: (doc, incident, pageUrl) =>
      apply(doc.incidentKey, incidentFacts(incident), { doc: docFacts(doc), ...(pageUrl ? { pageUrl } : {}) }, incident.severity.level),
  };
}
