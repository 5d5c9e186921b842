import type { Metrics } from '../contract';
import { METRIC_LABELS, METRICS } from '../vocabulary';

/** The reports' words for the contract's enums, shared by the Confluence pages and the Markdown export (the words live in src/vocabulary.ts). */
export { MANUAL_KIND_LABELS as MANUAL_LABELS, QUESTION_LABELS, ROLE_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../vocabulary';

export const METRIC_ROWS: readonly (readonly [keyof Metrics, string])[] = METRICS.map((m) => [m, METRIC_LABELS[m]] as const);
