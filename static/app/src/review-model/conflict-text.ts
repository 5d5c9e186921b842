import type { ActionItemConflict } from '../../../../src/contract';

const FIELD_LABEL: Record<ActionItemConflict['field'], string> = {
  summary: 'Summary',
  owner: 'Owner',
  dueDate: 'Due date',
  priority: 'Priority',
};

/** "Due date", "Owner"… for the field a conflict is about. */
export const conflictLabel = (conflict: ActionItemConflict): string => FIELD_LABEL[conflict.field];

/** One side of a conflict as words; an empty owner or due date says so instead of showing nothing. */
export function conflictValue(conflict: ActionItemConflict, side: 'app' | 'jira'): string {
  switch (conflict.field) {
    case 'owner': {
      const person = conflict[side];
      return person ? person.displayName : 'Unassigned';
    }
    case 'dueDate':
      return conflict[side] ?? 'No due date';
    default:
      return conflict[side];
  }
}
