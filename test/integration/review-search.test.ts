/**
 * Issue 17, item 2 through the resolvers on the local site: the review library finds the demo
 * reviews by what was learned, never shows a viewer a review of a project they may not browse,
 * follows every save, and refuses malformed queries with a typed error naming the field.
 */
import type { ReviewDoc, ReviewSearchResult } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const GLOBAL = 'pir-after-action-summaries';

beforeAll(async () => {
  site = await freshSite();
  const seeded = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(seeded.status).toBe(200);
}, 120_000);
afterAll(() => site.close());

const search = (user: string, payload: Record<string, unknown>) =>
  okAs<ReviewSearchResult>(site, user, 'summaries/search', payload, GLOBAL);

async function saveLearned(user: string, issueKey: string, learned: string): Promise<void> {
  const doc = await okAs<ReviewDoc>(site, user, 'review/get', { issueKey });
  const actionItems = doc.actionItems.map(({ id, summary, description, owner, dueDate, priority, question }) => ({
    id,
    summary,
    description,
    owner,
    dueDate,
    priority,
    question,
  }));
  await okAs<ReviewDoc>(site, user, 'review/save', {
    issueKey,
    content: { ...doc.content, learnings: { ...doc.content.learnings, learned } },
    actionItems,
    version: doc.version,
  });
}

describe('review library search', () => {
  it('finds the demo reviews by a shared factor, ranked, with highlights as offsets into plain text', async () => {
    const res = await search(MAYA, { query: 'alert' });
    expect(res.indexing).toBe(false);
    // INC-1 and INC-3 name a missing alert among their factors, INC-2 an alert among its countermeasures.
    expect(res.results.map((r) => r.incidentKey).sort()).toEqual(['INC-1', 'INC-2', 'INC-3']);
    expect(res.results.find((r) => r.incidentKey === 'INC-2')?.fields).toEqual(['actions']);
    for (const hit of res.results) {
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const h of hit.highlights) {
        expect(hit.fields).toContain(h.field);
        expect(h.text).not.toMatch(/<mark|<\/?b>/);
        for (const [s, e] of h.ranges) expect(h.text.slice(s, e).toLowerCase()).toMatch(/^alert/);
      }
    }
  });

  it('filters by service and factor category', async () => {
    const reporting = await search(MAYA, { query: 'scheduler export nightly', service: 'reporting' });
    expect(reporting.results.map((r) => r.incidentKey).sort()).toEqual(['INC-1', 'INC-3']);
    const change = await search(MAYA, { query: 'backup migration scheduler', factorCategory: 'change' });
    expect(change.results.map((r) => r.incidentKey)).toEqual(['INC-2']);
  });

  it('never shows Lena a review of INC, which she may not browse, nor counts one', async () => {
    const res = await search(LENA, { query: 'alert' });
    expect(res).toMatchObject({ results: [], total: 0 });
    expect(JSON.stringify(res)).not.toMatch(/INC-\d/);
  });

  it('follows a save: a new word is found at once, and no longer once it is edited away', async () => {
    expect((await search(MAYA, { query: 'quokka' })).total).toBe(0);
    await saveLearned(MAYA, 'INC-2', 'A quokka-shaped gap in the backup checks.');
    const found = await search(MAYA, { query: 'quokka' });
    expect(found.results.map((r) => r.incidentKey)).toEqual(['INC-2']);
    expect(found.results[0].fields).toEqual(['learnings']);
    // Lena may not see INC-2, so she does not find it either.
    expect((await search(LENA, { query: 'quokka' })).total).toBe(0);
    await saveLearned(MAYA, 'INC-2', 'Backups for one shard reported success while uploading nothing for a month.');
    expect((await search(MAYA, { query: 'quokka' })).total).toBe(0);
  });

  it('finds a review in a project Lena may browse, for her', async () => {
    await okAs(site, LENA, 'review/start', { issueKey: 'MKT-1' });
    // Its own word: the tests of this file run in random order and share one seeded site.
    await saveLearned(LENA, 'MKT-1', 'The campaign landing page cached an expired wombat banner.');
    const hers = await search(LENA, { query: 'wombat' });
    expect(hers.results.map((r) => r.incidentKey)).toEqual(['MKT-1']);
  });

  it('refuses malformed queries with a VALIDATION error naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ query: '   ' }, 'query'],
      [{ query: 'x'.repeat(201) }, 'query'],
      [{ query: 'the' }, 'query'],
      [{ query: 'alert', severity: 9 }, 'severity'],
      [{ query: 'alert', factorCategory: 'blame' }, 'factorCategory'],
      [{ query: 'alert', from: '2026-13-45' }, 'from'],
      [{ query: 'alert', from: '2026-05-02', to: '2026-05-01' }, 'from'],
      [{ query: 'alert', page: 0 }, 'page'],
    ];
    for (const [payload, field] of cases) {
      const r = await callAs(site, MAYA, 'summaries/search', payload, GLOBAL);
      expect({ payload, r }).toMatchObject({
        payload,
        r: { ok: false, error: { code: 'VALIDATION', fields: { [field]: expect.any(String) } } },
      });
    }
    expect(await callAs(site, MAYA, 'summaries/search', { query: 'alert', html: true }, GLOBAL)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
