import { kvs, WhereConditions } from '@forge/kvs';
import type { PulledEntry } from '../domain/timeline-build';
import { sortEntries } from '../domain/timeline-order';
import { createHash } from 'node:crypto';
import { chunkStably } from './chunking';
import type { PendingPull, PulledRef, PullMeta, ReviewStore, StoredReview } from './review-store';
import { saveVersioned } from './versioned-entity';

/** The manifest's `review` entity (app.storage.entities). */
const ENTITY = 'review';
/** Forge KVS values are limited to 240 KiB; leave room for the key and JSON framing. */
const CHUNK_BYTES = 200 * 1024;
/** Batch calls take at most 25 items. */
const BATCH = 25;
/**
 * A KVS request is at most 4 MiB: 16 chunks of at most 200 KiB stay well inside it (25 would not).
 * Reads use the same size, so no single answer is larger than a write may be.
 */
const SET_BATCH = 16;
const GET_BATCH = 16;

const chunkKey = (incidentKey: string, generation: string, n: number) => `pulled:${incidentKey}:${generation}:${n}`;
/** `pulled-pending:` does not begin with `pulled:`, so the two never list as one another. */
const PENDING_PREFIX = 'pulled-pending:';
const pendingKey = (incidentKey: string, generation: string) => `${PENDING_PREFIX}${incidentKey}:${generation}`;
/** Every chunk key of a ref: its own list, or (for refs stored before it existed) the generation's numbering. */
export const chunkKeys = (incidentKey: string, ref: Pick<PulledRef, 'generation' | 'chunks' | 'keys'>): string[] =>
  ref.keys ?? Array.from({ length: ref.chunks }, (_, n) => chunkKey(incidentKey, ref.generation, n));
type RefKeys = Pick<PulledRef, 'generation' | 'chunks' | 'keys' | 'index'>;
/** Every key a ref owns: its chunks and its index. */
const storedKeys = (incidentKey: string, ref: RefKeys) => [...chunkKeys(incidentKey, ref), ...(ref.index ? [ref.index] : [])];
/** Keys of `ref` that `other` does not also point at. */
const keysNotIn = (incidentKey: string, ref: RefKeys, other: RefKeys | null | undefined) => {
  const shared = new Set(other ? storedKeys(incidentKey, other) : []);
  return storedKeys(incidentKey, ref).filter((k) => !shared.has(k));
};

/** A pull's index (PulledRef.index): what the review would otherwise carry that grows with the incident. */
interface PulledIndex extends PullMeta {
  bounds: NonNullable<PulledRef['bounds']>;
  keys: string[];
  hashes: string[];
}
const INDEX_PREFIX = 'pulled-index:';
/** Content-addressed: a re-pull whose index did not change points at the same key and writes nothing. */
const indexKey = (incidentKey: string, hash: string) => `${INDEX_PREFIX}${incidentKey}:${hash}`;

/** The review as stored: without what its index holds (read back by `load`). */
function withoutIndexed(review: StoredReview): StoredReview {
  const { pulled, digest: _d, issueTypes: _t, ...rest } = review.state;
  if (!pulled.index) return review;
  const { bounds: _b, keys: _k, hashes: _h, ...ref } = pulled;
  return { ...review, state: { ...rest, issueTypes: {}, pulled: ref } };
}
/** A chunk's content hash (what lets a re-pull keep an unchanged chunk where it is). */
const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
/** Past this size a chunk may end at an id-chosen cut point (see chunkStably). */
const MIN_CHUNK_BYTES = 96 * 1024;

/** Deletes keys in batches; a key already gone is fine, any other failure throws (so a record is never dropped before its chunks). */
async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH) {
    const res = await kvs.batchDelete(keys.slice(i, i + BATCH).map((key) => ({ key })));
    const failed = res.failedKeys.filter((f) => f.error?.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Could not delete ${failed.length} stored timeline key(s): ${failed[0].error?.message ?? 'unknown error'}`);
  }
}

export function createKvsReviewStore(): ReviewStore {
  return {
    async load(incidentKey) {
      const review = (await kvs.entity<StoredReview>(ENTITY).get(incidentKey)) ?? null;
      const key = review?.state.pulled.index;
      if (!review || !key) return review;
      const index = await kvs.get<PulledIndex>(key);
      if (!index) throw new Error(`Timeline storage is incomplete for ${incidentKey} (its index is missing)`);
      const { bounds, keys, hashes, digest, issueTypes } = index;
      return { ...review, state: { ...review.state, pulled: { ...review.state.pulled, bounds, keys, hashes }, digest, issueTypes } };
    },

    async loadPulled(incidentKey, ref, only) {
      const numbers = only ? [...new Set(only)].filter((n) => n >= 0 && n < ref.chunks).sort((a, b) => a - b) : Array.from({ length: ref.chunks }, (_, n) => n);
      const all = chunkKeys(incidentKey, ref);
      const keys = numbers.map((n) => all[n]);
      const parts: PulledEntry[][] = new Array<PulledEntry[]>(keys.length);
      for (let i = 0; i < keys.length; i += GET_BATCH) {
        const slice = keys.slice(i, i + GET_BATCH);
        const res = await kvs.batchGet<PulledEntry[]>(slice.map((key) => ({ key })));
        for (const item of res.successfulKeys) parts[keys.indexOf(item.key)] = item.value ?? [];
        if (res.failedKeys.length > 0) throw new Error(`Timeline storage is incomplete for ${incidentKey} (${res.failedKeys.length} chunk(s) unreadable)`);
      }
      return parts.flat();
    },

    async savePulled(incidentKey, generation, entries, replacing = null, meta) {
      // Kept in timeline order, so each chunk is one stretch of the timeline and a page reads only its own.
      const chunks = chunkStably(sortEntries(entries), CHUNK_BYTES, MIN_CHUNK_BYTES, (e) => e.id);
      const hashes = chunks.map(hashOf);
      // A chunk whose content the replaced pull already stored keeps that key: nothing to write.
      const previous = new Map<string, string>();
      if (replacing?.keys && replacing.hashes) replacing.hashes.forEach((h, i) => previous.set(h, replacing.keys![i]));
      const keys = hashes.map((h, n) => previous.get(h) ?? chunkKey(incidentKey, generation, n));
      const fresh: { key: string; value: unknown }[] = chunks.flatMap((value, n) => (previous.has(hashes[n]) ? [] : [{ key: keys[n], value }]));
      const key = (e: PulledEntry) => ({ at: e.at, id: e.id });
      const bounds = chunks.map((c) => ({ first: key(c[0]), last: key(c[c.length - 1]) }));
      let index: string | undefined;
      if (meta) {
        const value: PulledIndex = { bounds, keys, hashes, ...meta };
        index = indexKey(incidentKey, hashOf(value));
        if (index !== replacing?.index) fresh.push({ key: index, value });
      }
      // Before the first chunk: a pull killed from here on leaves a record the scheduled job finds.
      const pending: PendingPull = {
        incidentKey,
        generation,
        chunks: chunks.length,
        keys: fresh.map((f) => f.key),
        replacing: replacing && {
          generation: replacing.generation,
          chunks: replacing.chunks,
          ...(replacing.keys && { keys: replacing.keys }),
          ...(replacing.index && { index: replacing.index }),
        },
        startedAt: Date.now(),
      };
      await kvs.set(pendingKey(incidentKey, generation), pending);
      for (let i = 0; i < fresh.length; i += SET_BATCH) {
        const res = await kvs.batchSet(fresh.slice(i, i + SET_BATCH));
        if (res.failedKeys.length > 0) throw new Error(`Could not store the timeline of ${incidentKey}: ${res.failedKeys[0]?.error.message ?? 'unknown error'}`);
      }
      return { generation, chunks: chunks.length, bounds, keys, hashes, ...(index && { index }) };
    },

    async deletePulled(incidentKey, ref: PulledRef, kept = null) {
      await deleteKeys(keysNotIn(incidentKey, ref, kept));
      await deleteKeys([pendingKey(incidentKey, ref.generation)]);
    },

    async retirePulled(incidentKey, committed, replaced) {
      if (replaced && replaced.generation !== committed.generation) await deleteKeys(keysNotIn(incidentKey, replaced, committed));
      await deleteKeys([pendingKey(incidentKey, committed.generation)]);
    },

    async pendingPulls(limit) {
      const page = await kvs.query().where('key', WhereConditions.beginsWith(PENDING_PREFIX)).limit(Math.min(100, Math.max(1, limit))).getMany<PendingPull>();
      return page.results.map((r) => r.value);
    },

    async collectPulled(incidentKey, generations, pending, committed = null) {
      await deleteKeys(generations.flatMap((g) => keysNotIn(incidentKey, g, committed)));
      await deleteKeys([pendingKey(incidentKey, pending.generation)]);
    },

    save: (review, expectedVersion) => saveVersioned(ENTITY, review.incidentKey, withoutIndexed(review), expectedVersion),
  };
}
