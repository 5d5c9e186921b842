import type { PendingPull, PulledRef, TimelineStore } from '../storage/timeline-store';
import { logger } from '../logger';

/**
 * Deletes timeline chunks no committed review points at (issue 12: no orphans). A pull writes a
 * pending record before its first chunk and removes it once settled; a record still there after
 * the longest invocation Forge runs (15 minutes) belongs to a pull that died: its generation, if
 * never committed, and the generation it was to replace, if no longer committed, are deleted.
 * A younger record is left alone: its pull may be about to commit.
 */
export const PENDING_GRACE_MS = 15 * 60_000;
/** Records read per run (one query); settled per run at most `limit`. */
const RECORDS_READ = 100;

export interface OrphanSweepDeps {
  reviews: Pick<TimelineStore, 'load' | 'pendingPulls' | 'collectPulled'>;
  now(): Date;
}

export interface OrphanSweepResult {
  /** Dead pulls settled this run. */
  settled: number;
  /** Generations of chunks deleted, and their chunks. */
  generations: number;
  chunks: number;
  failed: number;
}

/**
 * The generations of a dead pull that nothing points at: never the one the review is committed
 * to. A pull that reused unchanged chunks names only the keys it wrote; the store also keeps every
 * key the committed ref points at, whichever generation it came from.
 */
export function doomedGenerations(pending: PendingPull, committed: string | null): PulledRef[] {
  // The keys it wrote (its chunks and its index) are all in `keys`.
  const own: PulledRef = {
    generation: pending.generation,
    chunks: pending.keys?.length ?? pending.chunks,
    ...(pending.keys && { keys: pending.keys }),
  };
  return [own, pending.replacing].filter((g): g is PulledRef => g !== null && g.generation !== committed);
}

export async function sweepOrphanedPulls(deps: OrphanSweepDeps, limit = 25): Promise<OrphanSweepResult> {
  const nowMs = deps.now().getTime();
  const dead = (await deps.reviews.pendingPulls(RECORDS_READ)).filter((p) => nowMs - p.startedAt > PENDING_GRACE_MS).slice(0, limit);
  const result: OrphanSweepResult = { settled: 0, generations: 0, chunks: 0, failed: 0 };
  for (const pending of dead) {
    try {
      const review = await deps.reviews.load(pending.incidentKey);
      const doomed = doomedGenerations(pending, review?.state.pulled.generation ?? null);
      await deps.reviews.collectPulled(pending.incidentKey, doomed, pending, review?.state.pulled ?? null);
      result.settled++;
      result.generations += doomed.length;
      result.chunks += doomed.reduce((n, g) => n + g.chunks, 0);
    } catch (e) {
      result.failed++;
      logger.error('timeline.orphan-sweep-failed', {
        incidentKey: pending.incidentKey,
        generation: pending.generation,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return result;
}
