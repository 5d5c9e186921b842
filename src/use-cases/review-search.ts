import type { ReviewSearchHit, ReviewSearchQuery, ReviewSearchResult } from '../contract';
import { AppFailure } from '../domain/app-error';
import { projectOf } from '../domain/issue-key';
import {
  SEARCH_FORMAT,
  DOC_GROUPS,
  bucketOf,
  cellId,
  hasFilter,
  highlights,
  matchedFields,
  matchesFilter,
  queryTerms,
  searchCells,
  type CellData,
  type Hit,
  type SearchDoc,
} from '../domain/search-index';
import type { SummaryAccessPort } from '../jira/summary-access';
import type { SearchIndexStore } from '../storage/search-store';

export interface ReviewSearchDeps {
  store: SearchIndexStore;
  /** Asked as the viewer, as After Action Summaries asks. */
  access: SummaryAccessPort;
}

export const SEARCH_PAGE_SIZE = 10;
/**
 * With filters set, the best-ranked matches are checked against them in batches of 25 records, at
 * most this many: a search stays a bounded number of reads however common its words are.
 */
export const MAX_FILTER_CHECKED = 250;
const DOC_BATCH = 25;

/** Every cell of the query's buckets (one per review group), so each review is looked at once. */
function cellsFor(terms: readonly string[]): { id: string; bucket: number }[] {
  const buckets = [...new Set(terms.map(bucketOf))];
  return buckets.flatMap((bucket) => Array.from({ length: DOC_GROUPS }, (_, g) => ({ id: cellId(bucket, g), bucket })));
}

/**
 * Ranked reviews matching the query that the viewer may see, one page with highlights.
 * Access: a review is kept only when the viewer may browse its project (one Jira check per
 * project, as the summaries do) and the incident itself (one bulk fetch of the page's keys, which
 * applies issue security and brings current titles). Filters are checked on the review's record.
 */
export async function searchReviews(deps: ReviewSearchDeps, q: ReviewSearchQuery): Promise<ReviewSearchResult> {
  const terms = queryTerms(q.query);
  if (terms.length === 0) {
    throw new AppFailure('VALIDATION', 'Type a word of two letters or more to search for.', {
      query: 'Type a word of two letters or more (common words like "the" are not searched).',
    });
  }
  if (q.from && q.to && q.from > q.to)
    throw new AppFailure('VALIDATION', 'The start of the date range is after its end.', { from: 'Must be on or before the end date.' });
  const page = Math.max(1, q.page ?? 1);
  const cells = cellsFor(terms);
  const format = await deps.store.readFormat();
  const stored = await deps.store.readCells(cells.map((c) => c.id));
  const read: { bucket: number; data: CellData }[] = [];
  for (const c of cells) {
    const cell = stored.get(c.id);
    if (cell) read.push({ bucket: c.bucket, data: cell.cell });
  }
  const ranked = searchCells(read, q.query);
  const allowed = await deps.access.browsableProjects(ranked.map((h) => projectOf(h.incidentKey)));
  const visible = ranked.filter((h) => allowed.has(projectOf(h.incidentKey)));

  const filter = { severity: q.severity, service: q.service, factorCategory: q.factorCategory, from: q.from, to: q.to };
  let matching: { hit: Hit; doc: SearchDoc | null }[];
  let capped = false;
  if (!hasFilter(filter)) {
    matching = visible.map((hit) => ({ hit, doc: null }));
  } else {
    matching = [];
    const checked = visible.slice(0, MAX_FILTER_CHECKED);
    capped = visible.length > checked.length;
    for (let i = 0; i < checked.length; i += DOC_BATCH) {
      const slice = checked.slice(i, i + DOC_BATCH);
      const docs = await deps.store.readDocs(slice.map((h) => h.incidentKey));
      for (const hit of slice) {
        const doc = docs.get(hit.incidentKey);
        if (doc && matchesFilter(doc, filter)) matching.push({ hit, doc });
      }
    }
  }

  const shown = matching.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
  const missing = shown.filter((m) => m.doc === null).map((m) => m.hit.incidentKey);
  const docs = missing.length > 0 ? await deps.store.readDocs(missing) : new Map<string, SearchDoc>();
  const seen = await deps.access.visibleIssues(shown.map((m) => m.hit.incidentKey));
  const results: ReviewSearchHit[] = [];
  for (const { hit, doc: known } of shown) {
    const doc = known ?? docs.get(hit.incidentKey);
    const issue = seen.get(hit.incidentKey);
    // Hidden by issue security, or deleted since it was indexed: never named.
    if (!doc || !issue) continue;
    results.push({
      incidentKey: hit.incidentKey,
      title: issue.summary || doc.title,
      severityLevel: doc.severityLevel,
      impactStartedAt: doc.impactStartedAt,
      services: doc.services,
      fields: matchedFields(hit),
      highlights: highlights(doc, hit),
    });
  }
  return {
    results,
    total: matching.length,
    page,
    pages: Math.ceil(matching.length / SEARCH_PAGE_SIZE),
    pageSize: SEARCH_PAGE_SIZE,
    capped,
    indexing: format !== SEARCH_FORMAT,
  };
}
