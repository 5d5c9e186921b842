import type { ReviewContent, ReviewDoc } from '../../src/contract';
import { addChips, normalizeChip } from '../../static/app/src/review-model/chips';
import { isDirty, mergeDrafts } from '../../static/app/src/review-model/dirty';
import { fromDraft, moveBy, newItem, toDraft, type ReviewDraft } from '../../static/app/src/review-model/draft';

const maya = { accountId: 'a3', displayName: 'Maya Okafor' };

function content(overrides: Partial<ReviewContent> = {}): ReviewContent {
  return {
    meeting: { title: 'INC-1: Login outage', meetingDate: null, contact: maya, createdBy: null, facilitator: null, participants: [] },
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
    ...overrides,
  };
}

function doc(overrides: Partial<ReviewContent> = {}): Pick<ReviewDoc, 'content' | 'actionItems'> {
  return {
    content: content(overrides),
    actionItems: [
      {
        id: 'i1',
        summary: 'Alert on login errors',
        description: '',
        owner: maya,
        dueDate: '2030-01-10',
        priority: 'High',
        question: 'know-sooner',
        jira: null,
        overdue: false,
        syncError: null,
      },
    ],
  };
}

describe('the review form and ReviewContent', () => {
  it('maps a saved review to the form and back without change', () => {
    const saved = doc({
      customerImpact: { affected: true, text: 'Sign-in failed' },
      meeting: { ...content().meeting, meetingDate: '2030-01-02' },
    });
    const draft = toDraft(saved);
    expect(draft.content.customerImpact.affected).toBe('yes');
    expect(draft.content.meeting.meetingDate).toBe('2030-01-02');
    expect(draft.actionItems[0]).not.toHaveProperty('jira');
    const payload = fromDraft(draft);
    expect(payload.content).toStrictEqual(saved.content);
    expect(payload.actionItems).toStrictEqual([
      {
        id: 'i1',
        summary: 'Alert on login errors',
        description: '',
        owner: maya,
        dueDate: '2030-01-10',
        priority: 'High',
        question: 'know-sooner',
      },
    ]);
  });

  it('sends empty dates as null, "unknown" impact as null, "no" as false, and trims only titles and summaries', () => {
    const draft = toDraft(doc());
    draft.content.meeting.title = '  Review  ';
    draft.content.customerImpact.affected = 'no';
    draft.content.learnings.learned = '  kept as typed  ';
    draft.actionItems = [{ ...newItem('i2'), summary: ' Add alerting ' }];
    const payload = fromDraft(draft);
    expect(payload.content.meeting.title).toBe('Review');
    expect(payload.content.meeting.meetingDate).toBeNull();
    expect(payload.content.customerImpact.affected).toBe(false);
    expect(payload.content.learnings.learned).toBe('  kept as typed  ');
    expect(payload.actionItems[0]).toMatchObject({
      summary: 'Add alerting',
      dueDate: null,
      priority: 'Medium',
      question: 'other',
      owner: null,
    });
    draft.content.customerImpact.affected = 'unknown';
    expect(fromDraft(draft).content.customerImpact.affected).toBeNull();
  });

  it('moves list entries by one place and ignores moves past either end', () => {
    expect(moveBy(['a', 'b', 'c'], 2, -1)).toStrictEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 0, 1)).toStrictEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 0, -1)).toStrictEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 2, 1)).toStrictEqual(['a', 'b', 'c']);
  });
});

describe('dirty tracking', () => {
  it('is clean for an untouched form and dirty after typing', () => {
    const saved = toDraft(doc());
    const draft: ReviewDraft = structuredClone(saved);
    expect(isDirty(saved, draft)).toBe(false);
    draft.content.learnings.learned = 'The cache hid the error';
    expect(isDirty(saved, draft)).toBe(true);
  });

  it('is clean again when the text is typed back to what was saved, and ignores a trailing space in the title', () => {
    const saved = toDraft(doc());
    const draft: ReviewDraft = structuredClone(saved);
    draft.content.remediation = 'x';
    draft.content.remediation = '';
    draft.content.meeting.title = `${saved.content.meeting.title} `;
    expect(isDirty(saved, draft)).toBe(false);
  });

  it('counts adding, removing and reordering action items as changes', () => {
    const saved = toDraft(doc());
    expect(isDirty(saved, { ...saved, actionItems: [...saved.actionItems, newItem('i2')] })).toBe(true);
    expect(isDirty(saved, { ...saved, actionItems: [] })).toBe(true);
    const two = { ...saved, actionItems: [...saved.actionItems, newItem('i2')] };
    expect(isDirty(two, { ...two, actionItems: [...two.actionItems].reverse() })).toBe(true);
  });
});

describe('merging typed changes onto a newer review (conflict or save answer)', () => {
  const base = toDraft(doc());

  it('keeps what the user typed and takes everything else from the newer version', () => {
    const mine = structuredClone(base);
    mine.content.learnings.learned = 'mine';
    const theirs = structuredClone(base);
    theirs.content.remediation = 'theirs';
    const { value, clashes } = mergeDrafts(base, mine, theirs);
    expect(value.content.learnings.learned).toBe('mine');
    expect(value.content.remediation).toBe('theirs');
    expect(clashes).toStrictEqual([]);
  });

  it('keeps the user text where both changed the same field, and reports the clash', () => {
    const mine = structuredClone(base);
    mine.content.learnings.learned = 'mine';
    const theirs = structuredClone(base);
    theirs.content.learnings.learned = 'theirs';
    const { value, clashes } = mergeDrafts(base, mine, theirs);
    expect(value.content.learnings.learned).toBe('mine');
    expect(clashes).toStrictEqual(['content.learnings.learned']);
  });

  it('merges action items by id: their new item is added, my edit to another item is kept', () => {
    const mine = structuredClone(base);
    mine.actionItems[0].summary = 'Alert on login 5xx';
    const theirs = structuredClone(base);
    theirs.actionItems.push({ ...newItem('t1'), summary: 'Runbook for access' });
    const { value, clashes } = mergeDrafts(base, mine, theirs);
    expect(value.actionItems.map((i) => [i.id, i.summary])).toStrictEqual([
      ['i1', 'Alert on login 5xx'],
      ['t1', 'Runbook for access'],
    ]);
    expect(clashes).toStrictEqual([]);
  });

  it('does not drop an item the user edited that someone else removed', () => {
    const mine = structuredClone(base);
    mine.actionItems[0].summary = 'still wanted';
    const theirs = { ...structuredClone(base), actionItems: [] };
    const { value, clashes } = mergeDrafts(base, mine, theirs);
    expect(value.actionItems.map((i) => i.summary)).toStrictEqual(['still wanted']);
    expect(clashes).toStrictEqual(['actionItems.i1']);
  });

  it('takes the server answer wholesale when the user typed nothing since sending', () => {
    const theirs = structuredClone(base);
    theirs.content.meeting.createdBy = maya;
    expect(mergeDrafts(base, structuredClone(base), theirs).value).toStrictEqual(theirs);
  });
});

describe('chips', () => {
  it('turns spaces in tags into hyphens and keeps them in services', () => {
    expect(normalizeChip('  customer   facing ', false)).toBe('customer-facing');
    expect(normalizeChip(' Login  service ', true)).toBe('Login service');
    expect(normalizeChip('   ', true)).toBeNull();
  });

  it('adds comma-separated chips once each, case-insensitively, up to the limit', () => {
    expect(addChips(['login'], 'Login, auth , ,db', false, 10)).toStrictEqual(['login', 'auth', 'db']);
    expect(addChips(['a', 'b'], 'c, d', false, 3)).toStrictEqual(['a', 'b', 'c']);
  });
});
