import { addDays, format, parseISO } from 'date-fns';
import type { ActionItemInput, CountermeasurePolicy, PolicyDueDays, SeverityLevel } from '../contract';

/**
 * Countermeasure due-date policies (issue 17): a default due date by severity, applied to an
 * action item that has none when its sub-task is created, so Jira shows the date too. Pure.
 */

/** The app's defaults until a Jira admin changes them (Sev5 is a false alarm: no default). */
export const DEFAULT_DUE_DAYS: PolicyDueDays = { 1: 14, 2: 30, 3: 60, 4: 90, 5: null };
/** A policy may ask for at most a year (and at least a day). */
export const MAX_POLICY_DAYS = 365;

export const DEFAULT_POLICY: CountermeasurePolicy = { dueDays: DEFAULT_DUE_DAYS, updatedAt: null, updatedBy: null };

/** The due date the policy gives an item of a `severity` incident created on `today` (YYYY-MM-DD), or null. */
export function policyDueDate(policy: Pick<CountermeasurePolicy, 'dueDays'>, severity: SeverityLevel, today: string): string | null {
  const days = policy.dueDays[severity];
  if (days === null) return null;
  // date-fns works on the local calendar: a day carried at local noon is the same day in every time zone.
  return format(addDays(parseISO(`${today}T12:00:00`), days), 'yyyy-MM-dd');
}

/**
 * The items with the policy's date filled in where an item has no due date and no sub-task yet
 * (`synced` holds the ids that have one). An item already in Jira is left alone: a due date
 * cleared there was someone's choice and is not written over.
 */
export function withPolicyDueDates<T extends Pick<ActionItemInput, 'id' | 'dueDate'>>(
  items: readonly T[],
  synced: ReadonlySet<string>,
  due: string | null,
): T[] {
  if (due === null) return [...items];
  return items.map((item) => (item.dueDate === null && !synced.has(item.id) ? { ...item, dueDate: due } : item));
}
