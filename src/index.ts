import Resolver from '@forge/resolver';
import { randomUUID } from 'node:crypto';
import { createForgeRhythmJira } from './jira/rhythm-jira';
import { registerResolvers } from './resolvers';
import { createKvsRhythmStore } from './storage/rhythm-store';
import { createKvsPublishStore } from './storage/publish-store';
import { createKvsReviewDocStore } from './storage/review-doc-store';
import { createKvsTimelineStore } from './storage/kvs-timeline-store';
import { createKvsSummaryStore } from './storage/summary-store';
import { sweepOrphanedPulls } from './use-cases/orphan-sweep';
import { runRhythm, type RhythmResult } from './use-cases/rhythm';
import { repairSummaryRows } from './use-cases/summary-repair';
import { STEP_IN_JOB, searchRebuildDeps } from './resolvers/search-wiring';
import { rebuildSearchStep } from './use-cases/search-rebuild';

// ---- jira:issuePanel, macro, jira:globalPage: one resolver function (manifest `resolver`) ----
const resolver = new Resolver();
registerResolvers(resolver);
export const handler = resolver.getDefinitions();

// ---- scheduledTrigger `pir-rhythm-check` (manifest `rhythm`) ----
/**
 * Hourly: reminds Sev1/Sev2 incidents whose review is past due (once each), flags them on the
 * global page, refreshes a batch of reviews' countermeasures from Jira, rebuilds summary rows whose
 * write failed and deletes timeline chunks of pulls that died. Runs as the app; the
 * business day is counted in the Forge environment variable PIR_TIME_ZONE (IANA, UTC by default).
 */
export const rhythm = (): Promise<RhythmResult> => {
  const now = () => new Date();
  const summaries = createKvsSummaryStore();
  const reviews = createKvsTimelineStore();
  return runRhythm({
    now,
    timeZone: process.env.PIR_TIME_ZONE,
    jira: createForgeRhythmJira(),
    store: createKvsRhythmStore(),
    summaries,
    newId: () => randomUUID(),
    repairIndex: () => repairSummaryRows({ summaries, reviews, docs: createKvsReviewDocStore(), pages: createKvsPublishStore(), now }),
    sweepOrphans: () => sweepOrphanedPulls({ reviews, now }),
  });
};

// ---- scheduledTrigger `pir-search-rebuild` (manifest `search-rebuild`) ----
/**
 * Every five minutes: while the review library is missing or of an older format, one bounded step
 * of building it from the summary index (issue 17); once it is complete, one key read. Idempotent:
 * a step that fires twice indexes the same reviews to the same result.
 */
export const searchRebuild = (): Promise<{ indexed: number; done: boolean }> => rebuildSearchStep(searchRebuildDeps(), STEP_IN_JOB);
