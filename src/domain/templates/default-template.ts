import type { ReviewTemplate, TemplateUse } from '../../contract';
import { TEMPLATE_SECTIONS } from '../../vocabulary';

export const DEFAULT_TEMPLATE_ID = 'default';

/** The built-in template: today's review exactly (every section, no extra questions, nothing required). */
export const DEFAULT_TEMPLATE: ReviewTemplate = {
  id: DEFAULT_TEMPLATE_ID,
  name: 'Standard review',
  description: 'Every section of the review, no extra questions, nothing required before publishing.',
  issueTypes: [],
  severities: [],
  sections: [...TEMPLATE_SECTIONS],
  requiredFields: [],
  questions: [],
};

/** What a review without a chosen template uses: the default, unanswered. */
export function defaultUse(): TemplateUse {
  return {
    id: DEFAULT_TEMPLATE.id,
    name: DEFAULT_TEMPLATE.name,
    sections: [...DEFAULT_TEMPLATE.sections],
    requiredFields: [],
    answers: [],
  };
}
