import type { ActionItem, IncidentOverview, Person, ReviewDoc, TimelineView } from '../contract';
import { answerText, givenAnswers } from './templates/template-rules';
import { listOrNone, NONE_RECORDED, section, tableOrNone, textOrNone } from './markdown-blocks';
import { escapeCell, escapeInline, link } from './markdown-escape';
import { reportTimeZone } from './markdown-time';
import { keyMetrics, keyMoments, whatHappened, zonedTime } from './markdown-timeline';
import { QUESTION_LABELS, ROLE_LABELS, STATUS_LABELS } from './labels';
import { FACTOR_CATEGORY_LABEL } from './factor-taxonomy';

/**
 * The Markdown export of a whole review: the internal report (docs/DECISIONS.md#vocabulary), so entries marked
 * internal are included and marked. Pure: the reader's zone and the generation time come in, and
 * the same input always gives the same bytes. Every text from users or Jira goes through
 * `markdown-escape`; the exporter alone writes headings, lists, tables, links and `<br>`.
 */
export interface MarkdownExportInput {
  doc: ReviewDoc;
  /** Null when the review has no timeline yet: metrics, moments and what happened say so. */
  timeline: TimelineView | null;
  incident: IncidentOverview;
  /** IANA zone for every time in the report; an unknown zone falls back to UTC, and the report says UTC. */
  timeZone: string;
  /** ISO instant the export was asked for (the caller's clock, not the domain's). */
  generatedAt: string;
}

export interface MarkdownExport {
  filename: string;
  markdown: string;
}

/** "INC-1-post-incident-review.md": the key reduced to characters safe in any file system. */
export function exportFilename(incidentKey: string): string {
  const safe = incidentKey.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'incident'}-post-incident-review.md`;
}

const person = (p: Person | null) => (p ? escapeInline(p.displayName) : 'not recorded');

function title(input: MarkdownExportInput, timeZone: string): string {
  const { doc, incident, timeline } = input;
  const severity = timeline?.severity ?? incident.severity;
  return [
    `# ${escapeInline(`${incident.key}: ${incident.summary}`)} — post-incident review`,
    [
      `**Review status:** ${STATUS_LABELS[doc.status]}`,
      `**Severity:** ${severity.label} (${severity.class}), ${escapeInline(severity.description)}`,
      `**Incident status:** ${escapeInline(incident.status.name)}`,
      `**Generated:** ${zonedTime(input.generatedAt, timeZone)}`,
    ].join('\\\n'),
  ].join('\n\n');
}

function meetingDetails(doc: ReviewDoc): string {
  const { meeting, incidentCommander } = doc.content;
  const details = [
    `- **Title:** ${escapeInline(meeting.title) || 'not recorded'}`,
    `- **Meeting date:** ${meeting.meetingDate ? escapeInline(meeting.meetingDate) : 'not scheduled'}`,
    `- **Contact:** ${person(meeting.contact)}`,
    `- **Created by:** ${person(meeting.createdBy)}`,
    `- **Facilitator:** ${person(meeting.facilitator)}`,
    `- **Incident commander:** ${person(incidentCommander)}`,
  ].join('\n');
  const participants = tableOrNone(
    ['Participant', 'Role'],
    meeting.participants.map((p) => [escapeCell(p.displayName), ROLE_LABELS[p.role]]),
  );
  return section('## Meeting details', details, section('### Participants', participants));
}

function customerImpact(doc: ReviewDoc): string {
  const { affected, text } = doc.content.customerImpact;
  if (affected === null && !text.trim()) return NONE_RECORDED;
  const answer = affected === null ? 'not recorded' : affected ? 'yes' : 'no';
  return section(`**Customers affected:** ${answer}`, textOrNone(text));
}

function actionItemRow(item: ActionItem): string[] {
  const summary = [escapeCell(item.summary), escapeCell(item.description)].filter(Boolean).join('<br>');
  const jira = item.jira ? `${link(item.jira.key, item.jira.url)} (${escapeCell(item.jira.status.name)})` : 'not created';
  const flags = [item.overdue ? '**overdue**' : '', item.syncError ? `sync failed: ${escapeCell(item.syncError)}` : '']
    .filter(Boolean)
    .join('<br>');
  return [
    summary,
    escapeCell(item.owner?.displayName ?? ''),
    escapeCell(item.dueDate ?? ''),
    escapeCell(item.priority),
    QUESTION_LABELS[item.question],
    jira,
    flags,
  ];
}

function tickets(incident: IncidentOverview): string {
  const line = (label: string, key: string, url: string, summary: string, issueType: string, status: string) =>
    `- ${label} ${link(key, url)}: ${escapeInline(summary)} (${escapeInline(issueType)}, ${escapeInline(status)})`;
  const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [
    line('**Incident:**', incident.key, incident.url, incident.summary, incident.issueType, incident.status.name),
    ...incident.linkedIssues.map((l) =>
      line(`**${escapeInline(capitalised(l.relation.trim()) || 'Linked')}:**`, l.key, l.url, l.summary, l.issueType, l.status.name),
    ),
  ].join('\n');
}

function tags(doc: ReviewDoc): string {
  const names = doc.content.tags.map(escapeInline).filter(Boolean);
  return names.length > 0 ? names.join(', ') : NONE_RECORDED;
}

/** The template's questions as answered; nothing for the built-in template, so its export is as before. */
function templateAnswers(doc: ReviewDoc): string {
  const answers = givenAnswers(doc.content);
  if (answers.length === 0) return '';
  return section(
    `## ${escapeInline(doc.content.template?.name ?? 'Review')} questions`,
    ...answers.map((a) => section(`### ${escapeInline(a.label)}`, textOrNone(answerText(a)))),
  );
}

export function renderReviewMarkdown(input: MarkdownExportInput): MarkdownExport {
  const { doc, timeline, incident } = input;
  const timeZone = reportTimeZone(input.timeZone);
  const { content } = doc;
  const sections = [
    title(input, timeZone),
    meetingDetails(doc),
    section(
      '## Goals',
      section('### Know sooner', textOrNone(content.goals.knowSooner)),
      section('### Recover sooner', textOrNone(content.goals.recoverSooner)),
    ),
    section('## Summary', textOrNone(content.description)),
    section('## Key metrics', keyMetrics(timeline)),
    section('## Key moments', keyMoments(timeline, timeZone)),
    section('## What happened', whatHappened(timeline, timeZone)),
    section('## Customer impact', customerImpact(doc)),
    section('## Services impacted', listOrNone(content.servicesImpacted)),
    section(
      '## Learnings',
      section('### What we learned', textOrNone(content.learnings.learned)),
      section('### What went well', textOrNone(content.learnings.wentWell)),
      section('### What surprised us', textOrNone(content.learnings.surprised)),
    ),
    // Each factor led by its category's label (issue 17); listOrNone escapes the whole item.
    section(
      '## Contributing factors',
      listOrNone(content.contributingFactors.filter((f) => f.text.trim()).map((f) => `${FACTOR_CATEGORY_LABEL[f.category]}: ${f.text}`)),
    ),
    section('## Remediation', textOrNone(content.remediation)),
    section(
      '## Action items',
      tableOrNone(['Action item', 'Owner', 'Due', 'Priority', 'Question', 'Jira', 'Flags'], doc.actionItems.map(actionItemRow)),
    ),
    templateAnswers(doc),
    section('## Tickets', tickets(incident)),
    section('## Tags', tags(doc)),
  ];
  return { filename: exportFilename(incident.key), markdown: `${sections.filter(Boolean).join('\n\n')}\n` };
}
