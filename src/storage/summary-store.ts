import { Filter, FilterConditions, kvs, WhereConditions } from '@forge/kvs';
import type { DueReviewFlag, SeverityLevel, SummaryRow } from '../contract';
import { PACKED_FORMAT, packRow, removeRow, shardOf, splitPacked, unpackRow, upsertRow, type PackedRow } from '../domain/summary-index';
import { ConflictError } from './timeline-store';
import { isConditionFailure } from './versioned-entity';

/**
 * The pre-aggregated index behind After Action Summaries, in Forge storage:
 *   entity `summary-shard`, key `<shard>` → { version, rows: { format, parts, data } }: the rows
 *       (packed, see `packRow`) of every review whose impact started in that UTC half-month
 *       ('2026-10-01', '2026-10-16') or 'unknown'; a busy half-month continues in `<shard>#1`,
 *       `<shard>#2`… (200 KiB each). All parts are written in one transaction guarded by the
 *       head's version, so two saves in one shard never lose each other's row;
 *   `summary-loc:<incidentKey>` → the shard holding the incident's row (to move it when its
 *       impact start changes);
 *   `rhythm-flags` → the reviews past due under the 24-hour rule, written by the scheduled job;
 *   `summary-dirty:<incidentKey>:<markId>` → a row whose write failed after its review was saved
 *       (DirtyMark); the scheduled job rebuilds the row from the review and deletes the marks it read.
 * A page load reads one head per half-month in its date range plus the flags, in batches of 25,
 * whatever the number of reviews (and the extra parts of a half-month busier than ~680 reviews).
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

/** Rows whose write failed, kept until the scheduled job rebuilds them (issue 12: the index converges). */
export interface SummaryDirtyMarks {
  /** Records that the incident's row may be stale (one small key; a new key per mark, so none overwrites another). */
  markDirty(mark: DirtyMark): Promise<void>;
  /** Up to `limit` marks, oldest keys first. */
  dirtyMarks(limit: number): Promise<StoredDirtyMark[]>;
  /** Deletes exactly these marks: one written after they were read stays for the next repair. */
  clearDirty(marks: readonly StoredDirtyMark[]): Promise<void>;
}

/**
 * What a failed index write leaves behind: which row, and the incident's title and severity (from
 * its priority) as that save saw them, so the repair needs no Jira call. The rest of the row is
 * rebuilt from the review as stored at repair time.
 */
export interface DirtyMark {
  incidentKey: string;
  title: string;
  severityLevel: SeverityLevel;
  markedAt: number;
}
export interface StoredDirtyMark extends DirtyMark {
  key: string;
}

/** Part 0 of a shard (key `<shard>`): the version that guards every write, and how many parts follow. */
interface ShardHead {
  version: number;
  rows: { format: number; parts: number; data: PackedRow[] };
}
/** Parts 1… (key `<shard>#<n>`): written in the same transaction as the head. */
interface ShardTail {
  version: number;
  rows: { data: PackedRow[] };
}

interface Shard {
  version: number;
  parts: number;
  rows: SummaryRow[];
}

export const SHARD_ENTITY = 'summary-shard';
const BATCH = 25;
/**
 * A lost race on a shard is retried with jittered, growing pauses within a time budget, not a
 * fixed count: 100 saves landing in one half-month at once need ~100 rounds between them, and six
 * short tries left 40 of them stale. The budget keeps a save well inside Forge's 25 s; a write that
 * runs out of it is marked dirty by the indexer and rebuilt by the scheduled job.
 */
const RETRY_BUDGET_MS = 8_000;
const MAX_ATTEMPTS = 60;
const PAUSE_BASE_MS = 10;
const PAUSE_CAP_MS = 400;
/**
 * A shard is written in one transaction, which Forge caps at 25 operations and 4 MB: 18 parts of
 * at most 200 KiB (3.6 MB) leave room for the deletes of parts no longer needed. That is about
 * 12,000 reviews in one half-month (a part holds ~680 packed rows).
 */
const MAX_PARTS = 18;
const FLAGS_KEY = 'rhythm-flags';
const DIRTY_PREFIX = 'summary-dirty:';
export const locKey = (incidentKey: string) => `summary-loc:${incidentKey}`;
const partKey = (shard: string, n: number) => (n === 0 ? shard : `${shard}#${n}`);

function newest(rows: SummaryRow[]): SummaryRow[] {
  const byKey = new Map<string, SummaryRow>();
  for (const r of rows) {
    const seen = byKey.get(r.incidentKey);
    if (!seen || seen.updatedAt < r.updatedAt) byKey.set(r.incidentKey, r);
  }
  return [...byKey.values()];
}

/** The stored records of a shard holding `rows` at `version`: what a write sets (the bench writes these too). */
export function shardRecords(shard: string, rows: readonly SummaryRow[], version: number): { key: string; value: ShardHead | ShardTail }[] {
  const parts = splitPacked(rows.map(packRow));
  if (parts.length > MAX_PARTS) throw new RangeError(`Summary shard ${shard} would need ${parts.length} parts (at most ${MAX_PARTS})`);
  return parts.map((data, n) => ({
    key: partKey(shard, n),
    value: n === 0 ? { version, rows: { format: PACKED_FORMAT, parts: parts.length, data } } : { version, rows: { data } },
  }));
}

function keyNotFound(f: { error?: { code?: string } }): boolean {
  return f.error?.code === 'KEY_NOT_FOUND';
}

async function batchRead<T>(keys: readonly string[]): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const res = await kvs.batchGet<T>(keys.slice(i, i + BATCH).map((key) => ({ key, entityName: SHARD_ENTITY })));
    // A shard nobody has written yet comes back as KEY_NOT_FOUND: an empty half-month, not a failure.
    const failed = res.failedKeys.filter((f) => !keyNotFound(f));
    if (failed.length > 0)
      throw new Error(`The summary index could not be read (${failed.length} key(s) failed: ${failed[0].error?.code ?? 'unknown'})`);
    for (const item of res.successfulKeys) found.set(item.key, item.value);
  }
  return found;
}

/** Rows of a head (any format this app has written) and how many parts the shard has. */
function headRows(head: ShardHead | { version: number; rows: SummaryRow[] }): { parts: number; rows: SummaryRow[] } {
  if (Array.isArray(head.rows))
    return { parts: 1, rows: head.rows.map((r) => ({ ...r, openDueDates: r.openDueDates ?? [], openItems: r.openItems ?? [] })) };
  return { parts: head.rows.parts, rows: head.rows.data.map(unpackRow) };
}

/** Reads whole shards: every head in batches of 25, then the extra parts of the few that have them. */
async function readMany(ids: readonly string[]): Promise<{ shards: Map<string, Shard>; keysRead: number }> {
  const heads = await batchRead<ShardHead>(ids);
  const shards = new Map<string, Shard>();
  const tails: string[] = [];
  for (const [id, head] of heads) {
    const { parts, rows } = headRows(head);
    shards.set(id, { version: head.version, parts, rows });
    for (let n = 1; n < parts; n++) tails.push(partKey(id, n));
  }
  if (tails.length > 0) {
    const more = await batchRead<ShardTail>(tails);
    for (const key of tails) {
      const id = key.slice(0, key.lastIndexOf('#'));
      const shard = shards.get(id)!;
      const tail = more.get(key);
      // A tail written by another version than its head means a torn read: read again.
      if (!tail || tail.version !== shard.version) throw new ConflictError(id);
      shard.rows.push(...tail.rows.data.map(unpackRow));
    }
  }
  return { shards, keysRead: ids.length + tails.length };
}

async function readShard(id: string): Promise<Shard | null> {
  return (await readMany([id])).shards.get(id) ?? null;
}

/** One transaction: the head guarded by its version, the other parts, and parts no longer needed deleted. */
async function writeShard(id: string, shard: Shard | null, rows: SummaryRow[]): Promise<void> {
  const version = (shard?.version ?? 0) + 1;
  const records = shardRecords(id, rows, version);
  const expected = shard?.version ?? null;
  const conditions =
    expected === null
      ? new Filter<ShardHead>().and('version', FilterConditions.notExists())
      : new Filter<ShardHead>().and('version', FilterConditions.equalTo(expected));
  let tx = kvs.transact().set(records[0].key, records[0].value as ShardHead, { entityName: SHARD_ENTITY, conditions });
  for (const r of records.slice(1)) tx = tx.set(r.key, r.value, { entityName: SHARD_ENTITY });
  for (let n = records.length; n < (shard?.parts ?? 1); n++) tx = tx.delete(partKey(id, n), { entityName: SHARD_ENTITY });
  try {
    await tx.execute();
  } catch (e) {
    if (isConditionFailure(e)) throw new ConflictError(id);
    throw e;
  }
}

/** Full jitter: a random pause up to a cap that doubles per attempt, so racing writers spread out. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(PAUSE_CAP_MS, PAUSE_BASE_MS * 2 ** attempt)));

/** `performance`, not `Date`: the budget is wall time even where the clock is controlled. */
async function withRetries<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= MAX_ATTEMPTS || performance.now() - started > RETRY_BUDGET_MS) throw e;
      await pause(attempt);
    }
  }
}

export function createKvsSummaryStore(): SummaryStore & SummaryDirtyMarks {
  return {
    async readShards(shards) {
      const ids = [...new Set(shards)];
      // A torn read (a writer replaced the parts between our two batches) is read again after a pause.
      return withRetries(async () => {
        const { shards: read, keysRead } = await readMany(ids);
        return { rows: newest([...read.values()].flatMap((s) => s.rows)), keysRead };
      });
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
        if (loc !== null && from)
          await withRetries(async () => {
            const old = await readShard(loc);
            if (old?.rows.some((r) => r.incidentKey === incidentKey)) await writeShard(loc, old, removeRow(old.rows, incidentKey));
          });
      });
    },

    async readFlags() {
      return (await kvs.get<{ flags: DueReviewFlag[] }>(FLAGS_KEY))?.flags ?? [];
    },

    writeFlags: (flags) => kvs.set(FLAGS_KEY, { flags }),

    markDirty: (mark) => kvs.set(`${DIRTY_PREFIX}${mark.incidentKey}:${mark.markedAt}-${Math.random().toString(36).slice(2, 10)}`, mark),

    async dirtyMarks(limit) {
      const page = await kvs
        .query()
        .where('key', WhereConditions.beginsWith(DIRTY_PREFIX))
        .limit(Math.min(100, Math.max(1, limit)))
        .getMany<DirtyMark>();
      return page.results.map((r) => ({ ...r.value, key: r.key }));
    },

    async clearDirty(marks) {
      for (let i = 0; i < marks.length; i += BATCH) await kvs.batchDelete(marks.slice(i, i + BATCH).map((m) => ({ key: m.key })));
    },
  };
}
