import type { SummaryRow } from '../contract';
import { SEARCH_FORMAT } from '../domain/search-index';
import { UNKNOWN_SHARD, shardsBetween } from '../domain/summary-index';
import type { ReviewDocStore } from '../storage/review-doc-store';
import type { RebuildCursor, SearchIndexStore } from '../storage/search-store';
import type { SummaryStore } from '../storage/summary-store';
import { indexReview, searchDocOf } from './search-indexer';

/**
 * Builds the review library from the summary index when it is missing or of an older format
 * (reviews saved before search existed, or before a format change). Work is done in bounded steps
 * (the five-minute trigger `pir-search-rebuild`), resumed from a cursor kept in
 * storage: the summary index's half-month shards in order, and how many rows of the current one
 * are done. Each review is indexed with `indexReview`, which a save running at the same time
 * also calls: both converge on the review as stored.
 */
export interface SearchRebuildDeps {
  search: SearchIndexStore;
  summaries: Pick<SummaryStore, 'readShards'>;
  docs: Pick<ReviewDocStore, 'load'>;
  now(): Date;
}

/** The first half-month looked at: incidents before it are not looked for. */
const FIRST_DAY = '2000-01-01';
/** Shards read at once (one batch call): empty half-months cost one call per 25, not one each. */
const SHARDS_PER_READ = 25;

export function rebuildShards(until: string): string[] {
  return [...shardsBetween(`${FIRST_DAY}T00:00:00Z`, `${until}T23:59:59.999Z`), UNKNOWN_SHARD];
}

async function indexRow(deps: SearchRebuildDeps, row: SummaryRow): Promise<void> {
  const stored = await deps.docs.load(row.incidentKey);
  const doc = stored ? { incidentKey: row.incidentKey, content: stored.doc.content, actionItems: stored.doc.actionItems } : null;
  const incident = { summary: row.title, severity: { level: row.severityLevel } };
  await indexReview(deps.search, row.incidentKey, (prev) => {
    const base = doc
      ? searchDocOf(doc, incident, null)
      : (prev ?? searchDocOf({ incidentKey: row.incidentKey, content: emptyContent, actionItems: [] }, incident, null));
    // The row carries the review's severity (its override included) and impact start.
    return { ...base, severityLevel: row.severityLevel, impactStartedAt: row.impactStartedAt };
  });
}

const emptyContent: Parameters<typeof searchDocOf>[0]['content'] = {
  servicesImpacted: [],
  learnings: { learned: '', wentWell: '', surprised: '' },
  contributingFactors: [],
  tags: [],
};

/**
 * One bounded step. Answers `done: true` once the library holds every review of the summary
 * index (the format is then recorded, and searches stop saying the library is being built).
 */
export async function rebuildSearchStep(
  deps: SearchRebuildDeps,
  budget: { reviews: number; ms: number },
): Promise<{ indexed: number; done: boolean }> {
  if ((await deps.search.readFormat()) === SEARCH_FORMAT) return { indexed: 0, done: true };
  const started = performance.now();
  const saved = await deps.search.readCursor();
  const cursor: RebuildCursor =
    saved?.format === SEARCH_FORMAT
      ? { ...saved }
      : { format: SEARCH_FORMAT, until: deps.now().toISOString().slice(0, 10), shard: 0, row: 0 };
  const all = rebuildShards(cursor.until);
  const groups = Array.from({ length: Math.ceil(all.length / SHARDS_PER_READ) }, (_, i) =>
    all.slice(i * SHARDS_PER_READ, (i + 1) * SHARDS_PER_READ),
  );
  let indexed = 0;
  const spent = () => indexed >= budget.reviews || performance.now() - started > budget.ms;
  while (cursor.shard < groups.length && !spent()) {
    const { rows } = await deps.summaries.readShards(groups[cursor.shard]);
    const ordered = [...rows].sort((a, b) => a.incidentKey.localeCompare(b.incidentKey));
    while (cursor.row < ordered.length && !spent()) {
      await indexRow(deps, ordered[cursor.row]);
      cursor.row += 1;
      indexed += 1;
    }
    if (cursor.row >= ordered.length) {
      cursor.shard += 1;
      cursor.row = 0;
    }
  }
  if (cursor.shard >= groups.length) {
    await deps.search.writeFormat(SEARCH_FORMAT);
    return { indexed, done: true };
  }
  await deps.search.writeCursor(cursor);
  return { indexed, done: false };
}
