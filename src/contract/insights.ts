/** Insights across incidents and countermeasure policies. Part of the contract (src/contract.ts). */
import type { Person, ReviewStatus, SeverityLevel } from './common';
import type { FactorCategory } from './review';
import type { SummaryOpenItem } from './summaries';

/** Incidents and TTA/TTR medians of one group (a service, or a factor category). */
export interface InsightGroup {
  /** The service name, or the FactorCategory. */
  key: string;
  label: string;
  incidents: number;
  /** Over the group's incidents whose TTA/TTR is known; null when none is. */
  ttaMedianMs: number | null;
  ttrMedianMs: number | null;
}

export interface CountermeasureInsight {
  total: number;
  done: number;
  open: number;
  /** Of `open`, items whose sub-task is not created in Jira yet. */
  notInJira: number;
  /** done / total, 0–1; null without countermeasures. */
  completionRate: number | null;
  /** Median whole days from the sub-task's creation to its resolution, over the done items Jira dates. */
  medianDaysToClose: number | null;
  /** How many done items that median is over. */
  closedDated: number;
}

/** Open countermeasures at the end of a month (today, for the current month). */
export interface BacklogPoint {
  /** YYYY-MM (UTC). */
  month: string;
  open: number;
}

/** Default due dates by severity, in days from when the sub-task is created (null: no default). */
export type PolicyDueDays = Record<SeverityLevel, number | null>;

export interface CountermeasurePolicy {
  dueDays: PolicyDueDays;
  /** Null while the site uses the app's defaults. */
  updatedAt: string | null;
  updatedBy: Person | null;
}

export interface PolicyView {
  policy: CountermeasurePolicy;
  /** Bumped by every save (0 while the site uses the defaults): what `policy/set` must send back. */
  version: number;
  /** Jira administrators (the ADMINISTER global permission) may change it. */
  canEdit: boolean;
}

/** An open countermeasure older than its severity's policy allows. */
export interface PolicyBreach {
  incidentKey: string;
  incidentTitle: string;
  severityLevel: SeverityLevel;
  subtaskKey: string | null;
  /** When the policy clock started: the sub-task's creation, else the incident's impact start (YYYY-MM-DD). */
  since: string;
  /** since + the policy's days. */
  policyDue: string;
  /** Whole days past `policyDue` (≥ 1). */
  daysPast: number;
  /** The item's own due date, if any. */
  dueDate: string | null;
}

export interface SummaryInsights {
  from: string;
  to: string;
  today: string;
  /** Incidents the insights are over (filtered, every one visible to the viewer). */
  incidents: number;
  byService: InsightGroup[];
  byFactorCategory: InsightGroup[];
  countermeasures: CountermeasureInsight;
  backlog: BacklogPoint[];
  policy: CountermeasurePolicy;
  /** Most days past first, at most 50. */
  pastPolicy: PolicyBreach[];
  pastPolicyTotal: number;
}

/** An earlier review related to the one being read (issue 17, item 3). */
export interface RelatedReview {
  incidentKey: string;
  /** The incident's current summary in Jira, as the viewer sees it. */
  title: string;
  /** The incident in Jira (http(s); the UI opens it only after `safeUrl`). */
  url: string;
  severityLevel: SeverityLevel;
  impactStartedAt: string | null;
  status: ReviewStatus;
  /** Higher is closer; see `RELATED_WEIGHTS` in src/domain/related-reviews.ts. */
  score: number;
  /** One line on why it is related, e.g. "Shares service checkout-api and factor Change/deploy". */
  why: string;
  shared: { services: string[]; factorCategories: FactorCategory[]; tags: string[]; linkedKeys: string[]; linkedDirectly: boolean };
  actionsOpen: number;
  /** The first few open countermeasures with due dates, earliest first (`actionsOpen` counts all). */
  openItems: SummaryOpenItem[];
}

export interface RelatedReviewsResult {
  /** At most 5, closest first. */
  items: RelatedReview[];
  /** The earliest impact start compared (YYYY-MM-DD): reviews before it are not looked at. */
  since: string;
}
