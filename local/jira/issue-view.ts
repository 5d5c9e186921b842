import type { DocNode } from '@atlaskit/adf-schema';
import type { Db } from '../db';
import type { Principal } from '../principal';
import { findVisibleIssue } from './access';
import { priorityOf, statusOf, typeOf } from './beans';
import { categoryOf } from './catalog';
import { jiraDate } from './dates';
import { getProjectById } from './store';
import { displayNameOf } from './user-serializer';

/** What the host's issue page (`/browse/KEY`) shows around the app's panel. */
export interface IssueView {
  id: string;
  key: string;
  summary: string;
  description: DocNode | null;
  issueType: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  priority: string | null;
  assignee: string | null;
  reporter: string | null;
  created: string;
  updated: string;
  projectKey: string;
  projectName: string;
}

/** The issue for the host page, or null when it does not exist or the principal may not browse it. */
export function readIssueForView(db: Db, key: string, principal: Principal): IssueView | null {
  const row = findVisibleIssue(db, principal, key);
  if (!row) return null;
  const project = getProjectById(db, row.project_id);
  const status = statusOf(row);
  return {
    id: String(row.id),
    key: row.key,
    summary: row.summary,
    description: row.description ? (JSON.parse(row.description) as DocNode) : null,
    issueType: typeOf(row).name,
    status: { name: status.name, category: categoryOf(status).key },
    priority: priorityOf(row).name,
    assignee: displayNameOf(db, row.assignee),
    reporter: displayNameOf(db, row.reporter),
    created: jiraDate(row.created),
    updated: jiraDate(row.updated),
    projectKey: project.key,
    projectName: project.name,
  };
}
