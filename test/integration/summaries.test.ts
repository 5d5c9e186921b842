import type { ActionItemInput, IncidentSummary, ReviewDoc, SummariesResult, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { assertLoggedRequestsMatchContract } from '../contract/app-traffic';
import { seededDate, STORY_NOW } from '../../local/seed/story-dates';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
// A site of its own for every test, with the same three reviews: a test that moves a review or starts more changes no
// other test's rows (the file runs in random order).
beforeEach(async () => {
  site = await freshSite();
  // Two incident reviews in INC and one in MKT: Maya may browse both projects, Lena only MKT.
  for (const key of ['INC-1', 'INC-2']) await ok<TimelineView>(MAYA, 'review/start', { issueKey: key });
  await ok<TimelineView>(LENA, 'review/start', { issueKey: 'MKT-1' });
  const doc = await ok<ReviewDoc>(MAYA, 'review/get', { issueKey: 'INC-1' });
  await ok<ReviewDoc>(MAYA, 'review/save', {
    issueKey: 'INC-1',
    content: {
      ...doc.content,
      tags: ['login', 'on-call'],
      customerImpact: { affected: true, text: 'Nobody could sign in for 20 minutes.' },
    },
    actionItems: [
      item('a1', 'Alert on sign-in error rate', '2026-01-15'),
      item('a2', 'Weekend paging rota for the web team', '2099-12-31'),
    ],
    version: 0,
  });
}, 120_000);
afterEach(() => site.close());

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';

/** Every call here is made from the global page, as the After Action Summaries page makes it. */
const call = <T>(user: string, key: string, payload: unknown) => callAs<T>(site, user, key, payload, 'pir-after-action-summaries');
const ok = <T>(user: string, key: string, payload: unknown) => okAs<T>(site, user, key, payload, 'pir-after-action-summaries');

function item(id: string, summary: string, dueDate: string): ActionItemInput {
  return { id, summary, description: '', owner: null, dueDate, priority: 'High', question: 'know-sooner' };
}

// `freshSite` seeds the demo on the story's own date (2026-11-21): every incident is in 2026.
const RANGE = { from: '2026-01-01', to: '2026-12-31' };
/** The month (YYYY-MM) a story's date as written lands in on the seeded site. */
const seededMonth = (story: 'login' | 'backup', written: string) => seededDate(STORY_NOW, story, written).slice(0, 7);

describe('After Action Summaries through the resolvers', () => {
  it('lists the reviews the viewer may browse, with metrics, status and countermeasures from the saves', async () => {
    const res = await ok<SummariesResult>(MAYA, 'summaries/list', RANGE);
    expect(res.rows.map((r) => r.incidentKey).sort()).toEqual(['INC-1', 'INC-2', 'MKT-1']);
    const inc1 = res.rows.find((r) => r.incidentKey === 'INC-1')!;
    expect(inc1).toMatchObject({
      projectKey: 'INC',
      severityLevel: 2,
      customerImpact: true,
      status: 'draft',
      actionsOpen: 2,
      actionsOverdue: 1,
      tags: ['login', 'on-call'],
    });
    expect(inc1.title).toMatch(/Login page outage/);
    expect(inc1.ttrMs).toBeGreaterThan(0);
    expect(res.overdue).toEqual([
      expect.objectContaining({ incidentKey: 'INC-1', summary: 'Alert on sign-in error rate', dueDate: '2026-01-15' }),
    ]);
    expect(res.overdueTotal).toBe(1);
    // Each review counts once, in the month its impact started (INC-1's: the login outage's Saturday).
    expect(inc1.impactStartedAt?.slice(0, 7)).toBe(seededMonth('login', '2026-10-17'));
    const perMonth = new Map<string, number>();
    for (const r of res.rows) perMonth.set(r.impactStartedAt!.slice(0, 7), (perMonth.get(r.impactStartedAt!.slice(0, 7)) ?? 0) + 1);
    for (const [month, n] of perMonth) expect(res.trends.find((t) => t.month === month)?.incidents).toBe(n);
    expect(res.trends.reduce((sum, t) => sum + t.incidents, 0)).toBe(3);
    expect(res.options).toEqual({ projects: ['INC', 'MKT'], tags: ['login', 'on-call'] });
  });

  it('shows a user without access to INC none of its incidents, and their own project only', async () => {
    const res = await ok<SummariesResult>(LENA, 'summaries/list', RANGE);
    expect(res.rows.map((r) => r.incidentKey)).toEqual(['MKT-1']);
    expect(JSON.stringify(res)).not.toMatch(/INC-\d/);
    const csv = await ok<{ csv: string; rows: number }>(LENA, 'summaries/csv', RANGE);
    expect(csv.rows).toBe(1);
    expect(csv.csv).not.toMatch(/INC-\d/);
    const printable = await call<IncidentSummary>(LENA, 'summaries/incident', { issueKey: 'INC-1' });
    expect(printable).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });

  it('filters, sorts and pages', async () => {
    const sev1 = await ok<SummariesResult>(MAYA, 'summaries/list', { ...RANGE, severities: [1] });
    expect(sev1.rows.map((r) => r.incidentKey)).toEqual(['INC-2']);
    const overdue = await ok<SummariesResult>(MAYA, 'summaries/list', { ...RANGE, hasOverdue: true });
    expect(overdue.rows.map((r) => r.incidentKey)).toEqual(['INC-1']);
    const tagged = await ok<SummariesResult>(MAYA, 'summaries/list', { ...RANGE, tag: 'login' });
    expect(tagged.rows.map((r) => r.incidentKey)).toEqual(['INC-1']);
    const bySeverity = await ok<SummariesResult>(MAYA, 'summaries/list', { ...RANGE, sort: 'severityLevel', dir: 'desc', pageSize: 10 });
    expect(bySeverity.rows.map((r) => r.incidentKey)).toEqual(['MKT-1', 'INC-1', 'INC-2']);
    const inc = await ok<SummariesResult>(MAYA, 'summaries/list', { ...RANGE, projects: ['inc'], pageSize: 10, page: 2 });
    expect(inc).toMatchObject({ rows: [], total: 2, page: 2, pages: 1 });
    const outside = await ok<SummariesResult>(MAYA, 'summaries/list', { from: '2025-01-01', to: '2025-06-30' });
    expect(outside.rows).toEqual([]);
    expect(outside.total).toBe(0);
  });

  it('refuses bad queries with a typed validation error', async () => {
    for (const payload of [
      { from: '2026-12-01', to: '2026-01-01' },
      { from: '2020-01-01', to: '2026-01-01' },
      { pageSize: 1000 },
      { from: 'yesterday' },
      { sort: 'title' },
    ]) {
      const r = await call<SummariesResult>(MAYA, 'summaries/list', payload);
      expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION' }) });
    }
  });

  it('follows the review: a status change and a publish-free edit move the row, a moved impact start moves its shard', async () => {
    const doc = await ok<ReviewDoc>(MAYA, 'review/get', { issueKey: 'INC-1' });
    await ok<ReviewDoc>(MAYA, 'review/status', { issueKey: 'INC-1', status: 'in-review', version: doc.version });
    const t = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    await ok<TimelineView>(MAYA, 'moments/set', {
      issueKey: 'INC-1',
      moment: 'impactStarted',
      at: '2026-03-02T10:00:00Z',
      version: t.version,
    });
    const march = await ok<SummariesResult>(MAYA, 'summaries/list', { from: '2026-03-01', to: '2026-03-31' });
    expect(march.rows.map((r) => [r.incidentKey, r.status])).toEqual([['INC-1', 'in-review']]);
    // The months INC-1 and INC-2 happened in (ten days apart) now hold INC-2 only.
    const months = await ok<SummariesResult>(MAYA, 'summaries/list', {
      from: `${seededMonth('login', '2026-10-17')}-01`,
      to: `${seededMonth('backup', '2026-10-28')}-28`,
    });
    expect(months.rows.map((r) => r.incidentKey)).toEqual(['INC-2']);
  });

  it('gives the printable summary of one incident', async () => {
    const s = await ok<IncidentSummary>(MAYA, 'summaries/incident', { issueKey: 'INC-1' });
    expect(s.incident.key).toBe('INC-1');
    expect(s.metrics?.ttr.known).toBe(true);
    expect(s.actionItems.map((i) => i.summary)).toEqual(['Alert on sign-in error rate', 'Weekend paging rota for the web team']);
    expect(s.actionItems[0].overdue).toBe(true);
  });

  it('reads a constant number of storage keys per page load and checks access in batches', async () => {
    const count = async () => {
      site.log.clear();
      await ok<SummariesResult>(MAYA, 'summaries/list', RANGE);
      const log = site.log.list();
      return {
        kvsCalls: log.filter((r) => r.kind === 'kvs').length,
        jiraCalls: log.filter((r) => r.kind === 'jira').length,
      };
    };
    // One batch get of the shards in range (24 half-months + undated) and one read of the flags;
    // one permission check per project (INC, MKT), one bulk fetch for the page.
    expect(await count()).toEqual({ kvsCalls: 2, jiraCalls: 3 });
    await ok<TimelineView>(MAYA, 'review/start', { issueKey: 'INC-3' });
    await ok<TimelineView>(MAYA, 'review/start', { issueKey: 'INC-4' });
    expect(await count()).toEqual({ kvsCalls: 2, jiraCalls: 3 });
    await assertLoggedRequestsMatchContract(site);
  });
});
