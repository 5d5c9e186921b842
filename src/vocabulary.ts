/**
 * The app's vocabulary, as values both sides import: the backend (schemas, reports, exports) and
 * the UI bundle (labels, option lists). The contract's types are derived from the lists here, so a
 * new phase or kind is added in one place. This module imports nothing (the layer rules hold it to
 * that, because the UI bundles it).
 */

export const PHASES = ['detection', 'response', 'remediation'] as const;
export const IMPACTS = ['positive', 'negative', 'neutral'] as const;
export const ENTRY_KINDS = ['task', 'human-interaction', 'automation'] as const;
export const MANUAL_KINDS = ['status-page-update', 'chat-excerpt', 'command-run', 'note'] as const;
export const ENTRY_SOURCES = [
  'created',
  'comment',
  'status',
  'assignment',
  'priority',
  'resolution',
  'link',
  'remote-link',
  'field',
  'manual',
] as const;
/** Key moments in lifecycle order; the first six are the ones the metrics are measured between. */
export const KEY_MOMENTS = [
  'impactStarted',
  'detected',
  'acknowledged',
  'identified',
  'restored',
  'closed',
  'firstCustomerReport',
  'firstStatusPageUpdate',
  'hotfixDeployed',
] as const;
export const METRICS = ['tta', 'ttr', 'impact', 'detection', 'response', 'remediation'] as const;
export const REVIEW_STATUSES = ['draft', 'in-review', 'published'] as const;
export const PARTICIPANT_ROLES = ['first-responder', 'escalation-responder', 'incident-commander', 'stakeholder', 'support'] as const;
export const ACTION_QUESTIONS = ['know-sooner', 'recover-sooner', 'other'] as const;

export type Phase = (typeof PHASES)[number];
export type Impact = (typeof IMPACTS)[number];
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type ManualKind = (typeof MANUAL_KINDS)[number];
export type EntrySource = (typeof ENTRY_SOURCES)[number];
export type KeyMomentName = (typeof KEY_MOMENTS)[number];
export type MetricName = (typeof METRICS)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type ActionQuestion = (typeof ACTION_QUESTIONS)[number];

/** A Jira issue key as Jira writes it (project key, dash, number); compare case-insensitively where users type keys. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,9}$/;

export const PHASE_LABELS: Record<Phase, string> = { detection: 'Detection', response: 'Response', remediation: 'Remediation' };
export const IMPACT_LABELS: Record<Impact, string> = { positive: 'Positive', negative: 'Negative', neutral: 'Neutral' };
export const KIND_LABELS: Record<EntryKind, string> = { task: 'Task', 'human-interaction': 'Human interaction', automation: 'Automation' };
export const MANUAL_KIND_LABELS: Record<ManualKind, string> = {
  'status-page-update': 'Status page update',
  'chat-excerpt': 'Chat excerpt',
  'command-run': 'Command run',
  note: 'Note',
};

/** What a source is called in the reports and the export (whole words)… */
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
/** …and on the timeline's entry chips, where the issue is already named beside it. */
export const SOURCE_CHIP_LABELS: Record<EntrySource, string> = { ...SOURCE_LABELS, created: 'Created', link: 'Link' };

export const MOMENT_LABELS: Record<KeyMomentName, string> = {
  impactStarted: 'Impact started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  identified: 'Identified',
  restored: 'Service restored',
  closed: 'Incident closed',
  firstCustomerReport: 'First customer report',
  firstStatusPageUpdate: 'First status page update',
  hotfixDeployed: 'Hotfix deployed',
};

/** Each metric's name in the reports, in the order they are listed. */
export const METRIC_LABELS: Record<MetricName, string> = {
  tta: 'Time to acknowledge (TTA)',
  ttr: 'Time to recover (TTR)',
  impact: 'Impact duration',
  detection: 'Detection phase',
  response: 'Response phase',
  remediation: 'Remediation phase',
};

export const STATUS_LABELS: Record<ReviewStatus, string> = { draft: 'Draft', 'in-review': 'In review', published: 'Published' };
export const ROLE_LABELS: Record<ParticipantRole, string> = {
  'first-responder': 'First responder',
  'escalation-responder': 'Escalation responder',
  'incident-commander': 'Incident commander',
  stakeholder: 'Stakeholder',
  support: 'Support',
};
export const QUESTION_LABELS: Record<ActionQuestion, string> = {
  'know-sooner': 'Know sooner',
  'recover-sooner': 'Recover sooner',
  other: 'Other improvement',
};

/** The review's sections a template may leave out (meeting details and publishing are always there). */
export const TEMPLATE_SECTIONS = ['goals', 'description', 'learnings', 'contributingFactors', 'remediation', 'actionItems'] as const;
export type TemplateSection = (typeof TEMPLATE_SECTIONS)[number];

/** Built-in fields a template may require before publishing (its own questions say `required` themselves). */
export const REQUIRABLE_FIELDS = [
  'meeting.meetingDate',
  'meeting.facilitator',
  'meeting.participants',
  'goals.knowSooner',
  'goals.recoverSooner',
  'description',
  'customerImpact',
  'learnings.learned',
  'learnings.wentWell',
  'learnings.surprised',
  'contributingFactors',
  'remediation',
  'actionItems',
  'externalSummary.proximateCause',
  'externalSummary.resolution',
] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];
