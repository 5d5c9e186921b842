/**
 * The demo as a newcomer first sees it, on whatever day they first start the site: the seed is
 * placed relative to that day, and the demo reviews are made through the app's own resolvers.
 * Only `Date` is faked (as in rhythm.test.ts), so the seeding clock, the app, the Jira emulator's
 * relative JQL dates and the KVS service all read the same "now", months after the story's dates.
 */
import type { PublishState, ReviewDoc, SummariesResult, TimelineView } from '../../src/contract';
import type { RhythmResult } from '../../src/use-cases/rhythm';
import type { RunningSite } from '../../local/site';
import { basicAuth, freshSite, okAs } from '../support/site';

const MAYA = 'maya@example.com';
/** A Wednesday morning long after the dates the stories were written with. */
const FIRST_START = '2027-06-09T10:00:00Z';

let site: RunningSite;

beforeAll(async () => {
  jest.useFakeTimers({
    now: new Date(FIRST_START),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The real seeding clock (here the faked one): what `npm start` does on a first start.
  site = await freshSite(() => new Date());
  const seeded = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(seeded.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await site.close();
  jest.restoreAllMocks();
  jest.useRealTimers();
});

const DAY = 86_400_000;
const today = FIRST_START.slice(0, 10);

describe('the demo on the day it is first seeded', () => {
  it('shows several months of reviews in the default 12-month view of After Action Summaries', async () => {
    const res = await okAs<SummariesResult>(site, MAYA, 'summaries/list', {}, 'pir-after-action-summaries');
    expect(res.rows.map((r) => r.incidentKey).sort()).toEqual(['INC-1', 'INC-2', 'INC-3']);
    expect(res.trends.filter((t) => t.incidents > 0).length).toBeGreaterThanOrEqual(3);
    for (const row of res.rows) expect(Date.parse(FIRST_START) - Date.parse(row.impactStartedAt!)).toBeLessThan(200 * DAY);
  });

  it('has INC-4 past due under the 24-hour rule: the scheduled job reminds it and flags it', async () => {
    const run = (await (await fetch(`${site.url}/__admin/trigger/pir-rhythm-check`, { method: 'POST' })).json()) as {
      result: RhythmResult;
    };
    expect(run.result.reminded).toEqual(['INC-4']);
    const res = await okAs<SummariesResult>(site, MAYA, 'summaries/list', {}, 'pir-after-action-summaries');
    expect(res.dueReviews.map((f) => f.incidentKey)).toEqual(['INC-4']);
  });

  it('holds one fully worked review: an annotated timeline that draws a recovery path, with the key moments the team confirmed', async () => {
    const view = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-1' });
    const plotted = view.entries.filter((e) => e.annotation.impact !== undefined);
    expect(plotted.length).toBeGreaterThanOrEqual(8);
    expect(new Set(plotted.map((e) => e.annotation.impact))).toEqual(new Set(['positive', 'negative', 'neutral']));
    expect(new Set(plotted.map((e) => e.annotation.phase))).toEqual(new Set(['detection', 'response', 'remediation']));
    expect(plotted.every((e) => e.annotation.kind !== undefined)).toBe(true);
    expect(view.metrics.ttr).toMatchObject({ known: true });
    // The first 5xx to 5xx back at baseline: 20 minutes 10 seconds, whatever the day.
    expect(Date.parse(view.moments.restored.at!) - Date.parse(view.moments.impactStarted.at!)).toBe(20 * 60_000 + 10_000);
  });

  it('has learnings, factors and countermeasures open, overdue and done in Jira', async () => {
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-1' });
    expect(doc.content.learnings.learned).not.toBe('');
    expect(doc.content.contributingFactors.length).toBeGreaterThanOrEqual(3);
    const items = doc.actionItems.map((i) => ({ id: i.id, due: i.dueDate, category: i.jira?.status.category }));
    const done = items.filter((i) => i.category === 'done');
    const open = items.filter((i) => i.category !== 'done');
    expect(done.map((i) => i.id)).toEqual(['a1']);
    expect(open.some((i) => i.due! < today)).toBe(true);
    expect(open.some((i) => i.due! > today)).toBe(true);
    const summaries = await okAs<SummariesResult>(site, MAYA, 'summaries/list', {}, 'pir-after-action-summaries');
    expect(summaries.rows.find((r) => r.incidentKey === 'INC-1')).toMatchObject({
      status: 'published',
      actionsClosed: 1,
      actionsOverdue: 1,
      actionsOpen: 3,
    });
  });

  it('is published to Confluence, and the page embeds the live review macro', async () => {
    const state = await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' });
    expect(state.internal).not.toBeNull();
    const res = await fetch(`${site.url}/wiki/api/v2/pages/${state.internal!.pageId}?body-format=storage`, {
      headers: { authorization: basicAuth(MAYA), accept: 'application/json' },
    });
    const page = (await res.json()) as { title: string; body: { storage: { value: string } } };
    expect(page.body.storage.value).toContain('pir-review-macro');
  });
});
