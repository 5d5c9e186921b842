import type { BacklogPoint, InsightGroup, PolicyBreach } from '../contract';
import { defuseFormula } from './csv-cell';

/**
 * The insights' data tables as CSV files (RFC 4180, CRLF), made in the browser from the answer
 * the viewer already has, so a file never holds more than the page showed. Pure: the Custom UI
 * imports it, and service names (free text) are made formula-safe like every other CSV cell.
 */

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((cells) => cells.map((c) => quote(defuseFormula(c === null ? '' : String(c)))).join(',')).join('\r\n');
}

/** Minutes with at most two decimals; unknown stays empty, never 0. */
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);

export function groupsCsv(first: string, groups: readonly InsightGroup[]): string {
  return toCsvText(
    [first, 'Incidents', 'TTA median (minutes)', 'TTR median (minutes)'],
    groups.map((g) => [g.label, g.incidents, minutes(g.ttaMedianMs), minutes(g.ttrMedianMs)]),
  );
}

export function backlogCsv(points: readonly BacklogPoint[]): string {
  return toCsvText(
    ['Month', 'Open countermeasures at month end'],
    points.map((p) => [p.month, p.open]),
  );
}

export function breachesCsv(items: readonly PolicyBreach[]): string {
  return toCsvText(
    ['Incident', 'Title', 'Severity', 'Sub-task', 'Since', 'Policy due', 'Days past policy', 'Own due date'],
    items.map((b) => [b.incidentKey, b.incidentTitle, `Sev${b.severityLevel}`, b.subtaskKey, b.since, b.policyDue, b.daysPast, b.dueDate]),
  );
}
