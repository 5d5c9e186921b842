import type { ReviewStatus, SeverityLevel, SummaryQuery, SummarySortKey } from '../../../../src/contract';

/**
 * What the filter bar holds. `from`/`to` are YYYY-MM-DD; null means "the backend's default"
 * (the inputs then show the range the last answer says it used), '' a field the user emptied.
 */
export interface SummaryFilters {
  from: string | null;
  to: string | null;
  severities: SeverityLevel[];
  /** '' for every project. */
  project: string;
  /** '' for every tag. */
  tag: string;
  status: ReviewStatus | '';
  hasOverdue: boolean;
}

export const NO_FILTERS: SummaryFilters = { from: null, to: null, severities: [], project: '', tag: '', status: '', hasOverdue: false };

export type SortDir = 'asc' | 'desc';

export interface TableState {
  sort: SummarySortKey;
  dir: SortDir;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_TABLE: TableState = { sort: 'impactStartedAt', dir: 'desc', page: 1, pageSize: 25 };

export const SEVERITY_LEVELS: readonly SeverityLevel[] = [1, 2, 3, 4, 5];

/** How many filters narrow the list (a date typed by the user counts; the default range does not). */
export function activeFilterCount(f: SummaryFilters): number {
  return (
    (f.from ? 1 : 0) +
    (f.to ? 1 : 0) +
    (f.severities.length > 0 ? 1 : 0) +
    (f.project ? 1 : 0) +
    (f.tag ? 1 : 0) +
    (f.status ? 1 : 0) +
    (f.hasOverdue ? 1 : 0)
  );
}

/** The longest range the backend answers (`MAX_RANGE_MONTHS` in src/use-cases/summaries.ts). */
export const MAX_RANGE_MONTHS = 24;

/** Calendar months from one YYYY-MM-DD to another, as date-fns' differenceInCalendarMonths counts them. */
function calendarMonthsBetween(from: string, to: string): number {
  const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  return months(to) - months(from);
}

/**
 * Why the typed range cannot be asked for, or null. Dates compare as text in YYYY-MM-DD. A range
 * the backend would refuse is refused here, at the fields, so the table keeps the last answer.
 * An open end is today's date (the backend's default), `today` in YYYY-MM-DD.
 */
export function rangeProblem(f: Pick<SummaryFilters, 'from' | 'to'>, today: string = new Date().toISOString().slice(0, 10)): string | null {
  if (f.from && f.to && f.from > f.to) return 'The start date is after the end date. Choose a start on or before the end.';
  const to = f.to || today;
  if (f.from && calendarMonthsBetween(f.from, to) >= MAX_RANGE_MONTHS) {
    return `Choose a date range of at most ${MAX_RANGE_MONTHS} months: the start is more than ${MAX_RANGE_MONTHS} months before the end.`;
  }
  return null;
}

/** The filters as the contract's query: empty choices are left out so the backend's defaults apply. */
export function filterQuery(f: SummaryFilters, sort: Pick<TableState, 'sort' | 'dir'>): Omit<SummaryQuery, 'page' | 'pageSize'> {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.severities.length > 0 ? { severities: [...f.severities].sort((a, b) => a - b) } : {}),
    ...(f.project ? { projects: [f.project] } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.hasOverdue ? { hasOverdue: true } : {}),
    sort: sort.sort,
    dir: sort.dir,
  };
}

/** The query for one page of the table, or null while the range is invalid (nothing is asked). */
export function listQuery(f: SummaryFilters, table: TableState): SummaryQuery | null {
  if (rangeProblem(f)) return null;
  return { ...filterQuery(f, table), page: table.page, pageSize: table.pageSize };
}

/** Biggest first for durations and overdue counts, newest first for time, Sev1 first for severity. */
const FIRST_DIR: Record<SummarySortKey, SortDir> = {
  impactStartedAt: 'desc',
  severityLevel: 'asc',
  ttaMs: 'desc',
  ttrMs: 'desc',
  impactMs: 'desc',
  actionsOverdue: 'desc',
};

/** Clicking a column header: the same column flips its direction, another starts in its natural one. */
export function nextSort(current: Pick<TableState, 'sort' | 'dir'>, key: SummarySortKey): Pick<TableState, 'sort' | 'dir'> {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: FIRST_DIR[key] };
}

export function toggleLevel(levels: readonly SeverityLevel[], level: SeverityLevel): SeverityLevel[] {
  return levels.includes(level) ? levels.filter((l) => l !== level) : [...levels, level].sort((a, b) => a - b);
}

/** The options of a select, keeping a chosen value the current answer no longer offers. */
export function withChosen(options: readonly string[], chosen: string): string[] {
  return chosen && !options.includes(chosen) ? [chosen, ...options] : [...options];
}

/**
 * Whether a date input's value can be asked for yet: empty (the default applies) or a full date
 * from 1900 on. While a year is typed, Chrome reports "0002-…", "0020-…": those wait.
 */
export function settledDate(value: string): boolean {
  if (value === '') return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
