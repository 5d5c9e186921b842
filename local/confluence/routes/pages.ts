import { Router, type Request, type Response } from 'express';
import type { Db } from '../../db';
import type { Principal } from '../../principal';
import { readBody } from '../body';
import { badRequest, ConfluenceError, notFound } from '../errors';
import { numericId, principalOf, queryBool, queryEnum, queryList, queryString } from '../http';
import { siteBase } from '../pagination';
import { APP_ACCOUNT_ID, pageJson } from '../representation';
import { pageCreateSchema, pageUpdateSchema, parseBody, writtenBody } from '../request-schemas';
import {
  ancestorsOf,
  canViewSpace,
  getPage,
  getSpace,
  getVersion,
  insertPage,
  purgePage,
  restorePage,
  setPageStatus,
  updatePageRow,
  type PageRow,
  type SpaceRow,
} from '../store';
import { renderHooks, type RouterOptions } from './options';
import { listPagesHandler } from './page-listing';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const SINGLE_BODY_FORMATS = [
  'storage',
  'atlas_doc_format',
  'view',
  'export_view',
  'anonymous_export_view',
  'styled_view',
  'editor',
] as const;
const SINGLE_STATUSES = ['current', 'archived', 'trashed', 'deleted', 'historical', 'draft'] as const;

const actorOf = (p: Principal) => (p.kind === 'user' ? p.accountId : APP_ACCOUNT_ID);

function assertSize(value: string): void {
  if (Buffer.byteLength(value, 'utf8') > MAX_BODY_BYTES) {
    throw new ConfluenceError(413, 'Request entity too large', 'The page body exceeds the 5 MB limit.');
  }
}

/** A page the caller may see, in any status; 404 otherwise. */
function visiblePage(db: Db, rawId: string, principal: Principal): { page: PageRow; space: SpaceRow } {
  const page = getPage(db, numericId(rawId, 'page id'));
  const space = page && getSpace(db, page.space_id);
  if (!page || !space || !canViewSpace(db, space, principal)) throw notFound();
  return { page, space };
}

/** A parent for a page in `spaceId`: must exist there and be live. */
function checkParent(db: Db, parentId: string, spaceId: number): number {
  const parent = getPage(db, numericId(parentId, 'parent id'));
  if (!parent || parent.space_id !== spaceId || !['current', 'archived', 'draft'].includes(parent.status)) {
    throw badRequest('Invalid parentId', `No page ${parentId} in this space can be a parent`);
  }
  return parent.id;
}

/** POST /pages, GET|PUT|DELETE /pages/{id}, GET /pages. */
export function pagesRoutes(db: Db, options: RouterOptions = {}): Router {
  const r = Router();
  const hooks = renderHooks(options);

  const single = (req: Request, res: Response, page: PageRow, space: SpaceRow, bodyFormat?: string, includeVersion = true) => {
    const json = pageJson(page, space, { includeVersion, base: siteBase(req) });
    if (bodyFormat) {
      // storage and atlas_doc_format are stored or converted; every HTML flavour (view, export_view…) is the rendered view.
      const format = bodyFormat === 'storage' || bodyFormat === 'atlas_doc_format' ? bodyFormat : 'view';
      json.body = { [bodyFormat]: { representation: bodyFormat, value: readBody(page, format, hooks).value } };
    }
    res.json(json);
  };

  r.get('/pages', listPagesHandler(db, 'all', options));

  r.post('/pages', (req, res) => {
    const principal = principalOf(res);
    const input = parseBody(pageCreateSchema, req.body);
    const rootLevel = queryBool(req, 'root-level', false);
    const body = writtenBody(input.body);
    assertSize(body.value);
    const space = getSpace(db, numericId(input.spaceId, 'space id'));
    // The same 404 as GET /spaces/{id}: a space the caller may not view is indistinguishable from none.
    if (!space || !canViewSpace(db, space, principal)) throw notFound();
    const status = input.status ?? 'current';
    const title = (input.title ?? '').trim();
    if (status === 'current' && !title) throw badRequest('Title is required for a published page');
    if (rootLevel && input.parentId) throw badRequest("'parentId' may not be given with 'root-level=true'");
    const parentId = input.parentId ? checkParent(db, input.parentId, space.id) : rootLevel ? null : space.homepage_id;
    const page = insertPage(db, {
      spaceId: space.id,
      parentId,
      title,
      status,
      authorId: actorOf(principal),
      createdAt: new Date().toISOString(),
      representation: body.representation,
      value: body.value,
    });
    single(req, res, page, space, body.representation);
  });

  r.get('/pages/:id', (req, res) => {
    const principal = principalOf(res);
    const { page, space } = visiblePage(db, req.params.id, principal);
    const statuses = queryList(req, 'status');
    for (const s of statuses) {
      if (!(SINGLE_STATUSES as readonly string[]).includes(s)) throw badRequest("Invalid 'status' parameter");
    }
    const allowed: string[] = statuses.length ? statuses : ['current', 'archived', 'draft'];
    if (queryBool(req, 'get-draft', false)) allowed.push('draft');
    if (!allowed.includes(page.status)) throw notFound();
    const bodyFormat = queryEnum(req, 'body-format', SINGLE_BODY_FORMATS);
    const includeVersion = queryBool(req, 'include-version', true);
    const versionParam = queryString(req, 'version');
    if (versionParam !== undefined && Number(versionParam) !== page.version_number) {
      const v = getVersion(db, page.id, numericId(versionParam, 'version'));
      if (!v) throw notFound();
      const old: PageRow = {
        ...page,
        title: v.title,
        status: 'historical',
        body_representation: v.body_representation,
        body_value: v.body_value,
        version_number: v.number,
        version_message: v.message,
        version_minor_edit: v.minor_edit,
        version_author_id: v.author_id,
        modified_at: v.created_at,
      };
      return single(req, res, old, space, bodyFormat, includeVersion);
    }
    single(req, res, page, space, bodyFormat, includeVersion);
  });

  r.put('/pages/:id', (req, res) => {
    const principal = principalOf(res);
    const input = parseBody(pageUpdateSchema, req.body);
    if (input.id !== req.params.id) throw badRequest('The id in the body does not match the id in the path');
    const body = writtenBody(input.body);
    assertSize(body.value);
    const { page, space } = visiblePage(db, req.params.id, principal);
    if (input.spaceId !== undefined && input.spaceId !== String(page.space_id)) {
      throw badRequest('Moving a page to a different space is not supported');
    }
    if (page.status === 'trashed' || page.status === 'deleted') {
      if (input.status !== 'current') throw notFound();
      return single(req, res, restorePage(db, page), space);
    }
    if (input.version.number !== page.version_number + 1) {
      throw new ConfluenceError(409, `Version must be incremented on update. Current version is: ${page.version_number}`);
    }
    const title = input.title.trim();
    if (input.status === 'current' && !title) throw badRequest('Title is required for a published page');
    let parentId: number | undefined;
    if (input.parentId !== undefined) {
      parentId = checkParent(db, input.parentId, space.id);
      if (parentId === page.id || ancestorsOf(db, getPage(db, parentId)!).some((a) => a.id === page.id)) {
        throw badRequest('A page cannot be moved below itself');
      }
    }
    const updated = updatePageRow(db, page, {
      title,
      status: input.status,
      parentId,
      ownerId: input.ownerId,
      versionNumber: input.version.number,
      message: input.version.message ?? '',
      authorId: actorOf(principal),
      at: new Date().toISOString(),
      representation: body.representation,
      value: body.value,
    });
    single(req, res, updated, space, body.representation);
  });

  r.delete('/pages/:id', (req, res) => {
    const principal = principalOf(res);
    const { page } = visiblePage(db, req.params.id, principal);
    const purge = queryBool(req, 'purge', false);
    const draft = queryBool(req, 'draft', false);
    if (page.status === 'draft') {
      purgePage(db, page);
    } else if (purge) {
      if (page.status !== 'trashed') throw badRequest('Only a trashed page can be purged; delete it first');
      purgePage(db, page);
    } else if (draft) {
      throw notFound('No draft of this page');
    } else if (page.status === 'current' || page.status === 'archived') {
      setPageStatus(db, page.id, 'trashed');
    } else {
      throw notFound();
    }
    res.status(204).end();
  });

  return r;
}
