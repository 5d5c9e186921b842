/**
 * Timeline order: by instant, then by id so equal times always sort the same way. Times are
 * compared as instants, not strings, because manual entries may be typed with an offset
 * (`20:46:30+02:00`) while Jira's are UTC; an unreadable time sorts after every readable one.
 */
export function compareEntries(a: { at: string; id: string }, b: { at: string; id: string }): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  const byTime = Number.isNaN(ta) || Number.isNaN(tb) ? Number(Number.isNaN(ta)) - Number(Number.isNaN(tb)) : ta - tb;
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortEntries<T extends { at: string; id: string }>(entries: readonly T[]): T[] {
  return [...entries].sort(compareEntries);
}
