import type { Annotation, EntryKey, KeyMomentName, SeverityLevel } from '../contract';
import { AppFailure } from '../domain/app-error';
import type { PulledEntry } from '../domain/timeline-build';
import type { MarkedEntry, TimelineDigest } from '../domain/timeline-digest';
import type { TimelineHead } from '../domain/timeline-head';

/** Where a review's pulled Jira entries live: a generation of chunk keys, swapped atomically by the meta write. */
export interface PulledRef {
  generation: string;
  chunks: number;
  /**
   * The first and last entry (timeline order) of each chunk, so a page reads only the chunks it
   * spans. Absent for pulls stored before it existed: those read every chunk.
   */
  bounds?: { first: EntryKey; last: EntryKey }[];
  /**
   * Each chunk's storage key and content hash. A re-pull reuses the key of a chunk whose content
   * did not change (it may belong to an earlier generation), so a refresh writes only the chunks
   * that changed. Absent for pulls stored before it existed: their keys follow the generation.
   */
  keys?: string[];
  hashes?: string[];
  /**
   * The key of this pull's index: its chunk bounds, keys and hashes, digest and issue types, kept
   * apart from the review so an edit writes only the small review (issue 13). The store reads it
   * with the review and fills those fields in; absent on reviews stored before it existed.
   */
  index?: string;
  /** The pull's head (read with the review from `index`): what every open needs, at any incident size. */
  head?: PullHead;
}

/**
 * What a pull stores under its index key (issue 13, flat): a constant-size head read on every
 * open. Chunk bounds, keys and hashes live in segments of SEGMENT_CHUNKS chunks each, the whole
 * digest and the issue types in the detail key; an open reads neither, a page or an edit reads one
 * segment, and only a viewer who may not see some source (or moments the head does not hold)
 * reads the detail.
 */
export interface PullHead {
  format: 2;
  /** The first chunk's key (the first page), null when the pull stored no entry. */
  first: string | null;
  /**
   * Where the pages after the first start, as far as the head knows: the other chunks of the first
   * segment, then the second segment's first entry. A view lists these; the page at the last one
   * answers the starts of the pages after it.
   */
  starts: EntryKey[];
  /** Each segment's key and first entry, in order (segment i holds chunks i·SEGMENT_CHUNKS…). */
  segments: { key: string; first: EntryKey }[];
  /** The key of the whole digest and issue types (PullMeta). */
  detail: string;
  digest: TimelineHead;
}

/** The bounds of one segment's chunks: `offset` is the number of its first chunk, `end` where the next segment starts. */
export interface SegmentBounds {
  offset: number;
  bounds: { first: EntryKey; last: EntryKey }[];
  end: EntryKey | null;
}

/** What a pull stores beside its chunks, in its index (see PulledRef.index). */
export interface PullMeta {
  digest: TimelineDigest;
  issueTypes: Record<string, string>;
}

/** Everything about a review except the pulled entries; small enough for one versioned entity write. */
export interface TimelineState {
  createdAt: string;
  createdBy: string;
  pulledAt: string;
  pulled: PulledRef;
  /** Issue key → issue type, for moment defaults (first customer report = first Support request). */
  issueTypes: Record<string, string>;
  momentOverrides: Partial<Record<KeyMomentName, string>>;
  severityOverride: SeverityLevel | null;
  manual: PulledEntry[];
  annotations: Record<string, Annotation>;
  /** What views need of the pulled entries without reading them (set by every pull since issue 13). */
  digest?: TimelineDigest;
  /** Pulled entries marked with key moments, by id: where they are (kept by the pull and by each annotation). */
  marks?: Record<string, MarkedEntry>;
  /** Pulled entries with an annotation, by id, their text cut short (kept by the pull and by each annotation): the recovery plot's points. */
  annotated?: Record<string, PulledEntry>;
  /**
   * A fingerprint of what the last pull brought from Jira (its entries, the issues it read and
   * their types), before merging. A refresh that brings the same knows the stored pull already
   * holds it and reads no chunk (issue 13: a no-change refresh costs the same at any size).
   */
  pullFingerprint?: string;
}

/** A pull between writing its first chunk and settling; found by the scheduled job if it died. */
export interface PendingPull {
  incidentKey: string;
  generation: string;
  chunks: number;
  /** The keys this pull wrote (absent on records of pulls that wrote the whole generation). */
  keys?: string[];
  /** The committed generation this pull read and is to replace (null on a first pull). */
  replacing: { generation: string; chunks: number; keys?: string[]; index?: string } | null;
  startedAt: number;
}

export interface StoredTimeline {
  incidentKey: string;
  projectKey: string;
  status: 'draft' | 'in-review' | 'published';
  version: number;
  updatedAt: number;
  state: TimelineState;
}

/** The review repository port; the KVS adapter implements it on Forge and the local site alike. */
export interface TimelineStore {
  load(incidentKey: string): Promise<StoredTimeline | null>;
  /** The whole digest and issue types of the review's pull (the head holds only part of them). */
  loadDetail(review: StoredTimeline): Promise<PullMeta>;
  /** The bounds of the stored chunks around `near` (null: from the first): one segment's, or every chunk's for pulls stored before segments. */
  chunkBounds(incidentKey: string, ref: PulledRef, near: EntryKey | null): Promise<SegmentBounds>;
  /** Every pulled entry, or only those of the chunks numbered in `chunks`. */
  loadPulled(incidentKey: string, ref: PulledRef, chunks?: readonly number[]): Promise<PulledEntry[]>;
  /**
   * Writes a new generation of pulled entries; not visible until a meta write points at it. A
   * small pending record (the generation, its chunk count and the generation it is to replace) is
   * written first, so a pull that dies anywhere after it leaves nothing `pendingPulls` cannot find.
   */
  savePulled(
    incidentKey: string,
    generation: string,
    entries: readonly PulledEntry[],
    replacing?: PulledRef | null,
    meta?: PullMeta,
  ): Promise<PulledRef>;
  /** Deletes the chunks a pull that was never committed wrote (not those it shares with `kept`), and its pending record. */
  deletePulled(incidentKey: string, ref: PulledRef, kept?: PulledRef | null): Promise<void>;
  /** After `committed` was switched to: deletes the chunks of the generation it replaced that it does not share, and the pending record. */
  retirePulled(incidentKey: string, committed: PulledRef, replaced: PulledRef | null): Promise<void>;
  /** Pending records of pulls not yet settled (committed and retired, or deleted), at most `limit`. */
  pendingPulls(limit: number): Promise<PendingPull[]>;
  /** Deletes the chunks of `generations` of the incident that `committed` does not point at, and the pending record of `pending`. */
  collectPulled(incidentKey: string, generations: readonly PulledRef[], pending: PendingPull, committed?: PulledRef | null): Promise<void>;
  /**
   * Writes the review if its stored version is still `expectedVersion` (null: must not exist yet);
   * otherwise throws a ConflictError and writes nothing.
   */
  save(review: StoredTimeline, expectedVersion: number | null): Promise<void>;
}

export class ConflictError extends Error {
  constructor(readonly incidentKey: string) {
    super(`The review of ${incidentKey} was changed by someone else`);
    this.name = 'ConflictError';
  }
}

/** Runs a versioned write, turning a lost race into the CONFLICT the user sees with `message`. */
export async function savedOrConflict(write: () => Promise<void>, message: string): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (e instanceof ConflictError) throw new AppFailure('CONFLICT', message);
    throw e;
  }
}
