import type { Db } from '../db';
import { statusBean, statusOf, typeOf } from './beans';
import { workflowStatuses, type StatusDef } from './catalog';
import { recordChange, type ChangeItem } from './changelog';
import type { Ctx } from './http';
import type { IssueRow } from './store';

/**
 * Every status of an issue's workflow is reachable from any other (global transitions). A
 * transition's id is the target status id prefixed with `1` (e.g. `110002` → Investigating).
 */
export function transitionId(target: StatusDef): string {
  return `1${target.id}`;
}

export function transitionsFor(ctx: Ctx, row: IssueRow): Record<string, unknown>[] {
  const current = statusOf(row);
  return workflowStatuses(typeOf(row))
    .filter((s) => s.id !== current.id)
    .map((s) => ({
      id: transitionId(s),
      name: s.name,
      to: statusBean(ctx.base, s),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    }));
}

export function findTransition(row: IssueRow, id: string): StatusDef | undefined {
  return workflowStatuses(typeOf(row)).find((s) => transitionId(s) === id && s.id !== row.status_id);
}

/** Moves an issue to `target`, maintaining resolution and recording the changelog. */
export function moveStatus(db: Db, row: IssueRow, target: StatusDef, author: string | null, at: number): void {
  const from = statusOf(row);
  const items: ChangeItem[] = [
    { field: 'status', fieldId: 'status', from: from.id, fromString: from.name, to: target.id, toString: target.name },
  ];
  let resolved = row.resolved;
  const wasDone = from.category === 'done';
  const isDone = target.category === 'done';
  if (!wasDone && isDone) {
    resolved = at;
    items.push({ field: 'resolution', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' });
  } else if (wasDone && !isDone) {
    resolved = null;
    items.push({ field: 'resolution', fieldId: 'resolution', from: '10000', fromString: 'Done', to: null, toString: null });
  }
  const statusChanged = from.category !== target.category ? at : row.status_changed;
  db.prepare('UPDATE jira_issues SET status_id = ?, resolved = ?, status_changed = ?, updated = MAX(updated, ?) WHERE id = ?').run(
    target.id,
    resolved,
    statusChanged,
    at,
    row.id,
  );
  recordChange(db, row.id, author, at, items);
}
