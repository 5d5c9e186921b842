import { EmptyState } from '../components/EmptyState';
import { useAppContext } from '../hooks/useAppContext';

/** Confluence macro: will embed a live review; until reviews exist it says what will appear. */
export function ReviewMacro() {
  const issueKey = useAppContext().macro?.issueKey ?? null;
  if (!issueKey) {
    return (
      <EmptyState
        header="Choose an incident"
        description="Edit this macro and enter the Jira issue key of an incident; its post-incident review will be shown here."
      />
    );
  }
  return (
    <EmptyState
      header={`No review for ${issueKey} yet`}
      description={`Once a post-incident review of ${issueKey} is started in Jira, its summary, timeline and action items will appear here and stay up to date.`}
    />
  );
}
