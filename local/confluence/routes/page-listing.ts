import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '../../db';
import { readBody } from '../body';
import { badRequest, notFound } from '../errors';
import { numericId, principalOf, queryEnum, queryList, queryString } from '../http';
import { paginate, readLimit, sendPage, type SortSpec } from '../pagination';
import { pageJson } from '../representation';
import { canViewSpace, findPages, getSpace, listSpaces, type PageRow, type PageStatus, type SpaceRow } from '../store';
import { renderHooks, type RouterOptions } from './options';

const PAGE_SORTS = ['id', '-id', 'created-date', '-created-date', 'modified-date', '-modified-date', 'title', '-title'] as const;
const LIST_STATUSES = ['current', 'archived', 'deleted', 'trashed'] as const;
const BULK_BODY_FORMATS = ['storage', 'atlas_doc_format'] as const;

export function pageSort(sort: (typeof PAGE_SORTS)[number]): SortSpec<PageRow> {
  const field = sort.replace(/^-/, '');
  const key = (p: PageRow): (string | number)[] => {
    if (field === 'title') return [p.title.toLowerCase(), p.id];
    if (field === 'created-date') return [p.created_at, p.id];
    if (field === 'modified-date') return [p.modified_at, p.id];
    return [p.id];
  };
  return { key, desc: sort.startsWith('-') };
}

/** GET /pages and GET /spaces/{id}/pages: filters, sorting, cursor pagination, optional bodies. */
export function listPagesHandler(db: Db, scope: 'all' | 'space', options: RouterOptions = {}): RequestHandler {
  return (req: Request, res: Response) => {
    const principal = principalOf(res);
    let spaces: SpaceRow[];
    if (scope === 'space') {
      const space = getSpace(db, numericId(String(req.params.id), 'space id'));
      if (!space || !canViewSpace(db, space, principal)) throw notFound();
      spaces = [space];
    } else {
      const wanted = new Set(queryList(req, 'space-id').map((v) => numericId(v, 'space id')));
      spaces = listSpaces(db).filter((s) => canViewSpace(db, s, principal) && (!wanted.size || wanted.has(s.id)));
    }
    const statuses = queryList(req, 'status');
    for (const s of statuses) queryEnumValue('status', s, LIST_STATUSES);
    const depth = scope === 'space' ? (queryEnum(req, 'depth', ['all', 'root'] as const) ?? 'all') : 'all';
    const sort = queryEnum(req, 'sort', PAGE_SORTS) ?? 'id';
    const bodyFormat = queryEnum(req, 'body-format', BULK_BODY_FORMATS);
    const rows = spaces.length
      ? findPages(db, {
          spaceIds: spaces.map((s) => s.id),
          ids: scope === 'all' ? queryList(req, 'id').map((v) => numericId(v)) : undefined,
          statuses: (statuses.length ? statuses : ['current', 'archived']) as PageStatus[],
          title: queryString(req, 'title'),
          rootOnly: depth === 'root',
        })
      : [];
    const { page, next } = paginate(rows, pageSort(sort), readLimit(req.query.limit), queryString(req, 'cursor'));
    const byId = new Map(spaces.map((s) => [s.id, s]));
    const hooks = renderHooks(options);
    sendPage(
      req,
      res,
      page.map((p) => {
        const json = pageJson(p, byId.get(p.space_id)!, { includeVersion: true });
        if (bodyFormat) json.body = { [bodyFormat]: readBody(p, bodyFormat, hooks) };
        return json;
      }),
      next,
    );
  };
}

function queryEnumValue(name: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw badRequest(`Invalid '${name}' parameter`, `${name} must be one of: ${allowed.join(', ')}`);
}
