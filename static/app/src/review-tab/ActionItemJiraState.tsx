import type { ActionItem } from '../../../../src/contract';
import { InlineError } from '../components/InlineError';
import { Lozenge } from '../components/Lozenge';
import { StatusLozenge } from '../components/StatusLozenge';
import { TopLink } from '../components/TopLink';

interface ActionItemJiraStateProps {
  /** The item as last saved, with its sub-task; null while it exists only in the form. */
  saved: ActionItem | null;
  /** Why the last "Create/Update in Jira" failed for this item, if it did. */
  failure: string | null;
}

/** The item's sub-task in Jira: key, live status, overdue flag and the last sync error. */
export function ActionItemJiraState({ saved, failure }: ActionItemJiraStateProps) {
  const jira = saved?.jira ?? null;
  const error = failure ?? saved?.syncError ?? null;
  return (
    <div className="pir-item-jira">
      {jira ? (
        <>
          <span className="pir-item-jira__label pir-subtle">Sub-task</span>
          <TopLink href={jira.url} className="pir-link pir-item-jira__key">
            {jira.key}
          </TopLink>
          <StatusLozenge status={jira.status} />
        </>
      ) : (
        <span className="pir-subtle">{saved ? 'Not in Jira yet' : 'Not saved yet'}</span>
      )}
      {saved?.overdue && (
        <Lozenge appearance="removed" isBold>
          Overdue
        </Lozenge>
      )}
      {error && <InlineError>{`Jira: ${error}`}</InlineError>}
    </div>
  );
}
