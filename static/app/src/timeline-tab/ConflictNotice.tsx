import { Button } from '../components/Button';
import { SectionMessage } from '../components/SectionMessage';
import { useAction } from '../hooks/useAction';
import type { Conflict } from '../hooks/useTimelineReview';

/** Someone else changed the review first: the latest version is shown, the change is offered again. */
export function ConflictNotice({ conflict, onDismiss }: { conflict: Conflict; onDismiss: () => void }) {
  const { run, busy, error } = useAction(conflict.reapply);
  return (
    <div className="pir-sticky-notice">
      <SectionMessage
        appearance="warning"
        title="Your change was not applied"
        actions={
          <>
            <Button appearance="link" isLoading={busy} onClick={() => void run()}>
              Apply my change again
            </Button>
            <Button appearance="link" onClick={onDismiss}>
              Dismiss
            </Button>
          </>
        }
      >
        <p>
          Someone else changed this review while you were editing, so your change ({conflict.what}) was not saved. The latest version is
          shown now.
        </p>
        {error && error.code !== 'CONFLICT' && <p>{`Still not applied: ${error.message}`}</p>}
      </SectionMessage>
    </div>
  );
}
