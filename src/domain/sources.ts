import type { CommentRestriction, IssueStatus, Person } from '../contract';

/**
 * Jira data about one incident, already translated from REST JSON at the adapter boundary
 * (src/jira/timeline-fetcher.ts). The domain builds the timeline from this and nothing else.
 * All times are ISO-8601 UTC instants (`2026-10-17T18:46:30.000Z`).
 */
export interface SourceIssue {
  key: string;
  id: string;
  summary: string;
  issueType: string;
  status: IssueStatus;
  priority: string | null;
  created: string;
  resolved: string | null;
  reporter: Person | null;
  assignee: Person | null;
  /** 'incident' for the incident itself, 'sub-task' for its sub-tasks, else the link wording from the incident's side ("is caused by"). */
  relation: string;
  url: string;
}

export interface SourceComment {
  id: string;
  issueKey: string;
  author: Person | null;
  created: string;
  updated: string;
  /** The comment body as Jira returns it (an ADF document). */
  body: unknown;
  /** The comment has a visibility restriction (role or group); it was returned because the caller may see it. */
  restricted: boolean;
  /** Who the restriction admits, as Jira names it (null when unrestricted, or when Jira names no role or group). */
  restriction?: CommentRestriction | null;
  url: string;
}

export interface SourceChange {
  /** Changelog history id; one history can hold several items. */
  historyId: string;
  issueKey: string;
  author: Person | null;
  at: string;
  /** Jira's field name ("status", "assignee", "priority", "resolution", "Link", "RemoteIssueLink", …). */
  field: string;
  from: string | null;
  to: string | null;
  /** Ids behind the display strings (accountIds for assignee, status ids…), when Jira gives them. */
  fromId: string | null;
  toId: string | null;
}

export interface SourceRemoteLink {
  id: string;
  issueKey: string;
  title: string;
  url: string;
  globalId: string | null;
}

export interface IncidentSources {
  incident: SourceIssue;
  /** Linked issues (either direction, any link type) and sub-tasks of the incident. */
  related: SourceIssue[];
  comments: SourceComment[];
  changes: SourceChange[];
  remoteLinks: SourceRemoteLink[];
  /** When the pull happened (from the caller's clock). */
  pulledAt: string;
}
