/**
 * Issue 17 through the resolvers on the local site: insights count only what the viewer may see,
 * services are suggested from earlier reviews, and the countermeasure policy is changed by Jira
 * administrators only and dates new sub-tasks that have no due date.
 */
import type { ActionSyncResult, PolicyView, ReviewDoc, SummaryInsights } from '../../src/contract';
import { plusDays } from '../../src/domain/insights';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, jiraAs, okAs } from '../support/site';

let site: RunningSite;
const MAYA = 'maya@example.com';
const TOMAS = 'tomas@example.com';
const LENA = 'lena@example.com';
const GLOBAL = 'pir-after-action-summaries';
const RANGE = { from: '2025-06-01', to: '2027-05-31' };

// A site of its own for every test, with the demo reviews: a policy saved or a sub-task dated stays with the test that
// did it (the file runs in random order).
beforeEach(async () => {
  site = await freshSite();
  const seeded = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(seeded.status).toBe(200);
}, 120_000);
afterEach(() => site.close());

describe('insights on After Action Summaries', () => {
  it('groups the demo reviews by shared services and factor categories', async () => {
    const insights = await okAs<SummaryInsights>(site, MAYA, 'summaries/insights', RANGE, GLOBAL);
    expect(insights.incidents).toBeGreaterThanOrEqual(3);
    const reporting = insights.byService.find((g) => g.label === 'Reporting');
    expect(reporting?.incidents).toBe(2);
    const detection = insights.byFactorCategory.find((g) => g.key === 'detection');
    expect(detection).toMatchObject({ label: 'Detection/monitoring gap', incidents: 3 });
    expect(insights.countermeasures.total).toBeGreaterThanOrEqual(7);
    expect(insights.countermeasures.done).toBeGreaterThanOrEqual(1);
    expect(insights.countermeasures.completionRate).toBeCloseTo(insights.countermeasures.done / insights.countermeasures.total);
    expect(insights.backlog.length).toBeGreaterThan(0);
    expect(insights.backlog[insights.backlog.length - 1].open).toBe(insights.countermeasures.open - insights.countermeasures.notInJira);
  });

  it('never counts an incident the viewer cannot see: Lena gets none of INC', async () => {
    const maya = await okAs<SummaryInsights>(site, MAYA, 'summaries/insights', RANGE, GLOBAL);
    const lena = await okAs<SummaryInsights>(site, LENA, 'summaries/insights', RANGE, GLOBAL);
    expect(lena.incidents).toBeLessThan(maya.incidents);
    expect(JSON.stringify(lena)).not.toMatch(/INC-\d/);
    expect(lena.byService.map((g) => g.label)).not.toContain('Reporting');
    expect(lena.byFactorCategory.find((g) => g.key === 'detection')?.incidents ?? 0).toBe(0);
  });

  it('applies the same filters as the table', async () => {
    const sev3 = await okAs<SummaryInsights>(site, MAYA, 'summaries/insights', { ...RANGE, severities: [3] }, GLOBAL);
    expect(sev3.byService.map((g) => g.label).sort()).toEqual(['Nightly ETL', 'Reporting']);
  });

  it('refuses a malformed filter with a typed error', async () => {
    const bad = await callAs(site, MAYA, 'summaries/insights', { ...RANGE, page: 2 }, GLOBAL);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('service suggestions', () => {
  it('suggests the services of earlier reviews, most used first', async () => {
    const names = await okAs<string[]>(site, MAYA, 'services/known', { issueKey: 'INC-4' });
    expect(names[0]).toBe('Reporting');
    expect(names).toEqual(expect.arrayContaining(['Web sign-in', 'Nightly ETL', 'Instance migration', 'Backups']));
  });

  it('answers NOT_FOUND to someone who cannot see the incident, and suggests nothing of INC to Lena', async () => {
    expect(await callAs(site, LENA, 'services/known', { issueKey: 'INC-4' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const hers = await okAs<string[]>(site, LENA, 'services/known', { issueKey: 'MKT-1' });
    expect(hers).not.toContain('Reporting');
  });
});

describe('the countermeasure policy', () => {
  it('is readable by anyone, editable by Jira administrators only', async () => {
    expect(await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL)).toMatchObject({
      canEdit: true,
      policy: { dueDays: { 1: 14, 2: 30, 3: 60, 4: 90, 5: null }, updatedAt: null },
    });
    expect(await okAs<PolicyView>(site, TOMAS, 'policy/get', {}, GLOBAL)).toMatchObject({ canEdit: false });
    const refused = await callAs(site, TOMAS, 'policy/set', { dueDays: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, expectedVersion: 0 }, GLOBAL);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nothing was written by the refusal.
    expect((await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL)).policy.updatedAt).toBeNull();
  });

  it('validates the days', async () => {
    for (const days of [0, 366, 2.5, -1]) {
      const r = await callAs(site, MAYA, 'policy/set', { dueDays: { 1: days, 2: 30, 3: 60, 4: 90, 5: null }, expectedVersion: 0 }, GLOBAL);
      expect({ days, r }).toMatchObject({ days, r: { ok: false, error: { code: 'VALIDATION' } } });
    }
  });

  it('dated the demo item that had no due date when its sub-task was created, in the review and in Jira', async () => {
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-3' });
    const c2 = doc.actionItems.find((i) => i.id === 'c2')!;
    expect(c2.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c2.jira?.dueDate).toBe(c2.dueDate);
    const issue = await jiraAs<{ fields: { duedate: string | null } }>(site, MAYA, 'GET', `/issue/${c2.jira!.key}?fields=duedate`);
    expect(issue.fields.duedate).toBe(c2.dueDate);
  });

  it('uses the policy an admin saved for new sub-tasks without a due date, and leaves dated items alone', async () => {
    const set = await okAs<PolicyView>(
      site,
      MAYA,
      'policy/set',
      { dueDays: { 1: 7, 2: 10, 3: 20, 4: 40, 5: null }, expectedVersion: 0 },
      GLOBAL,
    );
    expect(set.policy).toMatchObject({ dueDays: { 1: 7, 2: 10, 3: 20, 4: 40, 5: null }, updatedBy: { displayName: 'Maya Okafor' } });
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-3' });
    const items = [
      ...doc.actionItems.map(({ id, summary, description, owner, dueDate, priority, question }) => ({
        id,
        summary,
        description,
        owner,
        dueDate,
        priority,
        question,
      })),
      {
        id: 'c3',
        summary: 'Show paused jobs on the scheduler dashboard',
        description: '',
        owner: null,
        dueDate: null,
        priority: 'Medium',
        question: 'know-sooner',
      },
      {
        id: 'c4',
        summary: 'Review the job list quarterly',
        description: '',
        owner: null,
        dueDate: '2030-01-01',
        priority: 'Low',
        question: 'other',
      },
    ];
    await okAs<ReviewDoc>(site, MAYA, 'review/save', { issueKey: 'INC-3', content: doc.content, actionItems: items, version: doc.version });
    const synced = await okAs<ActionSyncResult>(site, MAYA, 'actions/sync', { issueKey: 'INC-3' });
    const today = new Date().toISOString().slice(0, 10);
    const c3 = synced.doc.actionItems.find((i) => i.id === 'c3')!;
    // INC-3 is Sev3 (priority Medium): 20 days from the day the sub-task is created.
    expect(c3.dueDate).toBe(plusDays(today, 20));
    expect(c3.jira?.dueDate).toBe(plusDays(today, 20));
    expect(synced.doc.actionItems.find((i) => i.id === 'c4')?.jira?.dueDate).toBe('2030-01-01');
  });
});
