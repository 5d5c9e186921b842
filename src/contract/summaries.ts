/** After Action Summaries (the Jira global page) and the 24-hour rule. Part of the contract (src/contract.ts). */
import type { IncidentOverview, Person, ReviewStatus, Severity, SeverityLevel } from './common';
import type { ActionItem, ContributingFactor, FactorCategory } from './review';
import type { KeyMoments, Metrics, MomentProblem } from './timeline';

/** An open countermeasure as the summary index keeps it (a few per review, earliest due first). */
export interface SummaryOpenItem {
  /** The Jira sub-task, once created. */
  subtaskKey: string | null;
  summary: string;
  owner: string | null;
  /** YYYY-MM-DD, or null when no due date is set. */
  dueDate: string | null;
}

/** One review's row in the pre-aggregated summary index (kept small: one shard holds hundreds). */
export interface SummaryRow {
  incidentKey: string;
  projectKey: string;
  title: string;
  severityLevel: SeverityLevel;
  impactStartedAt: string | null;
  ttaMs: number | null;
  ttrMs: number | null;
  impactMs: number | null;
  customerImpact: boolean | null;
  status: ReviewStatus;
  actionsOpen: number;
  /** A subset of `actionsOpen`: open and past due (worked out on read, against today). */
  actionsOverdue: number;
  actionsClosed: number;
  /** Open countermeasures with due dates, earliest first, at most a few (for the overdue list). */
  openItems: SummaryOpenItem[];
  /** Due dates (YYYY-MM-DD) of every open countermeasure that has one: what `actionsOverdue` is counted from. */
  openDueDates: string[];
  /** Version of the review document the countermeasure fields were taken from (0 before any save). */
  docVersion: number;
  tags: string[];
  pageUrl: string | null;
  updatedAt: number;
  /** Services impacted, as typed on the review (issue 17; absent in rows indexed before it). */
  services?: string[];
  /** The categories of the review's contributing factors, each once, in taxonomy order. */
  factorCategories?: FactorCategory[];
  /** Every countermeasure's life in Jira, for completion rates, time to close and the backlog. */
  countermeasures?: SummaryCountermeasure[];
  /** Keys of the issues linked to the incident when its timeline was last pulled (related reviews; absent in older rows). */
  linkedKeys?: string[];
}

/** One countermeasure as the summary index keeps it (dates are UTC days, YYYY-MM-DD). */
export interface SummaryCountermeasure {
  /** Null until its sub-task is created in Jira. */
  subtaskKey: string | null;
  /** When the sub-task was created in Jira (null before it is, or when Jira did not say). */
  created: string | null;
  /** When it was resolved, if it is done (null while open, or done without a resolution date). */
  closed: string | null;
  done: boolean;
  dueDate: string | null;
}

export type SummarySortKey = 'impactStartedAt' | 'severityLevel' | 'ttaMs' | 'ttrMs' | 'impactMs' | 'actionsOverdue';

export interface SummaryQuery {
  /** YYYY-MM-DD, inclusive; defaults to 12 months before `to`. The range spans at most 24 months. */
  from?: string;
  /** YYYY-MM-DD, inclusive; defaults to today (UTC). */
  to?: string;
  severities?: SeverityLevel[];
  projects?: string[];
  tag?: string;
  status?: ReviewStatus;
  hasOverdue?: boolean;
  sort?: SummarySortKey;
  dir?: 'asc' | 'desc';
  /** 1-based. */
  page?: number;
  /** 10 to 100; 25 by default. */
  pageSize?: number;
}

export interface MonthTrend {
  /** YYYY-MM (UTC). */
  month: string;
  incidents: number;
  bySeverity: Record<SeverityLevel, number>;
  ttaMedianMs: number | null;
  ttaMeanMs: number | null;
  ttrMedianMs: number | null;
  ttrMeanMs: number | null;
  /** Countermeasures raised by this month's incidents (open + closed). */
  actionsOpened: number;
  /** Of those, how many are closed. */
  actionsClosed: number;
}

/** A countermeasure past its due date and not done. */
export interface OverdueCountermeasure extends SummaryOpenItem {
  incidentKey: string;
  incidentTitle: string;
  severityLevel: SeverityLevel;
  /** Whole days past due (≥ 1). */
  daysOverdue: number;
}

/** A Sev1/Sev2 incident whose review is past due under the 24-hour rule (flagged by the scheduled job). */
export interface DueReviewFlag {
  incidentKey: string;
  title: string;
  severityLevel: SeverityLevel;
  restoredAt: string;
  dueAt: string;
  /** When the reminder comment was posted on the incident. */
  remindedAt: string;
}

export interface SummariesResult {
  /** The page of rows the viewer may browse, sorted and filtered as asked. */
  rows: SummaryRow[];
  /** Rows matching the filters (every page). */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** The range actually used (defaults filled in). */
  from: string;
  to: string;
  /** UTC date the overdue flags were worked out against. */
  today: string;
  /** Per month over the filtered rows, oldest first, months without incidents included. */
  trends: MonthTrend[];
  /** Overdue countermeasures of the filtered rows, most overdue first (at most 50). */
  overdue: OverdueCountermeasure[];
  overdueTotal: number;
  /** Reviews past due under the 24-hour rule. */
  dueReviews: DueReviewFlag[];
  /** What the filters can offer, from the rows in range the viewer may see. */
  options: { projects: string[]; tags: string[] };
}

/** The one-screen, printable After Action Summary of one incident. */
export interface IncidentSummary {
  incident: IncidentOverview;
  severity: Severity;
  /** Null until the review (timeline) is started. */
  moments: KeyMoments | null;
  metrics: Metrics | null;
  problems: MomentProblem[];
  status: ReviewStatus;
  description: string;
  customerImpact: { affected: boolean | null; text: string };
  servicesImpacted: string[];
  learnings: { learned: string; wentWell: string; surprised: string };
  contributingFactors: ContributingFactor[];
  actionItems: ActionItem[];
  tags: string[];
  facilitator: Person | null;
  meetingDate: string | null;
  pageUrl: string | null;
  updatedAt: string | null;
}
