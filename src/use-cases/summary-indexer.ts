import type { IncidentOverview, ReviewDoc, TimelineView } from '../contract';
import { docFacts, incidentFacts, mergeRow, sameRow, timelineFacts, type DocFacts, type TimelineFacts } from '../domain/summary-index';
import { logger } from '../logger';
import type { SummaryStore } from '../storage/summary-store';

/**
 * Keeps the After Action Summaries index in step with reviews: every save that changes what a
 * row shows upserts it. The index is derived data: a failure here is logged and never fails the
 * user's save (which has already been written); the next save of that review writes the row again.
 */
export interface SummaryIndexer {
  timelineChanged(view: TimelineView): Promise<void>;
  /** `pageUrl` when the internal report was just published. */
  docChanged(doc: ReviewDoc, incident: Pick<IncidentOverview, 'summary' | 'severity'>, pageUrl?: string): Promise<void>;
}

export function createSummaryIndexer(store: SummaryStore, now: () => Date): SummaryIndexer {
  const apply = async (incidentKey: string, base: TimelineFacts, change: { timeline?: TimelineFacts; doc?: DocFacts; pageUrl?: string | null }) => {
    try {
      await store.upsert(incidentKey, (prev) => {
        const next = mergeRow(prev, incidentKey, base, change, now().getTime());
        return sameRow(prev, next) ? prev : next;
      });
    } catch (e) {
      logger.error('summary-index.write-failed', { incidentKey, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return {
    timelineChanged: (view) => {
      const facts = timelineFacts(view);
      return apply(view.incidentKey, facts, { timeline: facts });
    },
    docChanged: (doc, incident, pageUrl) => apply(doc.incidentKey, incidentFacts(incident), { doc: docFacts(doc), ...(pageUrl ? { pageUrl } : {}) }),
  };
}
