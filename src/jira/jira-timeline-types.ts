import type { JiraIssue, JiraUser } from './jira-types';

/** The slices of Jira REST v3 JSON the timeline pull reads; mapped to domain types at the boundary. */

/** `fields.subtasks[]` and the issue inside a link: enough to know the key and id. */
export interface JiraIssueRef {
  id: string;
  key: string;
}

/** A Comment bean (GET /issue/{key}/comment, `fields.comment.comments[]`). */
export interface JiraComment {
  id: string;
  author?: JiraUser | null;
  body?: unknown;
  created: string;
  updated?: string;
  /** Present when the comment is restricted to a role or group. */
  visibility?: { type: string; value?: string; identifier?: string } | null;
}

/** `fields.comment` is an object, not an array (the spec's example is wrong), and it is capped. */
export interface JiraCommentPage {
  comments: JiraComment[];
  startAt?: number;
  maxResults?: number;
  total: number;
}

/** An entry of `fields.issuelinks`: `outwardIssue` reads "this issue <type.outward> it", `inwardIssue` "this issue <type.inward> it". */
export interface JiraTimelineLink {
  id: string;
  type: { name: string; inward: string; outward: string };
  inwardIssue?: JiraIssueRef;
  outwardIssue?: JiraIssueRef;
}

/** An issue with the fields the timeline needs (GET /issue/{key}, POST /issue/bulkfetch). */
export interface JiraTimelineIssue {
  id: string;
  key: string;
  /** The overview's fields, with links read only as references, plus sub-tasks and the embedded comment page. */
  fields: Omit<JiraIssue['fields'], 'issuelinks'> & {
    issuelinks?: JiraTimelineLink[];
    subtasks?: JiraIssueRef[];
    comment?: JiraCommentPage;
  };
}

export interface JiraBulkFetchResponse {
  issues: JiraTimelineIssue[];
  issueErrors?: { id: string; errorMessage?: string }[];
}

/** One changed field of a history (ChangeDetails); `toString` is sent as '' by some servers when empty. */
export interface JiraChangeItem {
  field: string;
  fieldId?: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  toString?: string | null;
}

/** A Changelog bean; `created` is an epoch number in the bulk fetch and an ISO string elsewhere. */
export interface JiraHistory {
  id: string;
  author?: JiraUser | null;
  created: string | number;
  items: JiraChangeItem[];
}

/** POST /changelog/bulkfetch: histories grouped by issue id, token paged. */
export interface JiraBulkChangelogResponse {
  issueChangeLogs?: { issueId: string; changeHistories?: JiraHistory[] }[];
  nextPageToken?: string | null;
}

/** GET /issue/{key}/remotelink element. */
export interface JiraRemoteLink {
  id: number | string;
  globalId?: string | null;
  object?: { url?: string; title?: string } | null;
}
