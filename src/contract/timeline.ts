/** The timeline: entries, annotations, key moments, metrics, pages and the answers of its edits. Part of the contract (src/contract.ts). */
import type { EntryKind, EntrySource, Impact, IncidentOverview, KeyMomentName, ManualKind, Person, Phase, Severity } from './common';

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
