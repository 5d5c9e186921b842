import type { StatusCategory } from '../contract';

/**
 * An action item is overdue when its due date has passed (`today` is later) and its sub-task is
 * not done, or not created at all (status unknown). Due today is not overdue yet. Dates are
 * calendar dates (YYYY-MM-DD), so string order is date order; `today` is the caller's, in the
 * viewer's time zone.
 */
export function isOverdue(dueDate: string | null, statusCategory: StatusCategory | null, today: string): boolean {
  if (dueDate === null || statusCategory === 'done') return false;
  return dueDate < today;
}
