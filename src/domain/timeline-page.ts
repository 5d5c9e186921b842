import type { EntryKey, EntryPaging, TimelineEntry } from '../contract';
import { compareEntries } from './timeline-order';
import { utf8Length } from './report/storage-xml';

/**
 * Timeline pages, cut by size rather than count: Forge functions run on AWS Lambda, whose
 * invocation answer is capped at 6 MB, and the large incident of docs/DECISIONS.md#performance is about 7 MB of
 * entries. A page is at most `rest` bytes of entry JSON (the first, which the view carries for
 * the first render, at most `first`), so an answer stays near a megabyte whatever the entries say.
 * A page always holds at least one entry: one entry alone (a comment is at most 32,767 characters
 * in Jira, a manual entry 10,000) is far below the cap.
 */
export interface PageBudget {
  first: number;
  rest: number;
}

export const PAGE_BUDGET: PageBudget = { first: 384 * 1024, rest: 768 * 1024 };

/** Bytes of text in UTF-8, as it travels (one implementation, shared with the storage-format writer). */
export { utf8Length };

/** What one entry adds to an answer: its JSON and the comma after it. */
export function entryBytes(entry: TimelineEntry): number {
  return utf8Length(JSON.stringify(entry)) + 1;
}

export const keyOf = (entry: Pick<TimelineEntry, 'at' | 'id'>): EntryKey => ({ at: entry.at, id: entry.id });

/**
 * The first page of a timeline (entries in timeline order) and where every later page starts.
 * Deterministic: the same entries give the same pages, which is what lets pages be fetched one
 * by one, or two at a time, from the same version.
 */
export function firstPage(
  entries: readonly TimelineEntry[],
  budget: PageBudget = PAGE_BUDGET,
): { entries: TimelineEntry[]; paging: EntryPaging } {
  const starts: number[] = [];
  let used = 0;
  let limit = budget.first;
  entries.forEach((entry, i) => {
    const size = entryBytes(entry);
    if (used > 0 && used + size > limit) {
      starts.push(i);
      used = 0;
      limit = budget.rest;
    }
    used += size;
  });
  return {
    entries: entries.slice(0, starts[0] ?? entries.length),
    paging: { total: entries.length, pageStarts: starts.map((i) => keyOf(entries[i])) },
  };
}

/** The whole timeline as one page: for use cases that read every entry (reports, export), never for an answer. */
export const wholeTimeline = (entries: readonly TimelineEntry[]): EntryPaging => ({ total: entries.length, pageStarts: [] });

/** Index of the first entry at or after `key` in timeline order (binary search). */
function lowerBound(entries: readonly TimelineEntry[], key: EntryKey): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(entries[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The entries from `from` (null: the first) up to, not including, `to` (null: to the end), at
 * most one page of them. Ranges are keys, not positions: an entry added or removed since the
 * caller read the page starts lands in, or drops out of, exactly one range. When the range
 * holds more than a page, `next` is where to go on.
 */
export function entryRange(
  entries: readonly TimelineEntry[],
  from: EntryKey | null,
  to: EntryKey | null,
  budget: number = PAGE_BUDGET.rest,
): { entries: TimelineEntry[]; next: EntryKey | null } {
  const start = from ? lowerBound(entries, from) : 0;
  const end = to ? Math.max(start, lowerBound(entries, to)) : entries.length;
  let used = 0;
  for (let i = start; i < end; i++) {
    used += entryBytes(entries[i]);
    if (i > start && used > budget) return { entries: entries.slice(start, i), next: keyOf(entries[i]) };
  }
  return { entries: entries.slice(start, end), next: null };
}

/** A stored chunk's first and last entry in timeline order. */
export interface ChunkBounds {
  first: EntryKey;
  last: EntryKey;
}

/**
 * The stored chunks a range needs (chunks hold consecutive stretches of the timeline): those
 * overlapping [from, to). An open-ended range takes at most `openLimit` chunks from its start;
 * `cutAt` is then where the next unread chunk begins, and entries from there on must be left
 * for a later page (manual entries, which are always at hand, included).
 */
export function chunksForRange(
  bounds: readonly ChunkBounds[],
  from: EntryKey | null,
  to: EntryKey | null,
  openLimit: number,
): { chunks: number[]; cutAt: EntryKey | null } {
  const chunks: number[] = [];
  for (let i = 0; i < bounds.length; i++) {
    if (from && compareEntries(bounds[i].last, from) < 0) continue;
    if (to && compareEntries(bounds[i].first, to) >= 0) break;
    if (!to && chunks.length >= openLimit) return { chunks, cutAt: bounds[i].first };
    chunks.push(i);
  }
  return { chunks, cutAt: null };
}
