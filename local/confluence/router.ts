import express, { Router } from 'express';
import type { Db } from '../db';
import { confluenceErrorHandler, sendError } from './errors';
import { childrenRoutes } from './routes/children';
import type { RouterOptions } from './routes/options';
import { MAX_BODY_BYTES, pagesRoutes } from './routes/pages';
import { spacesRoutes } from './routes/spaces';

/**
 * The Confluence Cloud REST API v2 emulator, mounted by the host at `/wiki/api/v2`. The host's auth
 * middleware sets `res.locals.principal` before it runs. Bodies up to 5 MB are accepted (413 beyond);
 * a host-wide JSON parser in front of this router must allow at least that much.
 */
export function createConfluenceRouter(db: Db, options: RouterOptions = {}): Router {
  const r = Router();
  r.use(express.json({ limit: MAX_BODY_BYTES + 64 * 1024 }));
  r.use(spacesRoutes(db, options));
  r.use(childrenRoutes(db));
  r.use(pagesRoutes(db, options));
  r.use((req, res) => sendError(res, 404, 'Not Found', `No route for ${req.method} ${req.baseUrl}${req.path}`));
  r.use(confluenceErrorHandler);
  return r;
}
