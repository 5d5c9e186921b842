/**
 * The summary index converges (docs/DECISIONS.md#what-must-hold "not by load"; issue 12 item 3): 100 saves of different
 * reviews landing in one half-month at once all answer ok, and no row is stale for longer than
 * one run of the scheduled job. Through the real resolvers, @forge/kvs and the local KVS; only
 * `Date` is faked, so the incidents are created (and their impact starts) on 5 October 2026.
 */
import type { ReviewDoc, SummariesResult, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, jiraAs, okAs } from '../support/site';
import { runTrigger } from '../support/helpers';

const MAYA = 'maya@example.com';
const SAVES = 100;
const TAG = 'wave-2';

let site: RunningSite;
beforeAll(async () => {
  jest.useFakeTimers({
    now: new Date('2026-10-05T12:00:00Z'),
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
  site = await freshSite();
});
afterAll(async () => {
  await site.close();
  jest.useRealTimers();
});

/** `n` new incidents in INC, created as Maya in bulk (50 a request, Jira's limit). */
async function createIncidents(n: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < n; i += 50) {
    const issueUpdates = Array.from({ length: Math.min(50, n - i) }, (_, j) => ({
      fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary: `Queue backlog on worker pool ${i + j + 1}` },
    }));
    const res = await jiraAs<{ issues: { key: string }[]; errors: unknown[] }>(site, MAYA, 'POST', '/issue/bulk', { issueUpdates });
    expect(res.errors).toEqual([]);
    keys.push(...res.issues.map((x) => x.key));
  }
  return keys;
}

/** Rows of the first half of October, as the global page reads them (the 100 incidents only). */
async function rowsOfHalfMonth(): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>();
  for (let page = 1; ; page++) {
    const list = await okAs<SummariesResult>(
      site,
      MAYA,
      'summaries/list',
      { from: '2026-10-01', to: '2026-10-15', pageSize: 100, page },
      'pir-after-action-summaries',
    );
    for (const r of list.rows) rows.set(r.incidentKey, r.tags);
    if (page >= list.pages) return rows;
  }
}

it('100 concurrent saves into one half-month: every row is current after at most one scheduled run', async () => {
  const keys = await createIncidents(SAVES);
  for (const key of keys) await okAs<TimelineView>(site, MAYA, 'review/start', { issueKey: key });
  const before = await rowsOfHalfMonth();
  expect([...before.keys()].sort()).toEqual([...keys].sort());

  const docs = await Promise.all(keys.map((issueKey) => okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey })));
  const answers = await Promise.all(
    docs.map((doc) =>
      callAs<ReviewDoc>(site, MAYA, 'review/save', {
        issueKey: doc.incidentKey,
        content: { ...doc.content, tags: [TAG] },
        actionItems: [],
        version: doc.version,
      }),
    ),
  );
  expect(answers.filter((a) => !a.ok)).toEqual([]);

  const stale = (rows: Map<string, string[]>) => keys.filter((k) => !(rows.get(k) ?? []).includes(TAG)).length;
  const staleBeforeJob = stale(await rowsOfHalfMonth());
  await runTrigger(site);
  const staleAfterJob = stale(await rowsOfHalfMonth());
  console.info(
    `RELIABILITY-FIGURES ${JSON.stringify({ summaryIndex: { saves: SAVES, okAnswers: answers.filter((a) => a.ok).length, staleBeforeJob, staleAfterJob } })}`,
  );
  expect(staleAfterJob).toBe(0);
}, 300_000);
