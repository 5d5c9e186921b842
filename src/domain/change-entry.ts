import type { EntrySource } from '../contract';
import type { SourceChange } from './sources';

/** How one changelog item reads on the timeline: its source kind and its text. */
export interface ChangeReading {
  source: EntrySource;
  text: string;
}

const NONE = 'none';

/**
 * Jira's changelog field names are case-sensitive ids: system fields are lower-case
 * ("status", "assignee"), links are "Link" and "RemoteIssueLink"; everything else is a field edit.
 * Link items carry Jira's own sentence ("This issue relates to SUP-1") in `to`/`from`.
 */
export function readChange(change: SourceChange): ChangeReading {
  const { from, to } = change;
  switch (change.field) {
    case 'status':
      return { source: 'status', text: `${from ?? NONE} → ${to ?? NONE}` };
    case 'assignee':
      return { source: 'assignment', text: to ? `Assigned to ${to}` : 'Unassigned' };
    case 'priority':
      return { source: 'priority', text: `Priority ${from ?? NONE} → ${to ?? NONE}` };
    case 'resolution':
      return { source: 'resolution', text: to ? `Resolution set to ${to}` : from ? `Resolution ${from} cleared` : 'Resolution cleared' };
    case 'Link':
      return { source: 'link', text: to ?? (from ? `Link removed: ${from}` : 'Link changed') };
    case 'RemoteIssueLink':
      return { source: 'remote-link', text: to ?? (from ? `Remote link removed: ${from}` : 'Remote link changed') };
    default:
      return { source: 'field', text: `${change.field}: ${from ?? NONE} → ${to ?? NONE}` };
  }
}

/**
 * Stable ids for changelog items: `change:<historyId>:<field>`; when one history changes the
 * same field more than once, the second and later items get `:2`, `:3`… in Jira's item order.
 */
export function changeIds(changes: readonly SourceChange[]): string[] {
  const seen = new Map<string, number>();
  return changes.map((c) => {
    const base = `change:${c.historyId}:${c.field}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  });
}
