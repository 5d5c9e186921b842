import { Router } from 'express';
import type { Db } from '../../db';
import { canBrowseProjectId } from '../access';
import { issueTypeBean, priorityBean, projectRefBean } from '../beans';
import { DEFAULT_PRIORITY_ID, ISSUE_TYPES, PRIORITIES, priorityById, type IssueTypeDef } from '../catalog';
import { ctxOf, intParam, sendErrors, type Ctx } from '../http';
import { getProject, type ProjectRow } from '../store';

/** Issue types a project offers: Sub-task only when the project has sub-tasks enabled. */
export function projectIssueTypes(project: ProjectRow): IssueTypeDef[] {
  return ISSUE_TYPES.filter((t) => !t.subtask || project.subtasks_enabled === 1);
}

function paging(query: Record<string, unknown>): { startAt: number; maxResults: number } | string {
  const startAt = intParam(query.startAt);
  const maxResults = intParam(query.maxResults);
  if (startAt === null || maxResults === null) return 'startAt and maxResults must be integers.';
  if ((maxResults ?? 50) > 200) return "Parameter 'maxResults' must not exceed the limit '200'";
  return { startAt: Math.max(0, startAt ?? 0), maxResults: Math.max(1, maxResults ?? 50) };
}

function fieldsFor(ctx: Ctx, project: ProjectRow, type: IssueTypeDef): Record<string, unknown>[] {
  const f = (
    fieldId: string,
    name: string,
    required: boolean,
    schema: Record<string, string>,
    operations: string[],
    extra: Record<string, unknown> = {},
  ) => ({ required, schema: { ...schema, system: fieldId }, name, key: fieldId, fieldId, hasDefaultValue: false, operations, ...extra });
  return [
    f('summary', 'Summary', true, { type: 'string' }, ['set']),
    f('issuetype', 'Issue Type', true, { type: 'issuetype' }, [], { allowedValues: [issueTypeBean(ctx.base, type)] }),
    ...(type.subtask ? [f('parent', 'Parent', true, { type: 'issuelink' }, ['set'])] : []),
    f('project', 'Project', true, { type: 'project' }, ['set'], { allowedValues: [projectRefBean(ctx.base, project)] }),
    f('description', 'Description', false, { type: 'string' }, ['set']),
    f('reporter', 'Reporter', true, { type: 'user' }, ['set'], {
      hasDefaultValue: true,
      autoCompleteUrl: `${ctx.base}/rest/api/3/user/search?query=`,
    }),
    f('assignee', 'Assignee', false, { type: 'user' }, ['set'], {
      autoCompleteUrl: `${ctx.base}/rest/api/3/user/assignable/search?project=${project.key}&query=`,
    }),
    f('priority', 'Priority', false, { type: 'priority' }, ['set'], {
      hasDefaultValue: true,
      defaultValue: priorityBean(ctx.base, priorityById(DEFAULT_PRIORITY_ID)!),
      allowedValues: PRIORITIES.map((p) => priorityBean(ctx.base, p)),
    }),
    f('labels', 'Labels', false, { type: 'array', items: 'string' }, ['add', 'set', 'remove'], {
      autoCompleteUrl: `${ctx.base}/rest/api/1.0/labels/suggest?query=`,
    }),
    f('duedate', 'Due date', false, { type: 'date' }, ['set']),
  ];
}

/** GET /issue/createmeta/{project}/issuetypes and /issuetypes/{issueTypeId} (both paged). */
export function createMetaRoutes(db: Db): Router {
  const r = Router();

  const projectFor = (ctx: Ctx, idOrKey: string): ProjectRow | undefined => {
    const p = getProject(db, idOrKey);
    return p && canBrowseProjectId(db, ctx.principal, p.id) ? p : undefined;
  };

  r.get('/issue/createmeta/:projectIdOrKey/issuetypes', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const page = paging(req.query);
    if (typeof page === 'string') return sendErrors(res, 400, [page]);
    const project = projectFor(ctx, req.params.projectIdOrKey);
    if (!project) return sendErrors(res, 400, [`No project could be found with key '${req.params.projectIdOrKey}'.`]);
    const types = projectIssueTypes(project);
    res.json({
      maxResults: page.maxResults,
      startAt: page.startAt,
      total: types.length,
      issueTypes: types.slice(page.startAt, page.startAt + page.maxResults).map((t) => ({
        ...issueTypeBean(ctx.base, t),
        self: `${ctx.base}/rest/api/3/issuetype/${t.id}`,
      })),
    });
  });

  r.get('/issue/createmeta/:projectIdOrKey/issuetypes/:issueTypeId', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const page = paging(req.query);
    if (typeof page === 'string') return sendErrors(res, 400, [page]);
    const project = projectFor(ctx, req.params.projectIdOrKey);
    if (!project) return sendErrors(res, 400, [`No project could be found with key '${req.params.projectIdOrKey}'.`]);
    const type = projectIssueTypes(project).find((t) => t.id === req.params.issueTypeId);
    if (!type)
      return sendErrors(res, 400, [
        `The issue type with id '${req.params.issueTypeId}' does not exist or is not available in project '${project.key}'.`,
      ]);
    const fields = fieldsFor(ctx, project, type);
    res.json({
      maxResults: page.maxResults,
      startAt: page.startAt,
      total: fields.length,
      fields: fields.slice(page.startAt, page.startAt + page.maxResults),
    });
  });

  return r;
}
