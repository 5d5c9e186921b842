import { addMonths, addDays, differenceInCalendarMonths, format, isValid, parseISO } from 'date-fns';
import type {
  DueReviewFlag,
  IncidentOverview,
  IncidentSummary,
  SummariesResult,
  SummaryQuery,
  SummaryRow,
  TimelineResult,
  ReviewDoc,
} from '../contract';
import { AppFailure } from '../domain/app-error';
import {
  UNKNOWN_SHARD,
  filterRows,
  monthlyTrends,
  overdueList,
  pageRows,
  shardsBetween,
  sortRows,
  toCsv,
  withOverdue,
  type SummaryFilter,
} from '../domain/summary-index';
import type { SummaryAccessPort } from '../jira/summary-access';
import type { SummaryStore } from '../storage/summary-store';
import { projectOf, utcDay } from '../domain/issue-key';

export interface SummariesDeps {
  store: SummaryStore;
  /** Asked as the viewer. */
  access: SummaryAccessPort;
  now(): Date;
}

export const DEFAULT_RANGE_MONTHS = 12;
export const MAX_RANGE_MONTHS = 24;
export const DEFAULT_PAGE_SIZE = 25;
const OVERDUE_SHOWN = 50;

type Range = { from: string; to: string };

/** date-fns works on the local calendar; a date carried at local noon is the same day in every process time zone. */
const asLocalNoon = (day: string) => parseISO(`${day}T12:00:00`);

/** The date range asked for, with defaults (the last 12 months to today, UTC), validated. */
export function resolveRange(q: Pick<SummaryQuery, 'from' | 'to'>, today: string): Range {
  const to = q.to ?? today;
  const from = q.from ?? format(addDays(addMonths(asLocalNoon(to), -DEFAULT_RANGE_MONTHS), 1), 'yyyy-MM-dd');
  if (!isValid(asLocalNoon(from)) || !isValid(asLocalNoon(to)))
    throw new AppFailure('VALIDATION', 'Dates must be real calendar dates (YYYY-MM-DD).');
  if (from > to)
    throw new AppFailure('VALIDATION', 'The start of the date range is after its end.', { from: 'Must be on or before the end date.' });
  if (differenceInCalendarMonths(asLocalNoon(to), asLocalNoon(from)) >= MAX_RANGE_MONTHS) {
    throw new AppFailure('VALIDATION', `Choose a date range of at most ${MAX_RANGE_MONTHS} months.`, {
      from: `At most ${MAX_RANGE_MONTHS} months before the end date.`,
    });
  }
  return { from, to };
}

interface Visible {
  range: Range;
  today: string;
  /** Rows in range (plus those without an impact start), in projects the viewer may browse, overdue counted. */
  rows: SummaryRow[];
  flags: DueReviewFlag[];
}

/**
 * The rows a page load starts from. Storage: one key per half-month shard in the range, the
 * undated shard and the flags, whatever the number of reviews. Jira: one permission check per
 * project found in them (as the viewer); rows of other projects never leave this function.
 */
export async function visibleRows(deps: SummariesDeps, q: Pick<SummaryQuery, 'from' | 'to'>): Promise<Visible> {
  const today = utcDay(deps.now());
  const range = resolveRange(q, today);
  const [{ rows }, flags] = await Promise.all([
    deps.store.readShards([...shardsBetween(`${range.from}T00:00:00Z`, `${range.to}T23:59:59.999Z`), UNKNOWN_SHARD]),
    deps.store.readFlags(),
  ]);
  const allowed = await deps.access.browsableProjects([...rows.map((r) => r.projectKey), ...flags.map((f) => projectOf(f.incidentKey))]);
  return {
    range,
    today,
    rows: rows.filter((r) => allowed.has(r.projectKey)).map((r) => withOverdue(r, today)),
    flags: flags.filter((f) => allowed.has(projectOf(f.incidentKey))),
  };
}

/** Rows whose impact start is in range, then those without one (they belong to no range but are still reviews). */
export function applyFilters(rows: readonly SummaryRow[], q: SummaryQuery, range: Range): SummaryRow[] {
  const rest: SummaryFilter = {
    severities: q.severities,
    projects: q.projects,
    tag: q.tag,
    status: q.status,
    hasOverdue: q.hasOverdue,
  };
  const dated = filterRows(rows, { ...rest, from: range.from, to: range.to });
  const undated = filterRows(
    rows.filter((r) => r.impactStartedAt === null),
    rest,
  );
  return sortRows([...dated, ...undated], q.sort ?? 'impactStartedAt', q.dir ?? 'desc');
}

function options(rows: readonly SummaryRow[]): SummariesResult['options'] {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return { projects: sorted(rows.map((r) => r.projectKey)), tags: sorted(rows.flatMap((r) => r.tags)) };
}

/**
 * One page of After Action Summaries as the viewer may see them. The incidents shown by name
 * (the page of rows, the overdue list, the due reviews) are confirmed with one bulk fetch as the
 * viewer, which also applies issue-level security and brings current titles.
 */
export async function listSummaries(deps: SummariesDeps, q: SummaryQuery): Promise<SummariesResult> {
  const { range, today, rows, flags } = await visibleRows(deps, q);
  const filtered = applyFilters(rows, q, range);
  const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = pageRows(filtered, q.page ?? 1, pageSize);
  const overdue = overdueList(filtered, today, OVERDUE_SHOWN);
  const shown = await deps.access.visibleIssues([...page.items, ...overdue.items, ...flags].map((x) => x.incidentKey));
  const titled = <T extends { incidentKey: string }>(items: T[], title: (item: T, summary: string) => T) =>
    items.filter((i) => shown.has(i.incidentKey)).map((i) => title(i, shown.get(i.incidentKey)?.summary || ''));
  return {
    rows: titled(page.items, (r, summary) => ({ ...r, title: summary || r.title })),
    total: page.total,
    page: Math.max(1, Math.floor(q.page ?? 1)),
    pages: page.pages,
    pageSize,
    from: range.from,
    to: range.to,
    today,
    trends: monthlyTrends(filtered),
    overdue: titled(overdue.items, (o, summary) => ({ ...o, incidentTitle: summary || o.incidentTitle })),
    overdueTotal: overdue.total,
    dueReviews: titled(flags, (f, summary) => ({ ...f, title: summary || f.title })),
    options: options(rows),
  };
}

/** Every filtered row as CSV; each incident confirmed visible (one bulk fetch per 100 rows). */
export async function summariesCsv(
  deps: SummariesDeps,
  q: Omit<SummaryQuery, 'page' | 'pageSize'>,
): Promise<{ filename: string; csv: string; rows: number }> {
  const { range, rows } = await visibleRows(deps, q);
  const filtered = applyFilters(rows, q, range);
  const shown = await deps.access.visibleIssues(filtered.map((r) => r.incidentKey));
  const visible = filtered
    .filter((r) => shown.has(r.incidentKey))
    .map((r) => ({ ...r, title: shown.get(r.incidentKey)?.summary || r.title }));
  return { filename: `after-action-summaries-${range.from}-to-${range.to}.csv`, csv: toCsv(visible), rows: visible.length };
}

export interface IncidentSummaryDeps {
  /** As the viewer: throws NOT_FOUND when the incident is missing or not visible. */
  timeline(issueKey: string): Promise<TimelineResult>;
  /** `incident` is the one `timeline` just read as the viewer (access already checked). */
  doc(issueKey: string, incident: IncidentOverview): Promise<ReviewDoc>;
  reportUrl(issueKey: string): Promise<string | null>;
}

/** The one-screen After Action Summary of one incident, read as the viewer. */
export async function incidentSummary(deps: IncidentSummaryDeps, issueKey: string): Promise<IncidentSummary> {
  const t = await deps.timeline(issueKey);
  const [doc, pageUrl] = await Promise.all([deps.doc(issueKey, t.incident), deps.reportUrl(issueKey)]);
  const { content } = doc;
  return {
    incident: t.incident,
    severity: t.started ? t.severity : t.incident.severity,
    moments: t.started ? t.moments : null,
    metrics: t.started ? t.metrics : null,
    problems: t.started ? t.problems : [],
    status: doc.status,
    description: content.description,
    customerImpact: content.customerImpact,
    servicesImpacted: content.servicesImpacted,
    learnings: content.learnings,
    contributingFactors: content.contributingFactors,
    actionItems: doc.actionItems,
    tags: content.tags,
    facilitator: content.meeting.facilitator,
    meetingDate: content.meeting.meetingDate,
    pageUrl,
    updatedAt: doc.updatedAt,
  };
}
