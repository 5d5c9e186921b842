import type { Annotation, EntryKey, KeyMomentName, SeverityLevel } from '../contract';
import { AppFailure } from '../domain/app-error';
import type { PulledEntry } from '../domain/timeline-build';

/** Where a review's pulled Jira entries live: a generation of chunk keys, swapped atomically by the meta write. */
export interface PulledRef {
  generation: string;
  chunks: number;
  /**
   * The first and last entry (timeline order) of each chunk, so a page reads only the chunks it
   * spans. Absent for pulls stored before it existed: those read every chunk.
   */
  bounds?: { first: EntryKey; last: EntryKey }[];
}

/** Everything about a review except the pulled entries; small enough for one versioned entity write. */
export interface ReviewState {
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
}

/** A pull between writing its first chunk and settling; found by the scheduled job if it died. */
export interface PendingPull {
  incidentKey: string;
  generation: string;
  chunks: number;
  /** The committed generation this pull read and is to replace (null on a first pull). */
  replacing: { generation: string; chunks: number } | null;
  startedAt: number;
}

export interface StoredReview {
  incidentKey: string;
  projectKey: string;
  status: 'draft' | 'in-review' | 'published';
  version: number;
  updatedAt: number;
  state: ReviewState;
}

/** The review repository port; the KVS adapter implements it on Forge and the local site alike. */
export interface ReviewStore {
  load(incidentKey: string): Promise<StoredReview | null>;
  /** Every pulled entry, or only those of the chunks numbered in `chunks`. */
  loadPulled(incidentKey: string, ref: PulledRef, chunks?: readonly number[]): Promise<PulledEntry[]>;
  /**
   * Writes a new generation of pulled entries; not visible until a meta write points at it. A
   * small pending record (the generation, its chunk count and the generation it is to replace) is
   * written first, so a pull that dies anywhere after it leaves nothing `pendingPulls` cannot find.
   */
  savePulled(incidentKey: string, generation: string, entries: readonly PulledEntry[], replacing?: PulledRef | null): Promise<PulledRef>;
  /** Deletes a generation that was never committed, and its pending record. */
  deletePulled(incidentKey: string, ref: PulledRef): Promise<void>;
  /** After `committed` was switched to: deletes the generation it replaced and the pending record, in the same calls. */
  retirePulled(incidentKey: string, committed: PulledRef, replaced: PulledRef | null): Promise<void>;
  /** Pending records of pulls not yet settled (committed and retired, or deleted), at most `limit`. */
  pendingPulls(limit: number): Promise<PendingPull[]>;
  /** Deletes the chunks of `generations` of the incident and the pending record of `pending`. */
  collectPulled(incidentKey: string, generations: readonly PulledRef[], pending: PendingPull): Promise<void>;
  /**
   * Writes the review if its stored version is still `expectedVersion` (null: must not exist yet);
   * otherwise throws a ConflictError and writes nothing.
   */
  save(review: StoredReview, expectedVersion: number | null): Promise<void>;
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
