import type { Db } from '../db';

/** Raw rows of the Jira tables and the lookups every route needs. */
export interface ProjectRow {
  id: number;
  key: string;
  name: string;
  lead_account_id: string | null;
  subtasks_enabled: number;
}
export interface IssueRow {
  id: number;
  key: string;
  project_id: number;
  num: number;
  type_id: string;
  summary: string;
  description: string | null;
  status_id: string;
  priority_id: string;
  assignee: string | null;
  reporter: string | null;
  creator: string | null;
  created: number;
  updated: number;
  resolved: number | null;
  status_changed: number | null;
  duedate: string | null;
  labels: string;
  parent_id: number | null;
}
export interface CommentRow {
  id: number;
  issue_id: number;
  author: string;
  update_author: string;
  body: string;
  created: number;
  updated: number;
  visibility_type: string | null;
  visibility_value: string | null;
}
export interface LinkRow {
  id: number;
  type_id: string;
  source_id: number;
  dest_id: number;
}

export function getProject(db: Db, idOrKey: string): ProjectRow | undefined {
  return (
    /^\d+$/.test(idOrKey)
      ? db.prepare('SELECT * FROM jira_projects WHERE id = ?').get(Number(idOrKey))
      : db.prepare('SELECT * FROM jira_projects WHERE key = ?').get(idOrKey.toUpperCase())
  ) as ProjectRow | undefined;
}

export function getProjectById(db: Db, id: number): ProjectRow {
  return db.prepare('SELECT * FROM jira_projects WHERE id = ?').get(id) as ProjectRow;
}

export function getIssue(db: Db, idOrKey: string): IssueRow | undefined {
  return (
    /^\d+$/.test(idOrKey)
      ? db.prepare('SELECT * FROM jira_issues WHERE id = ?').get(Number(idOrKey))
      : db.prepare('SELECT * FROM jira_issues WHERE key = ?').get(idOrKey.trim().toUpperCase())
  ) as IssueRow | undefined;
}

export function getIssueById(db: Db, id: number): IssueRow | undefined {
  return db.prepare('SELECT * FROM jira_issues WHERE id = ?').get(id) as IssueRow | undefined;
}

export function allIssues(db: Db): IssueRow[] {
  return db.prepare('SELECT * FROM jira_issues').all() as IssueRow[];
}

export function labelsOf(row: IssueRow): string[] {
  return JSON.parse(row.labels) as string[];
}

export function touchIssue(db: Db, issueId: number, at: number): void {
  db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id = ?').run(at, issueId);
}
