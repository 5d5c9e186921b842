import type { ActionQuestion, ParticipantRole, ReviewStatus } from '../../../../src/contract';
import type { LozengeAppearance } from '../components/Lozenge';
import type { ImpactAnswer } from './draft';

export const ROLE_LABEL: Record<ParticipantRole, string> = {
  'first-responder': 'First responder',
  'escalation-responder': 'Escalation responder',
  'incident-commander': 'Incident commander',
  stakeholder: 'Stakeholder',
  support: 'Support',
};

export const QUESTION_LABEL: Record<ActionQuestion, string> = {
  'know-sooner': 'Know sooner',
  'recover-sooner': 'Recover sooner',
  other: 'Other improvement',
};

export const IMPACT_LABEL: Record<ImpactAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

export const STATUS_LABEL: Record<ReviewStatus, string> = { draft: 'Draft', 'in-review': 'In review', published: 'Published' };

export const STATUS_APPEARANCE: Record<ReviewStatus, LozengeAppearance> = { draft: 'default', 'in-review': 'inprogress', published: 'success' };

/** The one move offered from each status (Published is reached by publishing the report to Confluence). */
export const STATUS_MOVES: Record<ReviewStatus, { to: ReviewStatus; label: string }[]> = {
  draft: [{ to: 'in-review', label: 'Move to in review' }],
  'in-review': [{ to: 'draft', label: 'Back to draft' }],
  published: [{ to: 'in-review', label: 'Re-open' }],
};

export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
