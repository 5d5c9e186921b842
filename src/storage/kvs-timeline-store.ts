import { kvs, WhereConditions } from '@forge/kvs';
import type { PulledEntry } from '../domain/timeline-build';
import { compareEntries, sortEntries } from '../domain/timeline-order';
import { headOf as digestHead } from '../domain/timeline-head';
import type { EntryKey } from '../contract';
import { createHash } from 'node:crypto';
import { chunkStably } from './chunking';
import type { PendingPull, PulledRef, PullHead, PullMeta, TimelineStore, StoredTimeline } from './timeline-store';
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

/** A pull's index as stored before heads (PulledRef.index): everything in one key, read on every open. */
interface PulledIndex extends PullMeta {
  bounds: NonNullable<PulledRef['bounds']>;
  keys: string[];
  hashes: string[];
}
/** One segment of a pull's chunk table: the bounds, keys and hashes of SEGMENT_CHUNKS consecutive chunks. */
interface Segment {
  bounds: NonNullable<PulledRef['bounds']>;
  keys: string[];
  hashes: string[];
}
/**
 * Chunks per segment: a segment is about 7 KB (one storage unit) whatever the incident's size,
 * and the head lists one segment per 32 chunks (~3 MB of entries).
 */
export const SEGMENT_CHUNKS = 32;
const INDEX_PREFIX = 'pulled-index:';
/** Content-addressed like the index: a re-pull that did not change them points at the same keys and writes nothing. */
const SEGMENT_PREFIX = 'pulled-segment:';
const DETAIL_PREFIX = 'pulled-detail:';
const indexKey = (incidentKey: string, hash: string) => `${INDEX_PREFIX}${incidentKey}:${hash}`;
const segmentKey = (incidentKey: string, hash: string) => `${SEGMENT_PREFIX}${incidentKey}:${hash}`;
const detailKey = (incidentKey: string, hash: string) => `${DETAIL_PREFIX}${incidentKey}:${hash}`;

const isHead = (value: PullHead | PulledIndex): value is PullHead => (value as PullHead).format === 2;

/** The review as stored: without what its index holds (read back by `load`). */
function withoutIndexed(review: StoredTimeline): StoredTimeline {
  const {
    pulled: { head: _hd, ...pulled },
    digest: _d,
    issueTypes: _t,
    ...rest
  } = review.state;
  // The head is always read from the index (or worked out from a digest stored on the review).
  if (!pulled.index) return { ...review, state: { ...review.state, pulled } };
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
    if (failed.length > 0)
      throw new Error(`Could not delete ${failed.length} stored timeline key(s): ${failed[0].error?.message ?? 'unknown error'}`);
  }
}

type ChunkTable = Required<Pick<PulledRef, 'bounds' | 'keys' | 'hashes'>>;

export function createKvsTimelineStore(): TimelineStore {
  // Segments are content-addressed, so never change under a key: an invocation reads each at most once.
  const segments = new Map<string, Segment>();

  async function readSegments(incidentKey: string, keys: readonly string[]): Promise<Segment[]> {
    const missing = [...new Set(keys.filter((k) => !segments.has(k)))];
    for (let i = 0; i < missing.length; i += BATCH) {
      const res = await kvs.batchGet<Segment>(missing.slice(i, i + BATCH).map((key) => ({ key })));
      for (const item of res.successfulKeys) if (item.value) segments.set(item.key, item.value);
    }
    return keys.map((k) => {
      const segment = segments.get(k);
      if (!segment) throw new Error(`Timeline storage is incomplete for ${incidentKey} (a chunk segment is missing)`);
      return segment;
    });
  }

  /** The head of a ref: in hand, or read from its index (refs in pending records carry only the key); null for an index stored before heads. */
  async function headOf(ref: PulledRef): Promise<PullHead | PulledIndex | null> {
    if (ref.head) return ref.head;
    if (!ref.index) return null;
    return (await kvs.get<PullHead | PulledIndex>(ref.index)) ?? null;
  }

  /** Every chunk's bounds, key and hash: in hand, from the old index, or from every segment. */
  async function chunkTable(incidentKey: string, ref: PulledRef): Promise<ChunkTable | null> {
    if (ref.bounds && ref.keys && ref.hashes) return { bounds: ref.bounds, keys: ref.keys, hashes: ref.hashes };
    const head = await headOf(ref);
    if (!head) return null;
    if (!isHead(head)) return { bounds: head.bounds, keys: head.keys, hashes: head.hashes };
    const parts = await readSegments(
      incidentKey,
      head.segments.map((s) => s.key),
    );
    return { bounds: parts.flatMap((p) => p.bounds), keys: parts.flatMap((p) => p.keys), hashes: parts.flatMap((p) => p.hashes) };
  }

  /** Every key a ref owns, its index last (deleted last, so a crash half-way leaves the rest findable through it). */
  async function storedKeys(incidentKey: string, ref: PulledRef): Promise<string[]> {
    if (!ref.index) return chunkKeys(incidentKey, ref);
    const head = await headOf(ref);
    // An index already gone took its keys with it: the chunks numbered by generation are all that can be named.
    if (!head) return [...chunkKeys(incidentKey, { generation: ref.generation, chunks: ref.chunks }), ref.index];
    const table = await chunkTable(incidentKey, ref);
    const extra = isHead(head) ? [...head.segments.map((s) => s.key), head.detail] : [];
    return [...(table?.keys ?? []), ...extra, ref.index];
  }

  /** Keys of `ref` that `other` does not also point at. */
  async function keysNotIn(incidentKey: string, ref: PulledRef, other: PulledRef | null | undefined): Promise<string[]> {
    const shared = new Set(other ? await storedKeys(incidentKey, other) : []);
    return (await storedKeys(incidentKey, ref)).filter((k) => !shared.has(k));
  }

  /** The keys of the chunks numbered in `numbers`, reading only the segments that hold them. */
  async function keysOf(incidentKey: string, ref: PulledRef, numbers: readonly number[]): Promise<string[]> {
    if (ref.keys || !ref.index) return numbers.map((n) => chunkKeys(incidentKey, ref)[n]);
    const head = await headOf(ref);
    if (!head) throw new Error(`Timeline storage is incomplete for ${incidentKey} (its index is missing)`);
    if (!isHead(head)) return numbers.map((n) => head.keys[n]);
    const need = [...new Set(numbers.filter((n) => !(n === 0 && head.first)).map((n) => Math.floor(n / SEGMENT_CHUNKS)))];
    const parts = new Map(
      (
        await readSegments(
          incidentKey,
          need.map((i) => head.segments[i].key),
        )
      ).map((p, i) => [need[i], p]),
    );
    return numbers.map((n) => (n === 0 && head.first ? head.first : parts.get(Math.floor(n / SEGMENT_CHUNKS))!.keys[n % SEGMENT_CHUNKS]));
  }

  return {
    async load(incidentKey) {
      const review = (await kvs.entity<StoredTimeline>(ENTITY).get(incidentKey)) ?? null;
      const key = review?.state.pulled.index;
      if (review && !key && review.state.digest && review.state.pulled.bounds) {
        // Stored with its digest on the review, before indexes: a head worked out in hand.
        const { pulled, digest, issueTypes } = review.state;
        const head: PullHead = {
          format: 2,
          first: chunkKeys(incidentKey, pulled)[0] ?? null,
          starts: pulled.bounds!.slice(1).map((b) => b.first),
          segments: [],
          detail: '',
          digest: digestHead(digest, incidentKey, issueTypes),
        };
        return { ...review, state: { ...review.state, pulled: { ...pulled, head } } };
      }
      if (!review || !key) return review;
      const index = await kvs.get<PullHead | PulledIndex>(key);
      if (!index) throw new Error(`Timeline storage is incomplete for ${incidentKey} (its index is missing)`);
      if (isHead(index)) {
        return {
          ...review,
          state: { ...review.state, pulled: { ...review.state.pulled, head: index }, issueTypes: index.digest.issueTypes },
        };
      }
      // Stored before heads: the whole index is in hand, and a head is worked out from it.
      const { bounds, keys, hashes, digest, issueTypes } = index;
      const head: PullHead = {
        format: 2,
        first: keys[0] ?? null,
        starts: bounds.slice(1).map((b) => b.first),
        segments: [],
        detail: key,
        digest: digestHead(digest, incidentKey, issueTypes),
      };
      return { ...review, state: { ...review.state, pulled: { ...review.state.pulled, bounds, keys, hashes, head }, digest, issueTypes } };
    },

    async loadDetail(review) {
      const { digest, issueTypes, pulled } = review.state;
      // In hand after a pull, and for reviews stored before heads.
      if (digest) return { digest, issueTypes };
      if (!pulled.head) throw new Error(`The timeline of ${review.incidentKey} has no stored digest`);
      const detail = await kvs.get<PullMeta>(pulled.head.detail);
      if (!detail) throw new Error(`Timeline storage is incomplete for ${review.incidentKey} (its digest is missing)`);
      return detail;
    },

    async chunkBounds(incidentKey, ref, near) {
      if (ref.bounds) return { offset: 0, bounds: ref.bounds, end: null };
      const head = await headOf(ref);
      if (!head) return { offset: 0, bounds: [], end: null };
      if (!isHead(head)) return { offset: 0, bounds: head.bounds, end: null };
      // The last segment starting at or before `near`.
      let i = 0;
      if (near) while (i + 1 < head.segments.length && compareEntries(head.segments[i + 1].first, near) <= 0) i++;
      if (head.segments.length === 0) return { offset: 0, bounds: [], end: null };
      const [segment] = await readSegments(incidentKey, [head.segments[i].key]);
      return { offset: i * SEGMENT_CHUNKS, bounds: segment.bounds, end: head.segments[i + 1]?.first ?? null };
    },

    async loadPulled(incidentKey, ref, only) {
      const numbers = only
        ? [...new Set(only)].filter((n) => n >= 0 && n < ref.chunks).sort((a, b) => a - b)
        : Array.from({ length: ref.chunks }, (_, n) => n);
      const keys = only
        ? await keysOf(incidentKey, ref, numbers)
        : ((await chunkTable(incidentKey, ref))?.keys ?? chunkKeys(incidentKey, ref));
      const parts: PulledEntry[][] = new Array<PulledEntry[]>(keys.length);
      for (let i = 0; i < keys.length; i += GET_BATCH) {
        const slice = keys.slice(i, i + GET_BATCH);
        const res = await kvs.batchGet<PulledEntry[]>(slice.map((key) => ({ key })));
        for (const item of res.successfulKeys) parts[keys.indexOf(item.key)] = item.value ?? [];
        if (res.failedKeys.length > 0)
          throw new Error(`Timeline storage is incomplete for ${incidentKey} (${res.failedKeys.length} chunk(s) unreadable)`);
      }
      return parts.flat();
    },

    async savePulled(incidentKey, generation, entries, replacing = null, meta) {
      // Kept in timeline order, so each chunk is one stretch of the timeline and a page reads only its own.
      const chunks = chunkStably(sortEntries(entries), CHUNK_BYTES, MIN_CHUNK_BYTES, (e) => e.id);
      const hashes = chunks.map(hashOf);
      // A chunk whose content the replaced pull already stored keeps that key: nothing to write.
      const previous = new Map<string, string>();
      const before = replacing ? await chunkTable(incidentKey, replacing) : null;
      if (before) before.hashes.forEach((h, i) => previous.set(h, before.keys[i]));
      const keys = hashes.map((h, n) => previous.get(h) ?? chunkKey(incidentKey, generation, n));
      const fresh: { key: string; value: unknown }[] = chunks.flatMap((value, n) =>
        previous.has(hashes[n]) ? [] : [{ key: keys[n], value }],
      );
      const key = (e: PulledEntry) => ({ at: e.at, id: e.id });
      const bounds = chunks.map((c) => ({ first: key(c[0]), last: key(c[c.length - 1]) }));
      let index: string | undefined;
      let head: PullHead | undefined;
      if (meta) {
        // What the replaced pull stored under the same content is already there: write only what is new.
        const kept = new Set(replacing ? await storedKeys(incidentKey, replacing) : []);
        const put = (k: string, value: unknown) => {
          if (!kept.has(k)) fresh.push({ key: k, value });
          return k;
        };
        const parts: { key: string; first: EntryKey }[] = [];
        for (let s = 0; s * SEGMENT_CHUNKS < chunks.length; s++) {
          const at = s * SEGMENT_CHUNKS;
          const value: Segment = {
            bounds: bounds.slice(at, at + SEGMENT_CHUNKS),
            keys: keys.slice(at, at + SEGMENT_CHUNKS),
            hashes: hashes.slice(at, at + SEGMENT_CHUNKS),
          };
          parts.push({ key: put(segmentKey(incidentKey, hashOf(value)), value), first: bounds[at].first });
        }
        const detail = put(detailKey(incidentKey, hashOf(meta)), meta);
        head = {
          format: 2,
          first: keys[0] ?? null,
          starts: [...bounds.slice(1, SEGMENT_CHUNKS).map((b) => b.first), ...(parts[1] ? [parts[1].first] : [])],
          segments: parts,
          detail,
          digest: digestHead(meta.digest, incidentKey, meta.issueTypes),
        };
        index = put(indexKey(incidentKey, hashOf(head)), head);
      }
      // Before the first chunk: a pull killed from here on leaves a record the scheduled job finds.
      const pending: PendingPull = {
        incidentKey,
        generation,
        chunks: chunks.length,
        keys: fresh.map((f) => f.key),
        // A replaced pull with an index is found through it: the record stays small at any size.
        replacing: replacing && {
          generation: replacing.generation,
          chunks: replacing.chunks,
          ...(replacing.index ? { index: replacing.index } : replacing.keys && { keys: replacing.keys }),
        },
        startedAt: Date.now(),
      };
      await kvs.set(pendingKey(incidentKey, generation), pending);
      for (let i = 0; i < fresh.length; i += SET_BATCH) {
        const res = await kvs.batchSet(fresh.slice(i, i + SET_BATCH));
        if (res.failedKeys.length > 0)
          throw new Error(`Could not store the timeline of ${incidentKey}: ${res.failedKeys[0]?.error.message ?? 'unknown error'}`);
      }
      return { generation, chunks: chunks.length, bounds, keys, hashes, ...(index && { index }), ...(head && { head }) };
    },

    async deletePulled(incidentKey, ref: PulledRef, kept = null) {
      await deleteKeys(await keysNotIn(incidentKey, ref, kept));
      await deleteKeys([pendingKey(incidentKey, ref.generation)]);
    },

    async retirePulled(incidentKey, committed, replaced) {
      if (replaced && replaced.generation !== committed.generation) await deleteKeys(await keysNotIn(incidentKey, replaced, committed));
      await deleteKeys([pendingKey(incidentKey, committed.generation)]);
    },

    async pendingPulls(limit) {
      const page = await kvs
        .query()
        .where('key', WhereConditions.beginsWith(PENDING_PREFIX))
        .limit(Math.min(100, Math.max(1, limit)))
        .getMany<PendingPull>();
      return page.results.map((r) => r.value);
    },

    async collectPulled(incidentKey, generations, pending, committed = null) {
      const doomed = (await Promise.all(generations.map((g) => keysNotIn(incidentKey, g, committed)))).flat();
      await deleteKeys([...new Set(doomed)]);
      await deleteKeys([pendingKey(incidentKey, pending.generation)]);
    },

    save: (review, expectedVersion) => saveVersioned(ENTITY, review.incidentKey, withoutIndexed(review), expectedVersion),
  };
}
