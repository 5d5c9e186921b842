import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import type { EntryLoading } from '../hooks/usePagedEntries';

/** The rest of a large timeline arriving in the background: one quiet line, or why it stopped and "Try again". */
export function EntriesLoading({ loading }: { loading: EntryLoading }) {
  const { remaining, error, retry } = loading;
  if (remaining === 0) return null;
  const more = `${remaining.toLocaleString('en-US')} more ${remaining === 1 ? 'entry' : 'entries'}`;
  if (error) {
    return (
      <div className="pir-timeline__count" data-loading="failed">
        <InlineError>{`${more} did not load. ${error.message}`}</InlineError>
        <Button appearance="link" spacing="compact" onClick={retry}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    // Not a live region: the count changes with every page and would chatter; the heading's count is the news.
    <p className="pir-subtle pir-timeline__count" data-loading="entries">
      {`Loading ${more}…`}
    </p>
  );
}
