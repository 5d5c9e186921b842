import type { EntryKey, EntryPage, EntryPaging, TimelineEntry } from '../../../../src/contract';
import { AppRequestError } from '../app-error';

/**
 * Assembling a timeline that comes in pages (a resolver answer stays near a megabyte: see
 * src/domain/timeline-page.ts). Pages are key ranges, so a page fetched after the user's own
 * write (whose answer patched the entries already here) neither repeats nor misses an entry.
 */

/** A page after the first, as 'timeline/entries' takes it. */
export interface PageRange {
  from: EntryKey;
  to: EntryKey | null;
}

/** The backend's timeline order (src/domain/timeline-order.ts): by instant, then id; an unreadable time last. */
export function compareEntries(a: EntryKey, b: EntryKey): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  const byTime = Number.isNaN(ta) || Number.isNaN(tb) ? Number(Number.isNaN(ta)) - Number(Number.isNaN(tb)) : ta - tb;
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The pages after the first one of a view. */
export function pageRanges(paging: EntryPaging): PageRange[] {
  return paging.pageStarts.map((from, i) => ({ from, to: paging.pageStarts[i + 1] ?? null }));
}

/** `entries` with `incoming` put in (replacing an entry of the same id) and `removed` taken out, in timeline order. */
export function mergeEntries(
  entries: readonly TimelineEntry[],
  incoming: readonly TimelineEntry[],
  removed: readonly string[] = [],
): TimelineEntry[] {
  if (incoming.length === 0 && removed.length === 0) return entries as TimelineEntry[];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const id of removed) byId.delete(id);
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()].sort(compareEntries);
}

/** Entries still to come: never 0 while a page is left (a count can lag a write by one). */
export function remainingCount(total: number, loaded: number, pagesLeft: number): number {
  return pagesLeft === 0 ? 0 : Math.max(1, total - loaded);
}

export const STALE_MESSAGE = 'This review changed while its timeline was loading.';

export type FetchPage = (version: number, from: EntryKey, to: EntryKey | null) => Promise<EntryPage>;

/**
 * Every entry of `range` at `version`: one answer, or a few when the range grew past a page
 * since the view was read (`next`). An answer at another version rejects with CONFLICT, and so
 * does a `next` that does not move forward (no endless loop on a confused answer).
 */
export async function fetchRange(fetchPage: FetchPage, range: PageRange, version: number): Promise<TimelineEntry[]> {
  return (await fetchPages(fetchPage, range, version)).entries;
}

/**
 * As `fetchRange`, and the ranges after it that the answer named: an open-ended range of a large
 * timeline answers its own page and where each later page starts (EntryPage.pageStarts), which
 * are then loaded as pages of their own, not followed to the end at once.
 */
export async function fetchPages(
  fetchPage: FetchPage,
  range: PageRange,
  version: number,
): Promise<{ entries: TimelineEntry[]; after: PageRange[] }> {
  const entries: TimelineEntry[] = [];
  let from = range.from;
  for (;;) {
    const page = await fetchPage(version, from, range.to);
    if (page.version !== version) throw new AppRequestError({ code: 'CONFLICT', message: STALE_MESSAGE });
    entries.push(...page.entries);
    if (range.to === null && page.pageStarts) {
      if (page.pageStarts.some((start) => compareEntries(start, from) <= 0))
        throw new AppRequestError({ code: 'INTERNAL', message: 'The timeline did not load: a page pointed back.' });
      return { entries, after: pageRanges({ total: 0, pageStarts: page.pageStarts }) };
    }
    if (!page.next) return { entries, after: [] };
    if (compareEntries(page.next, from) <= 0)
      throw new AppRequestError({ code: 'INTERNAL', message: 'The timeline did not load: a page pointed back.' });
    from = page.next;
  }
}

export interface RangeLoad {
  fetchPage: FetchPage;
  /** The version to ask for, read when a step starts. */
  version: () => number;
  /** False once a newer load replaced this one: it then stops without reporting anything. */
  live: () => boolean;
  /** Runs one step; the review passes its write queue, so no write of its own lands while a step's pages are on their way. */
  step: <T>(run: () => Promise<T>) => Promise<T>;
  /** A step's entries, and the ranges still left after it. */
  onStep: (entries: TimelineEntry[], left: readonly PageRange[]) => void;
}

/** How many pages are asked for at once: halves the wait without flooding the function. */
export const PARALLEL_PAGES = 2;

/** Fetches `ranges` PARALLEL_PAGES at a time; rejects with the first failure (the ranges left are the last `onStep`'s). */
export async function loadRanges(ranges: readonly PageRange[], load: RangeLoad): Promise<void> {
  let left = ranges;
  while (left.length > 0) {
    const stopped = await load.step(async () => {
      if (!load.live()) return true;
      const batch = left.slice(0, PARALLEL_PAGES);
      const version = load.version();
      const pages = await Promise.all(batch.map((range) => fetchPages(load.fetchPage, range, version)));
      if (!load.live()) return true;
      left = [...left.slice(batch.length), ...pages.flatMap((p) => p.after)];
      load.onStep(
        pages.flatMap((p) => p.entries),
        left,
      );
      return false;
    });
    if (stopped) return;
  }
}

/** The entries here, plus the view's annotated entries not loaded yet (the recovery plot draws every annotated entry, loaded or not). */
export function withAnnotated(
  entries: readonly TimelineEntry[],
  annotated: readonly TimelineEntry[] | undefined,
): readonly TimelineEntry[] {
  if (!annotated || annotated.length === 0) return entries;
  const here = new Set(entries.map((e) => e.id));
  const missing = annotated.filter((e) => !here.has(e.id));
  return missing.length === 0 ? entries : [...entries, ...missing].sort(compareEntries);
}
