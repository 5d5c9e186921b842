import type Resolver from '@forge/resolver';
import { createForgeJiraClient } from '../jira/forge-jira-client';
import { searchAssignableUsers } from '../jira/user-search';
import { getIncidentOverview } from '../use-cases/get-incident-overview';
import { macroData } from '../use-cases/macro';
import { getPublishState, listPages, previewExternal, publishExternal, publishInternal, searchSpaces } from '../use-cases/publish';
import { checkText, exportMarkdown, getReviewDoc, saveReviewDoc, setReviewStatus, settleConflict, syncActions } from '../use-cases/review-doc';
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
import { defineResolver } from './define';
import { meetingCalendar, notifyParticipants, participantSuggestions } from '../use-cases/meeting-notice';
import { MeetingNotifyPayload } from './meeting-schemas';
import { TemplatesGetPayload, TemplatesSavePayload } from './template-payloads';
import { getTemplates, saveTemplates } from '../use-cases/templates';
import {
  ActionSettlePayload,
  AnnotatePayload,
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
} from './schemas';
import { docDeps, incidentSummaryDeps, meetingDeps, templateDeps, publishDeps, reviewDeps, summariesDeps } from './wiring';

/** Registers every resolver key of `ResolverMap` (src/contract.ts). */
export function registerResolvers(resolver: Resolver): void {
  const define = (key: string, fn: ReturnType<typeof defineResolver>) => resolver.define(key, fn);

  define('incident/get', defineResolver('incident/get', IncidentGetPayload, (p, ctx) => getIncidentOverview(createForgeJiraClient(ctx.siteUrl), p.issueKey)));
  define('timeline/get', defineResolver('timeline/get', IssueOnlyPayload, (p, ctx) => openTimeline(reviewDeps(ctx), p.issueKey)));
  define(
    'timeline/entries',
    defineResolver('timeline/entries', EntriesPayload, (p, ctx) => timelineEntries(reviewDeps(ctx), p.issueKey, p.version, p.from, p.to)),
  );
  define('review/start', defineResolver('review/start', IssueOnlyPayload, (p, ctx) => startReview(reviewDeps(ctx), p.issueKey)));
  define('timeline/refresh', defineResolver('timeline/refresh', IssueOnlyPayload, (p, ctx) => refreshTimeline(reviewDeps(ctx), p.issueKey)));
  define(
    'timeline/annotate',
    defineResolver('timeline/annotate', AnnotatePayload, (p, ctx) => annotateEntry(reviewDeps(ctx), p.issueKey, p.entryId, p.patch, p.version, p.at)),
  );
  define(
    'timeline/manual/add',
    defineResolver('timeline/manual/add', ManualAddPayload, (p, ctx) => addManualEntry(reviewDeps(ctx), p.issueKey, p.entry, p.version)),
  );
  define(
    'timeline/manual/update',
    defineResolver('timeline/manual/update', ManualUpdatePayload, (p, ctx) => updateManualEntry(reviewDeps(ctx), p.issueKey, p.entryId, p.entry, p.version)),
  );
  define(
    'timeline/manual/remove',
    defineResolver('timeline/manual/remove', ManualRemovePayload, (p, ctx) => removeManualEntry(reviewDeps(ctx), p.issueKey, p.entryId, p.version)),
  );
  define('moments/set', defineResolver('moments/set', MomentSetPayload, (p, ctx) => setMoment(reviewDeps(ctx), p.issueKey, p.moment, p.at, p.version)));
  define('review/get', defineResolver('review/get', IssueOnlyPayload, (p, ctx) => getReviewDoc(docDeps(ctx), p.issueKey)));
  define(
    'review/save',
    defineResolver('review/save', ReviewSavePayload, (p, ctx) => saveReviewDoc(docDeps(ctx), p.issueKey, p.content, p.actionItems, p.version)),
  );
  define('review/status', defineResolver('review/status', ReviewStatusPayload, (p, ctx) => setReviewStatus(docDeps(ctx), p.issueKey, p.status, p.version)));
  define('review/check', defineResolver('review/check', ReviewCheckPayload, (p, ctx) => checkText(docDeps(ctx), p.issueKey, p.text, p.field)));
  define(
    'users/search',
    defineResolver('users/search', UserSearchPayload, async (p, ctx) => {
      // The caller must see the incident before learning who works on its project.
      await getIncidentOverview(createForgeJiraClient(ctx.siteUrl), p.issueKey);
      return searchAssignableUsers(p.issueKey, p.query);
    }),
  );
  define('actions/sync', defineResolver('actions/sync', IssueOnlyPayload, (p, ctx) => syncActions(docDeps(ctx), p.issueKey)));
  define(
    'actions/settle',
    defineResolver('actions/settle', ActionSettlePayload, (p, ctx) => settleConflict(docDeps(ctx), p.issueKey, p.itemId, p.conflict, p.keep, p.version)),
  );
  define(
    'review/export/markdown',
    defineResolver('review/export/markdown', ExportPayload, (p, ctx) =>
      exportMarkdown(docDeps(ctx), (key) => getTimeline(reviewDeps(ctx), key), p.issueKey, p.timeZone ?? 'UTC'),
    ),
  );
  define(
    'macro/get',
    defineResolver('macro/get', MacroPayload, (p, ctx) =>
      macroData(docDeps(ctx), (key, entries) => openTimeline(reviewDeps(ctx), key, { entries }), macroConfigFrom(ctx.extension, p.config)),
    ),
  );
  define('publish/spaces', defineResolver('publish/spaces', PublishSpacesPayload, (p, ctx) => searchSpaces(publishDeps(ctx), p.issueKey, p.query)));
  define(
    'publish/pages',
    defineResolver('publish/pages', PublishPagesPayload, (p, ctx) => listPages(publishDeps(ctx), p.issueKey, p.spaceId, p.parentId)),
  );
  define('publish/state', defineResolver('publish/state', IssueOnlyPayload, (p, ctx) => getPublishState(publishDeps(ctx), p.issueKey)));
  define(
    'publish/internal',
    defineResolver('publish/internal', PublishInternalPayload, (p, ctx) => publishInternal(publishDeps(ctx), p.issueKey, p.target, p.version, p.timeZone ?? 'UTC', p.includeRestricted ?? false)),
  );
  define(
    'publish/external/preview',
    defineResolver('publish/external/preview', ExternalPreviewPayload, (p, ctx) =>
      previewExternal(publishDeps(ctx), p.issueKey),
    ),
  );
  define(
    'publish/external',
    defineResolver('publish/external', PublishExternalPayload, (p, ctx) =>
      publishExternal(publishDeps(ctx), p.issueKey, p.target, p.version),
    ),
  );
  define('summaries/list', defineResolver('summaries/list', SummariesListPayload, (p) => listSummaries(summariesDeps(), p)));
  define('summaries/csv', defineResolver('summaries/csv', SummariesCsvPayload, (p) => summariesCsv(summariesDeps(), p)));
  define('summaries/incident', defineResolver('summaries/incident', IssueOnlyPayload, (p, ctx) => incidentSummary(incidentSummaryDeps(ctx), p.issueKey)));
  define(
    'meeting/notify',
    defineResolver('meeting/notify', MeetingNotifyPayload, (p, ctx) => notifyParticipants(meetingDeps(ctx), p.issueKey, p.version, p.again ?? false)),
  );
  define('meeting/ics', defineResolver('meeting/ics', IssueOnlyPayload, (p, ctx) => meetingCalendar(meetingDeps(ctx), p.issueKey)));
  define(
    'meeting/suggestions',
    defineResolver('meeting/suggestions', IssueOnlyPayload, async (p, ctx) => {
      // As the viewer: only people acting in entries they may see now (openTimeline filters them).
      const timeline = await openTimeline(reviewDeps(ctx), p.issueKey, { entries: false });
      return participantSuggestions(timeline.incident, timeline.started ? timeline.people : []);
    }),
  );
  define('templates/get', defineResolver('templates/get', TemplatesGetPayload, (p, ctx) => getTemplates(templateDeps(ctx), p.issueKey)));
  define('templates/save', defineResolver('templates/save', TemplatesSavePayload, (p, ctx) => saveTemplates(templateDeps(ctx), p.templates, p.version)));
  define('severity/set', defineResolver('severity/set', SeveritySetPayload, (p, ctx) => setSeverity(reviewDeps(ctx), p.issueKey, p.level, p.version)));
}
