import type {
  ActionItemInput,
  RequirableField,
  ReviewContent,
  ReviewTemplate,
  SeverityLevel,
  TemplateAnswer,
  TemplateUse,
} from '../../contract';
import { DEFAULT_TEMPLATE, defaultUse } from './default-template';

/**
 * The template for an incident: among those whose issue types and severities both match (an
 * empty list matches anything), the most specific (one criterion set beats none, two beat one),
 * the first listed among equals; the built-in default when none matches.
 */
export function selectTemplate(templates: readonly ReviewTemplate[], issueType: string, severity: SeverityLevel): ReviewTemplate {
  let best: ReviewTemplate | null = null;
  let bestScore = -1;
  for (const t of templates) {
    if (t.id === DEFAULT_TEMPLATE.id) continue;
    const typeOk = t.issueTypes.length === 0 || t.issueTypes.some((type) => type.toLowerCase() === issueType.toLowerCase());
    const sevOk = t.severities.length === 0 || t.severities.includes(severity);
    if (!typeOk || !sevOk) continue;
    const score = (t.issueTypes.length > 0 ? 1 : 0) + (t.severities.length > 0 ? 1 : 0);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best ?? templates.find((t) => t.id === DEFAULT_TEMPLATE.id) ?? DEFAULT_TEMPLATE;
}

/**
 * A review's use of a template: its sections and rules, and an answer slot per question. Answers
 * already given to a question of the same id and kind are kept, so changing templates loses no
 * answer that the new one also asks.
 */
export function useTemplate(template: ReviewTemplate, previous: TemplateUse | undefined): TemplateUse {
  const before = new Map((previous?.answers ?? []).map((a) => [a.questionId, a]));
  return {
    id: template.id,
    name: template.name,
    sections: [...template.sections],
    requiredFields: [...template.requiredFields],
    answers: template.questions.map((q): TemplateAnswer => {
      const kept = before.get(q.id);
      return {
        questionId: q.id,
        label: q.label,
        kind: q.kind,
        public: q.public,
        required: q.required,
        value: kept && kept.kind === q.kind ? kept.value : null,
      };
    }),
  };
}

export const templateUseOf = (content: ReviewContent): TemplateUse => content.template ?? defaultUse();

const FIELD_LABEL: Record<RequirableField, string> = {
  'meeting.meetingDate': 'Meeting date',
  'meeting.facilitator': 'Facilitator',
  'meeting.participants': 'Participants',
  'goals.knowSooner': 'How could we know sooner?',
  'goals.recoverSooner': 'How could we recover sooner?',
  description: 'What happened',
  customerImpact: 'Customer impact',
  'learnings.learned': 'What we learned',
  'learnings.wentWell': 'What went well',
  'learnings.surprised': 'What surprised us',
  contributingFactors: 'Contributing factors',
  remediation: 'Remediation',
  actionItems: 'Action items',
  'externalSummary.proximateCause': 'Proximate cause',
  'externalSummary.resolution': 'Resolution',
};

const blank = (s: string) => s.trim().length === 0;

function isMissing(field: RequirableField, c: ReviewContent, items: readonly ActionItemInput[]): boolean {
  switch (field) {
    case 'meeting.meetingDate':
      return !c.meeting.meetingDate;
    case 'meeting.facilitator':
      return !c.meeting.facilitator;
    case 'meeting.participants':
      return c.meeting.participants.length === 0;
    case 'goals.knowSooner':
      return blank(c.goals.knowSooner);
    case 'goals.recoverSooner':
      return blank(c.goals.recoverSooner);
    case 'description':
      return blank(c.description);
    case 'customerImpact':
      return c.customerImpact.affected === null;
    case 'learnings.learned':
      return blank(c.learnings.learned);
    case 'learnings.wentWell':
      return blank(c.learnings.wentWell);
    case 'learnings.surprised':
      return blank(c.learnings.surprised);
    case 'contributingFactors':
      return !c.contributingFactors.some((f) => !blank(f.text));
    case 'remediation':
      return blank(c.remediation);
    case 'actionItems':
      return items.length === 0;
    case 'externalSummary.proximateCause':
      return blank(c.externalSummary.proximateCause);
    case 'externalSummary.resolution':
      return blank(c.externalSummary.resolution);
  }
}

/** What the review's template requires that is still empty: field path → what to fill in. Empty when it may be published. */
export function missingRequired(content: ReviewContent, items: readonly ActionItemInput[]): Record<string, string> {
  const use = templateUseOf(content);
  const out: Record<string, string> = {};
  for (const field of use.requiredFields)
    if (isMissing(field, content, items)) out[field] = `${FIELD_LABEL[field]} is required by the ${use.name} template`;
  for (const a of use.answers) {
    const empty = a.value === null || (typeof a.value === 'string' && blank(a.value));
    if (a.required && empty) out[`template.answers.${a.questionId}`] = `Answer "${a.label}" (required by the ${use.name} template)`;
  }
  return out;
}

/** The short names of what `missingRequired` finds, in the same order: field labels, and questions in quotes. */
export function missingRequiredNames(content: ReviewContent, items: readonly ActionItemInput[]): string[] {
  const use = templateUseOf(content);
  return Object.keys(missingRequired(content, items)).map((path) => {
    const answer = use.answers.find((a) => `template.answers.${a.questionId}` === path);
    return answer ? `"${answer.label}"` : FIELD_LABEL[path as RequirableField];
  });
}

/** Answers worth showing (given), in template order; `publicOnly` for the external summary. */
export function givenAnswers(content: ReviewContent, { publicOnly = false } = {}): TemplateAnswer[] {
  return templateUseOf(content).answers.filter(
    (a) => (!publicOnly || a.public) && a.value !== null && !(typeof a.value === 'string' && blank(a.value)),
  );
}

export function answerText(a: TemplateAnswer): string {
  if (typeof a.value === 'boolean') return a.value ? 'Yes' : 'No';
  return a.value ?? '';
}
