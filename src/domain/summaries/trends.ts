/** Medians, means and the monthly trends of the charts. Part of the summary index (src/domain/summary-index.ts). */
import type { MonthTrend, SeverityLevel, SummaryRow } from '../../contract';
import { monthOf } from './values';

function known(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** 'YYYY-MM' of the month after `month`. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * One entry per month from the first to the last incident, oldest first; months without
 * incidents are included (zero counts, null durations) so a chart's time axis has no gaps.
 * Rows without an impact start belong to no month and are left out. Unknown TTA/TTR are
 * excluded from medians and means, never counted as 0; a month with none known has null.
 */
export function monthlyTrends(rows: readonly SummaryRow[]): MonthTrend[] {
  const byMonth = new Map<string, SummaryRow[]>();
  for (const r of rows) {
    const m = monthOf(r.impactStartedAt);
    if (m === null) continue;
    const bucket = byMonth.get(m);
    if (bucket) bucket.push(r);
    else byMonth.set(m, [r]);
  }
  const months = [...byMonth.keys()].sort();
  if (months.length === 0) return [];
  const trends: MonthTrend[] = [];
  for (let m = months[0]; m <= months[months.length - 1]; m = nextMonth(m)) {
    const rs = byMonth.get(m) ?? [];
    const tta = known(rs.map((r) => r.ttaMs));
    const ttr = known(rs.map((r) => r.ttrMs));
    const bySeverity: Record<SeverityLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const r of rs) bySeverity[r.severityLevel] += 1;
    trends.push({
      month: m,
      incidents: rs.length,
      bySeverity,
      ttaMedianMs: median(tta),
      ttaMeanMs: mean(tta),
      ttrMedianMs: median(ttr),
      ttrMeanMs: mean(ttr),
      actionsOpened: rs.reduce((n, r) => n + r.actionsOpen + r.actionsClosed, 0),
      actionsClosed: rs.reduce((n, r) => n + r.actionsClosed, 0),
    });
  }
  return trends;
}
