import type { IncidentOverview, ReviewDoc, TimelineView } from '../contract';
import { docFacts, incidentFacts, mergeRow, sameRow, timelineFacts, type DocFacts, type TimelineFacts } from '../domain/summary-index';
import { logger } from '../logger';
import type { SummaryStore } from '../storage/summary-store';

/**
 * Keeps the After Action Summaries index in step with reviews: every save that changes what a
 * row shows upserts it. The index is derived data: a failure here is logged and never fails the
 * user's save (which has already been written); the next save of that review writes the row again.
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

export function createSummaryIndexer(store: SummaryStore, now: () => Date): SummaryIndexer {
  const dropDueFlag = async (incidentKey: string) => {
    try {
      const flags = await store.readFlags();
      // The job may write its list in between and bring the flag back; its next run drops it again.
      if (flags.some((f) => f.incidentKey === incidentKey)) await store.writeFlags(flags.filter((f) => f.incidentKey !== incidentKey));
    } catch (e) {
      logger.error('summary-index.flag-write-failed', { incidentKey, error: e instanceof Error ? e.message : String(e) });
    }
  };
  const apply = async (incidentKey: string, base: TimelineFacts, change: { timeline?: TimelineFacts; doc?: DocFacts; pageUrl?: string | null }) => {
    let started = false;
    try {
      await store.upsert(incidentKey, (prev) => {
        // `upsert` may call this again after losing a race on the shard: the last call decides.
        started = prev === null;
        const next = mergeRow(prev, incidentKey, base, change, now().getTime());
        return sameRow(prev, next) ? prev : next;
      });
    } catch (e) {
      logger.error('summary-index.write-failed', { incidentKey, error: e instanceof Error ? e.message : String(e) });
    }
    if (started) await dropDueFlag(incidentKey);
  };
  return {
    timelineChanged: (view) => {
      const facts = timelineFacts(view);
      return apply(view.incidentKey, facts, { timeline: facts });
    },
    docChanged: (doc, incident, pageUrl) => apply(doc.incidentKey, incidentFacts(incident), { doc: docFacts(doc), ...(pageUrl ? { pageUrl } : {}) }),
  };
}
