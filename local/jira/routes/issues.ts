import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { findVisibleIssue } from '../access';
import { ctxOf, listParam, sendErrors, sendIssueNotFound, stringParam, type Ctx } from '../http';
import { issueBean, parseExpand, selectFields, type RenderOptions } from '../issue-serializer';
import { createIssue, editIssue, issueUpdateSchema } from '../issue-writer';
import { getIssueById } from '../store';
import { zodMessages } from '../validation';

const bulkCreateSchema = z.object({ issueUpdates: z.array(z.unknown()) });
const bulkFetchSchema = z.object({
  issueIdsOrKeys: z.array(z.string()).min(1),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
});

/** GET/PUT /issue/{key}, POST /issue, POST /issue/bulk, POST /issue/bulkfetch. */
export function issueRoutes(db: Db): Router {
  const r = Router();

  r.get('/issue/:issueIdOrKey', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const row = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!row) return sendIssueNotFound(res);
    const { fields } = selectFields(listParam(req.query.fields), 'all');
    res.json(
      issueBean(ctx, row, {
        fields,
        idOnly: false,
        expand: parseExpand(stringParam(req.query.expand)),
        changelogCap: 100,
        properties: listParam(req.query.properties),
      }),
    );
  });

  r.put('/issue/:issueIdOrKey', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const row = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!row) return sendIssueNotFound(res);
    const body = issueUpdateSchema.safeParse(req.body ?? {});
    if (!body.success) return sendErrors(res, 400, zodMessages(body.error));
    const result = editIssue(ctx, row, body.data);
    if (!result.ok) return sendErrors(res, 400, result.errors.errorMessages, result.errors.errors);
    if (stringParam(req.query.returnIssue) === 'true') {
      const { fields } = selectFields(undefined, 'all');
      return void res.status(200).json(
        issueBean(ctx, getIssueById(db, row.id)!, {
          fields,
          idOnly: false,
          expand: parseExpand(stringParam(req.query.expand)),
          changelogCap: 100,
        }),
      );
    }
    res.status(204).end();
  });

  r.post('/issue', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const body = issueUpdateSchema.safeParse(req.body ?? {});
    if (!body.success) return sendErrors(res, 400, zodMessages(body.error));
    const result = db.transaction(() => createIssue(ctx, body.data))();
    if (!result.ok) return sendErrors(res, result.status, result.errors.errorMessages, result.errors.errors);
    res.status(201).json(created(ctx, result.row));
  });

  r.post('/issue/bulk', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const body = bulkCreateSchema.safeParse(req.body ?? {});
    if (!body.success) return bulkFailure(res, zodMessages(body.error));
    if (body.data.issueUpdates.length > 50) {
      return bulkFailure(res, ['The number of issues to create in bulk must not exceed 50.']);
    }
    const issues: Record<string, string>[] = [];
    const errors: Record<string, unknown>[] = [];
    db.transaction(() =>
      body.data.issueUpdates.forEach((element, i) => {
        const parsed = issueUpdateSchema.safeParse(element);
        if (!parsed.success) {
          errors.push({ status: 400, elementErrors: { errorMessages: zodMessages(parsed.error), errors: {} }, failedElementNumber: i });
          return;
        }
        const result = createIssue(ctx, parsed.data);
        if (result.ok) issues.push(created(ctx, result.row));
        else
          errors.push({
            status: result.status,
            elementErrors: { errorMessages: result.errors.errorMessages, errors: result.errors.errors },
            failedElementNumber: i,
          });
      }),
    )();
    res.status(issues.length > 0 || body.data.issueUpdates.length === 0 ? 201 : 400).json({ issues, errors });
  });

  r.post('/issue/bulkfetch', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const body = bulkFetchSchema.safeParse(req.body ?? {});
    if (!body.success) return sendErrors(res, 400, zodMessages(body.error));
    if (body.data.issueIdsOrKeys.length > 100) {
      return sendErrors(res, 400, ['Number of issue IDs or keys must not exceed 100.']);
    }
    const { fields } = selectFields(body.data.fields, 'navigable');
    const opts: RenderOptions = {
      fields,
      idOnly: false,
      expand: parseExpand(body.data.expand),
      changelogCap: 100,
      properties: body.data.properties,
    };
    // The spec: issues that aren't found or that the user may not view are simply not returned
    // (issueErrors is for retriable failures, which this emulator does not have); ascending id order.
    const rows = new Map<number, NonNullable<ReturnType<typeof findVisibleIssue>>>();
    for (const idOrKey of body.data.issueIdsOrKeys) {
      const row = findVisibleIssue(db, ctx.principal, idOrKey);
      if (row) rows.set(row.id, row);
    }
    const issues = [...rows.values()].sort((a, b) => a.id - b.id).map((row) => issueBean(ctx, row, opts));
    res.json({ issues, issueErrors: [] });
  });

  return r;
}

function created(ctx: Ctx, row: { id: number; key: string }): Record<string, string> {
  return { id: String(row.id), key: row.key, self: `${ctx.base}/rest/api/3/issue/${row.id}` };
}

function bulkFailure(res: Response, messages: string[]): void {
  res.status(400).json({ issues: [], errors: [{ status: 400, elementErrors: { errorMessages: messages, errors: {} } }] });
}
