import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { findVisibleIssue, isInProjectRole, projectRoleExists } from '../access';
import { findGroup, isGroupMember } from '../../groups';
import { adfTextLength, isAdfDoc, JIRA_TEXT_LIMIT } from '../adf';
import { isValidAdf } from '../adf-schema-check';
import { commentBean, visibleComments } from '../comments';
import { clamp, ctxOf, intParam, sendErrors, sendIssueNotFound, stringParam } from '../http';
import { actorOf } from '../issue-writer';
import type { CommentRow } from '../store';
import { zodMessages } from '../validation';

const addCommentSchema = z.object({
  body: z.unknown(),
  visibility: z.object({ type: z.enum(['group', 'role']), value: z.string().optional(), identifier: z.string().optional() }).optional(),
  properties: z.array(z.unknown()).optional(),
});

const COMMENT_TOO_LONG = 'Comment body can not exceed 32,767 characters.';

/** GET (PageOfComments, no isLast) and POST /issue/{key}/comment. */
export function commentRoutes(db: Db): Router {
  const r = Router();

  r.get('/issue/:issueIdOrKey/comment', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const startAtRaw = intParam(req.query.startAt);
    const maxRaw = intParam(req.query.maxResults);
    if (startAtRaw === null || maxRaw === null) return sendErrors(res, 400, ['startAt and maxResults must be integers.']);
    const orderBy = stringParam(req.query.orderBy);
    if (orderBy !== undefined && !['created', '+created', '-created'].includes(orderBy)) {
      return sendErrors(res, 400, [`Ordering by field '${orderBy.replace(/^[-+]/, '')}' is not supported. Only 'created' is supported.`]);
    }
    const startAt = Math.max(0, startAtRaw ?? 0);
    const maxResults = clamp(maxRaw ?? 100, 1, 100);
    let all = visibleComments(ctx, issue);
    if (orderBy === '-created') all = [...all].reverse();
    res.json({
      self: `${ctx.base}/rest/api/3/issue/${issue.id}/comment`,
      startAt,
      maxResults,
      total: all.length,
      comments: all.slice(startAt, startAt + maxResults).map((c) => commentBean(ctx, c)),
    });
  });

  r.post('/issue/:issueIdOrKey/comment', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const parsed = addCommentSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendErrors(res, 400, zodMessages(parsed.error));
    const { body, visibility } = parsed.data;
    if (!isAdfDoc(body) || !isValidAdf(body)) return sendErrors(res, 400, [], { comment: 'Comment body is not valid!' });
    if (adfTextLength(body) > JIRA_TEXT_LIMIT) return sendErrors(res, 400, [], { comment: COMMENT_TOO_LONG });
    const requested = visibility?.value ?? visibility?.identifier;
    if (visibility && !requested) return sendErrors(res, 400, [], { commentLevel: 'The visibility value is required.' });
    let level = requested;
    if (visibility?.type === 'role' && level) {
      if (!projectRoleExists(db, issue.project_id, level)) {
        return sendErrors(res, 400, [], { commentLevel: `Role level '${level}' does not exist for this project.` });
      }
      if (ctx.principal.kind === 'user' && !isInProjectRole(db, issue.project_id, level, ctx.principal.accountId)) {
        return sendErrors(res, 400, [], { commentLevel: `You are currently not a member of the project role: ${level}.` });
      }
    }
    if (visibility?.type === 'group' && level) {
      // A group is named by `value` or by its id in `identifier`; the comment keeps the name.
      const group = findGroup(db, level);
      if (!group) return sendErrors(res, 400, [], { commentLevel: `Group: ${level} does not exist.` });
      if (ctx.principal.kind === 'user' && !isGroupMember(db, group.group_id, ctx.principal.accountId)) {
        return sendErrors(res, 400, [], { commentLevel: `You are currently not a member of the group: ${group.name}.` });
      }
      level = group.name;
    }
    const now = Date.now();
    const author = actorOf(ctx.principal);
    const id = db.transaction(() => {
      const next = (db.prepare('SELECT COALESCE(MAX(id), 9999) + 1 AS n FROM jira_comments').get() as { n: number }).n;
      db.prepare(
        `INSERT INTO jira_comments (id, issue_id, author, update_author, body, created, updated, visibility_type, visibility_value)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(next, issue.id, author, author, JSON.stringify(body), now, now, visibility?.type ?? null, level ?? null);
      db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id = ?').run(now, issue.id);
      return next;
    })();
    const row = db.prepare('SELECT * FROM jira_comments WHERE id = ?').get(id) as CommentRow;
    res.status(201).json(commentBean(ctx, row));
  });

  /** Finds a comment of a visible issue that the caller may see; answers 404 otherwise. */
  const visibleComment = (ctx: ReturnType<typeof ctxOf>, issueIdOrKey: string, id: string) => {
    const issue = findVisibleIssue(db, ctx.principal, issueIdOrKey);
    if (!issue) return null;
    const comment = visibleComments(ctx, issue).find((c) => String(c.id) === id);
    return comment ? { issue, comment } : null;
  };
  const mayChange = (ctx: ReturnType<typeof ctxOf>, c: CommentRow) => ctx.principal.kind === 'app' || c.author === ctx.principal.accountId;

  r.get('/issue/:issueIdOrKey/comment/:id', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const found = visibleComment(ctx, req.params.issueIdOrKey, req.params.id);
    if (!found) return sendErrors(res, 404, ['Can not find a comment for the given id.']);
    res.json(commentBean(ctx, found.comment));
  });

  r.put('/issue/:issueIdOrKey/comment/:id', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const found = visibleComment(ctx, req.params.issueIdOrKey, req.params.id);
    if (!found) return sendErrors(res, 404, ['Can not find a comment for the given id.']);
    if (!mayChange(ctx, found.comment)) return sendErrors(res, 403, ['You do not have the permission to edit this comment.']);
    const body = (req.body as { body?: unknown } | undefined)?.body;
    if (!isAdfDoc(body) || !isValidAdf(body)) return sendErrors(res, 400, [], { comment: 'Comment body is not valid!' });
    if (adfTextLength(body) > JIRA_TEXT_LIMIT) return sendErrors(res, 400, [], { comment: COMMENT_TOO_LONG });
    const now = Date.now();
    db.prepare('UPDATE jira_comments SET body = ?, updated = ?, update_author = ? WHERE id = ?').run(
      JSON.stringify(body),
      now,
      actorOf(ctx.principal),
      found.comment.id,
    );
    db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id = ?').run(now, found.issue.id);
    res.json(commentBean(ctx, db.prepare('SELECT * FROM jira_comments WHERE id = ?').get(found.comment.id) as CommentRow));
  });

  r.delete('/issue/:issueIdOrKey/comment/:id', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const found = visibleComment(ctx, req.params.issueIdOrKey, req.params.id);
    if (!found) return sendErrors(res, 404, ['Can not find a comment for the given id.']);
    if (!mayChange(ctx, found.comment)) return sendErrors(res, 403, ['You do not have the permission to delete this comment.']);
    db.prepare('DELETE FROM jira_comments WHERE id = ?').run(found.comment.id);
    res.status(204).end();
  });

  return r;
}
