/** The review document: learnings, contributing factors, action items, the blameless check. Part of the contract (src/contract.ts). */
import type { ActionQuestion, IssueStatus, ParticipantRole, Person, ReviewStatus } from './common';
import type { TemplateUse } from './templates';

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
export type FactorCategory =
  'change' | 'configuration' | 'capacity' | 'dependency' | 'detection' | 'knowledge' | 'process' | 'hardware-network' | 'other';

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

// The review meeting: participants notified.
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
