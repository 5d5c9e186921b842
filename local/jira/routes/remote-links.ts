import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { findVisibleIssue } from '../access';
import { ctxOf, sendErrors, sendIssueNotFound, stringParam, type Ctx } from '../http';

const remoteLinkSchema = z
  .object({
    globalId: z.string().max(255).optional(),
    application: z.record(z.string(), z.unknown()).optional(),
    relationship: z.string().optional(),
    object: z
      .object({
        url: z.string().optional(),
        title: z.string().optional(),
        summary: z.string().optional(),
        icon: z.record(z.string(), z.unknown()).optional(),
        status: z.record(z.string(), z.unknown()).optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

interface RemoteRow {
  id: number;
  issue_id: number;
  global_id: string | null;
  data: string;
}
interface RemoteData {
  application?: Record<string, unknown>;
  relationship?: string;
  object: Record<string, unknown>;
}

function remoteBean(ctx: Ctx, row: RemoteRow): Record<string, unknown> {
  const data = JSON.parse(row.data) as RemoteData;
  return {
    id: row.id,
    self: `${ctx.base}/rest/api/3/issue/${row.issue_id}/remotelink/${row.id}`,
    ...(row.global_id !== null ? { globalId: row.global_id } : {}),
    application: data.application ?? {},
    ...(data.relationship !== undefined ? { relationship: data.relationship } : {}),
    object: { icon: {}, status: { icon: {} }, ...data.object },
  };
}

/**
 * GET / POST /issue/{key}/remotelink and DELETE /issue/{key}/remotelink/{id}. POST with a
 * `globalId` that already exists on the issue replaces that link in place (fields left out
 * become empty) and answers 200; otherwise it creates one and answers 201.
 */
export function remoteLinkRoutes(db: Db): Router {
  const r = Router();

  r.get('/issue/:issueIdOrKey/remotelink', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const globalId = stringParam(req.query.globalId);
    if (globalId !== undefined) {
      const row = db.prepare('SELECT * FROM jira_remote_links WHERE issue_id = ? AND global_id = ?').get(issue.id, globalId) as
        RemoteRow | undefined;
      if (!row) return sendErrors(res, 404, [`No remote link with global id '${globalId}' exists on issue '${issue.key}'.`]);
      return void res.json(remoteBean(ctx, row));
    }
    const rows = db.prepare('SELECT * FROM jira_remote_links WHERE issue_id = ? ORDER BY id').all(issue.id) as RemoteRow[];
    res.json(rows.map((row) => remoteBean(ctx, row)));
  });

  r.post('/issue/:issueIdOrKey/remotelink', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const parsed = remoteLinkSchema.safeParse(req.body ?? {});
    if (!parsed.success)
      return sendErrors(
        res,
        400,
        parsed.error.issues.map((i) => i.message),
      );
    const { globalId, application, relationship, object } = parsed.data;
    const errors: Record<string, string> = {};
    if (!object?.title) errors.title = 'Link title is required.';
    if (!object?.url) errors.url = 'Link url is required.';
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(object.url)) errors.url = 'The URL is invalid.';
    if (Object.keys(errors).length > 0) return sendErrors(res, 400, [], errors);
    const data: RemoteData = {
      object: object!,
      ...(application ? { application } : {}),
      ...(relationship !== undefined ? { relationship } : {}),
    };
    const now = Date.now();
    const { id, created } = db.transaction(() => {
      const existing =
        globalId !== undefined
          ? (db.prepare('SELECT id FROM jira_remote_links WHERE issue_id = ? AND global_id = ?').get(issue.id, globalId) as
              { id: number } | undefined)
          : undefined;
      db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id = ?').run(now, issue.id);
      if (existing) {
        db.prepare('UPDATE jira_remote_links SET data = ? WHERE id = ?').run(JSON.stringify(data), existing.id);
        return { id: existing.id, created: false };
      }
      const next = (db.prepare('SELECT COALESCE(MAX(id), 9999) + 1 AS n FROM jira_remote_links').get() as { n: number }).n;
      db.prepare('INSERT INTO jira_remote_links (id, issue_id, global_id, data) VALUES (?, ?, ?, ?)').run(
        next,
        issue.id,
        globalId ?? null,
        JSON.stringify(data),
      );
      return { id: next, created: true };
    })();
    res.status(created ? 201 : 200).json({ id, self: `${ctx.base}/rest/api/3/issue/${issue.id}/remotelink/${id}` });
  });

  r.delete('/issue/:issueIdOrKey/remotelink/:linkId', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const linkId = /^\d+$/.test(req.params.linkId) ? Number(req.params.linkId) : NaN;
    if (Number.isNaN(linkId)) return sendErrors(res, 400, ['The remote link id must be a number.']);
    const deleted = db.transaction(() => {
      const info = db.prepare('DELETE FROM jira_remote_links WHERE id = ? AND issue_id = ?').run(linkId, issue.id);
      if (info.changes > 0) db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id = ?').run(Date.now(), issue.id);
      return info.changes > 0;
    })();
    if (!deleted) return sendErrors(res, 404, [`No remote link with id '${req.params.linkId}' exists on issue '${issue.key}'.`]);
    res.status(204).end();
  });

  return r;
}
