import { z } from 'zod';
import { REQUIRABLE_FIELDS, TEMPLATE_SECTIONS } from '../vocabulary';

/**
 * Review templates as a site admin defines them, and a review's answers. Bounded so that the
 * whole settings value stays well under Forge's 240 KiB per key (checked again as a whole).
 */
const TemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and dashes, at most 40');
const QuestionId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Letters, digits, dashes and underscores, at most 40');
const Severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const TemplateQuestionSchema = z
  .object({
    id: QuestionId,
    label: z.string().trim().min(1, 'Write the question').max(200, 'At most 200 characters'),
    kind: z.enum(['text', 'yes-no', 'choice']),
    choices: z.array(z.string().trim().min(1, 'A choice cannot be empty').max(100, 'At most 100 characters')).max(12, 'At most 12 choices'),
    required: z.boolean(),
    public: z.boolean(),
  })
  .strict()
  .refine((q) => (q.kind === 'choice' ? q.choices.length >= 2 : q.choices.length === 0), {
    message: 'A choice question needs at least two choices; other questions have none',
    path: ['choices'],
  })
  .refine((q) => unique(q.choices), { message: 'Each choice once', path: ['choices'] });

export const ReviewTemplateSchema = z
  .object({
    id: TemplateId,
    name: z.string().trim().min(1, 'Name the template').max(80, 'At most 80 characters'),
    description: z.string().trim().max(500, 'At most 500 characters'),
    issueTypes: z.array(z.string().trim().min(1).max(60)).max(10, 'At most 10 issue types').refine(unique, 'Each issue type once'),
    severities: z.array(Severity).max(5).refine(unique, 'Each severity once'),
    sections: z.array(z.enum(TEMPLATE_SECTIONS)).max(TEMPLATE_SECTIONS.length).refine(unique, 'Each section once'),
    requiredFields: z.array(z.enum(REQUIRABLE_FIELDS)).max(REQUIRABLE_FIELDS.length).refine(unique, 'Each field once'),
    questions: z
      .array(TemplateQuestionSchema)
      .max(20, 'At most 20 questions')
      .refine((qs) => unique(qs.map((q) => q.id)), 'Question ids must be unique'),
  })
  .strict();

/** Forge's limit per value is 240 KiB; the templates keep well inside it with room for their wrapper. */
export const MAX_TEMPLATES_BYTES = 200 * 1024;

export const TemplateListSchema = z
  .array(ReviewTemplateSchema)
  .max(20, 'At most 20 templates')
  .refine((ts) => unique(ts.map((t) => t.id)), 'Template ids must be unique')
  .refine(
    (ts) => Buffer.byteLength(JSON.stringify(ts), 'utf8') <= MAX_TEMPLATES_BYTES,
    'The templates are too large together: shorten them or remove some',
  );

/** A review's use of a template, saved with its content. */
export const TemplateUseSchema = z
  .object({
    id: TemplateId,
    name: z.string().trim().min(1).max(80),
    sections: z.array(z.enum(TEMPLATE_SECTIONS)).max(TEMPLATE_SECTIONS.length).refine(unique, 'Each section once'),
    requiredFields: z.array(z.enum(REQUIRABLE_FIELDS)).max(REQUIRABLE_FIELDS.length).refine(unique, 'Each field once'),
    answers: z
      .array(
        z
          .object({
            questionId: QuestionId,
            label: z.string().trim().min(1).max(200),
            kind: z.enum(['text', 'yes-no', 'choice']),
            public: z.boolean(),
            required: z.boolean(),
            value: z.union([z.string().max(5_000, 'At most 5,000 characters'), z.boolean(), z.null()]),
          })
          .strict(),
      )
      .max(20)
      .refine((as) => unique(as.map((a) => a.questionId)), 'Each question once'),
  })
  .strict();
