/** The slices of Jira REST v3 JSON the app reads; mapped to domain types at the boundary. */
export interface JiraUser {
  accountId: string;
  displayName: string;
}

export interface JiraStatus {
  name: string;
  statusCategory: { key: string };
}

export interface JiraLinkedIssueRef {
  key: string;
  fields: {
    summary: string;
    status: JiraStatus;
    issuetype: { name: string };
    priority?: { name: string } | null;
  };
}

export interface JiraIssueLink {
  id: string;
  type: { name: string; inward: string; outward: string };
  inwardIssue?: JiraLinkedIssueRef;
  outwardIssue?: JiraLinkedIssueRef;
}

export interface JiraIssue {
  id: string;
  key: string;
  fields: {
    summary: string;
    status: JiraStatus;
    issuetype: { name: string };
    priority?: { name: string } | null;
    assignee?: JiraUser | null;
    reporter?: JiraUser | null;
    created: string;
    resolutiondate?: string | null;
    issuelinks?: JiraIssueLink[];
  };
}
