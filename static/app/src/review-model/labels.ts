import type { ReviewStatus } from '../../../../src/contract';
import { QUESTION_LABELS, ROLE_LABELS, STATUS_LABELS } from '../../../../src/vocabulary';
import type { LozengeAppearance } from '../components/Lozenge';
import type { ImpactAnswer } from './draft';

export const ROLE_LABEL = ROLE_LABELS;

export const QUESTION_LABEL = QUESTION_LABELS;

export const IMPACT_LABEL: Record<ImpactAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

export const STATUS_LABEL = STATUS_LABELS;

export const STATUS_APPEARANCE: Record<ReviewStatus, LozengeAppearance> = {
  draft: 'default',
  'in-review': 'inprogress',
  published: 'success',
};

/** The one move offered from each status (Published is reached by publishing the report to Confluence). */
export const STATUS_MOVES: Record<ReviewStatus, { to: ReviewStatus; label: string }[]> = {
  draft: [{ to: 'in-review', label: 'Move to in review' }],
  'in-review': [{ to: 'draft', label: 'Back to draft' }],
  published: [{ to: 'in-review', label: 'Re-open' }],
};

export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
