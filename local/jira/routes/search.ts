import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db';
import { clamp, ctxOf, intParam, listParam, sendErrors, stringParam } from '../http';
import { issueBean, parseExpand, selectFields } from '../issue-serializer';
import { JqlError, searchJql } from '../jql';
import { zodMessages } from '../validation';

const searchBodySchema = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().nullable().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

interface SearchInput {
  jql: string;
  nextPageToken?: string | null;
  maxResults?: number;
  fields?: string[];
  expand?: string;
  properties?: string[];
}

/** Most issues per page when only ids/keys are asked for, and otherwise. */
const MAX_ID_ONLY = 5000;
const MAX_WITH_FIELDS = 100;
/** `expand=changelog` in search carries fewer histories than on GET issue. */
const SEARCH_CHANGELOG_CAP = 40;

function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, j: jql })).toString('base64url');
}

function decodeToken(token: string, jql: string): number | undefined {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; j?: unknown };
    return typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0 && t.j === jql ? t.o : undefined;
  } catch {
    return undefined;
  }
}

/** GET and POST /search/jql: token pagination (`nextPageToken`, `isLast`), no `total`, fields default to `id`. */
export function searchRoutes(db: Db): Router {
  const r = Router();

  const run = (req: Request, res: Response, input: SearchInput) => {
    const ctx = ctxOf(db, req, res);
    const sel = selectFields(input.fields, 'id');
    const cap = sel.fields.size === 0 ? MAX_ID_ONLY : MAX_WITH_FIELDS;
    const maxResults = clamp(input.maxResults ?? 50, 1, cap);
    let offset = 0;
    if (input.nextPageToken) {
      const decoded = decodeToken(input.nextPageToken, input.jql);
      if (decoded === undefined) return sendErrors(res, 400, ['The provided next page token is invalid or expired.']);
      offset = decoded;
    }
    let rows;
    try {
      rows = searchJql(ctx, input.jql);
    } catch (e) {
      if (e instanceof JqlError) return sendErrors(res, 400, [e.message]);
      throw e;
    }
    const page = rows.slice(offset, offset + maxResults);
    const expand = parseExpand(input.expand);
    const issues = page.map((row) =>
      issueBean(ctx, row, {
        fields: sel.fields,
        idOnly: sel.idOnly,
        expand,
        changelogCap: SEARCH_CHANGELOG_CAP,
        properties: input.properties,
      }),
    );
    const isLast = offset + page.length >= rows.length;
    res.json({ issues, ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, input.jql) }), isLast });
  };

  r.get('/search/jql', (req, res) => {
    const maxResults = intParam(req.query.maxResults);
    if (maxResults === null) return sendErrors(res, 400, ["The value of 'maxResults' must be an integer."]);
    run(req, res, {
      jql: stringParam(req.query.jql) ?? '',
      nextPageToken: stringParam(req.query.nextPageToken),
      maxResults,
      fields: listParam(req.query.fields),
      expand: stringParam(req.query.expand),
      properties: listParam(req.query.properties),
    });
  });

  r.post('/search/jql', (req, res) => {
    const body = searchBodySchema.safeParse(req.body ?? {});
    if (!body.success) return sendErrors(res, 400, zodMessages(body.error));
    run(req, res, { ...body.data, jql: body.data.jql ?? '', fields: body.data.fields?.flatMap((f) => f.split(',')) });
  });

  r.all('/search', (_req, res) => {
    sendErrors(res, 410, [
      'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
    ]);
  });

  return r;
}
