import { canBrowseProjectId } from './access';
import {
  issueTypeBean,
  linkTypeBean,
  linkTypeOf,
  linkedIssueBean,
  priorityBean,
  priorityOf,
  projectRefBean,
  resolutionBean,
  statusBean,
  statusOf,
  typeOf,
} from './beans';
import { historyBean, loadHistories } from './changelog';
import { embeddedComments } from './comments';
import { jiraDate } from './dates';
import type { Ctx } from './http';
import { getIssueById, getProjectById, labelsOf, type IssueRow, type LinkRow } from './store';
import { transitionsFor } from './transitions';
import { nullableUser, userBean } from './user-serializer';

/** Every field the emulator knows, with its display name (for `expand=names`). */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  summary: 'Summary',
  description: 'Description',
  issuetype: 'Issue Type',
  project: 'Project',
  status: 'Status',
  statuscategorychangedate: 'Status Category Changed',
  priority: 'Priority',
  assignee: 'Assignee',
  reporter: 'Reporter',
  creator: 'Creator',
  created: 'Created',
  updated: 'Updated',
  resolution: 'Resolution',
  resolutiondate: 'Resolved',
  duedate: 'Due date',
  labels: 'Labels',
  parent: 'Parent',
  subtasks: 'Sub-tasks',
  issuelinks: 'Linked Issues',
  comment: 'Comment',
};
const ALL_FIELDS = Object.keys(FIELD_NAMES);
/** Jira's comment field is not navigable: search results leave it out unless asked for. */
const NAVIGABLE_FIELDS = ALL_FIELDS.filter((f) => f !== 'comment');

export type FieldDefault = 'all' | 'navigable' | 'id';

/**
 * Resolves a `fields` parameter (`*all`, `*navigable`, names, `-name` exclusions) to the set of
 * fields to render; an empty set with `idOnly` means only the issue id is returned.
 */
export function selectFields(tokens: readonly string[] | undefined, def: FieldDefault): { fields: Set<string>; idOnly: boolean } {
  const base = (d: FieldDefault) => new Set(d === 'all' ? ALL_FIELDS : d === 'navigable' ? NAVIGABLE_FIELDS : []);
  if (!tokens || tokens.length === 0) return { fields: base(def), idOnly: def === 'id' };
  const include = new Set<string>();
  const exclude = new Set<string>();
  let onlyExclusions = true;
  let mentionsKey = false;
  for (const raw of tokens) {
    const t = raw.trim();
    if (t.startsWith('-')) {
      exclude.add(t.slice(1).toLowerCase());
      continue;
    }
    onlyExclusions = false;
    const lower = t.toLowerCase();
    if (lower === '*all') ALL_FIELDS.forEach((f) => include.add(f));
    else if (lower === '*navigable') NAVIGABLE_FIELDS.forEach((f) => include.add(f));
    else if (lower === 'key') mentionsKey = true;
    else if (lower === 'id' || lower === '*none') {
      /* id is always returned */
    } else if (FIELD_NAMES[lower] !== undefined) include.add(lower);
  }
  const fields = onlyExclusions ? base(def === 'id' ? 'navigable' : def) : include;
  exclude.forEach((f) => fields.delete(f));
  return { fields, idOnly: fields.size === 0 && !mentionsKey };
}

const EXPAND_LIST = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

export interface RenderOptions {
  fields: Set<string>;
  idOnly: boolean;
  expand: Set<string>;
  /** How many of the newest histories `expand=changelog` carries (100 on GET issue, 40 in search). */
  changelogCap: number;
  properties?: readonly string[];
}

export function parseExpand(value: string | readonly string[] | undefined): Set<string> {
  const list = typeof value === 'string' ? value.split(',') : (value ?? []);
  return new Set(list.map((s) => s.trim()).filter(Boolean));
}

/** Renders an IssueBean. */
export function issueBean(ctx: Ctx, row: IssueRow, opts: RenderOptions): Record<string, unknown> {
  if (opts.idOnly && opts.expand.size === 0) return { id: String(row.id) };
  const out: Record<string, unknown> = {
    expand: EXPAND_LIST,
    id: String(row.id),
    self: `${ctx.base}/rest/api/3/issue/${row.id}`,
    key: row.key,
  };
  const fields: Record<string, unknown> = {};
  for (const f of opts.fields) {
    const value = fieldValue(ctx, row, f);
    if (value !== undefined) fields[f] = value;
  }
  out.fields = fields;
  if (opts.expand.has('names')) {
    out.names = Object.fromEntries([...opts.fields].map((f) => [f, FIELD_NAMES[f]]));
  }
  if (opts.expand.has('transitions')) out.transitions = transitionsFor(ctx, row);
  if (opts.expand.has('changelog')) {
    const all = loadHistories(ctx.db, [row.id]);
    const newest = all.slice(Math.max(0, all.length - opts.changelogCap)).reverse();
    out.changelog = {
      startAt: 0,
      maxResults: newest.length,
      total: all.length,
      histories: newest.map((h) => historyBean(ctx.db, ctx.base, h)),
    };
  }
  if (opts.properties && opts.properties.length > 0) out.properties = issueProperties(ctx, row, opts.properties);
  return out;
}

function issueProperties(ctx: Ctx, row: IssueRow, wanted: readonly string[]): Record<string, unknown> {
  const rows = ctx.db.prepare('SELECT key, value FROM jira_issue_properties WHERE issue_id = ?').all(row.id) as {
    key: string;
    value: string;
  }[];
  const all = wanted.includes('*all');
  return Object.fromEntries(rows.filter((r) => all || wanted.includes(r.key)).map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

function fieldValue(ctx: Ctx, row: IssueRow, field: string): unknown {
  const { db, base } = ctx;
  switch (field) {
    case 'summary':
      return row.summary;
    case 'description':
      return row.description ? (JSON.parse(row.description) as unknown) : null;
    case 'issuetype':
      return issueTypeBean(base, typeOf(row));
    case 'project':
      return projectRefBean(base, getProjectById(db, row.project_id));
    case 'status':
      return statusBean(base, statusOf(row));
    case 'statuscategorychangedate':
      return jiraDate(row.status_changed ?? row.created);
    case 'priority':
      return priorityBean(base, priorityOf(row));
    case 'assignee':
      return nullableUser(db, base, row.assignee);
    case 'reporter':
      return nullableUser(db, base, row.reporter);
    case 'creator':
      return row.creator ? userBean(db, base, row.creator) : nullableUser(db, base, row.reporter);
    case 'created':
      return jiraDate(row.created);
    case 'updated':
      return jiraDate(row.updated);
    case 'resolution':
      return row.resolved !== null ? resolutionBean(base) : null;
    case 'resolutiondate':
      return row.resolved !== null ? jiraDate(row.resolved) : null;
    case 'duedate':
      return row.duedate;
    case 'labels':
      return labelsOf(row);
    case 'parent': {
      const parent = row.parent_id !== null ? getIssueById(db, row.parent_id) : undefined;
      return parent ? linkedIssueBean(db, base, parent) : undefined;
    }
    case 'subtasks': {
      const subs = db.prepare('SELECT * FROM jira_issues WHERE parent_id = ? ORDER BY id').all(row.id) as IssueRow[];
      return subs.map((s) => linkedIssueBean(db, base, s));
    }
    case 'issuelinks':
      return issueLinks(ctx, row);
    case 'comment':
      return embeddedComments(ctx, row);
    default:
      return undefined;
  }
}

/** `fields.issuelinks`: on the source issue the other end is `outwardIssue`, on the destination `inwardIssue`. */
function issueLinks(ctx: Ctx, row: IssueRow): Record<string, unknown>[] {
  const links = ctx.db
    .prepare('SELECT * FROM jira_issue_links WHERE source_id = ? OR dest_id = ? ORDER BY id')
    .all(row.id, row.id) as LinkRow[];
  const out: Record<string, unknown>[] = [];
  for (const l of links) {
    const outward = l.source_id === row.id;
    const other = getIssueById(ctx.db, outward ? l.dest_id : l.source_id);
    if (!other || !canBrowseProjectId(ctx.db, ctx.principal, other.project_id)) continue;
    out.push({
      id: String(l.id),
      self: `${ctx.base}/rest/api/3/issueLink/${l.id}`,
      type: linkTypeBean(ctx.base, linkTypeOf(l.type_id)),
      [outward ? 'outwardIssue' : 'inwardIssue']: linkedIssueBean(ctx.db, ctx.base, other),
    });
  }
  return out;
}
