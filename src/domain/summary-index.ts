import type {
  ActionItem,
  DurationValue,
  FactorCategory,
  IncidentOverview,
  MonthTrend,
  OverdueCountermeasure,
  ReviewDoc,
  ReviewStatus,
  SeverityLevel,
  SummaryCountermeasure,
  SummaryOpenItem,
  SummaryRow,
  SummarySortKey,
  TimelineView,
} from '../contract';
import { wholeSeconds } from './duration-format';
import { FACTOR_CATEGORIES } from './factor-taxonomy';
import { defuseFormula } from './csv-cell';
import { projectOf } from './issue-key';

export { defuseFormula };

export type { MonthTrend, SummaryRow } from '../contract';
export type SortKey = SummarySortKey;

/**
 * The pre-aggregated index behind After Action Summaries (docs/DECISIONS.md#journeys, journey 6; docs/DECISIONS.md#performance; issue 6).
 * A review save upserts its row into one shard; a page load reads a constant number of shards
 * (one per month in view), never every review. Pure: times arrive as ISO strings or numbers.
 */

/** KVS allows 240 KiB per value; each stored part of a shard stays under this budget. */
export const SHARD_BUDGET_BYTES = 200 * 1024;
export const UNKNOWN_SHARD = 'unknown';

/** Epoch ms of an ISO instant, or null when missing or unreadable (never a guessed time). */
function instant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** 'YYYY-MM' in UTC, so a row's shard does not depend on who saved it. */
function monthOf(iso: string | null): string | null {
  const ms = instant(iso);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 7);
}

/**
 * The shard holding the row: the UTC half-month its impact started, named by its first day
 * ('2026-10-01' for the 1st–15th, '2026-10-16' for the rest), or 'unknown'. Half-months keep a
 * realistic load small: 10,000 reviews over two years is ~210 a half-month, ~60 KiB packed.
 */
export function shardOf(row: SummaryRow): string {
  const ms = instant(row.impactStartedAt);
  if (ms === null) return UNKNOWN_SHARD;
  const day = new Date(ms).toISOString().slice(0, 10);
  return `${day.slice(0, 8)}${Number(day.slice(8)) < 16 ? '01' : '16'}`;
}

/** The shards a date range touches, oldest first, so a page load reads only those. */
export function shardsBetween(fromIso: string, toIso: string): string[] {
  const from = instant(fromIso);
  const to = instant(toIso);
  if (from === null || to === null || from > to) return [];
  const shards: string[] = [];
  const d = new Date(from);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() < 16 ? 1 : 16);
  while (cursor <= to) {
    shards.push(new Date(cursor).toISOString().slice(0, 10));
    const c = new Date(cursor);
    cursor = c.getUTCDate() === 1 ? Date.UTC(c.getUTCFullYear(), c.getUTCMonth(), 16) : Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  return shards;
}

/** Newest impact first, unknown starts last, then by incident key so the order is total. */
function byImpactDesc(a: SummaryRow, b: SummaryRow): number {
  return compareNullsLast(instant(a.impactStartedAt), instant(b.impactStartedAt), 'desc') || a.incidentKey.localeCompare(b.incidentKey);
}

/** The shard with `row` replacing any row of the same incident, sorted newest impact first. */
export function upsertRow(shard: readonly SummaryRow[], row: SummaryRow): SummaryRow[] {
  return [...shard.filter((r) => r.incidentKey !== row.incidentKey), row].sort(byImpactDesc);
}

/** The shard without the incident's row: the caller's move when a row's shard changes. */
export function removeRow(shard: readonly SummaryRow[], incidentKey: string): SummaryRow[] {
  return shard.filter((r) => r.incidentKey !== incidentKey);
}

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


function compareNullsLast(a: number | null, b: number | null, dir: 'asc' | 'desc'): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return dir === 'asc' ? a - b : b - a;
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

// ---- Building rows from a review, and what is worked out on read ----

/** At most this many open countermeasures are kept per row for the overdue list (the counts cover all). */
export const OPEN_ITEMS_PER_ROW = 3;
/** An open item's summary is cut to this many characters in the index (the review keeps it whole). */
export const OPEN_ITEM_SUMMARY_CHARS = 80;

/** What the timeline side of a review contributes to its row. */
export interface TimelineFacts {
  title: string;
  severityLevel: SeverityLevel;
  impactStartedAt: string | null;
  ttaMs: number | null;
  ttrMs: number | null;
  impactMs: number | null;
  /** Set only when the incident's links were read (a repair from storage leaves the row's as they are). */
  linkedKeys?: string[];
}

/** Linked issues kept per row for related reviews: enough for real incidents, bounded for the shard. */
export const LINKED_KEYS_PER_ROW = 20;

/** What the review document contributes to its row. */
export interface DocFacts {
  status: ReviewStatus;
  customerImpact: boolean | null;
  tags: string[];
  actionsOpen: number;
  actionsClosed: number;
  openItems: SummaryOpenItem[];
  openDueDates: string[];
  docVersion: number;
  services: string[];
  factorCategories: FactorCategory[];
  countermeasures: SummaryCountermeasure[];
}

const knownMs = (d: DurationValue): number | null => (d.known ? d.ms : null);

export function timelineFacts(view: {
  incident: Pick<IncidentOverview, 'summary'> & Partial<Pick<IncidentOverview, 'linkedIssues'>>;
  severity: Pick<TimelineView['severity'], 'level'>;
  moments: TimelineView['moments'];
  metrics: TimelineView['metrics'];
}): TimelineFacts {
  return {
    title: view.incident.summary,
    severityLevel: view.severity.level,
    impactStartedAt: view.moments.impactStarted.at,
    ttaMs: knownMs(view.metrics.tta),
    ttrMs: knownMs(view.metrics.ttr),
    impactMs: knownMs(view.metrics.impact),
    ...(view.incident.linkedIssues ? { linkedKeys: [...new Set(view.incident.linkedIssues.map((l) => l.key))].slice(0, LINKED_KEYS_PER_ROW) } : {}),
  };
}

/** Before the timeline is started: the incident's own title and severity, every duration unknown. */
export function incidentFacts(incident: Pick<IncidentOverview, 'summary'> & { severity: Pick<IncidentOverview['severity'], 'level'> }): TimelineFacts {
  return { title: incident.summary, severityLevel: incident.severity.level, impactStartedAt: null, ttaMs: null, ttrMs: null, impactMs: null };
}

function cut(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** An item is closed once its sub-task's status is in the done category (an item without a sub-task is open). */
export function docFacts(doc: Pick<ReviewDoc, 'status' | 'content' | 'actionItems' | 'version'>): DocFacts {
  const open = doc.actionItems.filter((i) => i.jira?.status.category !== 'done');
  const dueOf = (i: ActionItem) => i.jira?.dueDate ?? i.dueDate;
  const dated = open.filter((i) => dueOf(i) !== null).sort((a, b) => (dueOf(a) ?? '').localeCompare(dueOf(b) ?? ''));
  return {
    status: doc.status,
    customerImpact: doc.content.customerImpact.affected,
    tags: [...doc.content.tags],
    actionsOpen: open.length,
    actionsClosed: doc.actionItems.length - open.length,
    openItems: dated.slice(0, OPEN_ITEMS_PER_ROW).map((i) => ({
      subtaskKey: i.jira?.key ?? null,
      summary: cut(i.summary, OPEN_ITEM_SUMMARY_CHARS),
      owner: (i.jira ? i.jira.assignee : i.owner)?.displayName ?? null,
      dueDate: dueOf(i),
    })),
    openDueDates: dated.map((i) => dueOf(i) as string),
    docVersion: doc.version,
    // Content read from older or partial documents may lack these lists.
    services: [...new Set((doc.content.servicesImpacted ?? []).map((s) => s.trim()).filter((s) => s !== ''))],
    factorCategories: FACTOR_CATEGORIES.filter((c) => (doc.content.contributingFactors ?? []).some((f) => f.category === c)),
    countermeasures: doc.actionItems.map(countermeasureOf),
  };
}

/** The UTC day of a Jira timestamp ('2026-10-01T09:30:00.000+0200'), or null when it cannot be read. */
export function jiraDay(stamp: string | null | undefined): string | null {
  const ms = instant(stamp);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

/** An item's life as the index keeps it: dated by its sub-task in Jira (an item not in Jira yet has no dates). */
export function countermeasureOf(item: ActionItem): SummaryCountermeasure {
  const done = item.jira?.status.category === 'done';
  return {
    subtaskKey: item.jira?.key ?? null,
    created: jiraDay(item.jira?.createdAt),
    closed: done ? jiraDay(item.jira?.resolvedAt) : null,
    done,
    dueDate: item.jira?.dueDate ?? item.dueDate,
  };
}

const EMPTY_DOC: DocFacts = {
  status: 'draft',
  customerImpact: null,
  tags: [],
  actionsOpen: 0,
  actionsClosed: 0,
  openItems: [],
  openDueDates: [],
  docVersion: 0,
  services: [],
  factorCategories: [],
  countermeasures: [],
};

/**
 * The row after a change: the previous row (or a blank one built from `base`) with the changed
 * side's facts laid over it. `actionsOverdue` is stored as 0 and worked out on read (`withOverdue`).
 */
export function mergeRow(
  prev: SummaryRow | null,
  incidentKey: string,
  base: TimelineFacts,
  change: { timeline?: TimelineFacts; doc?: DocFacts; pageUrl?: string | null },
  updatedAt: number,
): SummaryRow {
  const start: SummaryRow = prev ?? { incidentKey, projectKey: projectOf(incidentKey), linkedKeys: [], ...base, ...EMPTY_DOC, actionsOverdue: 0, pageUrl: null, updatedAt };
  return {
    ...start,
    ...(change.timeline ?? {}),
    ...(change.doc ?? {}),
    ...(change.pageUrl !== undefined ? { pageUrl: change.pageUrl } : {}),
    actionsOverdue: 0,
    updatedAt,
  };
}

/** Whether two rows say the same thing (the write is skipped when nothing but the time changed). */
export function sameRow(a: SummaryRow | null, b: SummaryRow): boolean {
  return a !== null && JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 });
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
      items.push({ ...i, incidentKey: r.incidentKey, incidentTitle: r.title, severityLevel: r.severityLevel, daysOverdue: daysBetween(i.dueDate, today) });
    }
  }
  items.sort((a, b) => b.daysOverdue - a.daysOverdue || a.incidentKey.localeCompare(b.incidentKey) || a.summary.localeCompare(b.summary));
  return { items: items.slice(0, Math.max(0, limit)), total };
}

// ---- The stored form of a shard ----

/**
 * A shard's rows as stored: one array per row, values in `PACKED_FIELDS` order, open items as
 * [subtaskKey, summary, owner, dueDate]. Key names are not repeated per row, which halves the
 * bytes a page load reads (a row is ~550 bytes as an object, ~300 packed).
 */
export const PACKED_FORMAT = 1;
const PACKED_FIELDS = [
  'incidentKey', 'projectKey', 'title', 'severityLevel', 'impactStartedAt', 'ttaMs', 'ttrMs', 'impactMs', 'customerImpact',
  'status', 'actionsOpen', 'actionsClosed', 'openItems', 'openDueDates', 'tags', 'pageUrl', 'updatedAt', 'docVersion',
  'services', 'factorCategories', 'countermeasures',
  // Issue 17, related reviews: appended, so rows packed before read it as missing.
  'linkedKeys',
] as const;
export type PackedRow = unknown[];

export function packRow(row: SummaryRow): PackedRow {
  return PACKED_FIELDS.map((f) =>
    f === 'openItems'
      ? row.openItems.map((i) => [i.subtaskKey, i.summary, i.owner, i.dueDate])
      : // Countermeasures as [subtaskKey, created, closed, done (1/0), dueDate]: ~45 bytes each.
        f === 'countermeasures'
        ? (row.countermeasures ?? []).map((c) => [c.subtaskKey, c.created, c.closed, c.done ? 1 : 0, c.dueDate])
        : f === 'services' || f === 'factorCategories' || f === 'linkedKeys'
          ? (row[f] ?? [])
          : row[f],
  );
}

/** The row back from its packed form; `actionsOverdue` is 0 until counted on read (`withOverdue`). */
export function unpackRow(packed: PackedRow): SummaryRow {
  const v = Object.fromEntries(PACKED_FIELDS.map((f, i) => [f, packed[i]])) as Record<(typeof PACKED_FIELDS)[number], unknown>;
  const items = (v.openItems as [string | null, string, string | null, string | null][] | undefined) ?? [];
  return {
    ...(v as unknown as Omit<SummaryRow, 'openItems' | 'actionsOverdue'>),
    // Rows packed before the field existed read as version 0.
    docVersion: typeof v.docVersion === 'number' ? v.docVersion : 0,
    actionsOverdue: 0,
    openItems: items.map(([subtaskKey, summary, owner, dueDate]) => ({ subtaskKey, summary, owner, dueDate })),
    // Rows packed before issue 17 have none of these: empty until the review is next saved.
    services: Array.isArray(v.services) ? (v.services as string[]) : [],
    factorCategories: Array.isArray(v.factorCategories) ? (v.factorCategories as FactorCategory[]) : [],
    linkedKeys: Array.isArray(v.linkedKeys) ? (v.linkedKeys as string[]) : [],
    countermeasures: (Array.isArray(v.countermeasures) ? (v.countermeasures as [string | null, string | null, string | null, number, string | null][]) : []).map(
      ([subtaskKey, created, closed, done, dueDate]) => ({ subtaskKey, created, closed, done: done === 1, dueDate }),
    ),
  };
}

/**
 * Packed rows split into parts of at most `budget` bytes of JSON each, in order, so a busy
 * half-month never outgrows a storage value (it takes a second key instead). Always one part,
 * possibly empty.
 */
export function splitPacked(rows: readonly PackedRow[], budget = SHARD_BUDGET_BYTES): PackedRow[][] {
  const parts: PackedRow[][] = [[]];
  let size = 2;
  for (const row of rows) {
    const bytes = Buffer.byteLength(JSON.stringify(row), 'utf8') + 1;
    if (parts[parts.length - 1].length > 0 && size + bytes > budget) {
      parts.push([]);
      size = 2;
    }
    parts[parts.length - 1].push(row);
    size += bytes;
  }
  return parts;
}
