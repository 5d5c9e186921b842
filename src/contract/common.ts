/** Errors, results and the incident as Jira gives it: what every feature's answers share. Part of the contract (src/contract.ts). */
import type {
  ActionQuestion,
  EntryKind,
  EntrySource,
  Impact,
  KeyMomentName,
  ManualKind,
  ParticipantRole,
  Phase,
  RequirableField,
  ReviewStatus,
  TemplateSection,
} from '../vocabulary';

/** The vocabulary's types (src/vocabulary.ts holds the values and their labels). */
export type {
  ActionQuestion,
  EntryKind,
  EntrySource,
  Impact,
  KeyMomentName,
  ManualKind,
  ParticipantRole,
  Phase,
  RequirableField,
  ReviewStatus,
  TemplateSection,
};
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
