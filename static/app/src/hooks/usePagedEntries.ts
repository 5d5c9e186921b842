import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineChange, TimelineEntry, TimelineView } from '../../../../src/contract';
import { toAppRequestError, type AppRequestError } from '../app-error';
import { invoke } from '../bridge';
import {
  loadRanges,
  mergeEntries,
  pageRanges,
  remainingCount,
  type FetchPage,
  type PageRange,
  type RangeLoad,
} from '../timeline-model/entry-pages';

export interface EntryLoading {
  /** Entries not here yet: 0 once the whole timeline is. */
  remaining: number;
  /** Why the last pages did not load; loading stopped there. */
  error: AppRequestError | null;
  /** Goes on from where loading stopped. */
  retry: () => void;
  /** Pages are on their way. */
  busy: boolean;
  /** Loads the next page (scrolling to the end, "Show more"). */
  more: () => void;
  /** Loads every page left (a search or a filter needs the whole timeline). */
  all: () => void;
}

export interface PagedEntries {
  /** The entries here so far, in timeline order: the first page at once, the rest as it comes. */
  entries: readonly TimelineEntry[];
  loading: EntryLoading;
  /** The entries here right now, for event handlers. */
  current: () => readonly TimelineEntry[];
  /** Starts again from a view just read (after a reload or a re-pull): its first page, then the rest. */
  reset: (view: TimelineView) => void;
  /** Applies a write's answer to the entries here, on whatever page they are. */
  patch: (change: Pick<TimelineChange, 'changed' | 'removed' | 'paging'>) => void;
}

interface PagedOptions {
  /** The version pages are asked at: the view the owner holds now. */
  version: () => number;
  /** Runs one loading step; the review passes its write queue. By default a step runs at once. */
  step?: RangeLoad['step'];
  /** A page answered CONFLICT: the review changed elsewhere. The owner reads the view again and calls `reset`; a rejection is shown with "Try again". */
  onStale: () => Promise<void>;
}

const runNow: RangeLoad['step'] = (run) => run();

/**
 * The timeline of a view that carries only its first page: the rest is fetched on demand (the
 * next page when the reader reaches the end or asks for more, every page when a search or a
 * filter needs them), never eagerly, so opening a large review costs one page of storage reads
 * (issue 13). Pages are merged in timeline order.
 */
export function usePagedEntries(initial: TimelineView, { version, step = runNow, onStale }: PagedOptions): PagedEntries {
  const issueKey = initial.incidentKey;
  const [entries, setEntries] = useState<readonly TimelineEntry[]>(initial.entries);
  const [total, setTotal] = useState(initial.paging.total);
  const [left, setLeft] = useState<readonly PageRange[]>(() => pageRanges(initial.paging));
  const [error, setError] = useState<AppRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const lastAsk = useRef<'next' | 'all'>('next');
  const entriesRef = useRef(entries);
  const leftRef = useRef(left);
  const token = useRef(0);
  const options = useRef({ version, step, onStale });
  options.current = { version, step, onStale };

  const put = useCallback((next: readonly TimelineEntry[]) => {
    entriesRef.current = next;
    setEntries(next);
  }, []);

  const load = useCallback(
    (how: 'next' | 'all') => {
      if (leftRef.current.length === 0) return;
      lastAsk.current = how;
      const mine = ++token.current;
      const fetchPage: FetchPage = (v, from, to) => invoke('timeline/entries', { issueKey, version: v, from, to });
      const wanted = how === 'all' ? leftRef.current : leftRef.current.slice(0, 1);
      const tail = leftRef.current.slice(wanted.length);
      setError(null);
      setBusy(true);
      loadRanges(wanted, {
        fetchPage,
        version: () => options.current.version(),
        live: () => token.current === mine,
        step: (run) => options.current.step(run),
        onStep: (more, rest) => {
          put(mergeEntries(entriesRef.current, more));
          leftRef.current = [...rest, ...tail];
          setLeft(leftRef.current);
        },
      })
        .then(() => {
          if (token.current === mine) setBusy(false);
        })
        .catch((failure: unknown) => {
          if (token.current !== mine) return;
          setBusy(false);
          const reason = toAppRequestError(failure);
          if (reason.code !== 'CONFLICT') return setError(reason);
          options.current.onStale().catch((again: unknown) => {
            if (token.current === mine) setError(toAppRequestError(again));
          });
        });
    },
    [issueKey, put],
  );

  const reset = useCallback(
    (view: TimelineView) => {
      // A load on its way belongs to the view before: it stops without a word.
      token.current++;
      setBusy(false);
      setError(null);
      put(view.entries);
      setTotal(view.paging.total);
      leftRef.current = pageRanges(view.paging);
      setLeft(leftRef.current);
    },
    [put],
  );

  const patch = useCallback(
    ({ changed, removed, paging }: Pick<TimelineChange, 'changed' | 'removed' | 'paging'>) => {
      put(mergeEntries(entriesRef.current, changed, removed));
      setTotal(paging.total);
    },
    [put],
  );

  useEffect(
    () => () => {
      token.current++;
    },
    [],
  );

  const more = useCallback(() => load('next'), [load]);
  const all = useCallback(() => load('all'), [load]);
  const retry = useCallback(() => load(lastAsk.current), [load]);
  const current = useCallback(() => entriesRef.current, []);
  return {
    entries,
    loading: { remaining: remainingCount(total, entries.length, left.length), error, retry, busy, more, all },
    current,
    reset,
    patch,
  };
}
