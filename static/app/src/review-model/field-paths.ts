import type { CheckedField } from '../../../../src/contract';
import type { ReviewDraft } from './draft';

/**
 * A field's path as the review names it in `FieldFindings.field`: content fields without the
 * `content.` prefix, list entries by id ("learnings.learned", "contributingFactors.<id>.text",
 * "actionItems.<id>.summary"). Inputs, errors and findings all meet on this key.
 */
export type FieldPath = string;

/** The DOM id of the input for a field path (ids may hold any character but whitespace). */
export function fieldDomId(path: FieldPath): string {
  return `pir-field-${path.replace(/\s+/g, '_')}`;
}

/**
 * Maps the paths of a VALIDATION error ("content.learnings.learned", "actionItems.3.summary",
 * "content.meeting.participants.1.role") to field paths, using the list order of the payload that
 * was sent. Paths into lists without ids stop at the list, whose input shows the message.
 */
export function mapValidationFields(fields: Readonly<Record<string, string>>, sent: ReviewDraft): Record<FieldPath, string> {
  const out: Record<FieldPath, string> = {};
  for (const [raw, message] of Object.entries(fields)) {
    const path = toFieldPath(raw, sent);
    if (!(path in out)) out[path] = message;
  }
  return out;
}

export function toFieldPath(raw: string, sent: ReviewDraft): FieldPath {
  const parts = raw.split('.');
  if (parts[0] === 'content') parts.shift();
  const [head, index, ...rest] = parts;
  if (head === 'actionItems' || head === 'contributingFactors') {
    if (index === undefined || !/^\d+$/.test(index)) return head;
    const list = head === 'actionItems' ? sent.actionItems : sent.content.contributingFactors;
    const id = list[Number(index)]?.id;
    if (!id) return head;
    return [head, id, ...rest.slice(0, 1)].filter(Boolean).join('.');
  }
  if (head === 'meeting' && index === 'participants') return 'meeting.participants';
  if ((head === 'servicesImpacted' || head === 'tags') && index !== undefined) return head;
  if (head === 'meeting' && index && ['contact', 'facilitator', 'createdBy'].includes(index)) return `meeting.${index}`;
  if (head === 'incidentCommander') return head;
  return parts.join('.');
}

/** Whether an error path belongs to the field being edited (a list's errors go with the list). */
export const pathWithin = (path: FieldPath, prefix: FieldPath): boolean => path === prefix || path.startsWith(`${prefix}.`);

/** Every free-text field of a draft by path, in reading order (mirrors the backend's `textFields`). */
export function draftTextFields(draft: ReviewDraft): [FieldPath, string][] {
  const c = draft.content;
  return [
    ['goals.knowSooner', c.goals.knowSooner],
    ['goals.recoverSooner', c.goals.recoverSooner],
    ['description', c.description],
    ['customerImpact.text', c.customerImpact.text],
    ['learnings.learned', c.learnings.learned],
    ['learnings.wentWell', c.learnings.wentWell],
    ['learnings.surprised', c.learnings.surprised],
    ...c.contributingFactors.map((f): [FieldPath, string] => [`contributingFactors.${f.id}.text`, f.text]),
    ['remediation', c.remediation],
    ...draft.actionItems.flatMap((i): [FieldPath, string][] => [
      [`actionItems.${i.id}.summary`, i.summary],
      [`actionItems.${i.id}.description`, i.description],
    ]),
  ];
}

/** The kind 'review/check' needs for a field: forward-looking fields may recommend ("we should add…"). */
export function checkedFieldOf(path: FieldPath): CheckedField {
  if (path.startsWith('actionItems.')) return 'action-item';
  if (path.startsWith('contributingFactors.')) return 'contributing-factor';
  if (path.startsWith('learnings.')) return 'learning';
  if (path === 'description') return 'description';
  // Goals and remediation look forward: checked like action items, as the backend summary does.
  if (path.startsWith('goals.') || path === 'remediation') return 'action-item';
  return 'other';
}

const LABELS: Record<string, string> = {
  'goals.knowSooner': 'Know sooner',
  'goals.recoverSooner': 'Recover sooner',
  description: 'What happened',
  'customerImpact.text': 'Customer impact',
  'learnings.learned': 'What we learned',
  'learnings.wentWell': 'What went well',
  'learnings.surprised': 'What surprised us',
  remediation: 'Remediation',
  'meeting.title': 'Title',
  'meeting.meetingDate': 'Meeting date',
  'meeting.meetingTime': 'Meeting time',
  'meeting.contact': 'Contact',
  'meeting.facilitator': 'Facilitator',
  'meeting.participants': 'Participants',
  'customerImpact.affected': 'Were customers affected',
  incidentCommander: 'Incident commander',
  servicesImpacted: 'Services impacted',
  tags: 'Tags',
  contributingFactors: 'Contributing factors',
  actionItems: 'Action items',
};

/** A short human name of a field for summaries ("Contributing factor 2", "Action item 1 summary"). */
export function fieldLabel(path: FieldPath, draft: ReviewDraft): string {
  const known = LABELS[path];
  if (known) return known;
  const [head, id, leaf] = path.split('.');
  if (head === 'contributingFactors') {
    const n = draft.content.contributingFactors.findIndex((f) => f.id === id) + 1;
    return n > 0 ? `Contributing factor ${n}` : 'Contributing factors';
  }
  if (head === 'actionItems') {
    const n = draft.actionItems.findIndex((i) => i.id === id) + 1;
    return n > 0 ? `Action item ${n} ${leaf ?? ''}`.trim() : 'Action items';
  }
  return path;
}
