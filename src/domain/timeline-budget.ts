import type { TimelineEntry } from '../contract';

/**
 * Keeping a written-out timeline (the Confluence report's table, the Markdown export) inside a
 * byte budget. When everything fits — any ordinary incident — every entry is kept. Otherwise the
 * entries the facilitator worked on come first (annotated, marking a key moment, or added by
 * hand), then the others in time order until the budget is spent; the caller keeps time order
 * and says how many it left out.
 */

/** Whether the facilitator worked on the entry. */
export function curated(entry: TimelineEntry): boolean {
  const a = entry.annotation;
  return entry.source === 'manual' || a.kind !== undefined || a.phase !== undefined || a.impact !== undefined || a.moments.length > 0;
}

/** Which of `entries` fit in `budget`, given each one's written size: curated ones first. */
export function selectWithinBudget(entries: readonly TimelineEntry[], sizes: readonly number[], budget: number): boolean[] {
  const shown = entries.map(() => false);
  let left = budget;
  for (const wantCurated of [true, false]) {
    entries.forEach((entry, i) => {
      if (shown[i] || curated(entry) !== wantCurated || sizes[i] > left) return;
      shown[i] = true;
      left -= sizes[i];
    });
  }
  return shown;
}
