import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useAction } from '../hooks/useAction';
import { useAppContext } from '../hooks/useAppContext';
import { formatShortDateTime } from '../timeline-model/zoned-time';

/** Re-pulls the timeline; annotations and manual entries are kept by the backend. */
export function RefreshFromJira({ pulledAt, refresh }: { pulledAt: string; refresh: () => Promise<void> }) {
  const { locale, timezone } = useAppContext();
  const { run, busy, error } = useAction(refresh);
  return (
    <div className="pir-refresh">
      <span className="pir-subtle pir-refresh__when" aria-live="polite">
        Pulled from Jira <time dateTime={pulledAt}>{formatShortDateTime(pulledAt, locale, timezone)}</time>
      </span>
      <Button spacing="compact" isLoading={busy} onClick={() => void run()}>
        {busy ? 'Refreshing…' : 'Refresh from Jira'}
      </Button>
      {error && <InlineError>{`Not refreshed. ${error.message}`}</InlineError>}
    </div>
  );
}
