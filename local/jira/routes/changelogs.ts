import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { findVisibleIssue } from '../access';
import { historyBean, loadHistories, type History } from '../changelog';
import { clamp, ctxOf, intParam, sendErrors, sendIssueNotFound } from '../http';
import { zodMessages } from '../validation';

const bulkSchema = z.object({
  issueIdsOrKeys: z.array(z.string()).min(1),
  fieldIds: z.array(z.string()).max(10).optional(),
  maxResults: z.number().int().min(1).max(10000).optional(),
  nextPageToken: z.string().nullable().optional(),
});

/** GET /issue/{key}/changelog (PageBeanChangelog) and POST /changelog/bulkfetch (token paged). */
export function changelogRoutes(db: Db): Router {
  const r = Router();

  r.get('/issue/:issueIdOrKey/changelog', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const issue = findVisibleIssue(db, ctx.principal, req.params.issueIdOrKey);
    if (!issue) return sendIssueNotFound(res);
    // The spec documents no 400 here: unparsable paging values fall back to the defaults.
    const startAt = Math.max(0, intParam(req.query.startAt) ?? 0);
    const maxResults = clamp(intParam(req.query.maxResults) ?? 100, 1, 100);
    const all = loadHistories(db, [issue.id]);
    const values = all.slice(startAt, startAt + maxResults);
    const isLast = startAt + values.length >= all.length;
    const self = `${ctx.base}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`;
    res.json({
      self,
      ...(isLast
        ? {}
        : { nextPage: `${ctx.base}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt + values.length}` }),
      maxResults,
      startAt,
      total: all.length,
      isLast,
      values: values.map((h) => historyBean(db, ctx.base, h)),
    });
  });

  r.post('/changelog/bulkfetch', (req, res) => {
    const ctx = ctxOf(db, req, res);
    const parsed = bulkSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendErrors(res, 400, zodMessages(parsed.error));
    const { issueIdsOrKeys, fieldIds, nextPageToken } = parsed.data;
    if (issueIdsOrKeys.length > 1000) return sendErrors(res, 400, ['The number of issue IDs or keys must not exceed 1000.']);
    const maxResults = parsed.data.maxResults ?? 1000;
    let offset = 0;
    if (nextPageToken) {
      const decoded = Number.parseInt(Buffer.from(nextPageToken, 'base64url').toString('utf8'), 10);
      if (!Number.isInteger(decoded) || decoded < 0) return sendErrors(res, 400, ['The provided next page token is invalid.']);
      offset = decoded;
    }
    const ids = [
      ...new Set(issueIdsOrKeys.map((k) => findVisibleIssue(db, ctx.principal, k)?.id).filter((id): id is number => id !== undefined)),
    ];
    const wanted = fieldIds && fieldIds.length > 0 ? new Set(fieldIds.map((f) => f.toLowerCase())) : undefined;
    const histories: History[] = loadHistories(db, ids)
      .map((h) => (wanted ? { ...h, items: h.items.filter((it) => wanted.has(it.fieldId.toLowerCase())) } : h))
      .filter((h) => h.items.length > 0)
      .sort((a, b) => a.issueId - b.issueId || a.created - b.created || a.id - b.id);
    const page = histories.slice(offset, offset + maxResults);
    const issueChangeLogs: { issueId: string; changeHistories: Record<string, unknown>[] }[] = [];
    for (const h of page) {
      let group = issueChangeLogs[issueChangeLogs.length - 1];
      if (!group || group.issueId !== String(h.issueId)) {
        group = { issueId: String(h.issueId), changeHistories: [] };
        issueChangeLogs.push(group);
      }
      group.changeHistories.push(historyBean(db, ctx.base, h, true));
    }
    const more = offset + page.length < histories.length;
    res.json({ issueChangeLogs, ...(more ? { nextPageToken: Buffer.from(String(offset + page.length)).toString('base64url') } : {}) });
  });

  return r;
}
