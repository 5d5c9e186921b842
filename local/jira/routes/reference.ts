import { Router } from 'express';
import type { Db } from '../../db';
import { canBrowseProjectId } from '../access';
import { issueTypeBean, priorityBean, projectAvatarUrls } from '../beans';
import { DEFAULT_PRIORITY_ID, PRIORITIES } from '../catalog';
import { ctxOf, sendErrors } from '../http';
import { getProject } from '../store';
import { userBean } from '../user-serializer';
import { projectIssueTypes } from './createmeta';

/** GET /priority and GET /project/{projectIdOrKey}. */
export function referenceRoutes(db: Db): Router {
  const r = Router();

  r.get('/priority', (req, res) => {
    const ctx = ctxOf(db, req, res);
    res.json(
      PRIORITIES.map((p) => ({
        ...priorityBean(ctx.base, p),
        statusColor: p.statusColor,
        description: `${p.name} priority.`,
        isDefault: p.id === DEFAULT_PRIORITY_ID,
      })),
    );
  });

  r.get('/project/:projectIdOrKey', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const p = getProject(db, req.params.projectIdOrKey);
    if (!p || !canBrowseProjectId(db, ctx.principal, p.id)) {
      return sendErrors(res, 404, [`No project could be found with key '${req.params.projectIdOrKey}'.`]);
    }
    const roles = (
      db.prepare('SELECT DISTINCT role FROM jira_project_roles WHERE project_id = ? ORDER BY role').all(p.id) as { role: string }[]
    ).map((row, i): [string, string] => [row.role, `${ctx.base}/rest/api/3/project/${p.id}/role/${10002 + i}`]);
    res.json({
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: `${ctx.base}/rest/api/3/project/${p.id}`,
      id: String(p.id),
      key: p.key,
      name: p.name,
      description: '',
      ...(p.lead_account_id ? { lead: userBean(db, ctx.base, p.lead_account_id) } : {}),
      components: [],
      versions: [],
      issueTypes: projectIssueTypes(p).map((t) => issueTypeBean(ctx.base, t)),
      assigneeType: 'UNASSIGNED',
      roles: Object.fromEntries(roles),
      avatarUrls: projectAvatarUrls(ctx.base, p),
      projectTypeKey: 'software',
      simplified: false,
      style: 'classic',
      isPrivate: false,
      properties: {},
    });
  });

  return r;
}
