import fc from 'fast-check';
import type { SummaryCountermeasure, SummaryRow } from '../../src/contract';
import { DEFAULT_DUE_DAYS, policyDueDate, withPolicyDueDates } from '../../src/domain/countermeasure-policy';
import {
  backlogSeries,
  byFactorCategory,
  byService,
  countermeasureStats,
  daysFrom,
  plusDays,
  policyBreaches,
} from '../../src/domain/insights';

const MIN = 60_000;
let n = 0;
function row(over: Partial<SummaryRow>): SummaryRow {
  n += 1;
  return {
    incidentKey: `INC-${n}`,
    projectKey: 'INC',
    title: `Incident ${n}`,
    severityLevel: 2,
    impactStartedAt: '2026-09-10T10:00:00.000Z',
    ttaMs: null,
    ttrMs: null,
    impactMs: null,
    customerImpact: null,
    status: 'draft',
    actionsOpen: 0,
    actionsOverdue: 0,
    actionsClosed: 0,
    openItems: [],
    openDueDates: [],
    docVersion: 1,
    tags: [],
    pageUrl: null,
    updatedAt: 0,
    services: [],
    factorCategories: [],
    countermeasures: [],
    ...over,
  };
}
const cm = (over: Partial<SummaryCountermeasure>): SummaryCountermeasure => ({
  subtaskKey: 'INC-900',
  created: '2026-09-11',
  closed: null,
  done: false,
  dueDate: null,
  ...over,
});

describe('insights by service', () => {
  it('counts incidents per service and takes medians over known times only', () => {
    const rows = [
      row({ services: ['Web', 'Auth'], ttaMs: 5 * MIN, ttrMs: 20 * MIN }),
      row({ services: ['web '], ttaMs: null, ttrMs: 40 * MIN }),
      row({ services: ['Web'], ttaMs: 15 * MIN, ttrMs: null }),
      row({ services: [] }),
    ];
    expect(byService(rows)).toStrictEqual([
      { key: 'web', label: 'Web', incidents: 3, ttaMedianMs: 10 * MIN, ttrMedianMs: 30 * MIN },
      { key: 'auth', label: 'Auth', incidents: 1, ttaMedianMs: 5 * MIN, ttrMedianMs: 20 * MIN },
    ]);
  });

  it('never counts an incident twice in one service, and every incident with a service is in some group', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('Web', 'web', 'API', ' api', 'DB'), { maxLength: 4 }), { maxLength: 20 }), (lists) => {
        const rows = lists.map((services) => row({ services }));
        const groups = byService(rows);
        for (const g of groups)
          expect(g.incidents).toBe(rows.filter((r) => r.services!.some((s) => s.trim().toLowerCase() === g.key)).length);
        expect(groups.reduce((sum, g) => sum + g.incidents, 0)).toBeGreaterThanOrEqual(rows.filter((r) => r.services!.length > 0).length);
      }),
    );
  });
});

describe('insights by factor category', () => {
  it('groups in taxonomy order, leaving out categories no incident has', () => {
    const rows = [
      row({ factorCategories: ['detection', 'change'], ttrMs: 10 * MIN }),
      row({ factorCategories: ['detection'], ttrMs: 30 * MIN }),
    ];
    expect(byFactorCategory(rows).map((g) => [g.key, g.label, g.incidents, g.ttrMedianMs])).toStrictEqual([
      ['change', 'Change/deploy', 1, 10 * MIN],
      ['detection', 'Detection/monitoring gap', 2, 20 * MIN],
    ]);
  });
});

describe('countermeasure completion', () => {
  it('rates completion over every item and times closing over the items Jira dates', () => {
    const rows = [
      row({
        countermeasures: [
          cm({ done: true, created: '2026-09-01', closed: '2026-09-11' }),
          cm({ done: true, created: '2026-09-01', closed: '2026-09-21' }),
        ],
      }),
      row({ countermeasures: [cm({ done: true, closed: null }), cm({}), cm({ subtaskKey: null, created: null })] }),
    ];
    expect(countermeasureStats(rows)).toStrictEqual({
      total: 5,
      done: 3,
      open: 2,
      notInJira: 1,
      completionRate: 0.6,
      medianDaysToClose: 15,
      closedDated: 2,
    });
  });

  it('has no rate and no median without countermeasures (unknown, not zero)', () => {
    expect(countermeasureStats([row({})])).toMatchObject({ total: 0, completionRate: null, medianDaysToClose: null });
  });

  it('keeps the rate between 0 and 1 and done + open = total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.record({ done: fc.boolean(), inJira: fc.boolean() }), { maxLength: 5 }), { maxLength: 10 }),
        (spec) => {
          const rows = spec.map((items) =>
            row({ countermeasures: items.map((i) => cm({ done: i.done, subtaskKey: i.inJira ? 'INC-9' : null })) }),
          );
          const s = countermeasureStats(rows);
          expect(s.done + s.open).toBe(s.total);
          if (s.total > 0) expect(s.completionRate).toBeGreaterThanOrEqual(0);
          if (s.total > 0) expect(s.completionRate).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('the open backlog over time', () => {
  it('counts items open at each month end, the current month at today', () => {
    const rows = [
      row({
        countermeasures: [
          cm({ created: '2026-08-05' }),
          cm({ created: '2026-08-20', done: true, closed: '2026-09-02' }),
          cm({ created: '2026-09-15' }),
          cm({ created: '2026-10-02' }),
          cm({ created: null, subtaskKey: null }),
          cm({ created: '2026-08-01', done: true, closed: null }),
        ],
      }),
    ];
    expect(backlogSeries(rows, '2026-07-01', '2026-12-31', '2026-10-01')).toStrictEqual([
      { month: '2026-07', open: 0 },
      { month: '2026-08', open: 2 },
      { month: '2026-09', open: 2 },
      { month: '2026-10', open: 2 },
    ]);
  });

  it('never counts more than the items Jira dates, and never a negative', () => {
    const day = fc.integer({ min: 0, max: 200 }).map((d) => plusDays('2026-03-01', d));
    fc.assert(
      fc.property(
        fc.array(fc.record({ created: day, close: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) }), { maxLength: 15 }),
        (items) => {
          const rows = [
            row({
              countermeasures: items.map((i) =>
                cm({ created: i.created, done: i.close !== null, closed: i.close === null ? null : plusDays(i.created, i.close) }),
              ),
            }),
          ];
          for (const p of backlogSeries(rows, '2026-01-01', '2026-12-31', '2026-12-31')) {
            expect(p.open).toBeGreaterThanOrEqual(0);
            expect(p.open).toBeLessThanOrEqual(items.length);
          }
        },
      ),
    );
  });
});

describe('countermeasure policies', () => {
  it('gives a due date by severity from the day the sub-task is created', () => {
    expect(policyDueDate({ dueDays: DEFAULT_DUE_DAYS }, 1, '2026-12-20')).toBe('2027-01-03');
    expect(policyDueDate({ dueDays: DEFAULT_DUE_DAYS }, 2, '2026-02-01')).toBe('2026-03-03');
    expect(policyDueDate({ dueDays: DEFAULT_DUE_DAYS }, 5, '2026-02-01')).toBeNull();
  });

  it('is always exactly the policy days after today, in any time zone the process runs in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 365 }), (offset, days) => {
        const today = plusDays('2024-01-01', offset);
        const due = policyDueDate({ dueDays: { ...DEFAULT_DUE_DAYS, 3: days } }, 3, today)!;
        expect(daysFrom(today, due)).toBe(days);
      }),
    );
  });

  it('fills only items with no due date and no sub-task yet', () => {
    const items = [
      { id: 'a', dueDate: null },
      { id: 'b', dueDate: '2026-12-01' },
      { id: 'c', dueDate: null },
    ];
    expect(withPolicyDueDates(items, new Set(['c']), '2027-01-03')).toStrictEqual([
      { id: 'a', dueDate: '2027-01-03' },
      { id: 'b', dueDate: '2026-12-01' },
      { id: 'c', dueDate: null },
    ]);
    expect(withPolicyDueDates(items, new Set(), null)).toStrictEqual(items);
  });

  it('lists open items past their severity policy, counted from the sub-task, else the impact start', () => {
    const rows = [
      row({
        severityLevel: 1,
        impactStartedAt: '2026-09-01T08:00:00Z',
        countermeasures: [
          cm({ subtaskKey: 'INC-50', created: '2026-09-02' }),
          cm({ subtaskKey: null, created: null }),
          cm({ subtaskKey: 'INC-51', created: '2026-09-02', done: true, closed: '2026-09-03' }),
        ],
      }),
      row({ severityLevel: 5, countermeasures: [cm({ created: '2025-01-01' })] }),
      row({ severityLevel: 3, countermeasures: [cm({ created: '2026-09-20' })] }),
    ];
    const { items, total } = policyBreaches(rows, { dueDays: DEFAULT_DUE_DAYS }, '2026-10-01', 10);
    expect(total).toBe(2);
    expect(items.map((b) => [b.subtaskKey, b.since, b.policyDue, b.daysPast])).toStrictEqual([
      [null, '2026-09-01', '2026-09-15', 16],
      ['INC-50', '2026-09-02', '2026-09-16', 15],
    ]);
  });
});

describe('insights as CSV', () => {
  it('makes free text formula-safe and quotes what needs quoting', async () => {
    const { groupsCsv } = await import('../../src/domain/insights-csv');
    const csv = groupsCsv('Service', [
      { key: '=cmd', label: '=cmd|calc', incidents: 2, ttaMedianMs: 90_000, ttrMedianMs: null },
      { key: 'a, b', label: 'Search, "beta"', incidents: 1, ttaMedianMs: null, ttrMedianMs: 3_600_000 },
    ]);
    expect(csv.split('\r\n')).toStrictEqual([
      'Service,Incidents,TTA median (minutes),TTR median (minutes)',
      "'=cmd|calc,2,1.5,",
      '"Search, ""beta""",1,,60',
    ]);
  });
});
