import type { SummaryRow } from '../contract';
import { deriveMoments } from '../domain/key-moments';
import { computeMetrics } from '../domain/metrics';
import { docFacts, incidentFacts, mergeRow, sameRow, timelineFacts, type TimelineFacts } from '../domain/summary-index';
import { assembleTimeline } from '../domain/timeline-merge';
import { utcDay } from '../domain/issue-key';
import { logger } from '../logger';
import type { PublishStore } from '../storage/publish-store';
import type { ReviewDocStore } from '../storage/review-doc-store';
import type { TimelineStore, StoredTimeline } from '../storage/timeline-store';
import type { DirtyMark, StoredDirtyMark, SummaryDirtyMarks, SummaryStore } from '../storage/summary-store';
import { toReviewDoc } from './review-doc';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Repair of the After Action Summaries index (issue 12: the index converges): rows whose write
 * failed after their review was saved were marked dirty by the indexer; the scheduled job rebuilds
 * them here from the reviews as stored, with no Jira call.
 */
export interface SummaryRepairDeps {
  summaries: Pick<SummaryStore, 'upsert'> & Pick<SummaryDirtyMarks, 'dirtyMarks' | 'clearDirty'>;
  reviews: Pick<TimelineStore, 'load' | 'loadPulled'>;
  docs: Pick<ReviewDocStore, 'load'>;
  pages: Pick<PublishStore, 'loadPage'>;
  now(): Date;
}

export interface SummaryRepairResult {
  /** Incidents whose row was rebuilt (or found current). */
  repaired: number;
  /** Incidents left marked for the next run. */
  failed: number;
}

/** Marks read per run: a few hundred rows stay well inside the scheduled trigger's 55 s. */
const MARKS_PER_PAGE = 100;
const PAGES_PER_RUN = 3;
/** A save that lands while a row is rebuilt makes it read the review again, at most this often. */
const REBUILD_ATTEMPTS = 3;

/** The timeline side of the row as the review stands, with the title and priority's severity from the mark. */
function timelineSide(review: StoredTimeline, pulled: Parameters<typeof assembleTimeline>[0], mark: DirtyMark): TimelineFacts {
  const { state } = review;
  const moments = deriveMoments(
    assembleTimeline(pulled, state.manual, state.annotations),
    review.incidentKey,
    state.momentOverrides,
    state.issueTypes,
  );
  return timelineFacts({
    incident: { summary: mark.title },
    severity: { level: state.severityOverride ?? mark.severityLevel },
    moments,
    metrics: computeMetrics(moments).metrics,
  });
}

/**
 * Rebuilds one incident's row from what is stored now. The review document's side keeps a row
 * written from a newer document (`docVersion`); the timeline's side has no version in the row, so
 * the review is read again after the write and the row rebuilt once more if a save landed meanwhile.
 */
async function rebuild(deps: SummaryRepairDeps, mark: DirtyMark): Promise<void> {
  const key = mark.incidentKey;
  for (let attempt = 1; ; attempt++) {
    const review = await deps.reviews.load(key);
    const [pulled, stored, page] = await Promise.all([
      review ? deps.reviews.loadPulled(key, review.state.pulled) : Promise.resolve([]),
      deps.docs.load(key),
      deps.pages.loadPage(key, 'internal'),
    ]);
    if (!review && !stored) return;
    const base = review
      ? timelineSide(review, pulled, mark)
      : incidentFacts({ summary: mark.title, severity: { level: mark.severityLevel } });
    const doc = stored ? docFacts(toReviewDoc(stored, utcDay(deps.now()))) : undefined;
    await deps.summaries.upsert(key, (prev: SummaryRow | null) => {
      const keepDoc = prev !== null && doc !== undefined && prev.docVersion > doc.docVersion;
      const change = { timeline: base, ...(doc && !keepDoc ? { doc } : {}), ...(page ? { pageUrl: page.url } : {}) };
      const next = mergeRow(prev, key, base, change, deps.now().getTime());
      return sameRow(prev, next) ? prev : next;
    });
    const after = await deps.reviews.load(key);
    if ((after?.version ?? 0) === (review?.version ?? 0) || attempt >= REBUILD_ATTEMPTS) return;
  }
}

/**
 * The scheduled job's repair of the summary index: every incident marked dirty gets its row
 * rebuilt from the stored review, then exactly the marks read are deleted (a save failing
 * meanwhile leaves a new mark, so it is repaired next run). A failed rebuild keeps its marks.
 */
export async function repairSummaryRows(deps: SummaryRepairDeps): Promise<SummaryRepairResult> {
  const seen = new Set<string>();
  let repaired = 0;
  let failed = 0;
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const marks = (await deps.summaries.dirtyMarks(MARKS_PER_PAGE)).filter((m) => !seen.has(m.key));
    if (marks.length === 0) break;
    const byIncident = new Map<string, StoredDirtyMark[]>();
    for (const m of marks) {
      seen.add(m.key);
      byIncident.set(m.incidentKey, [...(byIncident.get(m.incidentKey) ?? []), m]);
    }
    for (const [incidentKey, own] of byIncident) {
      // The newest mark carries the title and severity the latest failed save saw.
      const latest = own.reduce((a, b) => (b.markedAt > a.markedAt ? b : a));
      try {
        await rebuild(deps, latest);
        await deps.summaries.clearDirty(own);
        repaired++;
      } catch (e) {
        failed++;
        logger.error('summary-index.repair-failed', { incidentKey, error: message(e) });
      }
    }
  }
  return { repaired, failed };
}
