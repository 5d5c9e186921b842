import type { Severity, SeverityClass, SeverityLevel } from '../../../../src/contract';
import { formatDuration } from '../timeline-model/durations';

/** A table cell's text and what a screen reader says for it ("—" alone says nothing). */
export interface CellText {
  text: string;
  label: string;
}

/** A duration or, when unknown, a dash read as "unknown": never 0 (docs/DECISIONS.md#vocabulary). */
export function durationCell(ms: number | null): CellText {
  if (ms === null || !Number.isFinite(ms)) return { text: '—', label: 'unknown' };
  const text = formatDuration(ms);
  return { text, label: text };
}

export function customerImpactCell(affected: boolean | null): CellText {
  if (affected === null) return { text: '—', label: 'unknown' };
  return affected ? { text: 'Yes', label: 'Yes' } : { text: 'No', label: 'No' };
}

// docs/DECISIONS.md#vocabulary. The backend's severity module is runtime code the UI may not import, and a summary
// row carries only the level, so the lozenge's words are restated here.
const DESCRIPTION: Record<SeverityLevel, string> = {
  1: 'Complete outage',
  2: 'Major functionality broken or revenue affected',
  3: 'Minor problem',
  4: 'Redundant component failed',
  5: 'False alarm or unactionable alert',
};
const CLASS: Record<SeverityLevel, SeverityClass> = { 1: 'critical', 2: 'critical', 3: 'warning', 4: 'warning', 5: 'info' };

/** The Severity a lozenge needs, from a row's level. */
export function severityOfLevel(level: SeverityLevel): Severity {
  return { level, label: `Sev${level}`, class: CLASS[level], description: DESCRIPTION[level], source: 'default' };
}

/** `/browse/KEY` on the site, as Jira links issues. */
export function issueUrl(siteUrl: string, key: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;
}

/** "1 review", "3 reviews". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

function monthFormatter(locale: string, month: 'short' | 'long', year: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${month}|${year}`;
  let formatter = monthFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { month, ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' });
    monthFormatters.set(key, formatter);
  }
  return formatter;
}

function monthDate(month: string): Date | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** "March 2026" for "2026-03" (months are UTC in the contract); other text as given. */
export function monthName(month: string, locale: string): string {
  const date = monthDate(month);
  return date ? monthFormatter(locale, 'long', true).format(date) : month;
}

/**
 * Axis labels for the months `shown` picks (null for the others): the short month, with the
 * year under the first label and wherever the year changes since the previous label.
 */
export function axisMonthLabels(
  months: readonly string[],
  locale: string,
  shown: (i: number) => boolean,
): ({ month: string; year: string | null } | null)[] {
  let lastYear: number | null = null;
  return months.map((m, i) => {
    if (!shown(i)) return null;
    const date = monthDate(m);
    if (!date) return { month: m, year: null };
    const year = date.getUTCFullYear();
    const label = { month: monthFormatter(locale, 'short', false).format(date), year: year !== lastYear ? String(year) : null };
    lastYear = year;
    return label;
  });
}

/** "1 day overdue", "12 days overdue". */
export function overdueText(days: number): string {
  return `${plural(days, 'day')} overdue`;
}
