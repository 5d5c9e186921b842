import type { ActionItem, ReviewDoc, SummaryRow, TimelineView } from '../../src/contract';
import {
  SHARD_BUDGET_BYTES,
  docFacts,
  packRow,
  splitPacked,
  unpackRow,
  incidentFacts,
  mergeRow,
  overdueList,
  sameRow,
  timelineFacts,
  withOverdue,
} from '../../src/domain/summary-index';
import { resolveRange } from '../../src/use-cases/summaries';
import { AppFailure } from '../../src/domain/app-error';

const severity = { level: 2 as const, label: 'Sev2' as const, class: 'critical' as const, description: '', source: 'priority' as const };

function action(over: Partial<ActionItem> & { id: string }): ActionItem {
  return {
    summary: `Item ${over.id}`,
    description: '',
    owner: null,
    dueDate: null,
    priority: 'High',
    question: 'know-sooner',
    jira: null,
    overdue: false,
    syncError: null,
    ...over,
  };
}

function doc(items: ActionItem[]): Pick<ReviewDoc, 'status' | 'content' | 'actionItems' | 'version'> {
  return {
    status: 'in-review',
    content: { customerImpact: { affected: true, text: '' }, tags: ['login'] } as unknown as ReviewDoc['content'],
    actionItems: items,
    version: 7,
  };
}

const jira = (key: string, category: 'new' | 'indeterminate' | 'done', dueDate: string | null, assignee: string | null = null) => ({
  key,
  url: `https://x/browse/${key}`,
  status: { name: category, category },
  assignee: assignee ? { accountId: 'a', displayName: assignee } : null,
  dueDate,
  syncedAt: '2026-11-01T00:00:00Z',
});

describe('docFacts', () => {
  it('counts open and closed items by their Jira status and keeps the earliest-due open ones, with Jira winning over the review', () => {
    const facts = docFacts(
      doc([
        action({ id: 'a', dueDate: '2026-12-01', jira: jira('INC-10', 'done', '2026-12-01') }),
        action({
          id: 'b',
          dueDate: '2026-11-30',
          owner: { accountId: 'x', displayName: 'Written Owner' },
          jira: jira('INC-11', 'indeterminate', '2026-11-05', 'Jira Owner'),
        }),
        action({ id: 'c', dueDate: '2026-11-01', owner: { accountId: 'y', displayName: 'Daniel' } }),
        action({ id: 'd', dueDate: null }),
        action({ id: 'e', dueDate: '2027-01-01' }),
        action({ id: 'f', dueDate: '2027-02-01', summary: `A very long summary ${'x'.repeat(200)}` }),
      ]),
    );
    expect(facts).toMatchObject({ status: 'in-review', customerImpact: true, tags: ['login'], actionsOpen: 5, actionsClosed: 1 });
    expect(facts.openDueDates).toEqual(['2026-11-01', '2026-11-05', '2027-01-01', '2027-02-01']);
    expect(facts.openItems).toEqual([
      { subtaskKey: null, summary: 'Item c', owner: 'Daniel', dueDate: '2026-11-01' },
      { subtaskKey: 'INC-11', summary: 'Item b', owner: 'Jira Owner', dueDate: '2026-11-05' },
      { subtaskKey: null, summary: 'Item e', owner: null, dueDate: '2027-01-01' },
    ]);
  });

  it('cuts long summaries in the index', () => {
    const facts = docFacts(doc([action({ id: 'a', dueDate: '2026-01-01', summary: 'word '.repeat(100) })]));
    expect(facts.openItems[0].summary.length).toBeLessThanOrEqual(80);
    expect(facts.openItems[0].summary.endsWith('…')).toBe(true);
  });
});

describe('rows', () => {
  const view = {
    incident: { summary: 'Login outage', severity },
    severity,
    moments: { impactStarted: { at: '2026-10-17T18:41:00.000Z', source: 'derived' } },
    metrics: {
      tta: { known: true, ms: 180_000 },
      ttr: { known: false, reason: 'missing', moments: ['restored'] },
      impact: { known: true, ms: 1_200_000 },
    },
  } as unknown as TimelineView;

  it('merges the timeline side and the document side without either erasing the other', () => {
    const first = mergeRow(null, 'INC-1', incidentFacts(view.incident), { timeline: timelineFacts(view) }, 1);
    expect(first).toMatchObject({
      incidentKey: 'INC-1',
      projectKey: 'INC',
      title: 'Login outage',
      ttaMs: 180_000,
      ttrMs: null,
      impactMs: 1_200_000,
      status: 'draft',
      actionsOpen: 0,
    });
    const second = mergeRow(
      first,
      'INC-1',
      incidentFacts(view.incident),
      { doc: docFacts(doc([action({ id: 'a', dueDate: '2026-01-01' })])) },
      2,
    );
    expect(second).toMatchObject({ ttaMs: 180_000, status: 'in-review', actionsOpen: 1, updatedAt: 2 });
    const published = mergeRow(second, 'INC-1', incidentFacts(view.incident), { pageUrl: 'https://wiki/p/1' }, 3);
    expect(published.pageUrl).toBe('https://wiki/p/1');
    expect(mergeRow(published, 'INC-1', incidentFacts(view.incident), { doc: docFacts(doc([])) }, 4).pageUrl).toBe('https://wiki/p/1');
    expect(sameRow(second, { ...second, updatedAt: 99 })).toBe(true);
    expect(sameRow(second, published)).toBe(false);
    expect(sameRow(null, second)).toBe(false);
  });

  const row = (key: string, due: string[], items = due): SummaryRow => ({
    ...mergeRow(null, key, incidentFacts(view.incident), { timeline: timelineFacts(view) }, 1),
    openDueDates: due,
    openItems: items.map((d) => ({ subtaskKey: null, summary: `Fix ${d}`, owner: null, dueDate: d })),
  });

  it('counts overdue against today: due yesterday is overdue, due today is not', () => {
    expect(withOverdue(row('INC-1', ['2026-11-20', '2026-11-21', '2026-11-22']), '2026-11-21').actionsOverdue).toBe(1);
  });

  it('lists overdue countermeasures most overdue first, and counts the ones a row keeps only as a date', () => {
    const rows = [
      row('INC-1', ['2026-11-01', '2026-11-18', '2026-11-19', '2026-11-20'], ['2026-11-01', '2026-11-18', '2026-11-19']),
      row('INC-2', ['2026-10-01']),
    ];
    const list = overdueList(rows, '2026-11-21', 3);
    expect(list.total).toBe(5);
    expect(list.items.map((i) => [i.incidentKey, i.dueDate, i.daysOverdue])).toEqual([
      ['INC-2', '2026-10-01', 51],
      ['INC-1', '2026-11-01', 20],
      ['INC-1', '2026-11-18', 3],
    ]);
  });

  it('packs a row without its key names and reads it back unchanged (overdue is counted on read)', () => {
    const r = { ...row('INC-7', ['2026-11-01', '2026-12-01']), customerImpact: null, pageUrl: 'https://wiki/p/7', tags: ['a', 'b'] };
    expect(unpackRow(JSON.parse(JSON.stringify(packRow(r))) as unknown[])).toEqual({ ...r, actionsOverdue: 0 });
    expect(JSON.stringify(packRow(r)).length).toBeLessThan(JSON.stringify(r).length * 0.75);
  });

  it('splits a busy shard into parts under the budget, in order, and always gives at least one part', () => {
    const rows = Array.from({ length: 900 }, (_, i) => packRow({ ...row(`INC-${i + 1}`, ['2026-11-01']), title: 'x'.repeat(100) }));
    const parts = splitPacked(rows);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThanOrEqual(SHARD_BUDGET_BYTES);
    expect(parts.flat()).toEqual(rows);
    expect(splitPacked([])).toEqual([[]]);
  });
});

describe('resolveRange', () => {
  it('defaults to the 12 months up to today', () => {
    expect(resolveRange({}, '2026-11-22')).toEqual({ from: '2025-11-23', to: '2026-11-22' });
    expect(resolveRange({ to: '2026-03-31' }, '2026-11-22')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('refuses a reversed range, one over 24 months and impossible dates', () => {
    expect(() => resolveRange({ from: '2026-02-01', to: '2026-01-01' }, '2026-11-22')).toThrow(AppFailure);
    expect(() => resolveRange({ from: '2024-01-01', to: '2026-01-01' }, '2026-11-22')).toThrow(/24 months/);
    expect(resolveRange({ from: '2024-01-02', to: '2025-12-31' }, '2026-11-22')).toEqual({ from: '2024-01-02', to: '2025-12-31' });
    expect(() => resolveRange({ from: '2026-02-30', to: '2026-03-01' }, '2026-11-22')).toThrow(/calendar dates/);
  });
});
