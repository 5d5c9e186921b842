import fc from 'fast-check';
import type { ActionItemInput } from '../../src/contract';
import {
  actionItemDescription,
  actionItemLabels,
  fingerprintOf,
  itemProblem,
  itemProperty,
  missingRequired,
  subtaskFields,
  subtaskSummary,
  toCreateBody,
  toEditBody,
} from '../../src/jira/action-items/subtask-fields';
import { adfValidator } from '../support/helpers';

const SITE = 'https://acme.atlassian.net';
const DANIEL = { accountId: '712020:8e3b9a10-daniel-reyes', displayName: 'Daniel Reyes' };
const ALL_FIELDS = new Set([
  'summary',
  'issuetype',
  'parent',
  'project',
  'description',
  'reporter',
  'assignee',
  'priority',
  'labels',
  'duedate',
]);

const item = (over: Partial<ActionItemInput> = {}): ActionItemInput => ({
  id: 'c0ffee00-0000-4000-8000-000000000001',
  summary: 'Alert on login error rate',
  description: 'Page the on-call engineer above 2%.',
  owner: DANIEL,
  dueDate: '2026-12-01',
  priority: 'High',
  question: 'know-sooner',
  ...over,
});

const footer = (key: string) => [
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Countermeasure from the post-incident review of ' },
      { type: 'text', text: key, marks: [{ type: 'link', attrs: { href: `${SITE}/browse/${key}` } }] },
      { type: 'text', text: '.' },
    ],
  },
];

describe('subtaskFields', () => {
  it('maps an item to summary, ADF description, assignee, due date, priority and labels', () => {
    expect(subtaskFields(item(), 'INC-1', SITE)).toStrictEqual({
      summary: 'Alert on login error rate',
      description: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Page the on-call engineer above 2%.' }] },
          ...footer('INC-1'),
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Answers:', marks: [{ type: 'strong' }] },
              { type: 'text', text: ' How do we know sooner?' },
            ],
          },
        ],
      },
      assignee: { accountId: DANIEL.accountId },
      duedate: '2026-12-01',
      priority: { name: 'High' },
      labels: ['post-incident-review', 'pir-inc-1'],
    });
  });

  it('leaves assignee, due date and priority empty when the item has none', () => {
    const f = subtaskFields(item({ owner: null, dueDate: null, priority: '  ', description: '', question: 'other' }), 'INC-12', SITE);
    expect({ ...f, description: undefined }).toStrictEqual({
      summary: 'Alert on login error rate',
      description: undefined,
      assignee: null,
      duedate: null,
      priority: null,
      labels: ['post-incident-review', 'pir-inc-12'],
    });
    expect(f.description.content).toStrictEqual([
      ...footer('INC-12'),
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Answers:', marks: [{ type: 'strong' }] },
          { type: 'text', text: ' Other improvement' },
        ],
      },
    ]);
  });
});

describe('actionItemDescription', () => {
  it('starts a paragraph at each blank line and breaks the line at each single newline', () => {
    const d = actionItemDescription(
      item({ description: 'First line\r\nsecond line\n\n\n  Next paragraph  \n \n', question: 'recover-sooner' }),
      'INC-1',
      SITE,
    );
    // As sent (JSON): adf-utils' hardBreak() carries `attrs: undefined`, which JSON leaves out.
    expect(JSON.parse(JSON.stringify(d.content.slice(0, 2)))).toStrictEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Next paragraph' }] },
    ]);
    expect(d.content).toHaveLength(4);
  });

  const validate = adfValidator();

  it('validates against @atlaskit/adf-schema for ordinary items', () => {
    for (const i of [item(), item({ description: '' }), item({ description: 'a\n\nb\nc', question: 'recover-sooner' })]) {
      const doc = actionItemDescription(i, 'INC-1', SITE);
      expect(validate(doc) ? [] : validate.errors).toStrictEqual([]);
    }
  });

  it('validates against @atlaskit/adf-schema whatever the text (markup, control characters, blank lines)', () => {
    const question = fc.constantFrom('know-sooner' as const, 'recover-sooner' as const, 'other' as const);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 80 }), question, (description, extra, q) => {
        const doc = actionItemDescription(item({ description: `${description}\n\n${extra}<script>\n`, question: q }), 'INC-1', SITE);
        return validate(doc) === true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('labels, summary, problems', () => {
  it('labels carry no spaces and name the incident in lower case', () => {
    expect(actionItemLabels('OPS-42')).toStrictEqual(['post-incident-review', 'pir-ops-42']);
    fc.assert(fc.property(fc.string(), (key) => actionItemLabels(key).every((l) => !/\s/.test(l))));
  });

  it("makes the summary one line within Jira's 255 characters", () => {
    expect(subtaskSummary('  Fix\nthe\t alert  ')).toBe('Fix the alert');
    const long = subtaskSummary('x'.repeat(400));
    expect(long).toHaveLength(254);
    expect(long.endsWith('…')).toBe(true);
    fc.assert(fc.property(fc.string({ maxLength: 600 }), (s) => subtaskSummary(s).length <= 254 && !/[\r\n]/.test(subtaskSummary(s))));
  });

  it('names what keeps an item from Jira: no summary, or a due date that is not a date', () => {
    expect(itemProblem(item())).toBeNull();
    expect(itemProblem(item({ summary: ' \n ' }))).toBe('Give the action item a summary before creating it in Jira.');
    expect(itemProblem(item({ dueDate: '2026-02-30' }))).toBe('The due date "2026-02-30" is not a date (YYYY-MM-DD).');
    expect(itemProblem(item({ dueDate: '1/12/2026' }))).toBe('The due date "1/12/2026" is not a date (YYYY-MM-DD).');
  });

  it('lists the required item fields an item leaves empty', () => {
    const f = subtaskFields(item({ owner: null, dueDate: null }), 'INC-1', SITE);
    expect(missingRequired(f, new Set(['summary', 'duedate', 'assignee', 'priority']))).toStrictEqual(['assignee', 'duedate']);
    expect(missingRequired(subtaskFields(item(), 'INC-1', SITE), new Set(['duedate', 'assignee']))).toStrictEqual([]);
  });
});

describe('fingerprintOf', () => {
  const fp = (over: Partial<ActionItemInput>) => fingerprintOf(subtaskFields(item(over), 'INC-1', SITE));

  it('is stable for the same fields and changes with any written field', () => {
    expect(fp({})).toBe(fp({}));
    expect(fp({})).toMatch(/^[0-9a-f]{16}$/);
    const changes: Partial<ActionItemInput>[] = [
      { summary: 'Other' },
      { description: 'Other' },
      { owner: null },
      { dueDate: '2026-12-02' },
      { priority: 'Low' },
      { question: 'other' },
    ];
    expect(new Set([fp({}), ...changes.map(fp)]).size).toBe(changes.length + 1);
  });

  it("ignores what is not written (the item id, the owner's display name)", () => {
    expect(fp({ id: 'another' })).toBe(fp({}));
    expect(fp({ owner: { ...DANIEL, displayName: 'D. Reyes' } })).toBe(fp({}));
  });
});

describe('create and edit bodies', () => {
  const fields = subtaskFields(item(), 'INC-1', SITE);
  const property = itemProperty(item().id, 'INC-1', 'abc123', '2026-11-21T09:00:00.000Z');
  const target = { incidentKey: 'INC-1', siteUrl: SITE, projectId: '10000', issueTypeId: '10102' };

  it('creates the sub-task under the incident in its project, with the property in the same call', () => {
    expect(toCreateBody(fields, target, ALL_FIELDS, property)).toStrictEqual({
      fields: {
        project: { id: '10000' },
        issuetype: { id: '10102' },
        parent: { key: 'INC-1' },
        summary: 'Alert on login error rate',
        description: fields.description,
        assignee: { accountId: DANIEL.accountId },
        duedate: '2026-12-01',
        priority: { name: 'High' },
        labels: ['post-incident-review', 'pir-inc-1'],
      },
      properties: [
        {
          key: 'pir.actionItem',
          value: { itemId: item().id, incidentKey: 'INC-1', fingerprint: 'abc123', syncedAt: '2026-11-21T09:00:00.000Z' },
        },
      ],
    });
  });

  it('leaves out empty values and fields the create screen does not offer', () => {
    const bare = subtaskFields(item({ owner: null, dueDate: null }), 'INC-1', SITE);
    expect(toCreateBody(bare, target, new Set(['summary', 'description', 'priority']), property).fields).toStrictEqual({
      project: { id: '10000' },
      issuetype: { id: '10102' },
      parent: { key: 'INC-1' },
      summary: 'Alert on login error rate',
      description: bare.description,
      priority: { name: 'High' },
    });
  });

  it('edits only the fields named as changed, clears owner and due date with null, and leaves labels alone', () => {
    const bare = subtaskFields(item({ owner: null, dueDate: null, priority: '' }), 'INC-1', SITE);
    expect(toEditBody(bare, ALL_FIELDS, property, ['summary', 'description', 'assignee', 'duedate'])).toStrictEqual({
      fields: { summary: 'Alert on login error rate', description: bare.description, assignee: null, duedate: null },
      properties: [property],
    });
    const full = subtaskFields(item({}), 'INC-1', SITE);
    expect(toEditBody(full, ALL_FIELDS, property, ['duedate'])).toStrictEqual({
      fields: { duedate: full.duedate },
      properties: [property],
    });
  });

  it('sends nothing when no changed field can be written (not on the edit screen, or a priority to clear)', () => {
    const bare = subtaskFields(item({ priority: '' }), 'INC-1', SITE);
    expect(toEditBody(bare, new Set(['summary']), property, ['duedate', 'priority'])).toBeNull();
    expect(toEditBody(bare, ALL_FIELDS, property, [])).toBeNull();
  });
});
