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
  /** Writes a new generation of pulled entries; not visible until a meta write points at it. */
  savePulled(incidentKey: string, generation: string, entries: readonly PulledEntry[]): Promise<PulledRef>;
  deletePulled(incidentKey: string, ref: PulledRef): Promise<void>;
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
