import Resolver from '@forge/resolver';
import { registerResolvers } from './resolvers';
import { logger } from './logger';

// ---- jira:issuePanel, macro, jira:globalPage: one resolver function (manifest `resolver`) ----
const resolver = new Resolver();
registerResolvers(resolver);
export const handler = resolver.getDefinitions();

// ---- scheduledTrigger `pir-rhythm-check` (manifest `rhythm`) ----
/** The 24-hour rule and overdue countermeasures are checked here once reviews exist. */
export const rhythm = (): Promise<{ checked: number }> => {
  logger.info('rhythm.run', { checked: 0 });
  return Promise.resolve({ checked: 0 });
};
