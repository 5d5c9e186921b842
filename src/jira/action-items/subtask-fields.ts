import { doc, hardBreak, link, paragraph, strong, text } from '@atlaskit/adf-utils/builders';
import type { DocNode } from '@atlaskit/adf-schema/doc';
import { createHash } from 'node:crypto';
import type { ActionItemInput, ActionItemJira, ActionQuestion } from '../../contract';
import type { SyncedField, SyncedValues } from '../../domain/action-items';
import { issueUrl } from '../jira-issue-transformer';

/**
 * Pure mapping of a review's action item to the Jira fields of its sub-task (create and edit
 * bodies), and the fingerprint that tells whether the sub-task has the item's current fields.
 */

/** The issue property that ties a sub-task to its action item, so a lost answer never duplicates it. */
export const ACTION_ITEM_PROPERTY = 'pir.actionItem';

export interface ActionItemProperty {
  itemId: string;
  incidentKey: string;
  /** fingerprintOf the fields last written, with them (a later sync compares it). */
  fingerprint: string;
  /** When they were written (ISO-8601). */
  syncedAt: string;
}

/** The fields the app writes on create and on edit, in a fixed order (the fingerprint hashes them). */
export interface SubtaskFields {
  summary: string;
  description: DocNode;
  assignee: { accountId: string } | null;
  duedate: string | null;
  priority: { name: string } | null;
  labels: string[];
}

/** Where the sub-task goes: the incident, its project and the project's sub-task issue type. */
export interface SubtaskTarget {
  incidentKey: string;
  siteUrl: string;
  projectId: string;
  issueTypeId: string;
}

export interface IssueProperty {
  key: string;
  value: ActionItemProperty;
}

export interface SubtaskCreateBody {
  fields: Record<string, unknown>;
  properties: IssueProperty[];
}

export interface SubtaskEditBody {
  fields: Record<string, unknown>;
  update?: { labels: { add: string }[] };
  properties: IssueProperty[];
}

/** Jira refuses longer summaries ("Summary must be less than 255 characters"). */
export const SUMMARY_MAX = 254;
/** The fields a sub-task's create screen may require that an action item can fill. */
export const ITEM_FIELDS = ['description', 'assignee', 'duedate', 'priority', 'labels'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

const QUESTIONS: Record<ActionQuestion, string> = {
  'know-sooner': 'How do we know sooner?',
  'recover-sooner': 'How do we recover sooner?',
  other: 'Other improvement',
};

/** Labels may not contain spaces (Jira: "The label … contains spaces which is invalid"). */
export function actionItemLabels(incidentKey: string): string[] {
  return ['post-incident-review', `pir-${incidentKey.toLowerCase().replace(/\s+/g, '-')}`];
}

/** One line (Jira rejects newlines in a summary), whitespace collapsed, cut to Jira's limit. */
export function subtaskSummary(summary: string): string {
  const line = summary.replace(/\s+/g, ' ').trim();
  return line.length <= SUMMARY_MAX ? line : `${line.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/** Why the item cannot go to Jira as it is, or null. */
export function itemProblem(item: ActionItemInput): string | null {
  if (subtaskSummary(item.summary) === '') return 'Give the action item a summary before creating it in Jira.';
  if (item.dueDate !== null && !isCalendarDate(item.dueDate)) return `The due date "${item.dueDate}" is not a date (YYYY-MM-DD).`;
  return null;
}

/**
 * The description as ADF: the item's own text (blank lines start a paragraph, single newlines
 * are line breaks), then where it comes from, linking back to the incident whose panel holds the
 * review, and the question it answers. Built with @atlaskit/adf-utils so it validates against
 * @atlaskit/adf-schema (checked in test/unit/subtask-fields.test.ts).
 */
export function actionItemDescription(item: ActionItemInput, incidentKey: string, siteUrl: string): DocNode {
  const own = item.description
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0)
    .map((lines) => paragraph(...lines.flatMap((line, i) => (i === 0 ? [text(line)] : [hardBreak(), text(line)]))));
  return doc(
    ...own,
    paragraph(
      text('Countermeasure from the post-incident review of '),
      link({ href: issueUrl(siteUrl, incidentKey) })(text(incidentKey)),
      text('.'),
    ),
    paragraph(strong(text('Answers:')), text(` ${QUESTIONS[item.question]}`)),
  );
}

/** The fields the app writes for an item. */
export function subtaskFields(item: ActionItemInput, incidentKey: string, siteUrl: string): SubtaskFields {
  const priority = item.priority.trim();
  return {
    summary: subtaskSummary(item.summary),
    description: actionItemDescription(item, incidentKey, siteUrl),
    assignee: item.owner ? { accountId: item.owner.accountId } : null,
    duedate: item.dueDate,
    priority: priority === '' ? null : { name: priority },
    labels: actionItemLabels(incidentKey),
  };
}

/** A short, stable hash of the written fields: equal fingerprints mean nothing to update. */
export function fingerprintOf(fields: SubtaskFields): string {
  const canonical = JSON.stringify([fields.summary, fields.description, fields.assignee, fields.duedate, fields.priority, fields.labels]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** The item fields a screen requires that this item leaves empty. */
export function missingRequired(fields: SubtaskFields, required: ReadonlySet<string>): ItemField[] {
  return ITEM_FIELDS.filter((f) => required.has(f) && (fields[f] === null || (f === 'labels' && fields.labels.length === 0)));
}

export function itemProperty(itemId: string, incidentKey: string, fingerprint: string, syncedAt: string): IssueProperty {
  return { key: ACTION_ITEM_PROPERTY, value: { itemId, incidentKey, fingerprint, syncedAt } };
}

/**
 * One element of POST /issue/bulk. Item fields the sub-task's create screen does not offer
 * (`writable`) are left out rather than failing the item; empty values are left out too (Jira
 * applies the project's defaults). The property goes in the same call, so a sub-task never
 * exists without it.
 */
export function toCreateBody(
  fields: SubtaskFields,
  target: SubtaskTarget,
  writable: ReadonlySet<string>,
  property: IssueProperty,
): SubtaskCreateBody {
  const out: Record<string, unknown> = {
    project: { id: target.projectId },
    issuetype: { id: target.issueTypeId },
    parent: { key: target.incidentKey },
    summary: fields.summary,
  };
  for (const f of ITEM_FIELDS) {
    const value = fields[f];
    if (writable.has(f) && value !== null) out[f] = value;
  }
  return { fields: out, properties: [property] };
}

/** The sub-task fields an edit may write: the synced ones and the description (which also says the question). */
export type EditField = 'summary' | 'assignee' | 'duedate' | 'priority' | 'description';
export const JIRA_FIELD: Record<SyncedField, EditField> = {
  summary: 'summary',
  owner: 'assignee',
  dueDate: 'duedate',
  priority: 'priority',
};

/**
 * The body of PUT /issue/{key}: only the fields the app changed (`changed`), so a field changed in
 * Jira is never written over with a value it already had (null clears assignee and due date);
 * labels were set on create and are left to people. The property with the new fingerprint goes
 * in the same write. Null when nothing writable changed (then nothing is sent).
 */
export function toEditBody(
  fields: SubtaskFields,
  writable: ReadonlySet<string>,
  property: IssueProperty,
  changed: readonly EditField[],
): SubtaskEditBody | null {
  const out: Record<string, unknown> = {};
  for (const f of changed) {
    if (f !== 'summary' && !writable.has(f)) continue;
    const value = fields[f];
    if (f === 'priority' && value === null) continue; // a priority cannot be cleared, only changed
    out[f] = value;
  }
  return Object.keys(out).length === 0 ? null : { fields: out, properties: [property] };
}

/** An item's synced fields as comparable values, in the form they have in Jira (the summary as written). */
export function appValues(item: Pick<ActionItemInput, 'summary' | 'owner' | 'dueDate' | 'priority'>): SyncedValues {
  return { summary: subtaskSummary(item.summary), owner: item.owner?.accountId ?? null, dueDate: item.dueDate, priority: item.priority };
}

const PRIORITY_NAMES: ReadonlySet<string> = new Set(['Highest', 'High', 'Medium', 'Low', 'Lowest']);

/**
 * The sub-task's synced fields as comparable values. A value the review cannot hold (a priority
 * outside Highest…Lowest, or none) or did not read (a state stored before summary and priority
 * were read) counts as unchanged: `unchanged` gives it (the base, else the app's value).
 */
export function liveValues(live: ActionItemJira, unchanged: SyncedValues): SyncedValues {
  const priority = live.priority ?? null;
  return {
    summary: live.summary ?? unchanged.summary,
    owner: live.assignee?.accountId ?? null,
    dueDate: live.dueDate,
    priority: priority !== null && PRIORITY_NAMES.has(priority) ? priority : unchanged.priority,
  };
}

/** A short hash of the description as written (it carries the question too): tells whether the app changed it. */
export function descriptionKey(fields: Pick<SubtaskFields, 'description'>): string {
  return createHash('sha256').update(JSON.stringify(fields.description)).digest('hex').slice(0, 16);
}
