import { useRef, useState } from 'react';
import type { TimelineEntry, TimelineView } from '../../../../src/contract';
import { invoke } from '../bridge';
import { usePagedEntries, type EntryLoading } from './usePagedEntries';

export interface FullTimeline {
  /** The view at the version the entries are at (read again if the review changed while loading). */
  view: TimelineView;
  /** Every entry here so far, in timeline order. */
  entries: readonly TimelineEntry[];
  loading: EntryLoading;
}

/** A read-only timeline (the Confluence macro): the view's first page at once, the other pages only when the reader asks for them. */
export function useFullTimeline(initial: TimelineView): FullTimeline {
  const [view, setView] = useState(initial);
  const latest = useRef(initial);
  const resetRef = useRef<(next: TimelineView) => void>(() => undefined);
  const paged = usePagedEntries(initial, {
    version: () => latest.current.version,
    onStale: async () => {
      const result = await invoke('timeline/get', { issueKey: latest.current.incidentKey });
      if (!result.started) return;
      latest.current = result;
      setView(result);
      resetRef.current(result);
    },
  });
  resetRef.current = paged.reset;
  return { view, entries: paged.entries, loading: paged.loading };
}
