import type { ActionItemConflict } from '../../../../src/contract';
import { Button } from '../components/Button';
import { SectionMessage } from '../components/SectionMessage';
import { conflictLabel, conflictValue } from '../review-model/conflict-text';

interface ActionItemConflictsProps {
  name: string;
  conflicts: readonly ActionItemConflict[];
  /** Settles one conflict; busy while a choice is being sent. */
  onSettle: (conflict: ActionItemConflict, keep: 'mine' | 'jira') => void;
  busy: boolean;
}

/**
 * Fields changed both here and in Jira since they last agreed: both values side by side, and the
 * user's choice. Until then neither side is written.
 */
export function ActionItemConflicts({ name, conflicts, onSettle, busy }: ActionItemConflictsProps) {
  if (conflicts.length === 0) return null;
  return (
    <SectionMessage
      appearance="warning"
      title={conflicts.length === 1 ? 'Changed here and in Jira' : `${conflicts.length} fields changed here and in Jira`}
    >
      <p>Neither value is sent anywhere until you choose.</p>
      <ul className="pir-item-conflicts">
        {conflicts.map((conflict) => {
          const label = conflictLabel(conflict);
          return (
            <li key={conflict.field} className="pir-item-conflict">
              <strong className="pir-item-conflict__field">{label}</strong>
              <dl className="pir-item-conflict__values">
                <div>
                  <dt>In this review</dt>
                  <dd>{conflictValue(conflict, 'app')}</dd>
                </div>
                <div>
                  <dt>In Jira</dt>
                  <dd>{conflictValue(conflict, 'jira')}</dd>
                </div>
              </dl>
              <div className="pir-item-conflict__actions">
                <Button
                  spacing="compact"
                  isDisabled={busy}
                  aria-label={`Keep mine: ${label.toLowerCase()} of ${name.toLowerCase()}`}
                  onClick={() => onSettle(conflict, 'mine')}
                >
                  Keep mine
                </Button>
                <Button
                  spacing="compact"
                  isDisabled={busy}
                  aria-label={`Use Jira's: ${label.toLowerCase()} of ${name.toLowerCase()}`}
                  onClick={() => onSettle(conflict, 'jira')}
                >
                  Use Jira&apos;s
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </SectionMessage>
  );
}
