import type { ActionSyncResult } from '../../../../src/contract';
import { SectionMessage } from '../components/SectionMessage';
import { syncSummary } from '../review-model/sync-summary';

interface SyncResultMessageProps {
  result: ActionSyncResult;
  /** "Action item 2: Add alerting on queue depth" for a failed item id. */
  nameOf: (itemId: string) => string;
}

/** What "Create in Jira" did: counts, and each failure by item (the rest went through). */
export function SyncResultMessage({ result, nameOf }: SyncResultMessageProps) {
  const failed = result.failed.length > 0;
  return (
    <SectionMessage
      appearance={failed ? 'warning' : 'success'}
      title={failed ? 'Some action items did not reach Jira' : 'Jira is up to date'}
    >
      <p>{syncSummary(result)}</p>
      {failed && (
        <ul className="pir-sync-failures">
          {result.failed.map((failure) => (
            <li key={failure.itemId}>
              <strong>{nameOf(failure.itemId)}</strong>: {failure.message}
            </li>
          ))}
        </ul>
      )}
    </SectionMessage>
  );
}
