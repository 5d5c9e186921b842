/**
 * `npm start` on an empty database (local/start.ts): the site seeds the demo incidents, then makes
 * the three demo reviews through the app's own resolvers over its own HTTP port. Until that is
 * done it must not serve a half-seeded site: anything asked in the meantime gets 503 with
 * Retry-After, and the first answer that succeeds already has every demo review.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result, SummariesResult } from '../../src/contract';
import { startDemoSite, type DemoSite } from '../../local/start';

let demo: DemoSite | null = null;
afterEach(async () => {
  // The seeding must be over before the database is closed under it.
  await demo?.ready.catch(() => undefined);
  await demo?.site.close();
  demo = null;
});

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface Answer {
  status: number;
  retryAfter: string | null;
  body: string;
}

async function ask(url: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

/** What the global page asks for first, as Maya: its default view (the last 12 months), whatever today is. */
const summaries = (base: string) =>
  ask(`${base}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-user': 'maya@example.com' },
    body: JSON.stringify({ functionKey: 'summaries/list', payload: {}, context: { moduleKey: 'pir-after-action-summaries' } }),
  });

describe('npm start on an empty database', () => {
  it('answers "starting" (503, Retry-After) until the demo reviews are made, and its first successful answers already hold all three', async () => {
    demo = await startDemoSite({ dataDir: ':memory:', port: 0 });
    const base = demo.site.url;
    let ready = false;
    void demo.ready.then(() => (ready = true));

    const starting: Answer[] = [];
    let home: Answer | null = null;
    let list: Answer | null = null;
    for (let i = 0; i < 2_000 && (home === null || list === null); i++) {
      const [h, l]: Answer[] = await Promise.all([home ?? ask(`${base}/`), list ?? summaries(base)]);
      for (const a of [h, l]) if (a.status === 503) starting.push(a);
      if (h.status !== 503) home = h;
      if (l.status !== 503) list = l;
      if (home === null || list === null) await sleep(20);
    }

    // The poll ran while the reviews were being made (else it proves nothing), and was told to come back.
    expect(starting.length).toBeGreaterThan(0);
    for (const a of starting) expect(a.retryAfter).toMatch(/^[1-9][0-9]*$/);
    expect(home?.status).toBe(200);
    expect(list?.status).toBe(200);
    expect(ready).toBe(true);
    const result = (JSON.parse(list!.body) as { result: Result<SummariesResult> }).result;
    if (!result.ok) throw new Error(`summaries/list failed: ${result.error.message}`);
    expect(result.data.rows.map((r) => r.incidentKey).sort()).toEqual(['INC-1', 'INC-2', 'INC-3']);
    // Every demo review is whole: INC-1's four action items are already sub-tasks, one closed in Jira, and its report is published.
    expect(result.data.rows.find((r) => r.incidentKey === 'INC-1')).toMatchObject({
      status: 'published',
      actionsOpen: 3,
      actionsClosed: 1,
    });
  }, 60_000);

  it('serves at once when it starts again on the data of an earlier start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pir-start-'));
    try {
      demo = await startDemoSite({ dataDir, port: 0 });
      await demo.ready;
      await demo.site.close();
      demo = await startDemoSite({ dataDir, port: 0 });
      expect(demo.site.seededOnStart).toBe(false);
      // Asked before anything else happened: nothing to make, so the very first answer is the site.
      expect((await ask(`${demo.site.url}/`)).status).toBe(200);
      const list = JSON.parse((await summaries(demo.site.url)).body) as { result: Result<SummariesResult> };
      expect(list.result.ok && list.result.data.rows.length).toBe(3);
    } finally {
      await demo?.site.close();
      demo = null;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
