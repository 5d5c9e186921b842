import type { IncidentOverview, ReviewDoc, TimelineView } from '../contract';
import { docFacts, incidentFacts, mergeRow, sameRow, timelineFacts, type DocFacts, type TimelineFacts } from '../domain/summary-index';
import { logger } from '../logger';
import type { DirtyMark, SummaryDirtyMarks, SummaryStore } from '../storage/summary-store';

/**
 * Keeps the After Action Summaries index in step with reviews: every save that changes what a
 * row shows upserts it. The index is derived data: a failure here never fails the user's save
 * (which has already been written); the row is marked dirty instead, and the scheduled job
 * rebuilds it from the review (`repairSummaryRows`, summary-repair.ts), so no row stays stale past one run.
 */
export interface SummaryIndexer {
  timelineChanged(view: TimelineView): Promise<void>;
  /** `pageUrl` when the internal report was just published. */
  docChanged(doc: ReviewDoc, incident: Pick<IncidentOverview, 'summary' | 'severity'>, pageUrl?: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSummaryIndexer(store: Pick<SummaryStore, 'upsert'> & Pick<SummaryDirtyMarks, 'markDirty'>, now: () => Date): SummaryIndexer {
  const apply = async (incidentKey: string, base: TimelineFacts, change: { timeline?: TimelineFacts; doc?: DocFacts; pageUrl?: string | null }, severityLevel: TimelineFacts['severityLevel']) => {
    try {
      await store.upsert(incidentKey, (prev) => {
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
