import { conflictLabel, conflictValue } from '../../static/app/src/review-model/conflict-text';

describe('an action item conflict in words', () => {
  it('names the field and shows each side, saying so when a side is empty', () => {
    const owner = { field: 'owner' as const, app: { accountId: 'a', displayName: 'Daniel Reyes' }, jira: null };
    expect([conflictLabel(owner), conflictValue(owner, 'app'), conflictValue(owner, 'jira')]).toStrictEqual([
      'Owner',
      'Daniel Reyes',
      'Unassigned',
    ]);
    const due = { field: 'dueDate' as const, app: null, jira: '2030-02-28' };
    expect([conflictLabel(due), conflictValue(due, 'app'), conflictValue(due, 'jira')]).toStrictEqual([
      'Due date',
      'No due date',
      '2030-02-28',
    ]);
    const priority = { field: 'priority' as const, app: 'Low', jira: 'Highest' };
    expect([conflictLabel(priority), conflictValue(priority, 'app'), conflictValue(priority, 'jira')]).toStrictEqual([
      'Priority',
      'Low',
      'Highest',
    ]);
  });
});
