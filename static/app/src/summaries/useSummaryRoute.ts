import { useCallback, useEffect, useRef, useState } from 'react';
import { createPageHistory, type PageHistory, type PageLocation } from '../bridge';
import { incidentOfSearch, searchWithIncident } from './summary-route';

export interface SummaryRoute {
  /** The incident whose printable summary is open, or null for the list. */
  openKey: string | null;
  open: (key: string) => void;
  /** Back to the list: the browser's own Back when this page opened the summary, so history stays as one expects. */
  close: () => void;
}

/**
 * Which view of After Action Summaries is shown, kept in the product URL through Forge's
 * `view.createHistory()`: `?incident=KEY` is the printable summary of KEY, so its address can be
 * shared, and the browser's Back and Forward move between the list and a summary. Without a host
 * history (the call fails) the same state lives in memory.
 */
export function useSummaryRoute(): SummaryRoute {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const history = useRef<PageHistory | null>(null);
  // Whether the summary's history entry was pushed by this page (Back then pops it).
  const pushed = useRef(false);

  useEffect(() => {
    let current = true;
    let unlisten: (() => void) | undefined;
    void createPageHistory().then((h) => {
      if (!current || !h) return;
      history.current = h;
      setOpenKey(incidentOfSearch(h.location().search));
      unlisten = h.listen((location: PageLocation) => {
        const key = incidentOfSearch(location.search);
        if (!key) pushed.current = false;
        setOpenKey(key);
      });
    });
    return () => {
      current = false;
      unlisten?.();
    };
  }, []);

  const open = useCallback((key: string) => {
    setOpenKey(key);
    const h = history.current;
    if (!h) return;
    const here = h.location();
    h.push({ pathname: here.pathname, search: searchWithIncident(here.search, key) });
    pushed.current = true;
  }, []);

  const close = useCallback(() => {
    setOpenKey(null);
    const h = history.current;
    if (!h) return;
    if (pushed.current) {
      pushed.current = false;
      h.back();
      return;
    }
    const here = h.location();
    h.replace({ pathname: here.pathname, search: searchWithIncident(here.search, null) });
  }, []);

  return { openKey, open, close };
}
