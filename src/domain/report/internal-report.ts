import type {
  ActionItem,
  ContributingFactor,
  IncidentOverview,
  KeyMomentName,
  MacroView,
  Person,
  ReviewDoc,
  TimelineView,
} from '../../contract';
import { answerText, givenAnswers } from '../templates/template-rules';
import { FACTOR_CATEGORY_LABEL } from '../factor-taxonomy';
import { reportTimeZone, wallClockTime } from '../markdown-time';
import { durationText } from '../markdown-timeline';
import { MOMENT_LABELS, MOMENT_ORDER } from '../metrics';
import { METRIC_ROWS, QUESTION_LABELS, ROLE_LABELS, STATUS_LABELS } from '../labels';
import { timelineTable } from './report-timeline';
import { forgeMacro, jiraMacro, severityLozenge } from './storage-macros';
import { fitTitle, oneLine } from './page-title';
import { el, escapeText, link, multiline, table, textEl, type Markup } from './storage-xml';

/**
 * The internal report page (docs/DECISIONS.md#vocabulary) in Confluence storage format. Pure: the zone, the
 * generation time and the macro's ids come in, and the same input always gives the same bytes.
 * Every text from users or Jira is escaped by `storage-xml`; only this module and its helpers
 * write elements, attributes and macros, so no input can add one (a user's line break becomes
 * `<br/>`, the one exception, always void and bare).
 */

/** The app's macro as the page embeds it; `extensionKey` is built from `getAppContext()` ids. */
export interface MacroRef {
  extensionKey: string;
  localId: string;
  title: string;
  view: MacroView;
}

export interface InternalReportInput {
  incident: IncidentOverview;
  /** Null when the review has no timeline yet: metrics and timeline say so. */
  timeline: TimelineView | null;
  doc: ReviewDoc;
  macro: MacroRef;
  /** IANA zone for every time on the page; an unknown zone falls back to UTC, and the page says UTC. */
  timeZone: string;
  /** ISO instant of publishing (the caller's clock). */
  generatedAt: string;
}

/** "INC-1: <summary> — post-incident review": unique per incident (the key is unique on the site). */
export function internalPageTitle(incident: IncidentOverview): string {
  const key = oneLine(incident.key);
  const summary = oneLine(incident.summary);
  return summary ? fitTitle(`${key}: `, summary, ' — post-incident review') : `${key} — post-incident review`;
}

const NONE = el('p', el('em', 'None recorded.'));
const h2 = (text: string) => textEl('h2', text);
const h3 = (text: string) => textEl('h3', text);
const section = (heading: Markup, ...body: Markup[]) => [heading, ...body].join('');
const paragraphOrNone = (text: string): Markup => (text.trim() ? el('p', multiline(text)) : NONE);
const person = (p: Person | null): Markup => (p ? escapeText(p.displayName) : el('em', 'not recorded'));
const label = (text: string) => el('strong', escapeText(text));

function zoned(iso: string | null, timeZone: string): Markup {
  if (!iso) return el('em', 'not set');
  return escapeText(wallClockTime(iso, timeZone) ?? `unreadable time ${iso}`);
}

function header(input: InternalReportInput, timeZone: string): Markup {
  const { incident, doc, timeline } = input;
  const severity = timeline?.severity ?? incident.severity;
  const lines = [
    // The Jira issue macro shows the key, summary and live status itself (and links to the issue).
    `${label('Incident:')} ${jiraMacro(incident.key)}`,
    `${label('Severity:')} ${severityLozenge(severity.label, severity.class)} ${escapeText(severity.description)}`,
    `${label('Review status:')} ${escapeText(STATUS_LABELS[doc.status])}`,
    `${label('Generated:')} ${zoned(input.generatedAt, timeZone)} (${escapeText(timeZone)})`,
  ];
  return el('p', lines.join('<br/>'));
}

function keyMetrics(timeline: TimelineView | null): Markup {
  if (!timeline) return el('p', el('em', 'The review has no timeline yet, so no metric is known.'));
  const rows = METRIC_ROWS.map(([name, metricLabel]) => [escapeText(metricLabel), escapeText(durationText(timeline.metrics[name]))]);
  const problems = timeline.problems.map((p) => textEl('li', p.message)).join('');
  return table(['Metric', 'Value'], rows) + (problems ? el('ul', problems) : '');
}

function keyMoments(timeline: TimelineView | null, timeZone: string): Markup {
  if (!timeline) return NONE;
  const extras = (Object.keys(MOMENT_LABELS) as KeyMomentName[]).filter(
    (m) => !(MOMENT_ORDER as readonly string[]).includes(m) && timeline.moments[m]?.at,
  );
  const rows = [...MOMENT_ORDER, ...extras].map((name) => [
    escapeText(MOMENT_LABELS[name]),
    zoned(timeline.moments[name]?.at ?? null, timeZone),
  ]);
  return table(['Moment', `Time (${timeZone})`], rows);
}

function liveView(input: InternalReportInput): Markup {
  const { macro, incident } = input;
  const fallback = el('p', escapeText(`${macro.title}: the live review of ${incident.key} shows here in Confluence Cloud.`));
  return forgeMacro({ ...macro, guestParams: { issueKey: incident.key, view: macro.view }, fallback });
}

function customerImpact(doc: ReviewDoc): Markup {
  const { affected, text } = doc.content.customerImpact;
  const answer = affected === null ? 'not recorded' : affected ? 'yes' : 'no';
  return el('p', `${label('Customers affected:')} ${escapeText(answer)}`) + (text.trim() ? el('p', multiline(text)) : '');
}

function listOrNone(items: readonly string[]): Markup {
  const kept = items.filter((t) => t.trim());
  return kept.length > 0 ? el('ul', kept.map((t) => el('li', multiline(t))).join('')) : NONE;
}

/** Each factor with its category's label first (issue 17): "<strong>Change/deploy</strong>: text", both escaped. */
function factorList(factors: readonly ContributingFactor[]): Markup {
  const kept = factors.filter((f) => f.text.trim());
  return kept.length > 0
    ? el('ul', kept.map((f) => el('li', `${el('strong', escapeText(FACTOR_CATEGORY_LABEL[f.category]))}: ${multiline(f.text)}`)).join(''))
    : NONE;
}

function actionItemRow(item: ActionItem): Markup[] {
  const summary = [item.summary, item.description]
    .filter((t) => t.trim())
    .map(multiline)
    .join('<br/>');
  const flags = [item.overdue ? el('strong', 'overdue') : '', item.syncError ? escapeText(`sync failed: ${item.syncError}`) : '']
    .filter(Boolean)
    .join('<br/>');
  return [
    summary,
    person(item.owner),
    escapeText(item.dueDate ?? ''),
    escapeText(item.priority),
    escapeText(QUESTION_LABELS[item.question]),
    item.jira ? jiraMacro(item.jira.key) : el('em', 'not created'),
    flags,
  ];
}

function actionItems(doc: ReviewDoc): Markup {
  if (doc.actionItems.length === 0) return NONE;
  return table(['Action item', 'Owner', 'Due', 'Priority', 'Question', 'Jira', 'Flags'], doc.actionItems.map(actionItemRow));
}

function relatedIssues(incident: IncidentOverview): Markup {
  if (incident.linkedIssues.length === 0) return NONE;
  const rows = incident.linkedIssues.map((l) => [escapeText(l.relation), jiraMacro(l.key), link(l.summary, l.url)]);
  return table(['Relation', 'Issue', 'Summary'], rows);
}

function meetingDetails(doc: ReviewDoc): Markup {
  const { meeting, incidentCommander } = doc.content;
  const rows: Markup[][] = [
    [escapeText('Title'), meeting.title.trim() ? escapeText(meeting.title) : el('em', 'not recorded')],
    [escapeText('Meeting date'), meeting.meetingDate ? escapeText(meeting.meetingDate) : el('em', 'not scheduled')],
    [escapeText('Contact'), person(meeting.contact)],
    [escapeText('Created by'), person(meeting.createdBy)],
    [escapeText('Facilitator'), person(meeting.facilitator)],
    [escapeText('Incident commander'), person(incidentCommander)],
  ];
  const participants =
    meeting.participants.length > 0
      ? table(
          ['Participant', 'Role'],
          meeting.participants.map((p) => [escapeText(p.displayName), escapeText(ROLE_LABELS[p.role])]),
        )
      : NONE;
  return table(['Detail', 'Value'], rows) + h3('Participants') + participants;
}

function tags(doc: ReviewDoc): Markup {
  const names = doc.content.tags.filter((t) => t.trim());
  return names.length > 0 ? el('p', escapeText(names.join(', '))) : NONE;
}

/** The template's questions as answered (nothing for the built-in template, so its report is as before). */
function templateAnswers(doc: ReviewDoc): Markup {
  const answers = givenAnswers(doc.content);
  if (answers.length === 0) return '';
  return section(
    h2(`${doc.content.template?.name ?? 'Review'} questions`),
    ...answers.flatMap((a) => [h3(a.label), paragraphOrNone(answerText(a))]),
  );
}

/** The internal report as Confluence storage format (XHTML), sections in docs/DECISIONS.md#vocabulary order. */
export function renderInternalReport(input: InternalReportInput): Markup {
  const { doc, timeline, incident } = input;
  const timeZone = reportTimeZone(input.timeZone);
  const { content } = doc;
  return [
    header(input, timeZone),
    section(h2('Summary'), paragraphOrNone(content.description)),
    section(
      h2('Goals'),
      h3('Know sooner'),
      paragraphOrNone(content.goals.knowSooner),
      h3('Recover sooner'),
      paragraphOrNone(content.goals.recoverSooner),
    ),
    section(h2('Key metrics'), keyMetrics(timeline), h3('Key moments'), keyMoments(timeline, timeZone)),
    section(h2('Live view and recovery plot'), liveView(input)),
    section(h2('Timeline'), timeline ? timelineTable(timeline, timeZone) : el('p', el('em', 'The review has no timeline yet.'))),
    section(h2('Customer impact'), customerImpact(doc)),
    section(h2('Services impacted'), listOrNone(content.servicesImpacted)),
    section(
      h2('Learnings'),
      h3('What we learned'),
      paragraphOrNone(content.learnings.learned),
      h3('What went well'),
      paragraphOrNone(content.learnings.wentWell),
      h3('What surprised us'),
      paragraphOrNone(content.learnings.surprised),
    ),
    section(h2('Contributing factors'), factorList(content.contributingFactors)),
    section(h2('Remediation'), paragraphOrNone(content.remediation)),
    section(h2('Action items'), actionItems(doc)),
    templateAnswers(doc),
    section(h2('Related issues'), relatedIssues(incident)),
    section(h2('Meeting details'), meetingDetails(doc)),
    section(h2('Tags'), tags(doc)),
  ].join('');
}
