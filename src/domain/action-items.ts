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

/**
 * The fields an action item shares with its sub-task, each as one comparable value: the owner by
 * account id, the priority by name. Status is not here: it only ever flows from Jira.
 */
export const SYNCED_FIELDS = ['summary', 'owner', 'dueDate', 'priority'] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];
export type SyncedValues = Record<SyncedField, string | null>;
/** The values last agreed with Jira (written by the app or read back from the sub-task); a field is unknown when left out. */
export type SyncedBase = Partial<SyncedValues>;

/**
 * agreed: both sides hold the value; from-jira: only Jira changed it, so it flows into the item;
 * to-jira: only the app changed it, so it is written to the sub-task; conflict: both changed it
 * differently, so the user settles it and neither side is written.
 */
export type FieldOutcome = 'agreed' | 'from-jira' | 'to-jira' | 'conflict';

/**
 * The three-way merge of one field. `value` is what the item shows: Jira's when it flowed in,
 * the app's otherwise (in a conflict the app keeps its own and Jira keeps its own). An unknown
 * base cannot tell who changed what, so differing sides are a conflict.
 */
export function mergeField<T>(base: T | undefined, app: T, jira: T): { outcome: FieldOutcome; value: T } {
  if (app === jira) return { outcome: 'agreed', value: app };
  if (base !== undefined && app === base) return { outcome: 'from-jira', value: jira };
  if (base !== undefined && jira === base) return { outcome: 'to-jira', value: app };
  return { outcome: 'conflict', value: app };
}

export interface ItemMerge {
  outcomes: Record<SyncedField, FieldOutcome>;
  /** The item's values after Jira's changes flowed in. */
  values: SyncedValues;
  /** The new base, before anything is written: the agreed values, the old base elsewhere. */
  base: SyncedBase;
  /** Fields to write to Jira, in SYNCED_FIELDS order. */
  toJira: SyncedField[];
  conflicts: SyncedField[];
}

export function mergeItem(base: SyncedBase, app: SyncedValues, jira: SyncedValues): ItemMerge {
  const outcomes = {} as Record<SyncedField, FieldOutcome>;
  const values = {} as SyncedValues;
  const nextBase: SyncedBase = {};
  for (const f of SYNCED_FIELDS) {
    const m = mergeField(base[f], app[f], jira[f]);
    outcomes[f] = m.outcome;
    values[f] = m.value;
    const agreed = m.outcome === 'agreed' || m.outcome === 'from-jira';
    if (agreed) nextBase[f] = m.value;
    else if (base[f] !== undefined) nextBase[f] = base[f];
  }
  return {
    outcomes,
    values,
    base: nextBase,
    toJira: SYNCED_FIELDS.filter((f) => outcomes[f] === 'to-jira'),
    conflicts: SYNCED_FIELDS.filter((f) => outcomes[f] === 'conflict'),
  };
}
