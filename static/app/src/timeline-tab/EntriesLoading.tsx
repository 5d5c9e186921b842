import { useEffect, useRef } from 'react';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import type { EntryLoading } from '../hooks/usePagedEntries';

interface EntriesLoadingProps {
  loading: EntryLoading;
  /** Load the next page when this line scrolls into view (the panel); the macro loads only when asked. */
  auto?: boolean;
}

/**
 * The rest of a large timeline, loaded on demand: "N more entries" with "Load more entries" (and, in the
 * panel, the next page as the reader reaches the end), or why it stopped and "Try again".
 */
export function EntriesLoading({ loading, auto = false }: EntriesLoadingProps) {
  const { remaining, error, retry, busy, more } = loading;
  const line = useRef<HTMLDivElement>(null);
  const waiting = remaining > 0 && !busy && !error;

  useEffect(() => {
    const target = line.current;
    if (!auto || !waiting || !target || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((s) => s.isIntersecting)) more();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [auto, waiting, more]);

  if (remaining === 0) return null;
  const count = `${remaining.toLocaleString('en-US')} more ${remaining === 1 ? 'entry' : 'entries'}`;
  if (error) {
    return (
      <div className="pir-timeline__count" data-loading="failed">
        <InlineError>{`${count} did not load. ${error.message}`}</InlineError>
        <Button appearance="link" spacing="compact" onClick={retry}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    // Not a live region: the count changes with every page and would chatter; the heading's count is the news.
    <div ref={line} className="pir-subtle pir-timeline__count" data-loading={busy ? 'entries' : 'more'}>
      {busy ? (
        `Loading… ${count} to go`
      ) : (
        <>
          <span>{count}</span>{' '}
          <Button appearance="link" spacing="compact" onClick={more}>
            Load more entries
          </Button>
        </>
      )}
    </div>
  );
}
