import { useCallback, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationPatch, ResolverMap, TimelineChange, TimelineEntry, TimelineView } from '../../../../src/contract';
import { toAppRequestError, type AppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { applyPatch, withPending } from '../timeline-model/annotation-overlay';
import { usePagedEntries, type EntryLoading } from './usePagedEntries';

type WriteKey =
  | 'timeline/annotate'
  | 'timeline/manual/add'
  | 'timeline/manual/update'
  | 'timeline/manual/remove'
  | 'timeline/chat/import'
  | 'moments/set'
  | 'severity/set';

/** A write's payload without what the hook adds: the incident and the version last seen. */
export type WriteInput<K extends WriteKey> = Omit<ResolverMap[K]['payload'], 'issueKey' | 'version'>;

/** A change that met a newer version of the review: not applied, and offered again. */
export interface Conflict {
  /** What the user tried, e.g. "Impact of the entry at 14:05". */
  what: string;
  /** Applies the same change to the reloaded review; rejects with the AppRequestError. */
  reapply: () => Promise<void>;
}

export interface TimelineReview {
  /** Moments, metrics, severity and people (over the whole timeline) at the latest version; its `entries` are the first page only. */
  view: TimelineView;
  /** Every entry here so far, in timeline order, with optimistic annotations on top. */
  entries: TimelineEntry[];
  /** The rest of a large timeline arriving in the background. */
  loading: EntryLoading;
  conflict: Conflict | null;
  dismissConflict: () => void;
  /** Per-entry error of the last failed annotation. */
  entryErrors: ReadonlyMap<string, string>;
  annotate: (entryId: string, patch: AnnotationPatch, what: string) => void;
  /**
   * Runs a versioned write; rejects with the AppRequestError. On CONFLICT the view is reloaded
   * first; with `what` the review offers the change again, with null the caller does (a form
   * keeps what was typed and its own submit re-applies it).
   */
  write: <K extends WriteKey>(key: K, input: WriteInput<K>, what: string | null) => Promise<TimelineChange>;
  refresh: () => Promise<void>;
}

/**
 * The started review: one view, writes in sequence (each names the version the previous one
 * produced, so a user's own quick edits never conflict with each other), optimistic annotations.
 * The view carries the first page of entries; the rest loads in steps through the same queue as
 * the writes, so every page is read at the version the entries here are at, and a write's answer
 * patches the entries it changed wherever they are.
 */
export function useTimelineReview(initial: TimelineView): TimelineReview {
  const [view, setView] = useState(initial);
  const [pending, setPending] = useState<ReadonlyMap<string, Annotation>>(new Map());
  const [entryErrors, setEntryErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const latest = useRef(view);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pendingToken = useRef(new Map<string, number>());

  const commit = useCallback((next: TimelineView) => {
    latest.current = next;
    setView(next);
  }, []);

  const enqueue = useCallback(<T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.current.then(run, run);
    queue.current = result.catch(() => undefined);
    return result;
  }, []);

  /** Reads the review again (first page) and loads the rest anew; the caller runs it in the queue. */
  const reloadRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const paged = usePagedEntries(initial, {
    version: () => latest.current.version,
    step: enqueue,
    onStale: () => enqueue(() => reloadRef.current()),
  });
  const { reset, patch, current } = paged;
  reloadRef.current = async () => {
    const result = await invoke('timeline/get', { issueKey: latest.current.incidentKey });
    if (!result.started) return;
    commit(result);
    reset(result);
  };

  const write = useCallback(
    <K extends WriteKey>(key: K, input: WriteInput<K>, what: string | null): Promise<TimelineChange> =>
      enqueue(async () => {
        const current = latest.current;
        const payload = { ...input, issueKey: current.incidentKey, version: current.version } as unknown as ResolverMap[K]['payload'];
        try {
          const next: TimelineChange = await invoke<WriteKey>(key, payload);
          commit(next);
          patch(next);
          return next;
        } catch (error) {
          const failure = toAppRequestError(error);
          if (failure.code === 'CONFLICT') {
            // A failed reload leaves the conflict message standing; the next write meets the conflict again.
            await reloadRef.current().catch(() => undefined);
            if (what !== null) setConflict({ what, reapply: () => write(key, input, what).then(() => setConflict(null)) });
          }
          throw failure;
        }
      }),
    [commit, enqueue, patch],
  );

  const annotate = useCallback(
    (entryId: string, patch: AnnotationPatch, what: string) => {
      const base = current().find((entry) => entry.id === entryId);
      if (!base) return;
      const token = (pendingToken.current.get(entryId) ?? 0) + 1;
      pendingToken.current.set(entryId, token);
      setPending((map) => new Map(map).set(entryId, applyPatch(map.get(entryId) ?? base.annotation, patch)));
      setEntryErrors((map) => withoutKey(map, entryId));
      const settle = (error?: AppRequestError) => {
        // Only the latest edit of an entry clears its overlay; earlier answers leave it to that one.
        if (pendingToken.current.get(entryId) === token) setPending((map) => withoutKey(map, entryId));
        if (error && error.code !== 'CONFLICT') setEntryErrors((map) => new Map(map).set(entryId, `Not saved: ${error.message}`));
      };
      write('timeline/annotate', { entryId, patch, at: base.at }, what).then(
        () => settle(),
        (error: unknown) => settle(toAppRequestError(error)),
      );
    },
    [write, current],
  );

  const refresh = useCallback(
    () =>
      enqueue(async () => {
        const next = await invoke('timeline/refresh', { issueKey: latest.current.incidentKey });
        commit(next);
        reset(next);
      }),
    [commit, enqueue, reset],
  );

  // Already in timeline order (the backend's, kept by every merge): the overlay changes no time.
  const entries = useMemo(() => withPending(paged.entries, pending), [paged.entries, pending]);
  const dismissConflict = useCallback(() => setConflict(null), []);

  return { view, entries, loading: paged.loading, conflict, dismissConflict, entryErrors, annotate, write, refresh };
}

function withoutKey<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
