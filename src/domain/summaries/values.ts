/** Reading a row's values: instants and months from ISO text, and the order that puts unknown values last. Part of the summary index (src/domain/summary-index.ts). */

/** Epoch ms of an ISO instant, or null when missing or unreadable (never a guessed time). */
export function instant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** 'YYYY-MM' in UTC, so a row's shard does not depend on who saved it. */
export function monthOf(iso: string | null): string | null {
  const ms = instant(iso);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 7);
}

export function compareNullsLast(a: number | null, b: number | null, dir: 'asc' | 'desc'): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return dir === 'asc' ? a - b : b - a;
}
