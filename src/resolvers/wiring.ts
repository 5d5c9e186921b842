import { randomUUID } from 'node:crypto';
import { createForgeActionItemsSync } from '../jira/action-items/forge-action-items';
import { createForgeActionItemsLive } from '../jira/action-items/subtask-live';
import { createForgeJiraClient } from '../jira/forge-jira-client';
import { createForgeTimelineSource } from '../jira/forge-timeline-source';
import { createKvsReviewStore } from '../storage/kvs-review-store';
import { createKvsReviewDocStore } from '../storage/review-doc-store';
import type { DocDeps } from '../use-cases/review-doc';
import type { ReviewDeps } from '../use-cases/review-deps';
import type { CallContext } from './define';

/** Production wiring: Jira as the calling user, Forge KVS, the real clock. */
export function reviewDeps(ctx: CallContext): ReviewDeps {
  return {
    jira: createForgeJiraClient(ctx.siteUrl),
    fetchSources: createForgeTimelineSource(ctx.siteUrl),
    store: createKvsReviewStore(),
    now: () => new Date(),
    newId: () => randomUUID(),
    accountId: ctx.accountId,
  };
}

export function docDeps(ctx: CallContext): DocDeps {
  return {
    jira: createForgeJiraClient(ctx.siteUrl),
    docs: createKvsReviewDocStore(),
    actions: { sync: createForgeActionItemsSync(ctx.siteUrl), live: createForgeActionItemsLive(ctx.siteUrl) },
    now: () => new Date(),
    accountId: ctx.accountId,
  };
}
