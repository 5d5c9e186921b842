import type Resolver from '@forge/resolver';
import type { z } from 'zod';
import type { ResolverKey, ResolverMap } from '../contract';
import { createForgeJiraClient } from '../jira/forge-jira-client';
import { searchAssignableUsers } from '../jira/user-search';
import { getIncidentOverview } from '../use-cases/get-incident-overview';
import { macroData } from '../use-cases/macro';
import { getPublishState, listPages, previewExternal, publishExternal, publishInternal, searchSpaces } from '../use-cases/publish';
import {
  checkText,
  exportMarkdown,
  getReviewDoc,
  saveReviewDoc,
  setReviewStatus,
  settleConflict,
  syncActions,
} from '../use-cases/review-doc';
import {
  addManualEntry,
  annotateEntry,
  getTimeline,
  openTimeline,
  refreshTimeline,
  removeManualEntry,
  setMoment,
  setSeverity,
  startReview,
  timelineEntries,
  updateManualEntry,
} from '../use-cases/timeline-review';
import { incidentSummary, listSummaries, summariesCsv } from '../use-cases/summaries';
import { importChat } from '../use-cases/chat-import';
import { draftWhatHappened } from '../use-cases/narrative';
import { type CallContext, defineResolver } from './define';
import {
  ActionSettlePayload,
  AnnotatePayload,
  ChatImportPayload,
  DraftPayload,
  EntriesPayload,
  ExportPayload,
  ExternalPreviewPayload,
  IncidentGetPayload,
  IssueOnlyPayload,
  MacroPayload,
  macroConfigFrom,
  ManualAddPayload,
  ManualRemovePayload,
  ManualUpdatePayload,
  MomentSetPayload,
  PublishExternalPayload,
  PublishInternalPayload,
  PublishPagesPayload,
  PublishSpacesPayload,
  ReviewCheckPayload,
  ReviewSavePayload,
  ReviewStatusPayload,
  UserSearchPayload,
  SeveritySetPayload,
  SummariesCsvPayload,
  SummariesListPayload,
  SummariesInsightsPayload,
  KnownServicesPayload,
  PolicyGetPayload,
  PolicySetPayload,
  RelatedReviewsPayload,
  SummariesSearchPayload,
} from './schemas';
import {
  docDeps,
  incidentSummaryDeps,
  insightsDeps,
  meetingDeps,
  peopleLookup,
  policyDeps,
  publishDeps,
  reviewDeps,
  summariesDeps,
  templateDeps,
} from './wiring';
import { searchDeps } from './search-wiring';
import { meetingCalendar, notifyParticipants, participantSuggestions } from '../use-cases/meeting-notice';
import { MeetingNotifyPayload } from './meeting-schemas';
import { TemplatesGetPayload, TemplatesSavePayload } from './template-payloads';
import { getTemplates, saveTemplates } from '../use-cases/templates';
import { knownServices, summaryInsights } from '../use-cases/insights';
import { getPolicy, setPolicy } from '../use-cases/policy';
import { relatedReviews } from '../use-cases/related-reviews';
import { issueAssignees, relatedDeps } from './wiring';
import { searchReviews } from '../use-cases/review-search';

/** One resolver: its payload schema and what it runs, both typed by `ResolverMap` (src/contract.ts). */
interface ResolverSpec<K extends ResolverKey> {
  schema: z.ZodType<ResolverMap[K]['payload']>;
  run: (payload: ResolverMap[K]['payload'], ctx: CallContext) => Promise<ResolverMap[K]['result']>;
}

/**
 * Every resolver, keyed once. The mapped type makes the compiler check that each key of
 * `ResolverMap` is here (and no other), that its schema parses to the contract's payload and that
 * its use case answers the contract's result: the UI's `invoke` is typed by the same map.
 */
export const RESOLVERS: { [K in ResolverKey]: ResolverSpec<K> } = {
  'incident/get': { schema: IncidentGetPayload, run: (p, ctx) => getIncidentOverview(createForgeJiraClient(ctx.siteUrl), p.issueKey) },
  'timeline/get': { schema: IssueOnlyPayload, run: (p, ctx) => openTimeline(reviewDeps(ctx), p.issueKey) },
  'timeline/entries': { schema: EntriesPayload, run: (p, ctx) => timelineEntries(reviewDeps(ctx), p.issueKey, p.version, p.from, p.to) },
  'review/start': { schema: IssueOnlyPayload, run: (p, ctx) => startReview(reviewDeps(ctx), p.issueKey) },
  'timeline/refresh': { schema: IssueOnlyPayload, run: (p, ctx) => refreshTimeline(reviewDeps(ctx), p.issueKey) },
  'timeline/annotate': {
    schema: AnnotatePayload,
    run: (p, ctx) => annotateEntry(reviewDeps(ctx), p.issueKey, p.entryId, p.patch, p.version, p.at),
  },
  'timeline/manual/add': { schema: ManualAddPayload, run: (p, ctx) => addManualEntry(reviewDeps(ctx), p.issueKey, p.entry, p.version) },
  'timeline/manual/update': {
    schema: ManualUpdatePayload,
    run: (p, ctx) => updateManualEntry(reviewDeps(ctx), p.issueKey, p.entryId, p.entry, p.version),
  },
  'timeline/manual/remove': {
    schema: ManualRemovePayload,
    run: (p, ctx) => removeManualEntry(reviewDeps(ctx), p.issueKey, p.entryId, p.version),
  },
  'timeline/chat/import': {
    schema: ChatImportPayload,
    run: (p, ctx) =>
      importChat(reviewDeps(ctx), (issueKey, query) => searchAssignableUsers(issueKey, query), p.issueKey, p.entries, p.version),
  },
  'moments/set': { schema: MomentSetPayload, run: (p, ctx) => setMoment(reviewDeps(ctx), p.issueKey, p.moment, p.at, p.version) },
  'severity/set': { schema: SeveritySetPayload, run: (p, ctx) => setSeverity(reviewDeps(ctx), p.issueKey, p.level, p.version) },
  'review/get': { schema: IssueOnlyPayload, run: (p, ctx) => getReviewDoc(docDeps(ctx), p.issueKey) },
  'review/save': {
    schema: ReviewSavePayload,
    run: (p, ctx) => saveReviewDoc(docDeps(ctx), p.issueKey, p.content, p.actionItems, p.version),
  },
  'review/status': { schema: ReviewStatusPayload, run: (p, ctx) => setReviewStatus(docDeps(ctx), p.issueKey, p.status, p.version) },
  'review/draft': { schema: DraftPayload, run: (p, ctx) => draftWhatHappened(reviewDeps(ctx), p.issueKey, p.timeZone ?? 'UTC') },
  'review/check': {
    schema: ReviewCheckPayload,
    run: (p, ctx) => checkText(docDeps(ctx), p.issueKey, p.text, p.field, p.names, peopleLookup(ctx)),
  },
  'users/search': {
    schema: UserSearchPayload,
    run: async (p, ctx) => {
      // The caller must see the incident before learning who works on its project.
      await getIncidentOverview(createForgeJiraClient(ctx.siteUrl), p.issueKey);
      return searchAssignableUsers(p.issueKey, p.query);
    },
  },
  'actions/sync': { schema: IssueOnlyPayload, run: (p, ctx) => syncActions(docDeps(ctx), p.issueKey) },
  'actions/settle': {
    schema: ActionSettlePayload,
    run: (p, ctx) => settleConflict(docDeps(ctx), p.issueKey, p.itemId, p.conflict, p.keep, p.version),
  },
  'review/export/markdown': {
    schema: ExportPayload,
    run: (p, ctx) => exportMarkdown(docDeps(ctx), (key) => getTimeline(reviewDeps(ctx), key), p.issueKey, p.timeZone ?? 'UTC'),
  },
  'macro/get': {
    schema: MacroPayload,
    run: (p, ctx) =>
      macroData(docDeps(ctx), (key, entries) => openTimeline(reviewDeps(ctx), key, { entries }), macroConfigFrom(ctx.extension, p.config)),
  },
  'publish/spaces': { schema: PublishSpacesPayload, run: (p, ctx) => searchSpaces(publishDeps(ctx), p.issueKey, p.query) },
  'publish/pages': { schema: PublishPagesPayload, run: (p, ctx) => listPages(publishDeps(ctx), p.issueKey, p.spaceId, p.parentId) },
  'publish/state': { schema: IssueOnlyPayload, run: (p, ctx) => getPublishState(publishDeps(ctx), p.issueKey) },
  'publish/internal': {
    schema: PublishInternalPayload,
    run: (p, ctx) => publishInternal(publishDeps(ctx), p.issueKey, p.target, p.version, p.timeZone ?? 'UTC', p.includeRestricted ?? false),
  },
  'publish/external/preview': { schema: ExternalPreviewPayload, run: (p, ctx) => previewExternal(publishDeps(ctx), p.issueKey) },
  'publish/external': {
    schema: PublishExternalPayload,
    run: (p, ctx) => publishExternal(publishDeps(ctx), p.issueKey, p.target, p.version),
  },
  'summaries/list': { schema: SummariesListPayload, run: (p) => listSummaries(summariesDeps(), p) },
  'summaries/csv': { schema: SummariesCsvPayload, run: (p) => summariesCsv(summariesDeps(), p) },
  // Issue 17: insights across incidents, service suggestions, countermeasure policy.
  'summaries/insights': { schema: SummariesInsightsPayload, run: (p) => summaryInsights(insightsDeps(), p) },
  'services/known': {
    schema: KnownServicesPayload,
    run: async (p, ctx) => {
      // Asked from a review: the caller must see that incident first (NOT_FOUND otherwise, as everywhere).
      await getIncidentOverview(createForgeJiraClient(ctx.siteUrl), p.issueKey);
      return knownServices(summariesDeps());
    },
  },
  'summaries/search': { schema: SummariesSearchPayload, run: (p) => searchReviews(searchDeps(), p) },
  'policy/get': { schema: PolicyGetPayload, run: (_p, ctx) => getPolicy(policyDeps(ctx)) },
  'policy/set': { schema: PolicySetPayload, run: (p, ctx) => setPolicy(policyDeps(ctx), p.dueDays, p.expectedVersion) },
  'review/related': { schema: RelatedReviewsPayload, run: (p, ctx) => relatedReviews(relatedDeps(ctx), p.issueKey) },
  // Issue 18: participants notified of the review meeting; review templates.
  'meeting/notify': {
    schema: MeetingNotifyPayload,
    run: (p, ctx) => notifyParticipants(meetingDeps(ctx), p.issueKey, p.version, p.again ?? false),
  },
  'meeting/ics': { schema: IssueOnlyPayload, run: (p, ctx) => meetingCalendar(meetingDeps(ctx), p.issueKey) },
  'meeting/suggestions': {
    schema: IssueOnlyPayload,
    run: async (p, ctx) => {
      // As the viewer: only people acting in entries they may see now (openTimeline filters them),
      // and whoever is assigned a linked ticket they may see, even one who never acted in it.
      const timeline = await openTimeline(reviewDeps(ctx), p.issueKey, { entries: false });
      const linked = timeline.incident.linkedIssues.map((l) => l.key);
      const assignees = linked.length > 0 ? await issueAssignees().assigneesOf(linked) : [];
      return participantSuggestions(timeline.incident, [...(timeline.started ? timeline.people : []), ...assignees]);
    },
  },
  'templates/get': { schema: TemplatesGetPayload, run: (p, ctx) => getTemplates(templateDeps(ctx), p.issueKey) },
  'templates/save': { schema: TemplatesSavePayload, run: (p, ctx) => saveTemplates(templateDeps(ctx), p.templates, p.version) },
  'summaries/incident': { schema: IssueOnlyPayload, run: (p, ctx) => incidentSummary(incidentSummaryDeps(ctx), p.issueKey) },
};

/** Every resolver key, in the order of `RESOLVERS`. */
export const RESOLVER_KEYS = Object.keys(RESOLVERS) as ResolverKey[];

function register<K extends ResolverKey>(resolver: Resolver, key: K): void {
  const spec: ResolverSpec<K> = RESOLVERS[key];
  resolver.define(key, defineResolver(key, spec.schema, spec.run));
}

/** Registers every resolver of `RESOLVERS` with Forge's resolver. */
export function registerResolvers(resolver: Resolver): void {
  for (const key of RESOLVER_KEYS) register(resolver, key);
}
