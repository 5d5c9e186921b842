import { Router } from 'express';
import type { Db } from '../../db';
import { notFound } from '../errors';
import { numericId, principalOf, queryEnum, queryList, queryString } from '../http';
import { paginate, readLimit, sendPage, siteBase } from '../pagination';
import { spaceJson } from '../representation';
import { canViewSpace, getSpace, listSpaces, type SpaceRow } from '../store';
import type { RouterOptions } from './options';
import { listPagesHandler } from './page-listing';

const SPACE_SORTS = ['id', '-id', 'key', '-key', 'name', '-name'] as const;
const DESCRIPTION_FORMATS = ['plain', 'view'] as const;

/** GET /spaces, /spaces/{id}, /spaces/{id}/pages. */
export function spacesRoutes(db: Db, options: RouterOptions = {}): Router {
  const r = Router();

  r.get('/spaces', (req, res) => {
    const principal = principalOf(res);
    const ids = new Set(queryList(req, 'ids').map((v) => numericId(v, 'space id')));
    const keys = new Set(queryList(req, 'keys'));
    const type = queryString(req, 'type');
    const status = queryString(req, 'status');
    const sort = queryEnum(req, 'sort', SPACE_SORTS) ?? 'id';
    const descriptionFormat = queryEnum(req, 'description-format', DESCRIPTION_FORMATS);
    const spaces = listSpaces(db).filter(
      (s) =>
        canViewSpace(db, s, principal) &&
        (!ids.size || ids.has(s.id)) &&
        (!keys.size || keys.has(s.key)) &&
        (!type || s.type === type) &&
        (!status || s.status === status),
    );
    const field = sort.replace('-', '') as 'id' | 'key' | 'name';
    const { page, next } = paginate<SpaceRow>(
      spaces,
      {
        key: (s) => (field === 'id' ? [s.id] : [s[field].toLowerCase(), s.id]),
        desc: sort.startsWith('-'),
      },
      readLimit(req.query.limit),
      queryString(req, 'cursor'),
    );
    sendPage(
      req,
      res,
      page.map((s) => spaceJson(s, descriptionFormat)),
      next,
    );
  });

  r.get('/spaces/:id', (req, res) => {
    const space = getSpace(db, numericId(req.params.id, 'space id'));
    if (!space || !canViewSpace(db, space, principalOf(res))) throw notFound();
    const json = spaceJson(space, queryEnum(req, 'description-format', DESCRIPTION_FORMATS));
    json._links = { ...(json._links as object), base: siteBase(req) };
    res.json(json);
  });

  r.get('/spaces/:id/pages', listPagesHandler(db, 'space', options));

  return r;
}
