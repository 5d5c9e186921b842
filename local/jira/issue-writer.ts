import { z } from 'zod';
import type { Principal } from '../principal';
import { findUser } from '../users';
import { canBrowseProjectId, findVisibleIssue } from './access';
import { adfTextLength, adfToText, isAdfDoc, JIRA_TEXT_LIMIT } from './adf';
import { typeOf } from './beans';
import {
  APP_USER,
  DEFAULT_PRIORITY_ID,
  initialStatusFor,
  issueTypeById,
  issueTypeByName,
  priorityById,
  priorityByName,
  type IssueTypeDef,
} from './catalog';
import { recordChange, type ChangeItem } from './changelog';
import { isCalendarDate } from './dates';
import type { Ctx } from './http';
import { getProject, labelsOf, type IssueRow, type ProjectRow } from './store';
import { displayNameOf } from './user-serializer';

/** Request body of POST /issue, each element of POST /issue/bulk, and PUT /issue/{key}. */
export const issueUpdateSchema = z.object({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  properties: z.array(z.object({ key: z.string().min(1), value: z.unknown() })).optional(),
  historyMetadata: z.unknown().optional(),
  transition: z.unknown().optional(),
});
export type IssueUpdate = z.infer<typeof issueUpdateSchema>;

export interface FieldErrors {
  errorMessages: string[];
  errors: Record<string, string>;
}
const hasErrors = (e: FieldErrors) => e.errorMessages.length > 0 || Object.keys(e.errors).length > 0;

const EDITABLE = new Set(['summary', 'description', 'assignee', 'priority', 'labels', 'duedate']);
const CREATABLE = new Set([...EDITABLE, 'project', 'issuetype', 'parent', 'reporter']);
const cannotSet = (f: string) => `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** Normalised values of the editable fields (undefined = not given). */
interface Values {
  summary?: string;
  description?: string | null;
  assignee?: string | null;
  priorityId?: string;
  labels?: string[];
  duedate?: string | null;
  reporter?: string;
}

export const actorOf = (p: Principal): string => (p.kind === 'user' ? p.accountId : APP_USER.accountId);

function ref(value: unknown): { id?: string; key?: string; name?: string; accountId?: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const s = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : undefined);
  return { id: s(v.id), key: s(v.key), name: s(v.name), accountId: s(v.accountId) };
}

/** Merges `update` operations into plain field values (set / add / remove). */
function mergeUpdate(body: IssueUpdate, current: IssueRow | undefined, errors: FieldErrors): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...(body.fields ?? {}) };
  for (const [field, ops] of Object.entries(body.update ?? {})) {
    if (field in fields) {
      errors.errors[field] = `Field '${field}' cannot be set in both 'fields' and 'update'.`;
      continue;
    }
    if (field === 'labels') {
      let labels = current ? labelsOf(current) : [];
      for (const op of ops) {
        if ('set' in op) labels = Array.isArray(op.set) ? op.set.map(String) : [];
        if ('add' in op) labels = labels.includes(String(op.add)) ? labels : [...labels, String(op.add)];
        if ('remove' in op) labels = labels.filter((l) => l !== String(op.remove));
      }
      fields.labels = labels;
    } else {
      const set = ops.find((op) => 'set' in op);
      if (set) fields[field] = set.set;
      else errors.errors[field] = `Field '${field}' supports only the 'set' operation.`;
    }
  }
  return fields;
}

function parseValues(ctx: Ctx, project: ProjectRow, fields: Record<string, unknown>, allowed: Set<string>, errors: FieldErrors): Values {
  const v: Values = {};
  const e = errors.errors;
  for (const [field, value] of Object.entries(fields)) {
    if (!allowed.has(field)) {
      e[field] = cannotSet(field);
      continue;
    }
    switch (field) {
      case 'summary':
        if (typeof value !== 'string' || value.trim() === '') e.summary = 'You must specify a summary of the issue.';
        else if (value.length > 255) e.summary = 'Summary must be less than 255 characters.';
        else if (/[\r\n]/.test(value)) e.summary = 'The summary is invalid because it contains newline characters.';
        else v.summary = value;
        break;
      case 'description':
        if (value === null) v.description = null;
        else if (!isAdfDoc(value)) e.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
        else if (adfTextLength(value) > JIRA_TEXT_LIMIT)
          e.description = 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';
        else v.description = JSON.stringify(value);
        break;
      case 'assignee':
      case 'reporter': {
        if (value === null && field === 'assignee') {
          v.assignee = null;
          break;
        }
        const r = ref(value);
        const accountId = r?.accountId ?? r?.id;
        const user = accountId ? findUser(ctx.db, accountId) : undefined;
        const ok =
          user !== undefined &&
          user.active &&
          (field === 'reporter' || canBrowseProjectId(ctx.db, { kind: 'user', accountId: user.accountId }, project.id));
        if (!ok)
          e[field] = field === 'assignee' ? `User '${accountId ?? ''}' cannot be assigned issues.` : 'Specify a valid value for reporter.';
        else if (field === 'assignee') v.assignee = user.accountId;
        else v.reporter = user.accountId;
        break;
      }
      case 'priority': {
        const r = ref(value);
        const p = r?.id ? priorityById(r.id) : r?.name ? priorityByName(r.name) : undefined;
        if (!r || (!r.id && !r.name)) e.priority = 'Specify the Priority (id or name) in the string format';
        else if (!p) e.priority = r.id ? `The priority selected is invalid.` : `Priority name '${r.name}' is not valid`;
        else v.priorityId = p.id;
        break;
      }
      case 'labels':
        if (!Array.isArray(value) || !value.every((l) => typeof l === 'string')) {
          e.labels = 'Specify the labels as an array of strings.';
          break;
        }
        {
          const bad = value.find((l) => /\s/.test(l) || l === '');
          const long = value.find((l) => l.length > 255);
          if (bad !== undefined) e.labels = `The label '${bad}' contains spaces which is invalid.`;
          else if (long !== undefined) e.labels = 'The label must not exceed 255 characters.';
          else v.labels = [...new Set(value)];
        }
        break;
      case 'duedate':
        if (value === null || value === '') v.duedate = null;
        else if (typeof value !== 'string' || !isCalendarDate(value))
          e.duedate = `Error parsing date string: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
        else v.duedate = value;
        break;
      default:
        break;
    }
  }
  return v;
}

export type CreateResult = { ok: true; row: IssueRow } | { ok: false; status: number; errors: FieldErrors };

/** Validates and creates one issue (POST /issue and each element of POST /issue/bulk). */
export function createIssue(ctx: Ctx, body: IssueUpdate): CreateResult {
  const errors: FieldErrors = { errorMessages: [], errors: {} };
  const fields = mergeUpdate(body, undefined, errors);
  const pRef = ref(fields.project);
  const project = pRef?.id ? getProject(ctx.db, pRef.id) : pRef?.key ? getProject(ctx.db, pRef.key) : undefined;
  if (!project || !canBrowseProjectId(ctx.db, ctx.principal, project.id)) {
    errors.errors.project = 'Specify a valid project ID or key';
    return { ok: false, status: 400, errors };
  }
  const tRef = ref(fields.issuetype);
  let type: IssueTypeDef | undefined;
  if (!tRef || (!tRef.id && !tRef.name)) errors.errors.issuetype = 'Specify an issue type';
  else {
    type = tRef.id ? issueTypeById(tRef.id) : issueTypeByName(tRef.name!);
    if (!type || (type.subtask && project.subtasks_enabled !== 1)) {
      errors.errors.issuetype = 'The issue type selected is invalid.';
      type = undefined;
    }
  }
  if (fields.summary === undefined) errors.errors.summary = 'You must specify a summary of the issue.';
  const values = parseValues(ctx, project, fields, CREATABLE, errors);

  let parent: IssueRow | undefined;
  if (fields.parent !== undefined && fields.parent !== null) {
    const r = ref(fields.parent);
    parent = r?.id || r?.key ? findVisibleIssue(ctx.db, ctx.principal, (r.key ?? r.id)!) : undefined;
    if (!parent) errors.errors.parent = `Could not find issue by id or key.`;
    else if (type && !type.subtask) errors.errors.parent = 'Given parent issue does not belong to appropriate hierarchy.';
    else if (typeOf(parent).subtask) errors.errors.parent = 'Given parent issue does not belong to appropriate hierarchy.';
    else if (parent.project_id !== project.id) errors.errors.project = 'Sub-tasks must be created in the same project as the parent.';
  } else if (type?.subtask) {
    errors.errors.parent = 'Specify a valid parent issue for the sub-task.';
  }
  if (hasErrors(errors) || !type) return { ok: false, status: 400, errors };

  const now = Date.now();
  const id = (ctx.db.prepare('SELECT COALESCE(MAX(id), 9999) + 1 AS n FROM jira_issues').get() as { n: number }).n;
  const num = (
    ctx.db.prepare('SELECT COALESCE(MAX(num), 0) + 1 AS n FROM jira_issues WHERE project_id = ?').get(project.id) as { n: number }
  ).n;
  const actor = actorOf(ctx.principal);
  ctx.db
    .prepare(
      `INSERT INTO jira_issues (id, key, project_id, num, type_id, summary, description, status_id, priority_id,
    assignee, reporter, creator, created, updated, resolved, status_changed, duedate, labels, parent_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    )
    .run(
      id,
      `${project.key}-${num}`,
      project.id,
      num,
      type.id,
      values.summary!,
      values.description ?? null,
      initialStatusFor(type).id,
      values.priorityId ?? DEFAULT_PRIORITY_ID,
      values.assignee ?? null,
      values.reporter ?? actor,
      actor,
      now,
      now,
      now,
      values.duedate ?? null,
      JSON.stringify(values.labels ?? []),
      parent?.id ?? null,
    );
  for (const p of body.properties ?? []) setProperty(ctx, id, p.key, p.value);
  return { ok: true, row: ctx.db.prepare('SELECT * FROM jira_issues WHERE id = ?').get(id) as IssueRow };
}

export type EditResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Validates and applies PUT /issue/{key}, recording one changelog entry for the changed fields. */
export function editIssue(ctx: Ctx, row: IssueRow, body: IssueUpdate): EditResult {
  const errors: FieldErrors = { errorMessages: [], errors: {} };
  const fields = mergeUpdate(body, row, errors);
  const project = ctx.db.prepare('SELECT * FROM jira_projects WHERE id = ?').get(row.project_id) as ProjectRow;
  const v = parseValues(ctx, project, fields, EDITABLE, errors);
  if (hasErrors(errors)) return { ok: false, errors };

  const items: ChangeItem[] = [];
  const sets: string[] = [];
  const args: unknown[] = [];
  const change = (column: string, value: unknown, item: ChangeItem | undefined) => {
    sets.push(`${column} = ?`);
    args.push(value);
    if (item) items.push(item);
  };
  if (v.summary !== undefined && v.summary !== row.summary) {
    change('summary', v.summary, {
      field: 'summary',
      fieldId: 'summary',
      from: null,
      fromString: row.summary,
      to: null,
      toString: v.summary,
    });
  }
  if (v.description !== undefined && v.description !== row.description) {
    const text = (s: string | null) => (s ? adfToText(JSON.parse(s)) : null);
    change('description', v.description, {
      field: 'description',
      fieldId: 'description',
      from: null,
      fromString: text(row.description),
      to: null,
      toString: text(v.description),
    });
  }
  if (v.assignee !== undefined && v.assignee !== row.assignee) {
    change('assignee', v.assignee, {
      field: 'assignee',
      fieldId: 'assignee',
      from: row.assignee,
      fromString: displayNameOf(ctx.db, row.assignee),
      to: v.assignee,
      toString: displayNameOf(ctx.db, v.assignee),
    });
  }
  if (v.priorityId !== undefined && v.priorityId !== row.priority_id) {
    change('priority_id', v.priorityId, {
      field: 'priority',
      fieldId: 'priority',
      from: row.priority_id,
      fromString: priorityById(row.priority_id)!.name,
      to: v.priorityId,
      toString: priorityById(v.priorityId)!.name,
    });
  }
  if (v.labels !== undefined && JSON.stringify(v.labels) !== row.labels) {
    change('labels', JSON.stringify(v.labels), {
      field: 'labels',
      fieldId: 'labels',
      from: null,
      fromString: labelsOf(row).join(' '),
      to: null,
      toString: v.labels.join(' '),
    });
  }
  if (v.duedate !== undefined && v.duedate !== row.duedate) {
    change('duedate', v.duedate, {
      field: 'duedate',
      fieldId: 'duedate',
      from: row.duedate,
      fromString: row.duedate ? `${row.duedate} 00:00:00.0` : null,
      to: v.duedate,
      toString: v.duedate ? `${v.duedate} 00:00:00.0` : null,
    });
  }
  const now = Date.now();
  ctx.db.transaction(() => {
    if (sets.length > 0) ctx.db.prepare(`UPDATE jira_issues SET ${sets.join(', ')} WHERE id = ?`).run(...args, row.id);
    for (const p of body.properties ?? []) setProperty(ctx, row.id, p.key, p.value);
    ctx.db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id = ?').run(now, row.id);
    recordChange(ctx.db, row.id, actorOf(ctx.principal), now, items);
  })();
  return { ok: true };
}

/** Sets an issue property; returns whether it was created (true) or updated (false). */
export function setProperty(ctx: Ctx, issueId: number, key: string, value: unknown): boolean {
  const existed = ctx.db.prepare('SELECT 1 FROM jira_issue_properties WHERE issue_id = ? AND key = ?').get(issueId, key) !== undefined;
  ctx.db
    .prepare(
      'INSERT INTO jira_issue_properties (issue_id, key, value) VALUES (?, ?, ?) ON CONFLICT (issue_id, key) DO UPDATE SET value = excluded.value',
    )
    .run(issueId, key, JSON.stringify(value ?? null));
  return !existed;
}
