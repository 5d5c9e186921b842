import { useCallback, useEffect, useRef, useState } from 'react';
import { createPageHistory, type PageHistory, type PageLocation } from '../bridge';

/** An issue key as Jira writes it; anything else in the URL is ignored, never sent to a resolver. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/;

/** The incident a URL's query names for its printable summary (`?incident=INC-2`), or null. */
export function incidentOfSearch(search: string): string | null {
  const key = new URLSearchParams(search).get('incident');
  return key && ISSUE_KEY.test(key) ? key : null;
}

/** The query that opens `key`'s printable summary, keeping any other parameter the URL had. */
export function searchWithIncident(search: string, key: string | null): string {
  const params = new URLSearchParams(search);
  if (key) params.set('incident', key);
  else params.delete('incident');
  const text = params.toString();
  return text ? `?${text}` : '';
}

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
