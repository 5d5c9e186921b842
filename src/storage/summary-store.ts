import { kvs } from '@forge/kvs';
import type { DueReviewFlag, SummaryRow } from '../contract';
import { fitShard, removeRow, shardOf, upsertRow } from '../domain/summary-index';
import { ConflictError } from './review-store';
import { saveVersioned } from './versioned-entity';

/**
 * The pre-aggregated index behind After Action Summaries, in Forge storage:
 *   entity `summary-shard`, key `<shard>` → { version, rows }: the rows of every review whose
 *       impact started in that UTC half-month ('2026-10-01', '2026-10-16') or 'unknown';
 *       written with a version condition, so two saves in one shard never lose each other's row;
 *   `summary-loc:<incidentKey>` → the shard holding the incident's row (to move it when its
 *       impact start changes);
 *   `rhythm-flags` → the reviews past due under the 24-hour rule, written by the scheduled job.
 * A page load reads one key per shard in its date range plus the flags, in batches of 25,
 * whatever the number of reviews.
 */
export interface SummaryStore {
  /** Rows of the given shards (duplicates from an interrupted move resolved to the newest). */
  readShards(shards: readonly string[]): Promise<{ rows: SummaryRow[]; keysRead: number }>;
  /**
   * Replaces the incident's row by `next(previous)`; `null` removes it. Retries on a lost race;
   * skips the write when `next` returns the previous row unchanged.
   */
  upsert(incidentKey: string, next: (prev: SummaryRow | null) => SummaryRow | null): Promise<void>;
  readFlags(): Promise<DueReviewFlag[]>;
  writeFlags(flags: DueReviewFlag[]): Promise<void>;
}

interface Shard {
  version: number;
  rows: SummaryRow[];
}

export const SHARD_ENTITY = 'summary-shard';
const BATCH = 25;
const ATTEMPTS = 6;
const FLAGS_KEY = 'rhythm-flags';
const locKey = (incidentKey: string) => `summary-loc:${incidentKey}`;

function newest(rows: SummaryRow[]): SummaryRow[] {
  const byKey = new Map<string, SummaryRow>();
  for (const r of rows) {
    const seen = byKey.get(r.incidentKey);
    if (!seen || seen.updatedAt < r.updatedAt) byKey.set(r.incidentKey, r);
  }
  return [...byKey.values()];
}

async function readShard(id: string): Promise<Shard | null> {
  return (await kvs.entity<Shard>(SHARD_ENTITY).get(id)) ?? null;
}

async function writeShard(id: string, shard: Shard | null, rows: SummaryRow[]): Promise<void> {
  await saveVersioned<Shard>(SHARD_ENTITY, id, { version: (shard?.version ?? 0) + 1, rows: fitShard(rows) }, shard?.version ?? null);
}

/** A short, random pause before retrying a lost race, so two writers do not collide again. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(Math.random() * 40)));

async function withRetries(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= ATTEMPTS) throw e;
      await pause();
    }
  }
}

export function createKvsSummaryStore(): SummaryStore {
  return {
    async readShards(shards) {
      const ids = [...new Set(shards)];
      const rows: SummaryRow[] = [];
      for (let i = 0; i < ids.length; i += BATCH) {
        const res = await kvs.batchGet<Shard>(ids.slice(i, i + BATCH).map((key) => ({ key, entityName: SHARD_ENTITY })));
        // A shard nobody has written yet comes back as KEY_NOT_FOUND: an empty half-month, not a failure.
        const failed = res.failedKeys.filter((f) => f.error?.code !== 'KEY_NOT_FOUND');
        if (failed.length > 0) throw new Error(`The summary index could not be read (${failed.length} shard(s) failed: ${failed[0].error?.code ?? 'unknown'})`);
        for (const item of res.successfulKeys) rows.push(...(item.value?.rows ?? []));
      }
      return { rows: newest(rows), keysRead: ids.length };
    },

    async upsert(incidentKey, next) {
      await withRetries(async () => {
        const loc = (await kvs.get<string>(locKey(incidentKey))) ?? null;
        const from = loc === null ? null : await readShard(loc);
        const prev = from?.rows.find((r) => r.incidentKey === incidentKey) ?? null;
        const row = next(prev);
        if (row === null) {
          if (loc !== null && from && prev) await writeShard(loc, from, removeRow(from.rows, incidentKey));
          if (loc !== null) await kvs.delete(locKey(incidentKey));
          return;
        }
        if (row === prev) return;
        const target = shardOf(row);
        if (target === loc) {
          await writeShard(target, from, upsertRow(from?.rows ?? [], row));
          return;
        }
        // A move: write the new shard first, then the pointer, then drop the old copy. Should the
        // last step fail, the reader keeps the newer copy and the next save cleans up.
        const to = await readShard(target);
        await writeShard(target, to, upsertRow(to?.rows ?? [], row));
        await kvs.set(locKey(incidentKey), target);
        if (loc !== null && from) await withRetries(async () => {
          const old = await readShard(loc);
          if (old?.rows.some((r) => r.incidentKey === incidentKey)) await writeShard(loc, old, removeRow(old.rows, incidentKey));
        });
      });
    },

    async readFlags() {
      return (await kvs.get<{ flags: DueReviewFlag[] }>(FLAGS_KEY))?.flags ?? [];
    },

    writeFlags: (flags) => kvs.set(FLAGS_KEY, { flags }),
  };
}
