/**
 * The one typed contract between the Custom UI and the resolvers. The UI imports it with
 * `import type` only; nothing here may import from `static/`.
 */
import type { ActionQuestion, EntryKind, EntrySource, Impact, KeyMomentName, ManualKind, ParticipantRole, Phase, RequirableField, ReviewStatus, TemplateSection } from './vocabulary';

/** The vocabulary's types (src/vocabulary.ts holds the values and their labels). */
export type { ActionQuestion, EntryKind, EntrySource, Impact, KeyMomentName, ManualKind, ParticipantRole, Phase, RequirableField, ReviewStatus, TemplateSection };
/** NOT_CONNECTED: the site has no Confluence connected to the app's installation (Confluence is optional). */
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UPSTREAM' | 'NOT_CONNECTED' | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field-level detail for VALIDATION (path → message). */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export type SeverityLevel = 1 | 2 | 3 | 4 | 5;
export type SeverityClass = 'critical' | 'warning' | 'info';

export interface Severity {
  level: SeverityLevel;
  label: `Sev${SeverityLevel}`;
  class: SeverityClass;
  description: string;
  /** 'priority' when derived from the Jira priority, 'override' when set on the review. */
  source: 'priority' | 'override' | 'default';
}

export interface Person {
  accountId: string;
  displayName: string;
}

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface IssueStatus {
  name: string;
  category: StatusCategory;
}

export interface LinkedIssue {
  key: string;
  summary: string;
  issueType: string;
  status: IssueStatus;
  /** How the incident relates to it, in Jira's wording ("is caused by", "relates to"). */
  relation: string;
  url: string;
}

export interface IncidentOverview {
  key: string;
  summary: string;
  url: string;
  issueType: string;
  status: IssueStatus;
  priority: string | null;
  severity: Severity;
  assignee: Person | null;
  reporter: Person | null;
  created: string;
  resolved: string | null;
  linkedIssues: LinkedIssue[];
}

// ---- Timeline (docs/DECISIONS.md#vocabulary) ------------------------------------------



/** The facilitator's annotations on one entry; absent fields are "not annotated yet". */
export interface Annotation {
  kind?: EntryKind;
  phase?: Phase;
  impact?: Impact;
  /** Key moments this entry marks (a moment marked on an entry overrides its derived default). */
  moments: KeyMomentName[];
  /** Never shown in the external summary. */
  internal: boolean;
}

/** A Jira comment's visibility restriction: a project role or a group. */
export interface CommentRestriction {
  type: 'role' | 'group';
  name: string;
}

export interface TimelineEntry {
  /** Stable across re-pulls: built from Jira ids (`comment:10023`, `change:3001:status`…) or `manual:<uuid>`. */
  id: string;
  at: string;
  source: EntrySource;
  /** The issue the entry came from (the incident key for manual entries). */
  issueKey: string;
  /** How that issue relates to the incident: 'incident', 'sub-task', or the link wording. */
  relation: string;
  actor: Person | null;
  /** For manual entries: who, as typed (may be someone outside Jira). */
  actorName?: string;
  /** Readable text: comment bodies converted from ADF, changes as "Open → Investigating". */
  text: string;
  from?: string | null;
  to?: string | null;
  /** Link to the source in Jira (comment permalink, issue) or the remote link's URL. */
  url?: string;
  /** The comment has a visibility restriction in Jira (shown only to viewers Jira lets read it). */
  restricted?: boolean;
  /** Who Jira restricts the comment to, when `restricted`. */
  restriction?: CommentRestriction;
  /** The text was too long to keep whole and was cut (`text` ends where it was cut): open the source in Jira for the rest. */
  shortened?: { fullLength: number };
  /** The source was not found on the last pull from Jira: kept, never dropped. */
  deletedInJira?: boolean;
  manualKind?: ManualKind;
  annotation: Annotation;
}

export interface MomentValue {
  at: string | null;
  /** 'derived' from the timeline by default rules, 'marked' on an entry, 'override' typed by the facilitator, 'none'. */
  source: 'derived' | 'marked' | 'override' | 'none';
  entryId?: string;
  /** The moment comes from an entry the viewer may not see: its time is shown, never its entry ("from an entry you cannot see"). */
  hiddenEntry?: true;
}

export type KeyMoments = Record<KeyMomentName, MomentValue>;

/** A duration that is never zero by accident: unknown when a moment is missing or out of order. */
export type DurationValue = { known: true; ms: number } | { known: false; reason: 'missing' | 'out-of-order'; moments: KeyMomentName[] };

export interface Metrics {
  tta: DurationValue;
  ttr: DurationValue;
  detection: DurationValue;
  response: DurationValue;
  remediation: DurationValue;
  impact: DurationValue;
}

export interface MomentProblem {
  /** The two moments in the wrong order, earlier-expected first. */
  moments: [KeyMomentName, KeyMomentName];
  message: string;
}

/** Where an entry sits in timeline order (by instant, then id). Pages are ranges of these, not positions, so an entry added or removed elsewhere never shifts a page. */
export interface EntryKey {
  at: string;
  id: string;
}

/**
 * How to fetch the rest of a timeline too big for one answer (docs/DECISIONS.md#performance: a resolver answer must
 * stay far below Forge's 6 MB invocation limit, so none carries more than about a megabyte).
 */
export interface EntryPaging {
  /** Entries in the whole timeline at this version. */
  total: number;
  /**
   * Where each page after the first starts, in timeline order: page i is every entry from
   * `pageStarts[i]` up to (not including) `pageStarts[i + 1]`, the last one to the end. Empty when
   * `entries` is the whole timeline. Fetch pages with 'timeline/entries' at the view's version.
   * On a large timeline the list may stop short: the last page's answer then names the pages
   * after it (EntryPage.pageStarts).
   */
  pageStarts: EntryKey[];
}

export interface TimelineView {
  incidentKey: string;
  incident: IncidentOverview;
  started: true;
  pulledAt: string;
  /** The first page of the timeline, oldest first; the whole timeline when `paging.pageStarts` is empty. */
  entries: TimelineEntry[];
  paging: EntryPaging;
  /** Moments, metrics, problems, severity and people are always worked out over every entry. */
  moments: KeyMoments;
  metrics: Metrics;
  problems: MomentProblem[];
  severity: Severity;
  /** Everyone who appears as an actor, for the people filter. */
  people: Person[];
  /**
   * Every annotated entry the viewer may see, wherever its page is (text cut to a few hundred
   * characters): what the recovery plot draws before, or without, every page being loaded.
   */
  annotated?: TimelineEntry[];
  /** Incremented on every write; writes name the version they saw. */
  version: number;
}

export type TimelineResult = TimelineView | { started: false; incident: IncidentOverview };

/**
 * A write's answer: moments, metrics, counts and people at the new version, and what the write did
 * to entries on any page. Its `entries` is empty: the pages the caller holds are patched, not sent again.
 */
export interface TimelineChange extends TimelineView {
  /** Entries the write added or changed, as they are now. */
  changed: TimelineEntry[];
  /** Ids of entries the write removed. */
  removed: string[];
}

/** One page of 'timeline/entries'. */
export interface EntryPage {
  /** Entries of the asked range in timeline order, at most one page of them. */
  entries: TimelineEntry[];
  version: number;
  /** Where to go on when the range held more than one page (it grew since the view was read); null when it is done. */
  next: EntryKey | null;
  /**
   * Open-ended ranges (`to: null`) of a large timeline: where each page after this one starts, as
   * far as the backend knows (the last one is again open-ended and names those after it). A view
   * lists only the pages its first stored segment knows, so an open costs the same at any size
   * (issue 13); fetch these as a view's `pageStarts`. Absent: follow `next` to the end.
   */
  pageStarts?: EntryKey[];
}

export interface AnnotationPatch {
  kind?: EntryKind | null;
  phase?: Phase | null;
  impact?: Impact | null;
  moments?: KeyMomentName[];
  internal?: boolean;
}

export interface ManualEntryInput {
  at: string;
  manualKind: ManualKind;
  actorName: string;
  text: string;
}

/** One chat message to add to the timeline as a "chat excerpt" manual entry (issue 18). */
export interface ChatImportEntry {
  /** An instant with an offset: the UI settles the transcript's date and time zone first. */
  at: string;
  /** The sender as the transcript names them. */
  author: string;
  text: string;
}

/** What 'timeline/chat/import' did: the usual write answer, and what it added, skipped and linked. */
export interface ChatImportResult extends TimelineChange {
  added: number;
  /** Messages already on the timeline (imported before) or repeated in this import: never added twice. */
  skipped: number;
  /** Senders matched to exactly one Jira user by display name (case, accents and spacing aside). */
  linked: { name: string; person: Person }[];
}

/** An entry a drafted sentence came from (issue 18): enough to name it and open it. */
export interface NarrativeSource {
  entryId: string;
  at: string;
  /** "2026-10-17 19:44 · Comment on INC-1 · Maya Okafor" in the asked time zone. */
  label: string;
  url?: string;
}

export interface NarrativeSentence {
  text: string;
  sources: NarrativeSource[];
}

/** "Draft what happened": a paragraph for the description, sentence by sentence with its sources. */
export interface NarrativeDraft {
  /** The sentences joined: what goes into the description field. */
  text: string;
  sentences: NarrativeSentence[];
}

// ---- The review document (docs/DECISIONS.md#vocabulary, issue: learnings, factors, action items) ----


export interface Participant extends Person {
  role: ParticipantRole;
}

export interface MeetingDetails {
  title: string;
  /** YYYY-MM-DD, or null when not scheduled yet. */
  meetingDate: string | null;
  /** HH:mm on `meetingDate` in `meetingTimeZone`; absent or null while only the day is known. */
  meetingTime?: string | null;
  /** The IANA zone the time was planned in (the facilitator's); UTC when absent. */
  meetingTimeZone?: string | null;
  contact: Person | null;
  createdBy: Person | null;
  facilitator: Person | null;
  participants: Participant[];
}

/**
 * What kind of condition a contributing factor was (docs/FACTOR-TAXONOMY.md): a small fixed list,
 * so factors can be counted across incidents; the free text says the particulars.
 */
export type FactorCategory = 'change' | 'configuration' | 'capacity' | 'dependency' | 'detection' | 'knowledge' | 'process' | 'hardware-network' | 'other';

export interface ContributingFactor {
  id: string;
  text: string;
  /** Reviews stored before categories existed read as 'other', their text kept. */
  category: FactorCategory;
}

/** What only the external summary asks for: typed on the Publish form, kept with the review so a reload or a re-publish finds it. */
export interface ExternalSummaryInput {
  /** One or two plain sentences on what directly triggered the incident (the only "cause" the app records). */
  proximateCause: string;
  /** How service was restored. */
  resolution: string;
}

export interface ReviewContent {
  meeting: MeetingDetails;
  goals: { knowSooner: string; recoverSooner: string };
  /** What happened, in a few sentences (the report's description). */
  description: string;
  customerImpact: { affected: boolean | null; text: string };
  incidentCommander: Person | null;
  servicesImpacted: string[];
  learnings: { learned: string; wentWell: string; surprised: string };
  contributingFactors: ContributingFactor[];
  remediation: string;
  tags: string[];
  /** Saved with the rest of the review; publish/external and its preview read it from there. */
  externalSummary: ExternalSummaryInput;
  /** The review template in use and the answers to its questions; absent means the built-in default (today's review). */
  template?: TemplateUse;
}

export interface ActionItemInput {
  /** Client-made stable id (uuid); the link between the item and its Jira sub-task. */
  id: string;
  summary: string;
  description: string;
  owner: Person | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  /** Jira priority name (Highest … Lowest). */
  priority: string;
  question: ActionQuestion;
}

export interface ActionItemJira {
  key: string;
  url: string;
  status: IssueStatus;
  assignee: Person | null;
  dueDate: string | null;
  /** The sub-task's summary and priority name; absent in states stored before they were read. */
  summary?: string;
  priority?: string | null;
  /** When Jira created the sub-task, and when it was resolved (null while unresolved); absent in states read before issue 17. */
  createdAt?: string;
  resolvedAt?: string | null;
  /** When the item's fields were last written to the sub-task. */
  syncedAt: string;
}

/** The action-item fields kept in step with the sub-task both ways (its status only flows from Jira). */
export type ActionItemSyncedField = 'summary' | 'owner' | 'dueDate' | 'priority';

/**
 * A field changed both in the review and in Jira, differently, since they last agreed: neither
 * side is written until the user keeps theirs or takes Jira's ('actions/settle').
 */
export type ActionItemConflict =
  | { field: 'summary'; app: string; jira: string }
  | { field: 'owner'; app: Person | null; jira: Person | null }
  | { field: 'dueDate'; app: string | null; jira: string | null }
  | { field: 'priority'; app: string; jira: string };

export interface ActionItem extends ActionItemInput {
  jira: ActionItemJira | null;
  /** Due date passed and the sub-task is not done (or not created). */
  overdue: boolean;
  /** Last create or update failure for this item, in words. */
  syncError: string | null;
  /**
   * Fields changed on both sides since the last agreement, in ActionItemSyncedField order. Every
   * answer of the review resolvers carries it; optional only so that items built elsewhere
   * (reports, fixtures) need not name it.
   */
  conflicts?: ActionItemConflict[];
}

export interface BlamelessFinding {
  ruleId: string;
  start: number;
  end: number;
  excerpt: string;
  reason: string;
  suggestion: string;
}

export type CheckedField = 'learning' | 'contributing-factor' | 'action-item' | 'description' | 'timeline' | 'other';

export interface FieldFindings {
  /** Path of the field in the review ("learnings.learned", "contributingFactors.<id>.text", "actionItems.<id>.summary"). */
  field: string;
  findings: BlamelessFinding[];
}

export interface ReviewDoc {
  incidentKey: string;
  status: ReviewStatus;
  content: ReviewContent;
  actionItems: ActionItem[];
  /** Blameless findings over every free-text field; never blocks saving. */
  findings: FieldFindings[];
  version: number;
  updatedAt: string | null;
  /** The last "Notify participants" comment of this review, if any (absent in answers that do not read it). */
  meetingNotice?: MeetingNotice | null;
}

export interface ActionSyncResult {
  doc: ReviewDoc;
  created: string[];
  updated: string[];
  /** Per item: why it failed; the rest went through. */
  failed: { itemId: string; message: string }[];
}

// ---- Publishing to Confluence and the macro ---------------------------------------------

export interface SpaceSummary {
  id: string;
  key: string;
  name: string;
}

export interface PageSummary {
  id: string;
  title: string;
  spaceId: string;
}

export interface PublishTarget {
  spaceId: string;
  spaceKey: string;
  /** The page to publish under; null publishes at the space's root. */
  parentId: string | null;
}

export interface PublishedPage {
  pageId: string;
  url: string;
  title: string;
  version: number;
  publishedAt: string;
}

/**
 * What the internal report would copy into Confluence that not every reader of a space may see in
 * Jira, counted over the entries the publisher may see. A Confluence space has its own audience.
 */
export interface PublishAudience {
  /** Entries from issues outside the incident's project, and those projects. */
  otherProjectEntries: number;
  otherProjects: string[];
  /** Comments restricted in Jira: left out of the report unless the publisher includes them knowingly. */
  restrictedEntries: number;
  /** The roles and groups those comments are restricted to (as Jira names them). */
  restrictions: CommentRestriction[];
}

/** Whether Confluence is connected to the app's installation on this site (it is optional). */
export type ConfluenceConnection = 'available' | 'not-connected';

export interface PublishState {
  /** 'not-connected': publishing is disabled and the form says why; the other fields still hold what was published before. */
  confluence: ConfluenceConnection;
  /** The target remembered for the incident's Jira project, if any. */
  target: PublishTarget | null;
  /**
   * The title of the remembered target's parent page as the caller sees it in Confluence, so the
   * form can name it; null at the space's root, or when that page is gone or hidden from the caller.
   */
  targetParentTitle: string | null;
  internal: PublishedPage | null;
  external: PublishedPage | null;
  /** Null before the review's timeline is started. */
  audience: PublishAudience | null;
}

export interface PublishResult {
  page: PublishedPage;
  /** 'created' the first time (or after the page was deleted), else 'updated' (version + 1). */
  outcome: 'created' | 'updated';
  doc: ReviewDoc;
}

/** The external summary exactly as it will be published: no names, no comment text, nothing internal. */
export interface ExternalSummary {
  title: string;
  summary: string;
  servicesImpacted: string[];
  duration: string;
  severity: string;
  customerImpact: string;
  proximateCause: string;
  resolution: string;
  countermeasures: string[];
  /** The template's questions marked public, with their answers (names scrubbed); absent when there are none. */
  answers?: { question: string; answer: string }[];
}

export type MacroView = 'full' | 'summary' | 'timeline' | 'actions';

export interface MacroConfig {
  issueKey?: string;
  view?: MacroView;
}

export type MacroResult =
  | { state: 'ok'; view: MacroView; incident: IncidentOverview; timeline: TimelineView | null; doc: ReviewDoc }
  | { state: 'not-configured' }
  /** Said the same way for a missing incident and one the viewer cannot browse: nothing leaks. */
  | { state: 'no-access' };

// ---- After Action Summaries (Jira global page) and the 24-hour rule ----

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

// ---- Issue 17: insights across incidents and countermeasure policies ----

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

// ---- Issue 17: the review library search ----

/** The parts of a review the library searches. */
export type ReviewSearchField = 'title' | 'learnings' | 'factors' | 'actions' | 'services' | 'tags';

/**
 * A fragment of one field with where the query matched in it: `ranges` are [start, end) offsets
 * into `text` (UTF-16 code units, as JavaScript strings index). Plain text, never markup: the UI
 * wraps each range itself. `text` may begin or end with "…" where the field goes on.
 */
export interface SearchHighlight {
  field: ReviewSearchField;
  text: string;
  ranges: [number, number][];
}

export interface ReviewSearchHit {
  incidentKey: string;
  title: string;
  severityLevel: SeverityLevel;
  /** When impact started (ISO), the review's date; null when unknown. */
  impactStartedAt: string | null;
  /** Services impacted, as typed on the review (the service filter offers those seen). */
  services: string[];
  /** The fields the query matched in, in field order. */
  fields: ReviewSearchField[];
  highlights: SearchHighlight[];
}

export interface ReviewSearchQuery {
  /** 1 to 200 characters after trimming. */
  query: string;
  severity?: SeverityLevel;
  /** A service name as typed on reviews (compared without regard to case). */
  service?: string;
  factorCategory?: FactorCategory;
  /** YYYY-MM-DD, inclusive, on the day impact started (UTC). */
  from?: string;
  to?: string;
  /** 1-based; 10 results a page. */
  page?: number;
}

export interface ReviewSearchResult {
  results: ReviewSearchHit[];
  /** Reviews the viewer may see that match (a lower bound when `capped`). */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** With filters set, only the best-ranked matches were checked against them: more may match. */
  capped: boolean;
  /** The library is being built from the existing reviews: reviews not indexed yet are missing. */
  indexing: boolean;
}

// ---- Participants notified (issue 18) ----

/** The one Jira comment that told the participants when the review meets. */
export interface MeetingNotice {
  /** Fingerprint of the meeting it announced: date, time, zone and participants. */
  meetingKey: string;
  sentAt: string;
  sentBy: Person;
  commentId: string;
  /** The comment in Jira. */
  commentUrl: string;
  /** How many participants it mentioned. */
  mentioned: number;
  /** Whether the saved meeting is still the one it announced (false once the date, time or participants changed). */
  current: boolean;
}

export interface MeetingNotifyResult {
  notice: MeetingNotice;
  doc: ReviewDoc;
}

// ---- Review templates (issue 18) ----


export type TemplateQuestionKind = 'text' | 'yes-no' | 'choice';

export interface TemplateQuestion {
  /** Stable within the template; answers refer to it. */
  id: string;
  label: string;
  kind: TemplateQuestionKind;
  /** For 'choice': the options, in order. */
  choices: string[];
  required: boolean;
  /** Shown in the external summary too (never a person's name: the summary's name scrub applies). */
  public: boolean;
}

export interface ReviewTemplate {
  id: string;
  name: string;
  description: string;
  /** Chosen for incidents of these Jira issue types (any when empty)... */
  issueTypes: string[];
  /** ...and these severities (any when empty). The most specific match wins. */
  severities: SeverityLevel[];
  sections: TemplateSection[];
  requiredFields: RequirableField[];
  questions: TemplateQuestion[];
}

export type TemplateAnswerValue = string | boolean | null;

/** One answered question, kept with its wording so the report reads the same after the template changes. */
export interface TemplateAnswer {
  questionId: string;
  label: string;
  kind: TemplateQuestionKind;
  public: boolean;
  required: boolean;
  value: TemplateAnswerValue;
}

export interface TemplateUse {
  id: string;
  name: string;
  sections: TemplateSection[];
  requiredFields: RequirableField[];
  answers: TemplateAnswer[];
}

export interface TemplateSettings {
  /** The site's templates, the built-in default first (it cannot be removed). */
  templates: ReviewTemplate[];
  /** Incremented on every save; a save names the version it saw. */
  version: number;
  /** Whether the caller is a Jira admin (ADMINISTER), who may change them. */
  canEdit: boolean;
  /** With an issue key: the template the rules choose for that incident's type and severity. */
  suggestedId?: string;
}

/** Resolver keys read like routes; each maps its payload to its result. */
export interface ResolverMap {
  'incident/get': { payload: { issueKey: string }; result: IncidentOverview };
  /** The incident's timeline, or `started: false` when no review exists yet. */
  'timeline/get': { payload: { issueKey: string }; result: TimelineResult };
  /** Starts the review: pulls the timeline from Jira. Idempotent (a second call refreshes). */
  'review/start': { payload: { issueKey: string }; result: TimelineView };
  /**
   * A range of the timeline at `version` (CONFLICT when the review is at another version: pages of
   * two versions are never mixed). `from` null starts at the first entry, `to` null runs to the end.
   */
  'timeline/entries': { payload: { issueKey: string; version: number; from: EntryKey | null; to: EntryKey | null }; result: EntryPage };
  /** Re-pulls from Jira; keeps annotations and manual entries; marks vanished sources. */
  'timeline/refresh': { payload: { issueKey: string }; result: TimelineView };
  /** `at`, the entry's time as shown, lets the write read only the stored chunk that holds the entry. */
  'timeline/annotate': { payload: { issueKey: string; entryId: string; patch: AnnotationPatch; version: number; at?: string }; result: TimelineChange };
  'timeline/manual/add': { payload: { issueKey: string; entry: ManualEntryInput; version: number }; result: TimelineChange };
  'timeline/manual/update': { payload: { issueKey: string; entryId: string; entry: ManualEntryInput; version: number }; result: TimelineChange };
  'timeline/manual/remove': { payload: { issueKey: string; entryId: string; version: number }; result: TimelineChange };
  /**
   * Adds chat messages as "chat excerpt" manual entries. Each gets an id from its time, sender and
   * text, so importing the same transcript again adds nothing twice. One versioned write.
   */
  'timeline/chat/import': { payload: { issueKey: string; entries: ChatImportEntry[]; version: number }; result: ChatImportResult };
  /** Sets (or with `at: null` clears) a key-moment override. */
  'moments/set': { payload: { issueKey: string; moment: KeyMomentName; at: string | null; version: number }; result: TimelineChange };
  /** Overrides the severity (or with `level: null` goes back to the priority mapping). */
  'severity/set': { payload: { issueKey: string; level: SeverityLevel | null; version: number }; result: TimelineChange };
  /** The review document (defaults filled from the incident when none is saved yet). */
  'review/get': { payload: { issueKey: string }; result: ReviewDoc };
  'review/save': { payload: { issueKey: string; content: ReviewContent; actionItems: ActionItemInput[]; version: number }; result: ReviewDoc };
  'review/status': { payload: { issueKey: string; status: ReviewStatus; version: number }; result: ReviewDoc };
  /**
   * Drafts "What happened" from the key moments, metrics and annotated entries the caller may see;
   * writes nothing. Times in `timeZone` (IANA, the viewer's), UTC when left out.
   */
  'review/draft': { payload: { issueKey: string; timeZone?: string }; result: NarrativeDraft };
  /**
   * Live blameless check of one text as it is typed. `names`: the people in the form as typed now
   * (participants, commander, owners…), known as names before they are saved.
   */
  'review/check': { payload: { issueKey: string; text: string; field: CheckedField; names?: string[] }; result: BlamelessFinding[] };
  /** Jira users who can be assigned in the incident's project. */
  'users/search': { payload: { issueKey: string; query: string }; result: Person[] };
  /** Creates missing sub-tasks and updates changed ones; idempotent. */
  'actions/sync': { payload: { issueKey: string }; result: ActionSyncResult };
  /**
   * Settles one conflict as the user saw it: `mine` writes the review's value at the next sync,
   * `jira` takes Jira's into the review. CONFLICT when the item or Jira's value moved since.
   */
  'actions/settle': { payload: { issueKey: string; itemId: string; conflict: ActionItemConflict; keep: 'mine' | 'jira'; version: number }; result: ReviewDoc };
  /** The whole review as Markdown; times in `timeZone` (IANA, the viewer's), UTC when left out. */
  'review/export/markdown': { payload: { issueKey: string; timeZone?: string }; result: { filename: string; markdown: string } };
  /** Confluence spaces the user can see, filtered by `query` (name or key). */
  'publish/spaces': { payload: { issueKey: string; query: string }; result: SpaceSummary[] };
  /** Pages of a space to publish under (root pages when `parentId` is null). */
  'publish/pages': { payload: { issueKey: string; spaceId: string; parentId: string | null }; result: PageSummary[] };
  'publish/state': { payload: { issueKey: string }; result: PublishState };
  /** Publishes (or re-publishes in place) the internal report; marks the review published. */
  /** Times on the page are written in `timeZone` (IANA, the publisher's), UTC when left out. */
  /** Restricted comments are left out unless `includeRestricted` (the form names the restrictions first). */
  'publish/internal': { payload: { issueKey: string; target: PublishTarget; version: number; timeZone?: string; includeRestricted?: boolean }; result: PublishResult };
  /** The external summary from the saved review (its `content.externalSummary` included); nothing is written. */
  'publish/external/preview': { payload: { issueKey: string }; result: ExternalSummary };
  /** Publishes the external summary of the review saved at `version` (CONFLICT otherwise), so the page is what the preview showed. */
  'publish/external': { payload: { issueKey: string; target: PublishTarget; version: number }; result: PublishResult };
  /** The Confluence macro's data, read as the page viewer; `config` comes from the macro's configuration. */
  'macro/get': { payload: { config: MacroConfig }; result: MacroResult };
  /** After Action Summaries: one page of rows, trends, overdue countermeasures and due reviews, as the viewer may see them. */
  'summaries/list': { payload: SummaryQuery; result: SummariesResult };
  /** The filtered table (every page) as CSV, as the viewer may see it. */
  'summaries/csv': { payload: Omit<SummaryQuery, 'page' | 'pageSize'>; result: { filename: string; csv: string; rows: number } };
  /** The printable one-screen summary of one incident. */
  'summaries/incident': { payload: { issueKey: string }; result: IncidentSummary };
  /** Insights over the filtered reviews the viewer may see: by service, by factor category, countermeasures, backlog, past policy. */
  'summaries/insights': { payload: Omit<SummaryQuery, 'page' | 'pageSize' | 'sort' | 'dir'>; result: SummaryInsights };
  /** Service names used by earlier reviews the viewer may see, most used first (suggestions as a review is typed). */
  'services/known': { payload: { issueKey: string }; result: string[] };
  /** Full-text search of every review the viewer may see (issue 17): ranked, with highlights, filtered. */
  'summaries/search': { payload: ReviewSearchQuery; result: ReviewSearchResult };
  /** The site's countermeasure policy, and whether the viewer may change it. */
  'policy/get': { payload: Record<string, never>; result: PolicyView };
  /**
   * Changes the policy: Jira administrators only (FORBIDDEN otherwise). `expectedVersion` is the
   * `version` of the policy the admin edited: CONFLICT when someone saved it since (nothing written).
   */
  'policy/set': { payload: { dueDays: PolicyDueDays; expectedVersion: number }; result: PolicyView };
  /** Earlier reviews related to this incident's, as the viewer may see them (issue 17, item 3). */
  'review/related': { payload: { issueKey: string }; result: RelatedReviewsResult };
  /**
   * Posts one Jira comment as the user mentioning every participant of the meeting saved at
   * `version` (CONFLICT otherwise). Never twice for one meeting: CONFLICT when this meeting was
   * notified; when an earlier meeting was, only with `again: true`.
   */
  'meeting/notify': { payload: { issueKey: string; version: number; again?: boolean }; result: MeetingNotifyResult };
  /** The saved meeting as an iCalendar (.ics) file. */
  'meeting/ics': { payload: { issueKey: string }; result: { filename: string; ics: string } };
  /** People who commented on or were assigned to the incident's tickets, as the viewer may see them. */
  'meeting/suggestions': { payload: { issueKey: string }; result: Person[] };
  /** The review templates; with `issueKey` (which the caller must be able to browse), the one chosen for that incident. */
  'templates/get': { payload: { issueKey?: string }; result: TemplateSettings };
  /** Replaces the site's templates: Jira admins only (FORBIDDEN otherwise); CONFLICT when `version` is stale. */
  'templates/save': { payload: { templates: ReviewTemplate[]; version: number }; result: TemplateSettings };
}

export type ResolverKey = keyof ResolverMap;
