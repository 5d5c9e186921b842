import { findGroup } from '../groups';
import { canSeeComment } from './access';
import { jiraDate } from './dates';
import type { Ctx } from './http';
import type { CommentRow, IssueRow } from './store';
import { userBean } from './user-serializer';

/** Comments of an issue the principal may see (visibility restrictions applied), oldest first. */
export function visibleComments(ctx: Ctx, issue: IssueRow): CommentRow[] {
  const rows = ctx.db.prepare('SELECT * FROM jira_comments WHERE issue_id = ? ORDER BY created, id').all(issue.id) as CommentRow[];
  return rows.filter((c) => canSeeComment(ctx.db, ctx.principal, issue.project_id, { type: c.visibility_type, value: c.visibility_value }));
}

export function commentBean(ctx: Ctx, c: CommentRow): Record<string, unknown> {
  return {
    self: `${ctx.base}/rest/api/3/issue/${c.issue_id}/comment/${c.id}`,
    id: String(c.id),
    author: userBean(ctx.db, ctx.base, c.author),
    body: JSON.parse(c.body) as unknown,
    updateAuthor: userBean(ctx.db, ctx.base, c.update_author),
    created: jiraDate(c.created),
    updated: jiraDate(c.updated),
    ...(c.visibility_type && c.visibility_value ? { visibility: visibilityBean(ctx, c.visibility_type, c.visibility_value) } : {}),
    jsdPublic: true,
  };
}

/** Jira's `identifier` is the group's id (names can change) or, for a role, its name. */
function visibilityBean(ctx: Ctx, type: string, value: string): Record<string, unknown> {
  if (type !== 'group') return { type, value, identifier: value };
  const group = findGroup(ctx.db, value);
  return { type, value: group?.name ?? value, identifier: group?.group_id ?? null };
}

/** How many comments `fields.comment` embeds; the rest must be paged with GET /issue/{key}/comment. */
export const EMBEDDED_COMMENT_LIMIT = 100;

/**
 * `fields.comment` of an issue: `{comments, self, maxResults, total, startAt}`. Like Jira Cloud it
 * carries at most 100 comments (the newest, oldest first) while `total` counts them all.
 */
export function embeddedComments(ctx: Ctx, issue: IssueRow): Record<string, unknown> {
  const all = visibleComments(ctx, issue);
  const shown = all.slice(Math.max(0, all.length - EMBEDDED_COMMENT_LIMIT));
  return {
    comments: shown.map((c) => commentBean(ctx, c)),
    self: `${ctx.base}/rest/api/3/issue/${issue.id}/comment`,
    maxResults: shown.length,
    total: all.length,
    startAt: 0,
  };
}
