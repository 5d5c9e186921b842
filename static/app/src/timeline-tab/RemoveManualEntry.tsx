import { useState } from 'react';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useAction } from '../hooks/useAction';

/** "Remove" with an inline confirmation; manual entries only (Jira entries are never dropped). */
export function RemoveManualEntry({ remove }: { remove: () => Promise<unknown> }) {
  const [confirming, setConfirming] = useState(false);
  const { run, busy, error } = useAction(remove);
  if (!confirming) {
    return (
      <Button appearance="subtle" spacing="compact" onClick={() => setConfirming(true)}>
        Remove
      </Button>
    );
  }
  return (
    <span className="pir-confirm" role="group" aria-label="Confirm removal">
      <span>Remove this entry?</span>
      <Button appearance="danger" spacing="compact" isLoading={busy} onClick={() => void run()} autoFocus>
        Remove
      </Button>
      <Button appearance="subtle" spacing="compact" onClick={() => setConfirming(false)}>
        Keep
      </Button>
      {error && error.code !== 'CONFLICT' && <InlineError>{`Not removed. ${error.message}`}</InlineError>}
    </span>
  );
}
