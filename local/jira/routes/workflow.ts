import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { findVisibleIssue } from '../access';
import { ctxOf, sendErrors, sendIssueNotFound, stringParam } from '../http';
import { actorOf, editIssue, setProperty } from '../issue-writer';
import { getIssueById } from '../store';
import { findTransition, moveStatus, transitionsFor } from '../transitions';
import { zodMessages } from '../validation';

const transitionSchema = z.object({
  transition: z.object({ id: z.string().or(z.number()).optional() }).passthrough(),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  historyMetadata: z.unknown().optional(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});

/** GET / POST /issue/{key}/transitions and GET / PUT /issue/{key}/properties/{propertyKey}. */
export function workflowRoutes(db: Db): Router {
  const r = Router();

  r.get('/issue/:issueIdOrKey/transitions', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const only = stringParam(req.query.transitionId);
    const transitions = transitionsFor(ctx, issue).filter((t) => only === undefined || t.id === only);
    res.json({ expand: 'transitions', transitions });
  });

  r.post('/issue/:issueIdOrKey/transitions', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const parsed = transitionSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendErrors(res, 400, zodMessages(parsed.error));
    const id = parsed.data.transition.id;
    const target = id === undefined ? undefined : findTransition(issue, String(id));
    if (!target) return sendErrors(res, 400, [`Transition id '${id ?? ''}' is not valid for this issue.`]);
    const { resolution: _ignored, ...fields } = parsed.data.fields ?? {};
    void _ignored;
    if (Object.keys(fields).length > 0 || parsed.data.update) {
      const edit = editIssue(ctx, issue, { fields, update: parsed.data.update });
      if (!edit.ok) return sendErrors(res, 400, edit.errors.errorMessages, edit.errors.errors);
    }
    db.transaction(() => {
      moveStatus(db, getIssueById(db, issue.id)!, target, actorOf(ctx.principal), Date.now());
      for (const p of parsed.data.properties ?? []) setProperty(ctx, issue.id, p.key, p.value);
    })();
    res.status(204).end();
  });

  r.get('/issue/:issueIdOrKey/properties/:propertyKey', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const row = db
      .prepare('SELECT value FROM jira_issue_properties WHERE issue_id = ? AND key = ?')
      .get(issue.id, req.params.propertyKey) as { value: string } | undefined;
    if (!row) return sendErrors(res, 404, [`The property with key '${req.params.propertyKey}' does not exist.`]);
    res.json({ key: req.params.propertyKey, value: JSON.parse(row.value) as unknown });
  });

  r.put('/issue/:issueIdOrKey/properties/:propertyKey', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    const key = req.params.propertyKey;
    if (key.length > 255) return sendErrors(res, 400, ['The property key cannot be longer than 255 characters.']);
    if (req.body === undefined) return sendErrors(res, 400, ['The property value must be valid JSON.']);
    if (JSON.stringify(req.body).length > 32768) return sendErrors(res, 400, ['The property value cannot be longer than 32768 bytes.']);
    const created = db.transaction(() => {
      const wasCreated = setProperty(ctx, issue.id, key, req.body);
      db.prepare('UPDATE jira_issues SET updated = MAX(updated, ?) WHERE id = ?').run(Date.now(), issue.id);
      return wasCreated;
    })();
    res.status(created ? 201 : 200).json({});
  });

  return r;
}
