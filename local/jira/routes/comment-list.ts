import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { canBrowseProjectId, canSeeComment } from '../access';
import { commentBean } from '../comments';
import { ctxOf, sendErrors } from '../http';
import type { CommentRow } from '../store';
import { zodMessages } from '../validation';

/** The spec's documented cap on `ids`. */
export const COMMENT_LIST_MAX_IDS = 1000;

// IssueCommentListRequestBean: additionalProperties false, ids required, int64, uniqueItems.
const commentListSchema = z.strictObject({
  ids: z.array(z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)),
});

/**
 * POST /comment/list (getCommentsByIds): the comments among `ids` the caller may see, as one
 * last page (PageBeanComment) in id order. Like Jira, an id that does not exist, whose issue the
 * caller may not browse, or whose visibility restriction does not admit the caller is left out
 * without a word, so the answer never tells a hidden comment from a missing one.
 */
export function commentListRoutes(db: Db): Router {
  const r = Router();

  r.post('/comment/list', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const parsed = commentListSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendErrors(res, 400, [zodMessages(parsed.error)[0] ?? 'Invalid request body.']);
    const { ids } = parsed.data;
    // The spec: 400 when the request "contains more than 1000 IDs or is empty".
    if (ids.length === 0) return sendErrors(res, 400, ['At least one comment ID must be given.']);
    if (ids.length > COMMENT_LIST_MAX_IDS)
      return sendErrors(res, 400, [`The number of comment IDs must not exceed ${COMMENT_LIST_MAX_IDS}.`]);
    if (new Set(ids).size !== ids.length) return sendErrors(res, 400, ['Comment IDs must be unique.']);

    const rows = db
      .prepare(
        `SELECT c.*, i.project_id AS project_id FROM jira_comments c JOIN jira_issues i ON i.id = c.issue_id
      WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
      )
      .all(JSON.stringify(ids)) as (CommentRow & { project_id: number })[];
    const browsable = new Map<number, boolean>();
    const mayBrowse = (projectId: number) => {
      if (!browsable.has(projectId)) browsable.set(projectId, canBrowseProjectId(db, ctx.principal, projectId));
      return browsable.get(projectId)!;
    };
    const visible = rows.filter(
      (c) =>
        mayBrowse(c.project_id) && canSeeComment(db, ctx.principal, c.project_id, { type: c.visibility_type, value: c.visibility_value }),
    );
    res.json({
      self: `${ctx.base}/rest/api/3/comment/list`,
      maxResults: COMMENT_LIST_MAX_IDS,
      startAt: 0,
      total: visible.length,
      isLast: true,
      values: visible.map(({ project_id: _projectId, ...c }) => commentBean(ctx, c)),
    });
  });

  return r;
}
