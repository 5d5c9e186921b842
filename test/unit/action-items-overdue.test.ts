import { isOverdue } from '../../src/domain/action-items';

describe('isOverdue', () => {
  const today = '2026-11-21';

  it('flags an item whose due date has passed while its sub-task is not done', () => {
    expect(isOverdue('2026-11-20', 'new', today)).toBe(true);
    expect(isOverdue('2026-11-20', 'indeterminate', today)).toBe(true);
    expect(isOverdue('2025-12-31', 'new', today)).toBe(true);
  });

  it('flags a past-due item that has no sub-task yet', () => {
    expect(isOverdue('2026-11-01', null, today)).toBe(true);
  });

  it('does not flag an item due today or later', () => {
    expect(isOverdue('2026-11-21', 'new', today)).toBe(false);
    expect(isOverdue('2026-11-22', null, today)).toBe(false);
    expect(isOverdue('2027-01-01', 'indeterminate', today)).toBe(false);
  });

  it('does not flag a done sub-task, however late', () => {
    expect(isOverdue('2026-01-01', 'done', today)).toBe(false);
  });

  it('does not flag an item without a due date', () => {
    expect(isOverdue(null, 'new', today)).toBe(false);
    expect(isOverdue(null, null, today)).toBe(false);
  });
});
