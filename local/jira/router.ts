import express from 'express';
import type { Db } from '../db';
import { errorHandlerAs } from '../site-errors';
import { changelogRoutes } from './routes/changelogs';
import { commentListRoutes } from './routes/comment-list';
import { commentRoutes } from './routes/comments';
import { createMetaRoutes } from './routes/createmeta';
import { issueRoutes } from './routes/issues';
import { linkRoutes } from './routes/links';
import { referenceRoutes } from './routes/reference';
import { remoteLinkRoutes } from './routes/remote-links';
import { searchRoutes } from './routes/search';
import { userRoutes } from './routes/users';
import { workflowRoutes } from './routes/workflow';

/**
 * The Jira Cloud REST API v3 subset, to be mounted at `/rest/api/3` after the middleware that
 * sets `res.locals.principal`. Unknown paths fall through to the next handler.
 */
export function createJiraRouter(db: Db): express.Router {
  const router = express.Router();
  router.use(express.json({ strict: false, limit: '10mb' }));
  router.use(createMetaRoutes(db));
  router.use(issueRoutes(db));
  router.use(searchRoutes(db));
  router.use(commentRoutes(db));
  router.use(commentListRoutes(db));
  router.use(changelogRoutes(db));
  router.use(linkRoutes(db));
  router.use(remoteLinkRoutes(db));
  router.use(workflowRoutes(db));
  router.use(userRoutes(db));
  router.use(referenceRoutes(db));
  router.use(errorHandlerAs('jira', 'jira emulator'));
  return router;
}
