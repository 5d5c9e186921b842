import fc from 'fast-check';
import type { ActionItemInput, ReviewContent, ReviewTemplate, SeverityLevel } from '../../src/contract';
import { AppFailure } from '../../src/domain/app-error';
import { DEFAULT_TEMPLATE } from '../../src/domain/templates/default-template';
import { requireTemplateFields } from '../../src/domain/templates/required-check';
import { givenAnswers, missingRequired, selectTemplate, useTemplate } from '../../src/domain/templates/template-rules';
import { TemplateListSchema } from '../../src/resolvers/template-schemas';

const template = (over: Partial<ReviewTemplate>): ReviewTemplate => ({ ...DEFAULT_TEMPLATE, id: 'custom', name: 'Custom', ...over });
const customerComms = template({
  id: 'major-incident',
  name: 'Major incident',
  severities: [1, 2],
  requiredFields: ['customerImpact', 'externalSummary.proximateCause'],
  questions: [
    { id: 'comms', label: 'Were customers told within the hour?', kind: 'yes-no', choices: [], required: true, public: true },
    {
      id: 'channel',
      label: 'Which channel told them?',
      kind: 'choice',
      choices: ['Status page', 'Email', 'In-app'],
      required: false,
      public: true,
    },
    { id: 'internal', label: 'Who approved the message?', kind: 'text', choices: [], required: false, public: false },
  ],
});
const securitySev1 = template({ id: 'security-sev1', name: 'Security Sev1', issueTypes: ['Security incident'], severities: [1] });
const anySecurity = template({ id: 'security', name: 'Security', issueTypes: ['Security incident'] });
const ALL = [DEFAULT_TEMPLATE, customerComms, anySecurity, securitySev1];

const content = (over: Partial<ReviewContent> = {}): ReviewContent => ({
  meeting: { title: 'INC-1', meetingDate: null, contact: null, createdBy: null, facilitator: null, participants: [] },
  goals: { knowSooner: '', recoverSooner: '' },
  description: '',
  customerImpact: { affected: null, text: '' },
  incidentCommander: null,
  servicesImpacted: [],
  learnings: { learned: '', wentWell: '', surprised: '' },
  contributingFactors: [],
  remediation: '',
  tags: [],
  externalSummary: { proximateCause: '', resolution: '' },
  ...over,
});

describe('selectTemplate', () => {
  it('chooses by severity: Sev1 and Sev2 get the customer communication questions, Sev3 the default', () => {
    expect(selectTemplate(ALL, 'Incident', 1).id).toBe('major-incident');
    expect(selectTemplate(ALL, 'Incident', 2).id).toBe('major-incident');
    expect(selectTemplate(ALL, 'Incident', 3).id).toBe('default');
  });

  it('prefers the most specific match, issue type matched without regard to case', () => {
    expect(selectTemplate(ALL, 'security incident', 1).id).toBe('security-sev1');
    expect(selectTemplate(ALL, 'Security incident', 3).id).toBe('security');
  });

  it('always answers a template that matches, and the default when nothing does', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom<SeverityLevel>(1, 2, 3, 4, 5), (type, sev) => {
        const chosen = selectTemplate(ALL, type, sev);
        expect(
          chosen.id === 'default' ||
            ((chosen.severities.length === 0 || chosen.severities.includes(sev)) &&
              (chosen.issueTypes.length === 0 || chosen.issueTypes.some((t) => t.toLowerCase() === type.toLowerCase()))),
        ).toBe(true);
        expect(selectTemplate([], type, sev)).toBe(DEFAULT_TEMPLATE);
      }),
    );
  });
});

describe('useTemplate', () => {
  it('keeps the answers the new template also asks, and drops the rest', () => {
    const first = useTemplate(customerComms, undefined);
    const answered = {
      ...first,
      answers: first.answers.map((a) =>
        a.questionId === 'comms' ? { ...a, value: true } : a.questionId === 'internal' ? { ...a, value: 'Legal' } : a,
      ),
    };
    const other = template({
      id: 'other',
      questions: [
        { id: 'comms', label: 'Told customers?', kind: 'yes-no', choices: [], required: false, public: false },
        { id: 'internal', label: 'Changed kind', kind: 'choice', choices: ['a', 'b'], required: false, public: false },
      ],
    });
    expect(useTemplate(other, answered).answers.map((a) => [a.questionId, a.value, a.label])).toEqual([
      ['comms', true, 'Told customers?'],
      ['internal', null, 'Changed kind'],
    ]);
  });
});

describe('missingRequired', () => {
  const items: ActionItemInput[] = [];
  it("requires nothing of a review on the built-in template (today's review)", () => {
    expect(missingRequired(content(), items)).toEqual({});
    expect(missingRequired(content({ template: useTemplate(DEFAULT_TEMPLATE, undefined) }), items)).toEqual({});
  });

  it('names each required field and unanswered required question, then nothing once they are filled', () => {
    const use = useTemplate(customerComms, undefined);
    expect(Object.keys(missingRequired(content({ template: use }), items))).toEqual([
      'customerImpact',
      'externalSummary.proximateCause',
      'template.answers.comms',
    ]);
    const filled = content({
      template: { ...use, answers: use.answers.map((a) => (a.questionId === 'comms' ? { ...a, value: false } : a)) },
      customerImpact: { affected: true, text: '' },
      externalSummary: { proximateCause: 'A full disk on the primary.', resolution: '' },
    });
    expect(missingRequired(filled, items)).toEqual({});
  });

  it('treats blank text as unanswered', () => {
    const use = useTemplate(
      template({
        requiredFields: ['learnings.learned'],
        questions: [{ id: 'q', label: 'Q', kind: 'text', choices: [], required: true, public: false }],
      }),
      undefined,
    );
    const blank = content({
      template: { ...use, answers: use.answers.map((a) => ({ ...a, value: '   ' })) },
      learnings: { learned: ' \n ', wentWell: '', surprised: '' },
    });
    expect(Object.keys(missingRequired(blank, items))).toEqual(['learnings.learned', 'template.answers.q']);
  });

  it('refuses publishing with a typed VALIDATION naming each field', () => {
    const use = useTemplate(customerComms, undefined);
    let failure: unknown;
    try {
      requireTemplateFields(content({ template: use }), items);
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).toAppError()).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Major incident template requires 3 more fields'),
      fields: { customerImpact: expect.any(String) },
    });
    // The message alone is what the publish form shows: it names every field to fill in.
    expect((failure as AppFailure).message).toBe(
      'The Major incident template requires 3 more fields before publishing: Customer impact; Proximate cause; "Were customers told within the hour?". Fill them in and save.',
    );
  });
});

describe('givenAnswers', () => {
  it('gives only answered questions, and only public ones for the external summary', () => {
    const use = useTemplate(customerComms, undefined);
    const c = content({
      template: {
        ...use,
        answers: use.answers.map((a) =>
          a.questionId === 'comms' ? { ...a, value: true } : a.questionId === 'internal' ? { ...a, value: 'Legal' } : a,
        ),
      },
    });
    expect(givenAnswers(c).map((a) => a.questionId)).toEqual(['comms', 'internal']);
    expect(givenAnswers(c, { publicOnly: true }).map((a) => a.questionId)).toEqual(['comms']);
  });
});

describe('the templates settings schema', () => {
  it('accepts a realistic set and refuses a choice question without choices', () => {
    expect(TemplateListSchema.safeParse([customerComms, anySecurity]).success).toBe(true);
    const bad = template({ questions: [{ id: 'x', label: 'Pick', kind: 'choice', choices: [], required: false, public: false }] });
    expect(TemplateListSchema.safeParse([bad]).success).toBe(false);
  });

  it("keeps the whole value well under Forge's 240 KiB per key, whatever passes", () => {
    const big = (i: number) =>
      template({
        id: `t${i}`,
        description: 'd'.repeat(500),
        questions: Array.from({ length: 20 }, (_, q) => ({
          id: `q${q}`,
          label: 'L'.repeat(200),
          kind: 'choice' as const,
          choices: Array.from({ length: 12 }, (_, c) => `${c}`.padEnd(100, 'c')),
          required: false,
          public: false,
        })),
      });
    const result = TemplateListSchema.safeParse(Array.from({ length: 20 }, (_, i) => big(i)));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('too large');
  });
});
