import type { Db } from '../db';
import { jiraDate } from './dates';
import { userBean } from './user-serializer';

/** One changed field of a history entry (Jira's ChangeDetails). */
export interface ChangeItem {
  field: string;
  fieldId: string;
  fieldtype?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

interface HistoryRow {
  id: number;
  issue_id: number;
  author: string | null;
  created: number;
}
interface ItemRow {
  changelog_id: number;
  seq: number;
  field: string;
  field_id: string;
  fieldtype: string;
  from_value: string | null;
  from_string: string | null;
  to_value: string | null;
  to_string: string | null;
}
export interface History {
  id: number;
  issueId: number;
  author: string | null;
  created: number;
  items: ChangeItem[];
}

/** Records one history entry with its items; returns its id. Nothing is written when `items` is empty. */
export function recordChange(db: Db, issueId: number, author: string | null, at: number, items: readonly ChangeItem[]): number | undefined {
  if (items.length === 0) return undefined;
  const row = db.prepare('SELECT MAX(id) AS m FROM jira_changelogs').get() as { m: number | null };
  const id = row.m === null ? 10000 : row.m + 1;
  db.prepare('INSERT INTO jira_changelogs (id, issue_id, author, created) VALUES (?, ?, ?, ?)').run(id, issueId, author, at);
  const ins = db.prepare(`INSERT INTO jira_changelog_items
    (changelog_id, seq, field, field_id, fieldtype, from_value, from_string, to_value, to_string) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  items.forEach((it, seq) => ins.run(id, seq, it.field, it.fieldId, it.fieldtype ?? 'jira', it.from, it.fromString, it.to, it.toString));
  return id;
}

/** Histories of the given issues, oldest first (by created, then id). */
export function loadHistories(db: Db, issueIds: readonly number[]): History[] {
  if (issueIds.length === 0) return [];
  const out: History[] = [];
  for (let i = 0; i < issueIds.length; i += 500) {
    const chunk = issueIds.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    const hs = db.prepare(`SELECT * FROM jira_changelogs WHERE issue_id IN (${marks})`).all(...chunk) as HistoryRow[];
    const items = db
      .prepare(
        `SELECT i.* FROM jira_changelog_items i JOIN jira_changelogs c ON c.id = i.changelog_id
      WHERE c.issue_id IN (${marks}) ORDER BY i.changelog_id, i.seq`,
      )
      .all(...chunk) as ItemRow[];
    const byHistory = new Map<number, ChangeItem[]>();
    for (const it of items) {
      const list = byHistory.get(it.changelog_id) ?? [];
      list.push({
        field: it.field,
        fieldId: it.field_id,
        fieldtype: it.fieldtype,
        from: it.from_value,
        fromString: it.from_string,
        to: it.to_value,
        toString: it.to_string,
      });
      byHistory.set(it.changelog_id, list);
    }
    for (const h of hs) out.push({ id: h.id, issueId: h.issue_id, author: h.author, created: h.created, items: byHistory.get(h.id) ?? [] });
  }
  return out.sort((a, b) => a.created - b.created || a.id - b.id);
}

/** Jira's Changelog bean; `created` is Jira's date string unless `epochCreated` (bulk fetch). */
export function historyBean(db: Db, base: string, h: History, epochCreated = false): Record<string, unknown> {
  return {
    id: String(h.id),
    ...(h.author ? { author: userBean(db, base, h.author) } : {}),
    created: epochCreated ? h.created : jiraDate(h.created),
    items: h.items.map((it) => ({
      ...withoutNulls({
        field: it.field,
        fieldtype: it.fieldtype ?? 'jira',
        fieldId: it.fieldId,
        from: it.from,
        fromString: it.fromString,
        to: it.to,
      }),
      toString: it.toString ?? '',
    })),
  };
}

/**
 * The spec types ChangeDetails' from/to as plain (non-null) strings, so absent values are left
 * out rather than sent as null. `toString` is the exception: it is always sent ('' when absent),
 * because validators that look properties up through the prototype would see Object's toString.
 */
function withoutNulls(o: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Record<string, string>;
}
