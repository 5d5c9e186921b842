import Resolver from '@forge/resolver';
import { randomUUID } from 'node:crypto';
import { createForgeRhythmJira } from './jira/rhythm-jira';
import { registerResolvers } from './resolvers';
import { createKvsRhythmStore } from './storage/rhythm-store';
import { createKvsSummaryStore } from './storage/summary-store';
import { runRhythm, type RhythmResult } from './use-cases/rhythm';

// ---- jira:issuePanel, macro, jira:globalPage: one resolver function (manifest `resolver`) ----
const resolver = new Resolver();
registerResolvers(resolver);
export const handler = resolver.getDefinitions();

// ---- scheduledTrigger `pir-rhythm-check` (manifest `rhythm`) ----
/**
 * Hourly: reminds Sev1/Sev2 incidents whose review is past due (once each), flags them on the
 * global page, and refreshes a batch of reviews' countermeasures from Jira. Runs as the app; the
 * business day is counted in the Forge environment variable PIR_TIME_ZONE (IANA, UTC by default).
 */
export const rhythm = (): Promise<RhythmResult> =>
  runRhythm({
    now: () => new Date(),
    timeZone: process.env.PIR_TIME_ZONE,
    jira: createForgeRhythmJira(),
    store: createKvsRhythmStore(),
    summaries: createKvsSummaryStore(),
    newId: () => randomUUID(),
  });
