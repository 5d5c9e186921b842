/** What a page load works out from the rows it read: filter, sort, page, and the overdue countermeasures. Part of the summary index (src/domain/summary-index.ts). */
import type { OverdueCountermeasure, SummaryRow, SummarySortKey } from '../../contract';
import { compareNullsLast, instant } from './values';

export type SortKey = SummarySortKey;

/**
 * Bounds are ISO instants or UTC dates, both inclusive: `to: '2026-10-31'` covers that whole day.
 * An empty `severities`/`projects` list means "any". With a date bound set, rows whose impact
 * start is unknown are left out (they are in no range); a bound that cannot be read matches nothing.
 */
export interface SummaryFilter {
  from?: string;
  to?: string;
  severities?: number[];
  projects?: string[];
  tag?: string;
  status?: string;
  hasOverdue?: boolean;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function filterRows(rows: readonly SummaryRow[], f: SummaryFilter): SummaryRow[] {
  const from = f.from === undefined ? undefined : instant(f.from);
  // A date-only `to` means "through the end of that day".
  const toStart = f.to === undefined ? undefined : instant(f.to);
  const toEnd = toStart == null ? toStart : DATE_ONLY.test(f.to ?? '') ? toStart + DAY_MS - 1 : toStart;
  return rows.filter((r) => {
    if (from !== undefined || toEnd !== undefined) {
      const at = instant(r.impactStartedAt);
      if (at === null || from === null || toEnd === null) return false;
      if (from !== undefined && at < from) return false;
      if (toEnd !== undefined && at > toEnd) return false;
    }
    if (f.severities?.length && !f.severities.includes(r.severityLevel)) return false;
    if (f.projects?.length && !f.projects.includes(r.projectKey)) return false;
    if (f.tag !== undefined && f.tag !== '' && !r.tags.includes(f.tag)) return false;
    if (f.status !== undefined && f.status !== '' && r.status !== f.status) return false;
    if (f.hasOverdue !== undefined && r.actionsOverdue > 0 !== f.hasOverdue) return false;
    return true;
  });
}

function sortValue(row: SummaryRow, key: SortKey): number | null {
  const v = key === 'impactStartedAt' ? instant(row.impactStartedAt) : row[key];
  return v !== null && Number.isFinite(v) ? v : null;
}

/** Stable: equal values keep their input order. Unknown values are last in both directions. */
export function sortRows(rows: readonly SummaryRow[], key: SortKey, dir: 'asc' | 'desc'): SummaryRow[] {
  return [...rows].sort((a, b) => compareNullsLast(sortValue(a, key), sortValue(b, key), dir));
}

/**
 * Page `page` (1-based) of `size` items. `page` and `size` are taken as whole numbers ≥ 1;
 * a page past the last is empty (it says so rather than silently showing another page).
 */
export function pageRows<T>(rows: readonly T[], page: number, size: number): { items: T[]; total: number; pages: number } {
  const s = Math.max(1, Math.floor(Number.isFinite(size) ? size : 1));
  const p = Math.max(1, Math.floor(Number.isFinite(page) ? page : 1));
  return { items: rows.slice((p - 1) * s, p * s), total: rows.length, pages: Math.ceil(rows.length / s) };
}

/** The row with `actionsOverdue` counted against `today` (YYYY-MM-DD): due strictly before today. */
export function withOverdue(row: SummaryRow, today: string): SummaryRow {
  return { ...row, actionsOverdue: row.openDueDates.filter((d) => d < today).length };
}

/** Whole days from `due` to `today` (both YYYY-MM-DD). */
function daysBetween(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY_MS);
}

/**
 * Overdue countermeasures of `rows`, most overdue first (then incident key), at most `limit`;
 * `total` counts every overdue item, including those a row keeps only as a due date.
 */
export function overdueList(rows: readonly SummaryRow[], today: string, limit: number): { items: OverdueCountermeasure[]; total: number } {
  const items: OverdueCountermeasure[] = [];
  let total = 0;
  for (const r of rows) {
    total += r.openDueDates.filter((d) => d < today).length;
    for (const i of r.openItems) {
      if (i.dueDate === null || i.dueDate >= today) continue;
      items.push({
        ...i,
        incidentKey: r.incidentKey,
        incidentTitle: r.title,
        severityLevel: r.severityLevel,
        daysOverdue: daysBetween(i.dueDate, today),
      });
    }
  }
  items.sort((a, b) => b.daysOverdue - a.daysOverdue || a.incidentKey.localeCompare(b.incidentKey) || a.summary.localeCompare(b.summary));
  return { items: items.slice(0, Math.max(0, limit)), total };
}
