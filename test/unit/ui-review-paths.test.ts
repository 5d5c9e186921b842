import { toDraft, newItem, type ReviewDraft } from '../../static/app/src/review-model/draft';
import {
  checkedFieldOf,
  draftTextFields,
  fieldDomId,
  fieldLabel,
  mapValidationFields,
  pathWithin,
} from '../../static/app/src/review-model/field-paths';
import { syncSummary } from '../../static/app/src/review-model/sync-summary';

function draft(): ReviewDraft {
  const d = toDraft({
    content: {
      meeting: {
        title: 't',
        meetingDate: null,
        contact: null,
        createdBy: null,
        facilitator: null,
        participants: [{ accountId: 'a1', displayName: 'Priya', role: 'support' }],
      },
      goals: { knowSooner: '', recoverSooner: '' },
      description: '',
      customerImpact: { affected: null, text: '' },
      incidentCommander: null,
      servicesImpacted: [],
      learnings: { learned: 'l', wentWell: '', surprised: '' },
      contributingFactors: [
        { id: 'f1', text: 'one', category: 'other' },
        { id: 'f2', text: 'two', category: 'other' },
      ],
      remediation: '',
      tags: ['a b'],
      externalSummary: { proximateCause: '', resolution: '' },
    },
    actionItems: [],
  });
  d.actionItems = [newItem('i0'), newItem('i1'), newItem('i2'), { ...newItem('i3'), summary: '' }];
  return d;
}

describe('validation errors mapped to the inputs', () => {
  it('maps content paths and list indexes of the payload sent to field paths by id', () => {
    const sent = draft();
    expect(
      mapValidationFields(
        {
          'content.learnings.learned': 'At most 10,000 characters',
          'actionItems.3.summary': 'Give the action item a summary',
          'content.contributingFactors.1.text': 'Too long',
          'content.meeting.participants.0.role': 'Invalid option',
          'content.tags.0': 'Tags have no spaces',
          'content.meeting.contact.accountId': 'Not a Jira account id',
        },
        sent,
      ),
    ).toStrictEqual({
      'learnings.learned': 'At most 10,000 characters',
      'actionItems.i3.summary': 'Give the action item a summary',
      'contributingFactors.f2.text': 'Too long',
      'meeting.participants': 'Invalid option',
      tags: 'Tags have no spaces',
      'meeting.contact': 'Not a Jira account id',
    });
  });

  it('falls back to the list when the index is unknown or missing, and keeps the first message per field', () => {
    const sent = draft();
    expect(
      mapValidationFields(
        { 'actionItems.9.summary': 'x', actionItems: 'At most 60', 'content.tags.0': 'first', 'content.tags.1': 'second' },
        sent,
      ),
    ).toStrictEqual({
      actionItems: 'x',
      tags: 'first',
    });
  });

  it('clears a field and its children when that field is edited', () => {
    expect(pathWithin('actionItems.i3.summary', 'actionItems.i3')).toBe(true);
    expect(pathWithin('actionItems.i30.summary', 'actionItems.i3')).toBe(false);
    expect(pathWithin('learnings.learned', 'learnings.learned')).toBe(true);
  });

  it('gives each field a stable DOM id and a readable name', () => {
    expect(fieldDomId('learnings.learned')).toBe('pir-field-learnings.learned');
    const d = draft();
    expect(fieldLabel('contributingFactors.f2.text', d)).toBe('Contributing factor 2');
    expect(fieldLabel('actionItems.i1.summary', d)).toBe('Action item 2 summary');
    expect(fieldLabel('learnings.wentWell', d)).toBe('What went well');
  });
});

describe('the fields that are checked for blame', () => {
  it('lists every free-text field by the path the backend uses in findings', () => {
    const paths = draftTextFields(draft()).map(([path]) => path);
    expect(paths).toContain('learnings.learned');
    expect(paths).toContain('contributingFactors.f1.text');
    expect(paths).toContain('actionItems.i0.description');
    expect(paths).not.toContain('meeting.title');
  });

  it('checks forward-looking fields as recommendations, learnings as learnings', () => {
    expect(checkedFieldOf('actionItems.i0.summary')).toBe('action-item');
    expect(checkedFieldOf('goals.knowSooner')).toBe('action-item');
    expect(checkedFieldOf('learnings.surprised')).toBe('learning');
    expect(checkedFieldOf('contributingFactors.f1.text')).toBe('contributing-factor');
    expect(checkedFieldOf('description')).toBe('description');
    expect(checkedFieldOf('customerImpact.text')).toBe('other');
  });
});

describe('the sync result summary', () => {
  it('counts created, updated and failed items', () => {
    expect(syncSummary({ created: ['a', 'b', 'c'], updated: [], failed: [{ itemId: 'd', message: 'x' }] })).toBe(
      '3 created, 0 updated, 1 failed.',
    );
    expect(syncSummary({ created: [], updated: [], failed: [] })).toBe('Everything was already up to date in Jira.');
  });
});
