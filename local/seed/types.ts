import type { DocNode } from '@atlaskit/adf-schema';

/**
 * Plain data describing seed scenarios; `local/jira/seed-loader.ts` turns it into rows.
 * People are named by email (see `local/users.ts`); times are ISO-8601 strings with offset.
 */
export type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
export type IssueTypeName = 'Incident' | 'Task' | 'Sub-task' | 'Support request' | 'Bug';
export type LinkTypeName = 'Relates' | 'Blocks' | 'Causes' | 'Duplicate' | 'Cloners';

export interface SeedProject {
  key: string;
  name: string;
  lead: string;
  /** Emails of the users who may browse the project. */
  browsers: readonly string[];
  /** Whether the project's issue types include Sub-task (createmeta shows it). */
  subtasksEnabled: boolean;
  /** Project roles (e.g. Developers, Administrators) → member emails; used by comment visibility. */
  roles: Readonly<Record<string, readonly string[]>>;
}

export interface SeedComment {
  at: string;
  author: string;
  /** Plain text (blank lines split paragraphs) or a full ADF document. */
  body: string | DocNode;
  /** Restricts the comment like Jira's comment visibility. */
  visibility?: { type: 'role' | 'group'; value: string };
}

export interface SeedChange {
  at: string;
  author: string;
  field: 'status' | 'assignee' | 'priority' | 'resolution' | 'summary' | 'labels';
  /** Display strings; for assignee an email or null. */
  from: string | null;
  to: string | null;
}

export interface SeedRemoteLink {
  globalId?: string;
  url: string;
  title: string;
  summary?: string;
}

export interface SeedIssue {
  key: string;
  type: IssueTypeName;
  summary: string;
  description?: string | DocNode;
  priority: PriorityName;
  /** Status at creation; `changes` walk it to its final value. */
  initialStatus: string;
  reporter: string;
  /** Assignee at creation; `changes` may reassign. */
  initialAssignee?: string | null;
  created: string;
  labels?: readonly string[];
  parent?: string;
  comments: readonly SeedComment[];
  changes: readonly SeedChange[];
  remoteLinks?: readonly SeedRemoteLink[];
}

export interface SeedLink {
  type: LinkTypeName;
  /** The issue the outward wording speaks from ("INC-1 causes SUP-4": outward = INC-1). */
  outward: string;
  inward: string;
}

export interface SeedScenario {
  projects: readonly SeedProject[];
  issues: readonly SeedIssue[];
  links: readonly SeedLink[];
}
