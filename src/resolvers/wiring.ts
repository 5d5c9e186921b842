import { randomUUID } from 'node:crypto';
import { createConfluenceConnectionCheck } from '../confluence/confluence-connection';
import { createForgeConfluenceClient } from '../confluence/forge-confluence-client';
import { reviewMacroExtensionKey } from '../confluence/macro-ref';
import { createForgeActionItemsSync } from '../jira/action-items/forge-action-items';
import { createForgeActionItemsLive } from '../jira/action-items/subtask-live';
import { createForgeJiraClient } from '../jira/forge-jira-client';
import { createForgeTimelineSource } from '../jira/forge-timeline-source';
import { createAppCommentLookup, createViewerAccess } from '../jira/viewer-access';
import { createForgeRemoteLinks } from '../jira/remote-link';
import { createKvsTimelineStore } from '../storage/kvs-timeline-store';
import { createKvsPublishStore } from '../storage/publish-store';
import { createKvsReviewDocStore } from '../storage/review-doc-store';
import type { PublishDeps } from '../use-cases/publish';
import type { DocDeps } from '../use-cases/review-doc';
import type { TimelineDeps } from '../use-cases/timeline-deps';
import { createKvsSummaryStore } from '../storage/summary-store';
import { createSummaryIndexer } from '../use-cases/summary-indexer';
import { createSearchIndexer, withReviewSearch } from '../use-cases/search-indexer';
import { createKvsSearchStore } from '../storage/search-store';
import { createSummaryAccess } from '../jira/summary-access';
import { createIssueAssignees, type IssueAssigneesPort } from '../jira/issue-assignees';
import { createKvsLeases } from '../storage/lease-store';
import type { IncidentSummaryDeps, SummariesDeps } from '../use-cases/summaries';
import { getReviewDoc } from '../use-cases/review-doc';
import { getTimeline, openTimeline, timelineAudience } from '../use-cases/timeline-review';
import { searchAssignableUsers } from '../jira/user-search';
import type { PeopleLookup } from '../use-cases/check-names';
import type { CallContext } from './define';
import type { IncidentOverview } from '../contract';
import { createAdminCheck } from '../jira/admin-permission';
import { createKvsPolicyStore } from '../storage/policy-store';
import type { InsightsDeps } from '../use-cases/insights';
import { policyDueFor, type PolicyDeps } from '../use-cases/policy';
import { createKvsTemplateStore } from '../storage/template-store';
import type { TemplateDeps } from '../use-cases/templates';
import { createForgeMeetingComments } from '../jira/meeting-comment-jira';
import type { MeetingDeps } from '../use-cases/meeting-notice';
import { createKvsRelatedIndex } from '../storage/related-store';
import type { RelatedDeps } from '../use-cases/related-reviews';
import { getIncidentOverview } from '../use-cases/get-incident-overview';
import { issueUrl } from '../jira/jira-issue-transformer';

/** Production wiring: Jira as the calling user, Forge KVS, the real clock. */
export function reviewDeps(ctx: CallContext): TimelineDeps {
  return {
    jira: createForgeJiraClient(ctx.siteUrl),
    fetchSources: createForgeTimelineSource(ctx.siteUrl),
    access: createViewerAccess(),
    comments: createAppCommentLookup(ctx.siteUrl),
    store: createKvsTimelineStore(),
    now: () => new Date(),
    newId: () => randomUUID(),
    accountId: ctx.accountId,
    summaries: withReviewSearch(
      createSummaryIndexer(createKvsSummaryStore(), () => new Date()),
      createSearchIndexer(createKvsSearchStore()),
    ),
  };
}

export function docDeps(ctx: CallContext): DocDeps {
  return {
    jira: createForgeJiraClient(ctx.siteUrl),
    docs: createKvsReviewDocStore(),
    actions: { sync: createForgeActionItemsSync(ctx.siteUrl), live: createForgeActionItemsLive(ctx.siteUrl) },
    now: () => new Date(),
    accountId: ctx.accountId,
    summaries: withReviewSearch(
      createSummaryIndexer(createKvsSummaryStore(), () => new Date()),
      createSearchIndexer(createKvsSearchStore()),
    ),
    leases: createKvsLeases(),
    newId: () => randomUUID(),
    policyDueDate: policyDueDateFor(),
  };
}

export function publishDeps(ctx: CallContext): PublishDeps {
  return {
    doc: docDeps(ctx),
    timeline: (issueKey) => getTimeline(reviewDeps(ctx), issueKey),
    audience: (issueKey) => timelineAudience(reviewDeps(ctx), issueKey),
    confluence: createForgeConfluenceClient(),
    confluenceConnection: createConfluenceConnectionCheck(),
    remoteLink: createForgeRemoteLinks(),
    store: createKvsPublishStore(),
    macroExtensionKey: () => reviewMacroExtensionKey(),
  };
}

/** After Action Summaries: the index in Forge storage, access checked in Jira as the viewer. */
export function summariesDeps(): SummariesDeps {
  return { store: createKvsSummaryStore(), access: createSummaryAccess(), now: () => new Date() };
}

export function incidentSummaryDeps(ctx: CallContext): IncidentSummaryDeps {
  const publish = createKvsPublishStore();
  return {
    timeline: (issueKey) => getTimeline(reviewDeps(ctx), issueKey),
    doc: (issueKey, incident) => getReviewDoc(docDeps(ctx), issueKey, incident),
    reportUrl: async (issueKey) => (await publish.loadPage(issueKey, 'internal'))?.url ?? null,
  };
}

/** Who the live wording check may recognise as a person: Jira's user search and the timeline's people, as the caller. */
export function peopleLookup(ctx: CallContext): PeopleLookup {
  return {
    searchUsers: (issueKey, query) => searchAssignableUsers(issueKey, query),
    timelinePeople: async (issueKey) => {
      const timeline = await openTimeline(reviewDeps(ctx), issueKey, { entries: false });
      return timeline.started ? timeline.people : [];
    },
  };
}

/** Issue 17: insights read the policy beside the index. */
export function insightsDeps(): InsightsDeps {
  return { ...summariesDeps(), policy: createKvsPolicyStore() };
}

export function policyDeps(ctx: CallContext): PolicyDeps {
  const jira = createForgeJiraClient(ctx.siteUrl);
  return { store: createKvsPolicyStore(), isAdmin: createAdminCheck(), myself: () => jira.myself(), now: () => new Date() };
}

/** The due date a new sub-task gets when its item has none: the policy at the review's severity (its override, else the priority's). */
function policyDueDateFor(): NonNullable<DocDeps['policyDueDate']> {
  const reviews = createKvsTimelineStore();
  const severityOf = async (incident: IncidentOverview) =>
    (await reviews.load(incident.key))?.state.severityOverride ?? incident.severity.level;
  return (incident) => policyDueFor(createKvsPolicyStore(), severityOf, incident, new Date());
}

/** Notifying participants: the review document and Jira comments, both as the calling user. */
export function meetingDeps(ctx: CallContext): MeetingDeps {
  return { doc: docDeps(ctx), comments: createForgeMeetingComments() };
}

/** Review templates: app storage, the admin check and the incident read as the calling user. */
export function templateDeps(ctx: CallContext): TemplateDeps {
  return { store: createKvsTemplateStore(), isAdmin: createAdminCheck(), jira: createForgeJiraClient(ctx.siteUrl) };
}

/** Related reviews (issue 17): the incident and access as the viewer, the summary index in storage. */
export function relatedDeps(ctx: CallContext): RelatedDeps {
  const jira = createForgeJiraClient(ctx.siteUrl);
  return {
    incident: (issueKey) => getIncidentOverview(jira, issueKey),
    index: createKvsRelatedIndex(),
    access: createSummaryAccess(),
    issueUrl: (issueKey) => issueUrl(ctx.siteUrl, issueKey),
  };
}

/** Who is assigned the incident's linked tickets, asked of Jira as the caller (participant suggestions). */
export function issueAssignees(): IssueAssigneesPort {
  return createIssueAssignees();
}
