import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { canBrowseProjectId, findVisibleIssue } from '../access';
import { isAdfDoc } from '../adf';
import { linkTypeBean, linkTypeOf, linkedIssueBean } from '../beans';
import { LINK_TYPES, linkTypeById, linkTypeByName } from '../catalog';
import { recordChange } from '../changelog';
import { ctxOf, sendErrors, sendIssueNotFound } from '../http';
import { actorOf } from '../issue-writer';
import { getIssueById, type LinkRow } from '../store';
import { zodMessages } from '../validation';

const issueRef = z.object({ id: z.string().optional(), key: z.string().optional() }).refine((v) => v.id || v.key, 'id or key is required');
const linkSchema = z.object({
  type: z.object({ id: z.string().optional(), name: z.string().optional() }),
  inwardIssue: issueRef,
  outwardIssue: issueRef,
  comment: z.object({ body: z.unknown() }).passthrough().optional(),
});

/**
 * GET /issueLinkType, POST /issueLink, GET /issueLink/{id}. As in Jira Cloud, the request's
 * `inwardIssue` is the link's source (the outward wording speaks from it: "inwardIssue blocks
 * outwardIssue"), and GET /issueLink/{id} answers with the same orientation.
 */
export function linkRoutes(db: Db): Router {
  const r = Router();

  r.get('/issueLinkType', (req, res) => {
    const ctx = ctxOf(db, req, res);
    res.json({ issueLinkTypes: LINK_TYPES.map((l) => linkTypeBean(ctx.base, l)) });
  });

  r.post('/issueLink', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const parsed = linkSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendErrors(res, 400, zodMessages(parsed.error));
    const { type, inwardIssue, outwardIssue, comment } = parsed.data;
    const linkType = type.id ? linkTypeById(type.id) : type.name ? linkTypeByName(type.name) : undefined;
    if (!linkType) {
      return sendErrors(res, 404, [
        type.name ? `No issue link type with name '${type.name}' found.` : `No issue link type with id '${type.id ?? ''}' found.`,
      ]);
    }
    const source = findVisibleIssue(db, ctx.principal, (inwardIssue.key ?? inwardIssue.id)!);
    const dest = findVisibleIssue(db, ctx.principal, (outwardIssue.key ?? outwardIssue.id)!);
    if (!source || !dest) return sendIssueNotFound(res);
    if (source.id === dest.id) return sendErrors(res, 400, ['You cannot link an issue to itself.']);
    if (comment && !isAdfDoc(comment.body)) return sendErrors(res, 400, [], { comment: 'Comment body is not valid!' });
    const now = Date.now();
    const actor = actorOf(ctx.principal);
    const id = db.transaction(() => {
      const existing = db
        .prepare('SELECT id FROM jira_issue_links WHERE type_id = ? AND source_id = ? AND dest_id = ?')
        .get(linkType.id, source.id, dest.id) as { id: number } | undefined;
      if (existing) return existing.id;
      const next = (db.prepare('SELECT COALESCE(MAX(id), 9999) + 1 AS n FROM jira_issue_links').get() as { n: number }).n;
      db.prepare('INSERT INTO jira_issue_links (id, type_id, source_id, dest_id) VALUES (?, ?, ?, ?)').run(
        next,
        linkType.id,
        source.id,
        dest.id,
      );
      recordChange(db, source.id, actor, now, [
        {
          field: 'Link',
          fieldId: 'issuelinks',
          from: null,
          fromString: null,
          to: dest.key,
          toString: `This issue ${linkType.outward} ${dest.key}`,
        },
      ]);
      recordChange(db, dest.id, actor, now, [
        {
          field: 'Link',
          fieldId: 'issuelinks',
          from: null,
          fromString: null,
          to: source.key,
          toString: `This issue ${linkType.inward} ${source.key}`,
        },
      ]);
      if (comment) {
        const cid = (db.prepare('SELECT COALESCE(MAX(id), 9999) + 1 AS n FROM jira_comments').get() as { n: number }).n;
        db.prepare(
          `INSERT INTO jira_comments (id, issue_id, author, update_author, body, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(cid, source.id, actor, actor, JSON.stringify(comment.body), now, now);
      }
      db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id IN (?, ?)').run(now, source.id, dest.id);
      return next;
    })();
    res.status(201).location(`${ctx.base}/rest/api/3/issueLink/${id}`).json({});
  });

  r.get('/issueLink/:linkId', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const notFound = () => sendErrors(res, 404, ["No issue link with id '" + req.params.linkId + "' exists."]);
    if (!/^\d+$/.test(req.params.linkId)) return sendErrors(res, 400, ['The issue link id must be a number.']);
    const link = db.prepare('SELECT * FROM jira_issue_links WHERE id = ?').get(Number(req.params.linkId)) as LinkRow | undefined;
    if (!link) return notFound();
    const source = getIssueById(db, link.source_id)!;
    const dest = getIssueById(db, link.dest_id)!;
    if (!canBrowseProjectId(db, ctx.principal, source.project_id) || !canBrowseProjectId(db, ctx.principal, dest.project_id))
      return notFound();
    res.json({
      id: String(link.id),
      self: `${ctx.base}/rest/api/3/issueLink/${link.id}`,
      type: linkTypeBean(ctx.base, linkTypeOf(link.type_id)),
      inwardIssue: linkedIssueBean(db, ctx.base, source),
      outwardIssue: linkedIssueBean(db, ctx.base, dest),
    });
  });

  return r;
}
