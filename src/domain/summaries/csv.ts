/** The table as CSV, in whole seconds, formula-safe. Part of the summary index (src/domain/summary-index.ts). */
import type { SummaryRow } from '../../contract';
import { wholeSeconds } from '../duration-format';
import { defuseFormula } from '../csv-cell';

/** Whole seconds, rounded as every surface shows them (duration-format); unknown stays an empty cell, never 0. */
function seconds(ms: number | null): string {
  return ms === null || !Number.isFinite(ms) ? '' : String(wholeSeconds(ms));
}

const CSV_COLUMNS: readonly (readonly [string, (r: SummaryRow) => string])[] = [
  ['Incident', (r) => r.incidentKey],
  ['Project', (r) => r.projectKey],
  ['Title', (r) => r.title],
  ['Severity', (r) => `Sev${r.severityLevel}`],
  ['Impact started', (r) => r.impactStartedAt ?? ''],
  ['TTA (seconds)', (r) => seconds(r.ttaMs)],
  ['TTR (seconds)', (r) => seconds(r.ttrMs)],
  ['Impact duration (seconds)', (r) => seconds(r.impactMs)],
  ['Customer impact', (r) => (r.customerImpact === null ? '' : r.customerImpact ? 'yes' : 'no')],
  ['Review status', (r) => r.status],
  ['Actions open', (r) => String(r.actionsOpen)],
  ['Actions overdue', (r) => String(r.actionsOverdue)],
  ['Actions closed', (r) => String(r.actionsClosed)],
  // Jira labels cannot contain spaces, so a space separates them unambiguously.
  ['Tags', (r) => r.tags.join(' ')],
  ['Confluence page', (r) => r.pageUrl ?? ''],
  ['Updated', (r) => (Number.isFinite(r.updatedAt) ? new Date(r.updatedAt).toISOString() : '')],
];

export const CSV_HEADER: readonly string[] = CSV_COLUMNS.map(([name]) => name);

/** The row's cells before quoting, in header order (already made formula-safe). */
export function csvCells(row: SummaryRow): string[] {
  return CSV_COLUMNS.map(([, cell]) => defuseFormula(cell(row)));
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double its quotes. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The table as RFC 4180 CSV: a header line, then one record per row, CRLF between records. */
export function toCsv(rows: readonly SummaryRow[]): string {
  return [CSV_HEADER.map(defuseFormula), ...rows.map(csvCells)].map((cells) => cells.map(quote).join(',')).join('\r\n');
}
