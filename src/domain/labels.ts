import type { ActionQuestion, EntrySource, ManualKind, Metrics, ParticipantRole, ReviewStatus } from '../contract';

/** The reports' words for the contract's enums, shared by the Confluence pages and the Markdown export. */

export const METRIC_ROWS: readonly (readonly [keyof Metrics, string])[] = [
  ['tta', 'Time to acknowledge (TTA)'],
  ['ttr', 'Time to recover (TTR)'],
  ['impact', 'Impact duration'],
  ['detection', 'Detection phase'],
  ['response', 'Response phase'],
  ['remediation', 'Remediation phase'],
];

export const STATUS_LABELS: Record<ReviewStatus, string> = { draft: 'Draft', 'in-review': 'In review', published: 'Published' };

export const ROLE_LABELS: Record<ParticipantRole, string> = {
  'first-responder': 'First responder',
  'escalation-responder': 'Escalation responder',
  'incident-commander': 'Incident commander',
  stakeholder: 'Stakeholder',
  support: 'Support',
};

export const QUESTION_LABELS: Record<ActionQuestion, string> = { 'know-sooner': 'Know sooner', 'recover-sooner': 'Recover sooner', other: 'Other improvement' };

export const SOURCE_LABELS: Record<EntrySource, string> = {
  created: 'Issue created',
  comment: 'Comment',
  status: 'Status change',
  assignment: 'Assignment',
  priority: 'Priority change',
  resolution: 'Resolution',
  link: 'Issue link',
  'remote-link': 'Remote link',
  field: 'Field change',
  manual: 'Manual entry',
};

export const MANUAL_LABELS: Record<ManualKind, string> = {
  'status-page-update': 'Status page update',
  'chat-excerpt': 'Chat excerpt',
  'command-run': 'Command run',
  note: 'Note',
};
