import type { ExternalSummary, IncidentOverview, Person, ReviewDoc, TimelineView } from '../../contract';
import { answerText, givenAnswers } from '../templates/template-rules';
import { formatDuration } from '../metrics';
import { fitTitle, oneLine } from './page-title';
import { namePatterns, scrubNames } from './name-scrub';
import { el, multiline, textEl, type Markup } from './storage-xml';

/**
 * The external summary (docs/DECISIONS.md#vocabulary): what a customer or status-page reader may see. Exactly these
 * inputs go in, every free text scrubbed of every known person's name (`name-scrub`):
 *
 * - title: "Incident summary: <incident summary> (<created date, UTC>, <key>)";
 * - summary: the review's description, or the incident's summary when that is blank;
 * - services impacted: the review's list;
 * - duration: the impact duration, else the time to recover, formatted; "unknown" otherwise;
 * - severity: "Sev2: Major functionality broken or revenue affected" (app words only);
 * - customer impact: the review's text, or a sentence from the "affected" answer;
 * - proximate cause and resolution: as typed for publishing (resolution falls back to the
 *   review's remediation when blank);
 * - countermeasures: the action items' summaries (not descriptions, owners or Jira keys).
 *
 * Nothing else: no timeline entry (so no comment text and nothing marked internal), no learnings,
 * contributing factors, meeting details, people or tags.
 */
export interface ExternalSummaryInput {
  incident: IncidentOverview;
  timeline: TimelineView | null;
  doc: ReviewDoc;
  proximateCause: string;
  resolution: string;
}

/** Every display name the review knows: incident, meeting, commander, timeline actors, owners. */
export function knownNames(input: Pick<ExternalSummaryInput, 'incident' | 'timeline' | 'doc'>): string[] {
  const { incident, timeline, doc } = input;
  const { meeting } = doc.content;
  const people: (Person | null | undefined)[] = [
    incident.assignee,
    incident.reporter,
    meeting.contact,
    meeting.createdBy,
    meeting.facilitator,
    ...meeting.participants,
    doc.content.incidentCommander,
    ...(timeline?.people ?? []),
    ...(timeline?.entries.map((e) => e.actor) ?? []),
    ...doc.actionItems.flatMap((i) => [i.owner, i.jira?.assignee]),
  ];
  const typed = timeline?.entries.map((e) => e.actorName ?? '') ?? [];
  const mentioned = timeline?.entries.flatMap((e) => mentionedNames(e.text)) ?? [];
  return [...people.map((p) => p?.displayName ?? ''), ...typed, ...mentioned].filter((n) => n.trim());
}

/** Up to three capitalised words after an @, as Jira mentions read in entry text ("@Priya Nair"). */
const MENTIONED = /(?<![\p{L}\p{N}_])@(\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'’-]*){0,2})/gu;

/** People mentioned in a timeline entry: known from the timeline even if they wrote nothing in it. */
function mentionedNames(text: string): string[] {
  return [...text.matchAll(MENTIONED)].map((m) => m[1]);
}

/** "2026-10-17" from the incident's creation time, or '' when it cannot be read. */
function createdDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 10);
}

function titleWith(incident: IncidentOverview, scrub: (s: string) => string): string {
  const date = createdDate(incident.created);
  const end = ` (${[date, oneLine(incident.key)].filter(Boolean).join(', ')})`;
  const summary = oneLine(scrub(incident.summary));
  return fitTitle('Incident summary: ', summary || 'incident', end);
}

/**
 * Deterministic, and unique per incident through the key (titles are unique per space). The
 * incident's assignee and reporter are scrubbed here; `buildExternalSummary` scrubs every known
 * name, so publish with `summary.title`, which is what the preview shows.
 */
export function externalPageTitle(incident: IncidentOverview): string {
  const patterns = namePatterns([incident.assignee?.displayName ?? '', incident.reporter?.displayName ?? '']);
  return titleWith(incident, (s) => scrubNames(s, patterns));
}

function duration(timeline: TimelineView | null): string {
  if (timeline?.metrics.impact.known) return formatDuration(timeline.metrics.impact.ms);
  if (timeline?.metrics.ttr.known) return formatDuration(timeline.metrics.ttr.ms);
  return 'unknown';
}

function customerImpact(doc: ReviewDoc, scrub: (s: string) => string): string {
  const { affected, text } = doc.content.customerImpact;
  const typed = scrub(text).trim();
  if (typed) return typed;
  if (affected === true) return 'Customers were affected.';
  if (affected === false) return 'No customers were affected.';
  return 'Not stated.';
}

export function buildExternalSummary(input: ExternalSummaryInput): ExternalSummary {
  const { incident, timeline, doc } = input;
  const patterns = namePatterns(knownNames(input));
  const scrub = (s: string) => scrubNames(s, patterns);
  const scrubbedList = (items: readonly string[]) => items.map((s) => scrub(s).trim()).filter(Boolean);
  const severity = timeline?.severity ?? incident.severity;
  const resolution = scrub(input.resolution).trim() || scrub(doc.content.remediation).trim();
  return {
    title: titleWith(incident, scrub),
    summary: scrub(doc.content.description).trim() || oneLine(scrub(incident.summary)),
    servicesImpacted: scrubbedList(doc.content.servicesImpacted),
    duration: duration(timeline),
    severity: `${severity.label}: ${severity.description}`,
    customerImpact: customerImpact(doc, scrub),
    proximateCause: scrub(input.proximateCause).trim(),
    resolution,
    countermeasures: scrubbedList(doc.actionItems.map((i) => i.summary)),
    ...publicAnswers(doc, scrub),
  };
}

/** Only questions the template marks public, answered; their wording and answers scrubbed of names like the rest. */
function publicAnswers(doc: ReviewDoc, scrub: (s: string) => string): Pick<ExternalSummary, 'answers'> {
  const answers = givenAnswers(doc.content, { publicOnly: true })
    .map((a) => ({ question: scrub(a.label).trim(), answer: scrub(answerText(a)).trim() }))
    .filter((a) => a.question && a.answer);
  return answers.length > 0 ? { answers } : {};
}

const NOT_STATED = el('p', el('em', 'Not stated.'));
const paragraph = (text: string): Markup => (text.trim() ? el('p', multiline(text)) : NOT_STATED);
const list = (items: readonly string[]): Markup =>
  items.length > 0 ? el('ul', items.map((t) => el('li', multiline(t))).join('')) : NOT_STATED;

/**
 * The external summary page in storage format: exactly the summary's fields, escaped. It adds no
 * text of its own beyond headings, so the preview (the `ExternalSummary`) is what goes public.
 */
export function renderExternalSummary(summary: ExternalSummary): Markup {
  return [
    textEl('h2', 'Summary'),
    paragraph(summary.summary),
    textEl('h2', 'Services impacted'),
    list(summary.servicesImpacted),
    textEl('h2', 'Duration'),
    paragraph(summary.duration),
    textEl('h2', 'Severity'),
    paragraph(summary.severity),
    textEl('h2', 'Customer impact'),
    paragraph(summary.customerImpact),
    textEl('h2', 'Proximate cause'),
    paragraph(summary.proximateCause),
    textEl('h2', 'Resolution'),
    paragraph(summary.resolution),
    textEl('h2', 'Countermeasures'),
    list(summary.countermeasures),
    ...(summary.answers?.length
      ? [textEl('h2', 'More about this incident'), ...summary.answers.flatMap((a) => [textEl('h3', a.question), paragraph(a.answer)])]
      : []),
  ].join('');
}
