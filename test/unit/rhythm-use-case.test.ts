/**
 * The job's error paths with in-memory ports (the happy paths run against the local site in
 * test/integration/rhythm.test.ts): a refused or lost comment, a Jira or storage failure.
 */
import type { ActionItemJira, DueReviewFlag, SummaryRow } from '../../src/contract';
import { REMINDER_LEASE_MS, type ReminderClaim } from '../../src/domain/review-rhythm';
import type { RestoredIncident, RhythmJiraPort } from '../../src/jira/rhythm-jira';
import type { RhythmCursors, RhythmStore } from '../../src/storage/rhythm-store';
import type { StoredReviewDoc } from '../../src/storage/review-doc-store';
import { runRhythm, type RhythmDeps } from '../../src/use-cases/rhythm';

const INC_1: RestoredIncident = { key: 'INC-1', title: 'Login page outage', priority: 'High', resolvedAt: '2026-10-19T10:00:00.000+0000' };
const DUE = '2026-10-20T10:00:00.000Z';
const AFTER_DUE = new Date('2026-10-20T10:00:01Z');

function memoryStore(): RhythmStore & {
  claimsByKey: Map<string, ReminderClaim>;
  cursors: RhythmCursors;
  started: Set<string>;
  docs: StoredReviewDoc[];
} {
  const claimsByKey = new Map<string, ReminderClaim>();
  const state = { cursors: { reminders: null, reviews: null } as RhythmCursors };
  const started = new Set<string>();
  const docs: StoredReviewDoc[] = [];
  return {
    claimsByKey,
    get cursors() {
      return state.cursors;
    },
    started,
    docs,
    readCursors: () => Promise.resolve(state.cursors),
    writeCursors: (c) => {
      state.cursors = c;
      return Promise.resolve();
    },
    reviewsStarted: (keys) => Promise.resolve(new Set(keys.filter((k) => started.has(k)))),
    claims: (keys) => Promise.resolve(new Map(keys.flatMap((k) => (claimsByKey.has(k) ? [[k, claimsByKey.get(k)!] as const] : [])))),
    putClaim(next, expected) {
      const current = claimsByKey.get(next.incidentKey) ?? null;
      if ((current?.claimId ?? null) !== (expected?.claimId ?? null)) return Promise.resolve(false);
      claimsByKey.set(next.incidentKey, next);
      return Promise.resolve(true);
    },
    reviewDocsAfter(after, limit) {
      const rest = docs.filter((d) => after === null || d.incidentKey > after);
      return Promise.resolve({ docs: rest.slice(0, limit), more: rest.length > limit });
    },
  };
}

function fakeJira(over: Partial<RhythmJiraPort> = {}): RhythmJiraPort & { posted: string[] } {
  const posted: string[] = [];
  return {
    posted,
    restoredIncidents: () => Promise.resolve({ incidents: [INC_1], complete: true }),
    findReminder: () => Promise.resolve(null),
    postReminder: (key) => {
      posted.push(key);
      return Promise.resolve({ posted: true, commentId: `c-${posted.length}` });
    },
    liveActionItems: () => Promise.resolve(new Map()),
    ...over,
  };
}

function fakeSummaries(rows: SummaryRow[] = []) {
  let flags: DueReviewFlag[] = [];
  return {
    rows,
    get flags() {
      return flags;
    },
    readFlags: () => Promise.resolve(flags),
    writeFlags: (next: DueReviewFlag[]) => {
      flags = next;
      return Promise.resolve();
    },
    async upsert(incidentKey: string, next: (prev: SummaryRow | null) => SummaryRow | null) {
      const i = rows.findIndex((r) => r.incidentKey === incidentKey);
      const row = next(i === -1 ? null : rows[i]);
      if (row && i !== -1) rows[i] = row;
      else if (row) rows.push(row);
      await Promise.resolve();
    },
  };
}

const DONE: ActionItemJira = {
  key: 'INC-9',
  url: '',
  status: { name: 'Done', category: 'done' },
  assignee: null,
  dueDate: '2026-10-01',
  syncedAt: '',
};

/** A review with one countermeasure, due 2026-10-01, whose sub-task is INC-9. */
function storedDoc(): StoredReviewDoc {
  return {
    incidentKey: 'INC-1',
    version: 1,
    updatedAt: 1,
    doc: {
      status: 'draft',
      content: {
        meeting: { title: '', meetingDate: null, contact: null, createdBy: null, facilitator: null, participants: [] },
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
      },
      actionItems: [
        { id: 'a1', summary: 'Alert', description: '', owner: null, dueDate: '2026-10-01', priority: 'High', question: 'know-sooner' },
      ],
      sync: { a1: { key: 'INC-9', fingerprint: 'f', syncedAt: '' } },
      syncErrors: {},
    },
  };
}

/** INC-1's index row while its countermeasure is open. */
const openRow = (): SummaryRow => ({
  incidentKey: 'INC-1',
  projectKey: 'INC',
  title: 'Login page outage',
  severityLevel: 2,
  impactStartedAt: null,
  ttaMs: null,
  ttrMs: null,
  impactMs: null,
  customerImpact: null,
  status: 'draft',
  actionsOpen: 1,
  actionsOverdue: 0,
  actionsClosed: 0,
  openItems: [{ subtaskKey: null, summary: 'Alert', owner: null, dueDate: '2026-10-01' }],
  openDueDates: ['2026-10-01'],
  docVersion: 1,
  tags: [],
  pageUrl: null,
  updatedAt: 1,
});

let ids = 0;
function deps(over: Partial<RhythmDeps> & Pick<RhythmDeps, 'jira' | 'store' | 'summaries'>, now = AFTER_DUE): RhythmDeps {
  return { now: () => now, timeZone: 'UTC', newId: () => `claim-${++ids}`, ...over };
}

beforeEach(() => {
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('runRhythm when things go wrong', () => {
  it('keeps a refused reminder claimed, does not flag it, and posts it once after the lease', async () => {
    const store = memoryStore();
    const summaries = fakeSummaries();
    let refuse = true;
    const jira = fakeJira({
      postReminder: (key) => {
        if (refuse) return Promise.resolve({ posted: false, status: 503 });
        jira.posted.push(key);
        return Promise.resolve({ posted: true, commentId: 'c-1' });
      },
    });
    const first = await runRhythm(deps({ jira, store, summaries }));
    expect(first).toMatchObject({ reminded: [], failed: ['INC-1'], flagged: 0 });
    expect(store.claimsByKey.get('INC-1')).toMatchObject({ state: 'pending', dueAt: DUE });
    expect(summaries.flags).toEqual([]);

    refuse = false;
    expect((await runRhythm(deps({ jira, store, summaries }, new Date(AFTER_DUE.getTime() + 60_000)))).reminded).toEqual([]);
    const later = new Date(AFTER_DUE.getTime() + REMINDER_LEASE_MS);
    expect((await runRhythm(deps({ jira, store, summaries }, later))).reminded).toEqual(['INC-1']);
    expect(jira.posted).toEqual(['INC-1']);
    expect(store.claimsByKey.get('INC-1')).toMatchObject({ state: 'sent', commentId: 'c-1', sentAt: later.toISOString() });
    expect(summaries.flags.map((f) => f.incidentKey)).toEqual(['INC-1']);
  });

  it('treats a comment whose answer was lost as possibly posted: it looks before posting again', async () => {
    const store = memoryStore();
    const summaries = fakeSummaries();
    let posts = 0;
    const jira = fakeJira({
      postReminder: () => {
        posts += 1;
        return Promise.reject(new Error('socket hang up'));
      },
      findReminder: () => Promise.resolve(posts > 0 ? 'c-lost' : null),
    });
    expect((await runRhythm(deps({ jira, store, summaries }))).failed).toEqual(['INC-1']);
    await runRhythm(deps({ jira, store, summaries }, new Date(AFTER_DUE.getTime() + REMINDER_LEASE_MS)));
    expect(posts).toBe(1);
    expect(store.claimsByKey.get('INC-1')).toMatchObject({ state: 'sent', commentId: 'c-lost' });
    expect(summaries.flags.map((f) => f.incidentKey)).toEqual(['INC-1']);
  });

  it('posts nothing when it cannot tell whether a review has started', async () => {
    const store = memoryStore();
    store.reviewsStarted = () => Promise.reject(new Error('Storage could not be read'));
    const jira = fakeJira();
    const result = await runRhythm(deps({ jira, store, summaries: fakeSummaries() }));
    expect(jira.posted).toEqual([]);
    expect(result.errors).toEqual(['reminders: Storage could not be read']);
  });

  it('keeps the reminder cursor where it was when Jira fails, and still refreshes countermeasures', async () => {
    const store = memoryStore();
    await store.writeCursors({ reminders: 'INC-0', reviews: null });
    store.docs.push(storedDoc());
    const summaries = fakeSummaries([openRow()]);
    const jira = fakeJira({
      restoredIncidents: () => Promise.reject(new Error('Jira answered 500')),
      liveActionItems: () => Promise.resolve(new Map([['INC-1', { a1: DONE }]])),
    });
    const result = await runRhythm(deps({ jira, store, summaries }));
    expect(result).toMatchObject({
      errors: ['reminders: Jira answered 500'],
      refreshed: 1,
      rowsChanged: 1,
      cursors: { reminders: 'INC-0', reviews: null },
    });
    expect(store.cursors.reminders).toBe('INC-0');
    expect(summaries.rows[0]).toMatchObject({ actionsOpen: 0, actionsClosed: 1, openDueDates: [] });
  });

  it('leaves a row written by a save newer than the document it read (a save during the run is never undone)', async () => {
    const store = memoryStore();
    store.docs.push(storedDoc());
    // The row already reflects a later save of the review (version 2 > the run's snapshot, version 1).
    const newer = { ...openRow(), docVersion: storedDoc().version + 1, actionsOpen: 2, openDueDates: ['2026-10-01', '2026-12-01'] };
    const summaries = fakeSummaries([newer]);
    const jira = fakeJira({ liveActionItems: () => Promise.resolve(new Map([['INC-1', { a1: DONE }]])) });
    const result = await runRhythm(deps({ jira, store, summaries }));
    expect(result).toMatchObject({ refreshed: 1, rowsChanged: 0 });
    expect(summaries.rows[0]).toEqual(newer);
  });

  it('never reminds a review that has started, and removes its flag', async () => {
    const store = memoryStore();
    const summaries = fakeSummaries();
    const jira = fakeJira();
    await runRhythm(deps({ jira, store, summaries }));
    expect(summaries.flags.map((f) => f.incidentKey)).toEqual(['INC-1']);
    store.started.add('INC-1');
    store.claimsByKey.clear();
    await runRhythm(deps({ jira, store, summaries }));
    expect(jira.posted).toEqual(['INC-1']);
    expect(summaries.flags).toEqual([]);
  });

  it('changes only the countermeasure fields of a row, so a save racing the run is not undone', async () => {
    const store = memoryStore();
    store.docs.push(storedDoc()); // read by the run as a draft without tags...
    const summaries = fakeSummaries([{ ...openRow(), status: 'in-review', tags: ['login'], customerImpact: true }]); // ...saved since
    const jira = fakeJira({
      restoredIncidents: () => Promise.resolve({ incidents: [], complete: true }),
      liveActionItems: () => Promise.resolve(new Map([['INC-1', { a1: DONE }]])),
    });
    expect(await runRhythm(deps({ jira, store, summaries }))).toMatchObject({ refreshed: 1, rowsChanged: 1 });
    expect(summaries.rows[0]).toMatchObject({
      status: 'in-review',
      tags: ['login'],
      customerImpact: true,
      actionsOpen: 0,
      actionsClosed: 1,
      openItems: [],
      openDueDates: [],
    });
  });

  it('does not create an index row for a review that has none: its next save writes it', async () => {
    const store = memoryStore();
    store.docs.push(storedDoc());
    const summaries = fakeSummaries();
    const jira = fakeJira({
      restoredIncidents: () => Promise.resolve({ incidents: [], complete: true }),
      liveActionItems: () => Promise.resolve(new Map([['INC-1', { a1: DONE }]])),
    });
    const result = await runRhythm(deps({ jira, store, summaries }));
    expect(result).toMatchObject({ refreshed: 1, rowsChanged: 0 });
    expect(summaries.rows).toEqual([]);
  });
});
