import { Router, type Request, type Response } from 'express';
import type { Db } from '../../db';
import { notFound } from '../errors';
import { numericId, principalOf, queryEnum, queryString } from '../http';
import { paginate, readLimit, sendPage } from '../pagination';
import { childJson } from '../representation';
import { canViewSpace, findPages, getPage, getSpace, type PageRow } from '../store';

const CHILD_SORTS = [
  'created-date',
  '-created-date',
  'id',
  '-id',
  'child-position',
  '-child-position',
  'modified-date',
  '-modified-date',
] as const;

/** GET /pages/{id}/children (ChildPage) and /pages/{id}/direct-children (ChildPage plus `type`). */
export function childrenRoutes(db: Db): Router {
  const r = Router();
  const handler = (withType: boolean) => (req: Request, res: Response) => {
    const principal = principalOf(res);
    const parent = getPage(db, numericId(String(req.params.id), 'page id'));
    const space = parent && getSpace(db, parent.space_id);
    if (!parent || !space || !canViewSpace(db, space, principal) || !['current', 'archived'].includes(parent.status)) {
      throw notFound();
    }
    const sort = queryEnum(req, 'sort', CHILD_SORTS) ?? 'child-position';
    const field = sort.replace(/^-/, '');
    const key = (p: PageRow): (string | number)[] => {
      if (field === 'child-position') return [p.position, p.id];
      if (field === 'created-date') return [p.created_at, p.id];
      if (field === 'modified-date') return [p.modified_at, p.id];
      return [p.id];
    };
    const rows = findPages(db, { parentId: parent.id, statuses: ['current', 'archived'] });
    const { page, next } = paginate(rows, { key, desc: sort.startsWith('-') }, readLimit(req.query.limit), queryString(req, 'cursor'));
    sendPage(
      req,
      res,
      page.map((p) => childJson(p, withType)),
      next,
    );
  };
  r.get('/pages/:id/children', handler(false));
  r.get('/pages/:id/direct-children', handler(true));
  return r;
}
