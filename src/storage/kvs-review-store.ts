import { kvs, WhereConditions } from '@forge/kvs';
import type { PulledEntry } from '../domain/timeline-build';
import { sortEntries } from '../domain/timeline-order';
import { createHash } from 'node:crypto';
import { chunkStably } from './chunking';
import type { PendingPull, PulledRef, ReviewStore, StoredReview } from './review-store';
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
/** Keys of `ref` that `other` does not also point at. */
const keysNotIn = (incidentKey: string, ref: Pick<PulledRef, 'generation' | 'chunks' | 'keys'>, other: Pick<PulledRef, 'generation' | 'chunks' | 'keys'> | null | undefined) => {
  const shared = new Set(other ? chunkKeys(incidentKey, other) : []);
  return chunkKeys(incidentKey, ref).filter((k) => !shared.has(k));
};
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
      return (await kvs.entity<StoredReview>(ENTITY).get(incidentKey)) ?? null;
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

    async savePulled(incidentKey, generation, entries, replacing = null) {
      // Kept in timeline order, so each chunk is one stretch of the timeline and a page reads only its own.
      const chunks = chunkStably(sortEntries(entries), CHUNK_BYTES, MIN_CHUNK_BYTES, (e) => e.id);
      const hashes = chunks.map(hashOf);
      // A chunk whose content the replaced pull already stored keeps that key: nothing to write.
      const previous = new Map<string, string>();
      if (replacing?.keys && replacing.hashes) replacing.hashes.forEach((h, i) => previous.set(h, replacing.keys![i]));
      const keys = hashes.map((h, n) => previous.get(h) ?? chunkKey(incidentKey, generation, n));
      const fresh = chunks.flatMap((value, n) => (previous.has(hashes[n]) ? [] : [{ key: keys[n], value }]));
      // Before the first chunk: a pull killed from here on leaves a record the scheduled job finds.
      const pending: PendingPull = {
        incidentKey,
        generation,
        chunks: chunks.length,
        keys: fresh.map((f) => f.key),
        replacing: replacing && { generation: replacing.generation, chunks: replacing.chunks, ...(replacing.keys && { keys: replacing.keys }) },
        startedAt: Date.now(),
      };
      await kvs.set(pendingKey(incidentKey, generation), pending);
      for (let i = 0; i < fresh.length; i += SET_BATCH) {
        const res = await kvs.batchSet(fresh.slice(i, i + SET_BATCH));
        if (res.failedKeys.length > 0) throw new Error(`Could not store the timeline of ${incidentKey}: ${res.failedKeys[0]?.error.message ?? 'unknown error'}`);
      }
      const key = (e: PulledEntry) => ({ at: e.at, id: e.id });
      return { generation, chunks: chunks.length, bounds: chunks.map((c) => ({ first: key(c[0]), last: key(c[c.length - 1]) })), keys, hashes };
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

    save: (review, expectedVersion) => saveVersioned(ENTITY, review.incidentKey, review, expectedVersion),
  };
}
