/** Every resolver key with its payload and its result: the one map both sides are typed by. Part of the contract (src/contract.ts). */
import type { IncidentOverview, KeyMomentName, Person, ReviewStatus, SeverityLevel } from './common';
import type { PolicyDueDays, PolicyView, RelatedReviewsResult, SummaryInsights } from './insights';
import type {
  ExternalSummary,
  MacroConfig,
  MacroResult,
  PageSummary,
  PublishResult,
  PublishState,
  PublishTarget,
  SpaceSummary,
} from './publish';
import type {
  ActionItemConflict,
  ActionItemInput,
  ActionSyncResult,
  BlamelessFinding,
  CheckedField,
  MeetingNotifyResult,
  ReviewContent,
  ReviewDoc,
} from './review';
import type { ReviewSearchQuery, ReviewSearchResult } from './search';
import type { IncidentSummary, SummariesResult, SummaryQuery } from './summaries';
import type { ReviewTemplate, TemplateSettings } from './templates';
import type {
  AnnotationPatch,
  ChatImportEntry,
  ChatImportResult,
  EntryKey,
  EntryPage,
  ManualEntryInput,
  NarrativeDraft,
  TimelineChange,
  TimelineResult,
  TimelineView,
} from './timeline';

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
  'timeline/annotate': {
    payload: { issueKey: string; entryId: string; patch: AnnotationPatch; version: number; at?: string };
    result: TimelineChange;
  };
  'timeline/manual/add': { payload: { issueKey: string; entry: ManualEntryInput; version: number }; result: TimelineChange };
  'timeline/manual/update': {
    payload: { issueKey: string; entryId: string; entry: ManualEntryInput; version: number };
    result: TimelineChange;
  };
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
  'review/save': {
    payload: { issueKey: string; content: ReviewContent; actionItems: ActionItemInput[]; version: number };
    result: ReviewDoc;
  };
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
  'actions/settle': {
    payload: { issueKey: string; itemId: string; conflict: ActionItemConflict; keep: 'mine' | 'jira'; version: number };
    result: ReviewDoc;
  };
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
  'publish/internal': {
    payload: { issueKey: string; target: PublishTarget; version: number; timeZone?: string; includeRestricted?: boolean };
    result: PublishResult;
  };
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
