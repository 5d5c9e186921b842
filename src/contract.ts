/**
 * The one typed contract between the Custom UI and the resolvers. The UI imports it with
 * `import type` only; nothing here may import from `static/`.
 */
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UPSTREAM' | 'INTERNAL';

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

/** Resolver keys read like routes; each maps its payload to its result. */
export interface ResolverMap {
  'incident/get': { payload: { issueKey: string }; result: IncidentOverview };
}

export type ResolverKey = keyof ResolverMap;
