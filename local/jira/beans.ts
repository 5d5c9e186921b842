import type { Db } from '../db';
import {
  categoryOf,
  issueTypeById,
  linkTypeById,
  priorityById,
  statusById,
  type IssueTypeDef,
  type LinkTypeDef,
  type PriorityDef,
  type StatusDef,
} from './catalog';
import { userBean } from './user-serializer';
import type { IssueRow, ProjectRow } from './store';

/** Small reference beans shared by issue, link, transition and metadata responses. */
export function statusBean(base: string, s: StatusDef): Record<string, unknown> {
  const c = categoryOf(s);
  return {
    self: `${base}/rest/api/3/status/${s.id}`,
    description: '',
    iconUrl: `${base}/images/icons/statuses/generic.png`,
    name: s.name,
    id: s.id,
    statusCategory: { self: `${base}/rest/api/3/statuscategory/${c.id}`, id: c.id, key: c.key, colorName: c.colorName, name: c.name },
  };
}

export function priorityBean(base: string, p: PriorityDef): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/priority/${p.id}`,
    iconUrl: `${base}/images/icons/priorities/${p.name.toLowerCase()}.svg`,
    name: p.name,
    id: p.id,
  };
}

export function issueTypeBean(base: string, t: IssueTypeDef): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${base}/images/icons/issuetypes/${t.name.toLowerCase().replace(/\s+/g, '-')}.svg`,
    name: t.name,
    subtask: t.subtask,
    hierarchyLevel: t.hierarchyLevel,
  };
}

export function linkTypeBean(base: string, l: LinkTypeDef): Record<string, string> {
  return { id: l.id, name: l.name, inward: l.inward, outward: l.outward, self: `${base}/rest/api/3/issueLinkType/${l.id}` };
}

export function projectAvatarUrls(base: string, p: ProjectRow): Record<string, string> {
  const at = (size: string) => `${base}/secure/projectavatar?size=${size}&pid=${p.id}`;
  return { '48x48': at('large'), '24x24': at('small'), '16x16': at('xsmall'), '32x32': at('medium') };
}

export function projectRefBean(base: string, p: ProjectRow): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/project/${p.id}`,
    id: String(p.id),
    key: p.key,
    name: p.name,
    projectTypeKey: 'software',
    simplified: false,
    avatarUrls: projectAvatarUrls(base, p),
  };
}

export function resolutionBean(base: string): Record<string, string> {
  return { self: `${base}/rest/api/3/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' };
}

export const statusOf = (row: IssueRow): StatusDef => statusById(row.status_id)!;
export const priorityOf = (row: IssueRow): PriorityDef => priorityById(row.priority_id)!;
export const typeOf = (row: IssueRow): IssueTypeDef => issueTypeById(row.type_id)!;
export const linkTypeOf = (id: string): LinkTypeDef => linkTypeById(id)!;

/** The compact issue used inside links, parent and subtasks (LinkedIssue with `Fields`). */
export function linkedIssueBean(db: Db, base: string, row: IssueRow): Record<string, unknown> {
  return {
    id: String(row.id),
    key: row.key,
    self: `${base}/rest/api/3/issue/${row.id}`,
    fields: {
      summary: row.summary,
      status: statusBean(base, statusOf(row)),
      priority: priorityBean(base, priorityOf(row)),
      issuetype: issueTypeBean(base, typeOf(row)),
      ...(row.assignee ? { assignee: userBean(db, base, row.assignee) } : {}),
    },
  };
}
