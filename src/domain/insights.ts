import { addDays, format, parseISO } from 'date-fns';
import type { BacklogPoint, CountermeasureInsight, CountermeasurePolicy, InsightGroup, PolicyBreach, SummaryRow } from '../contract';
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABEL } from './factor-taxonomy';
import { median } from './summary-index';

/**
 * Insights across incidents for After Action Summaries (issue 17), over summary-index rows the
 * viewer may see. Pure: `today` (YYYY-MM-DD, UTC) comes in. An unknown TTA/TTR or date is left
 * out of a median, never counted as zero.
 */

const DAY_MS = 86_400_000;

function known(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

function group(key: string, label: string, rows: readonly SummaryRow[]): InsightGroup {
  return {
    key,
    label,
    incidents: rows.length,
    ttaMedianMs: median(known(rows.map((r) => r.ttaMs))),
    ttrMedianMs: median(known(rows.map((r) => r.ttrMs))),
  };
}

/**
 * One group per service named by any row, most incidents first (then by name). Names are matched
 * without regard to case or surrounding spaces ("Web " and "web" are one service); the label is
 * the spelling most rows use.
 */
export function byService(rows: readonly SummaryRow[]): InsightGroup[] {
  const groups = new Map<string, { rows: SummaryRow[]; spellings: Map<string, number> }>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const name of row.services ?? []) {
      const spelled = name.trim();
      const key = spelled.toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const g = groups.get(key) ?? { rows: [], spellings: new Map<string, number>() };
      g.rows.push(row);
      g.spellings.set(spelled, (g.spellings.get(spelled) ?? 0) + 1);
      groups.set(key, g);
    }
  }
  return [...groups.entries()]
    .map(([key, g]) => group(key, [...g.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0], g.rows))
    .sort((a, b) => b.incidents - a.incidents || a.label.localeCompare(b.label));
}

/** One group per factor category that any row has, in taxonomy order; an incident counts once per category. */
export function byFactorCategory(rows: readonly SummaryRow[]): InsightGroup[] {
  return FACTOR_CATEGORIES.map((c) =>
    group(
      c,
      FACTOR_CATEGORY_LABEL[c],
      rows.filter((r) => (r.factorCategories ?? []).includes(c)),
    ),
  ).filter((g) => g.incidents > 0);
}

/** Whole calendar days from one UTC day to another (both YYYY-MM-DD). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function countermeasureStats(rows: readonly SummaryRow[]): CountermeasureInsight {
  const items = rows.flatMap((r) => r.countermeasures ?? []);
  const done = items.filter((c) => c.done);
  const toClose = known(done.map((c) => (c.created !== null && c.closed !== null ? Math.max(0, daysFrom(c.created, c.closed)) : null)));
  return {
    total: items.length,
    done: done.length,
    open: items.length - done.length,
    notInJira: items.filter((c) => !c.done && c.subtaskKey === null).length,
    completionRate: items.length === 0 ? null : done.length / items.length,
    medianDaysToClose: median(toClose),
    closedDated: toClose.length,
  };
}

/** 'YYYY-MM' of the month after `month`. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The last day of a month (YYYY-MM-DD). */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Open countermeasures at the end of each month from `from`'s to `to`'s (never past today's; the
 * current month is counted at today). An item is open on a day when its sub-task was created on or
 * before it and not resolved by then. Items Jira does not date (not created yet, or done without a
 * resolution date) cannot be placed in time and are left out.
 */
export function backlogSeries(rows: readonly SummaryRow[], from: string, to: string, today: string): BacklogPoint[] {
  const items = rows.flatMap((r) => r.countermeasures ?? []).filter((c) => c.created !== null && (!c.done || c.closed !== null));
  const last = (to < today ? to : today).slice(0, 7);
  const points: BacklogPoint[] = [];
  for (let m = from.slice(0, 7); m <= last; m = nextMonth(m)) {
    const end = monthEnd(m) < today ? monthEnd(m) : today;
    points.push({ month: m, open: items.filter((c) => (c.created as string) <= end && (c.closed === null || c.closed > end)).length });
  }
  return points;
}

/** date-fns works on the local calendar; a day carried at local noon is the same day in every process time zone. */
const asLocalNoon = (day: string) => parseISO(`${day}T12:00:00`);

/** `day` + `days` (YYYY-MM-DD). */
export function plusDays(day: string, days: number): string {
  return format(addDays(asLocalNoon(day), days), 'yyyy-MM-dd');
}

/**
 * Open countermeasures older than their incident's severity allows: the policy clock starts when the
 * sub-task was created (for an item not in Jira yet, when the incident's impact started) and runs
 * the policy's days; past it by at least a day is a breach, whatever the item's own due date says.
 * Severities without a policy, and items with no start to count from, are never breaches.
 */
export function policyBreaches(
  rows: readonly SummaryRow[],
  policy: Pick<CountermeasurePolicy, 'dueDays'>,
  today: string,
  limit: number,
): { items: PolicyBreach[]; total: number } {
  const all: PolicyBreach[] = [];
  for (const r of rows) {
    const days = policy.dueDays[r.severityLevel];
    if (days === null) continue;
    for (const c of r.countermeasures ?? []) {
      if (c.done) continue;
      const since = c.created ?? (r.impactStartedAt ? r.impactStartedAt.slice(0, 10) : null);
      if (since === null) continue;
      const policyDue = plusDays(since, days);
      const daysPast = daysFrom(policyDue, today);
      if (daysPast < 1) continue;
      all.push({
        incidentKey: r.incidentKey,
        incidentTitle: r.title,
        severityLevel: r.severityLevel,
        subtaskKey: c.subtaskKey,
        since,
        policyDue,
        daysPast,
        dueDate: c.dueDate,
      });
    }
  }
  all.sort(
    (a, b) =>
      b.daysPast - a.daysPast || a.incidentKey.localeCompare(b.incidentKey) || (a.subtaskKey ?? '').localeCompare(b.subtaskKey ?? ''),
  );
  return { items: all.slice(0, Math.max(0, limit)), total: all.length };
}
