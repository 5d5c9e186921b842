import type { Db } from '../db';
import { findGroup, isGroupMember } from '../groups';
import type { Principal } from '../principal';
import { getIssue, getProject, type IssueRow } from './store';

/** Browse permission: apps see every project, users only projects listing them as browsers. */
export function canBrowseProjectId(db: Db, principal: Principal, projectId: number): boolean {
  if (principal.kind === 'app') return true;
  return (
    db.prepare('SELECT 1 FROM jira_project_browsers WHERE project_id = ? AND account_id = ?').get(projectId, principal.accountId) !==
    undefined
  );
}

export function canBrowseProject(db: Db, principal: Principal, projectKey: string): boolean {
  const project = getProject(db, projectKey);
  return project !== undefined && canBrowseProjectId(db, principal, project.id);
}

export function browsableProjectIds(db: Db, principal: Principal): Set<number> {
  const rows =
    principal.kind === 'app'
      ? db.prepare('SELECT id FROM jira_projects').all()
      : db.prepare('SELECT project_id AS id FROM jira_project_browsers WHERE account_id = ?').all(principal.accountId);
  return new Set((rows as { id: number }[]).map((r) => r.id));
}

/** The issue when it exists and the principal may browse its project. */
export function findVisibleIssue(db: Db, principal: Principal, idOrKey: string): IssueRow | undefined {
  const issue = getIssue(db, idOrKey);
  return issue && canBrowseProjectId(db, principal, issue.project_id) ? issue : undefined;
}

export function isInProjectRole(db: Db, projectId: number, role: string, accountId: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM jira_project_roles WHERE project_id = ? AND lower(role) = lower(?) AND account_id = ?')
      .get(projectId, role, accountId) !== undefined
  );
}

export function projectRoleExists(db: Db, projectId: number, role: string): boolean {
  return db.prepare('SELECT 1 FROM jira_project_roles WHERE project_id = ? AND lower(role) = lower(?)').get(projectId, role) !== undefined;
}

/**
 * Whether a restricted comment is visible, as Jira decides it: a `role` restriction admits the
 * members of that role in the comment's project, a `group` restriction the members of that site
 * group (a group that no longer exists admits no user). Apps see every comment.
 */
export function canSeeComment(
  db: Db,
  principal: Principal,
  projectId: number,
  visibility: { type: string | null; value: string | null },
): boolean {
  if (!visibility.type || !visibility.value || principal.kind === 'app') return true;
  if (visibility.type === 'group') {
    const group = findGroup(db, visibility.value);
    return group !== undefined && isGroupMember(db, group.group_id, principal.accountId);
  }
  return isInProjectRole(db, projectId, visibility.value, principal.accountId);
}
