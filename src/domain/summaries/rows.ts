/** A review's row: built from its timeline and its document, merged on each save. Part of the summary index (src/domain/summary-index.ts). */
import type {
  ActionItem,
  DurationValue,
  FactorCategory,
  IncidentOverview,
  ReviewDoc,
  ReviewStatus,
  SeverityLevel,
  SummaryCountermeasure,
  SummaryOpenItem,
  SummaryRow,
  TimelineView,
} from '../../contract';
import { FACTOR_CATEGORIES } from '../factor-taxonomy';
import { projectOf } from '../issue-key';
import { instant } from './values';

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
    ...(view.incident.linkedIssues
      ? { linkedKeys: [...new Set(view.incident.linkedIssues.map((l) => l.key))].slice(0, LINKED_KEYS_PER_ROW) }
      : {}),
  };
}

/** Before the timeline is started: the incident's own title and severity, every duration unknown. */
export function incidentFacts(
  incident: Pick<IncidentOverview, 'summary'> & { severity: Pick<IncidentOverview['severity'], 'level'> },
): TimelineFacts {
  return {
    title: incident.summary,
    severityLevel: incident.severity.level,
    impactStartedAt: null,
    ttaMs: null,
    ttrMs: null,
    impactMs: null,
  };
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
  const start: SummaryRow = prev ?? {
    incidentKey,
    projectKey: projectOf(incidentKey),
    linkedKeys: [],
    ...base,
    ...EMPTY_DOC,
    actionsOverdue: 0,
    pageUrl: null,
    updatedAt,
  };
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
