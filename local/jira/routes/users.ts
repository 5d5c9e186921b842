import { Router } from 'express';
import type { Db } from '../../db';
import { isGroupMember, JIRA_ADMINS } from '../../groups';
import { findUser, listUsers } from '../../users';
import { browsableProjectIds, canBrowseProjectId, findVisibleIssue } from '../access';
import { APP_USER } from '../catalog';
import { ctxOf, intParam, ISSUE_NOT_FOUND, listParam, sendErrors, stringParam, type Ctx } from '../http';
import { getProject } from '../store';
import { userBean } from '../user-serializer';

const PROJECT_PERMISSIONS: Record<string, { id: string; name: string; description: string }> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', description: 'Ability to assign issues to other people.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', description: 'Ability to comment on issues.' },
  ASSIGNABLE_USER: { id: '17', name: 'Assignable User', description: 'Users with this permission may be assigned to issues.' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', description: 'Ability to link issues together.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', description: 'Ability to transition issues.' },
};

/** Global permissions are not about a project: Jira answers them whatever project is named. */
const GLOBAL_PERMISSIONS: Record<string, { id: string; name: string; description: string }> = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  },
};

function fullUser(ctx: Ctx, accountId: string): Record<string, unknown> {
  return {
    ...userBean(ctx.db, ctx.base, accountId),
    locale: 'en_US',
    groups: { size: 0, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

/** GET /user/assignable/search, /user, /myself, /mypermissions. */
export function userRoutes(db: Db): Router {
  const r = Router();

  r.get('/user/assignable/search', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const projectParam = stringParam(req.query.project);
    const issueParam = stringParam(req.query.issueKey) ?? stringParam(req.query.issueId);
    if (!projectParam && !issueParam) return sendErrors(res, 400, ['The project, issueKey or issueId parameter is required.']);
    const query = stringParam(req.query.query);
    const accountId = stringParam(req.query.accountId);
    if (query !== undefined && accountId !== undefined) return sendErrors(res, 400, ['Provide either query or accountId, not both.']);
    let projectId: number;
    if (issueParam) {
      const issue = findVisibleIssue(db, ctx.principal, issueParam);
      if (!issue) return sendErrors(res, 404, [ISSUE_NOT_FOUND]);
      projectId = issue.project_id;
    } else {
      const project = getProject(db, projectParam!);
      if (!project || !canBrowseProjectId(db, ctx.principal, project.id))
        return sendErrors(res, 404, [`No project could be found with key '${projectParam}'.`]);
      projectId = project.id;
    }
    const startAt = Math.max(0, intParam(req.query.startAt) ?? 0);
    const maxResults = Math.min(1000, Math.max(1, intParam(req.query.maxResults) ?? 50));
    const q = query?.toLowerCase().trim() ?? '';
    const users = listUsers(db)
      .filter((u) => u.active && canBrowseProjectId(db, { kind: 'user', accountId: u.accountId }, projectId))
      .filter((u) => (accountId ? u.accountId === accountId : true))
      .filter(
        (u) =>
          q === '' ||
          u.displayName
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(q)) ||
          u.displayName.toLowerCase().startsWith(q) ||
          u.email.toLowerCase().startsWith(q),
      );
    res.json(users.slice(startAt, startAt + maxResults).map((u) => userBean(db, ctx.base, u.accountId)));
  });

  r.get('/user', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const accountId = stringParam(req.query.accountId);
    const user = accountId ? findUser(db, accountId) : undefined;
    if (accountId === APP_USER.accountId) return void res.json(fullUser(ctx, accountId));
    if (!user || user.accountId !== accountId) {
      return sendErrors(res, 404, ['Specified user does not exist or you do not have required permissions']);
    }
    res.json(fullUser(ctx, user.accountId));
  });

  r.get('/myself', (req, res) => {
    const ctx = ctxOf(db, req, res);
    res.json(fullUser(ctx, ctx.principal.kind === 'user' ? ctx.principal.accountId : APP_USER.accountId));
  });

  r.get('/mypermissions', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const keys = listParam(req.query.permissions);
    if (!keys || keys.length === 0) return sendErrors(res, 400, ['The permissions query parameter is required.']);
    const unknown = keys.find((k) => !PROJECT_PERMISSIONS[k] && !GLOBAL_PERMISSIONS[k]);
    if (unknown) return sendErrors(res, 400, [`Invalid permission key: ${unknown}`]);
    let have: boolean;
    const projectParam = stringParam(req.query.projectKey) ?? stringParam(req.query.projectId);
    const issueParam = stringParam(req.query.issueKey) ?? stringParam(req.query.issueId);
    if (issueParam) {
      if (!findVisibleIssue(db, ctx.principal, issueParam)) return sendErrors(res, 404, [ISSUE_NOT_FOUND]);
      have = true;
    } else if (projectParam) {
      const project = getProject(db, projectParam);
      if (!project || !canBrowseProjectId(db, ctx.principal, project.id)) {
        return sendErrors(res, 404, [`No project could be found with key '${projectParam}'.`]);
      }
      have = true;
    } else {
      have = browsableProjectIds(db, ctx.principal).size > 0;
    }
    // Only a person can be a Jira administrator here; the app's own user never is.
    const admin = ctx.principal.kind === 'user' && isGroupMember(db, JIRA_ADMINS.groupId, ctx.principal.accountId);
    res.json({
      permissions: Object.fromEntries(
        keys.map((k) =>
          GLOBAL_PERMISSIONS[k]
            ? [k, { ...GLOBAL_PERMISSIONS[k], key: k, type: 'GLOBAL', havePermission: admin }]
            : [k, { ...PROJECT_PERMISSIONS[k], key: k, type: 'PROJECT', havePermission: have }],
        ),
      ),
    });
  });

  return r;
}
