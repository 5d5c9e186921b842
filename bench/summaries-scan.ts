/**
 * After Action Summaries without the pre-aggregated index, kept as the benchmark's baseline: a
 * `SummaryStore` whose `readShards` reads every review, review document and internal-report
 * record and rebuilds each row (`rowOf`, the same domain functions that build the index rows),
 * keeping those that fall in the shards asked for. Plugged into the real `listSummaries`, the
 * filtering, sorting, paging and access checks are the app's own, so a page load through it must
 * return exactly what the index returns: only the storage reads differ.
 *
 * It is handed every incident key for free (a real scan would first have to list the entities);
 * it reads the two entities with batch gets of 25, 8 in flight, and lists the report records by
 * key prefix, 100 at a time. Entity queries would list and read in one go, 100 a page, but the
 * local emulator evaluates each page over the whole entity in memory (local/kvs/store.ts
 * `listEntity`), which would charge the baseline an emulator cost that grows with N squared.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { DueReviewFlag, PublishedPage, SummaryRow } from '../src/contract';
import { shardOf, sortRows } from '../src/domain/summary-index';
import { createBoundedPool } from '../src/http/bounded-pool';
import type { StoredReviewDoc } from '../src/storage/review-doc-store';
import type { StoredTimeline } from '../src/storage/timeline-store';
import type { SummaryStore } from '../src/storage/summary-store';
import { rowOf } from './summaries-data';

const BATCH = 25;
const IN_FLIGHT = 8;
const LIST_PAGE = 100;
const PAGE_PREFIX = 'publish-page:internal:';

export interface ScanStore extends SummaryStore {
  /** Values returned by key listings (queries) since the last call; batch gets are counted from the site's log. */
  listedKeys(): number;
}

async function readAll<T>(keys: readonly string[], entityName: string): Promise<Map<string, T>> {
  const pool = createBoundedPool(IN_FLIGHT);
  const values = new Map<string, T>();
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += BATCH) batches.push(keys.slice(i, i + BATCH));
  await Promise.all(
    batches.map((batch) =>
      pool.run(async () => {
        const res = await kvs.batchGet<T>(batch.map((key) => ({ key, entityName })));
        const failed = res.failedKeys.filter((f) => f.error?.code !== 'KEY_NOT_FOUND');
        if (failed.length > 0) throw new Error(`scan: ${failed.length} ${entityName} read(s) failed`);
        for (const item of res.successfulKeys) values.set(item.key, item.value);
      }),
    ),
  );
  return values;
}

async function listPages(): Promise<Map<string, PublishedPage>> {
  const pages = new Map<string, PublishedPage>();
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(PAGE_PREFIX)).limit(LIST_PAGE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<PublishedPage>();
    for (const r of page.results) pages.set(r.key.slice(PAGE_PREFIX.length), r.value);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

export function createScanStore(incidentKeys: readonly string[]): ScanStore {
  let listed = 0;
  return {
    async readShards(shards) {
      // Rows come out in the index's order (shard by shard as asked, newest impact first, then by
      // key), so rows that tie under the page's sort are in the same order as with the index.
      const byShard = new Map<string, SummaryRow[]>(shards.map((s) => [s, []]));
      const [reviews, docs, pages] = await Promise.all([
        readAll<StoredTimeline>(incidentKeys, 'review'),
        readAll<StoredReviewDoc>(incidentKeys, 'review-doc'),
        listPages(),
      ]);
      listed += pages.size;
      for (const key of incidentKeys) {
        const review = reviews.get(key);
        const doc = docs.get(key);
        if (!review || !doc) continue;
        // The title is the one the facilitator's document carries; listSummaries shows Jira's current one anyway.
        const row = rowOf(review, doc, pages.get(key) ?? null, doc.doc.content.meeting.title);
        byShard.get(shardOf(row))?.push(row);
      }
      const rows = [...byShard.values()].flatMap((shard) =>
        sortRows(
          [...shard].sort((a, b) => a.incidentKey.localeCompare(b.incidentKey)),
          'impactStartedAt',
          'desc',
        ),
      );
      return { rows, keysRead: incidentKeys.length * 2 + pages.size };
    },
    async readFlags() {
      return (await kvs.get<{ flags: DueReviewFlag[] }>('rhythm-flags'))?.flags ?? [];
    },
    upsert: () => Promise.reject(new Error('the scan baseline only reads')),
    writeFlags: () => Promise.reject(new Error('the scan baseline only reads')),
    listedKeys() {
      const n = listed;
      listed = 0;
      return n;
    },
  };
}
