import type { IssueStatus, StatusCategory } from '../../../../src/contract';
import { Lozenge, type LozengeAppearance } from './Lozenge';

// Jira colours statuses by category, not by name: to do grey, in progress blue, done green.
const APPEARANCE: Record<StatusCategory, LozengeAppearance> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

export function StatusLozenge({ status }: { status: IssueStatus }) {
  return (
    <Lozenge appearance={APPEARANCE[status.category]} title={status.name}>
      {status.name}
    </Lozenge>
  );
}
