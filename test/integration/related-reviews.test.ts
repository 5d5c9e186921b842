/**
 * Issue 17, related reviews, through the resolvers on the local site with the demo reviews:
 * earlier reviews sharing services, factor categories, tags or linked issues, each as the viewer
 * may see it (a related incident in a project the viewer cannot browse is never named), read from
 * the summary index with a bounded number of storage calls (never a review itself).
 */
import type { RelatedReviewsResult, ReviewDoc, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const GLOBAL = 'pir-after-action-summaries';

/** A review of `issueKey` by `user` sharing the demo's "Reporting" service and detection gap. */
async function reviewSharingReporting(user: string, issueKey: string): Promise<void> {
  await okAs<TimelineView>(site, user, 'review/start', { issueKey });
  const doc = await okAs<ReviewDoc>(site, user, 'review/get', { issueKey });
  const content = {
    ...doc.content,
    servicesImpacted: ['reporting'],
    contributingFactors: [{ id: 'f1', text: 'Nothing alerted when the export stopped.', category: 'detection' as const }],
    tags: ['etl'],
  };
  await okAs<ReviewDoc>(site, user, 'review/save', { issueKey, content, actionItems: doc.actionItems, version: doc.version });
}

beforeAll(async () => {
  site = await freshSite();
  const seeded = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(seeded.status).toBe(200);
  // A later review outside INC, in a project Lena may browse, that shares a service with INC-1 and INC-3.
  await reviewSharingReporting(MAYA, 'SUP-4');
}, 180_000);
afterAll(() => site.close());

describe('review/related', () => {
  it('lists earlier reviews of the demo sharing services and factors, closest first, with why and open countermeasures', async () => {
    const r = await okAs<RelatedReviewsResult>(site, MAYA, 'review/related', { issueKey: 'INC-3' });
    const inc1 = r.items.find((i) => i.incidentKey === 'INC-1');
    expect(inc1).toBeDefined();
    expect(inc1!.why).toMatch(/^Shares service Reporting and factors Configuration, Detection\/monitoring gap/);
    expect(inc1!.title).toMatch(/^Login page outage/);
    expect(inc1!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/browse\/INC-1$/);
    expect(inc1!.actionsOpen).toBeGreaterThan(0);
    expect(inc1!.openItems.length).toBeGreaterThan(0);
    expect(r.items.map((i) => i.incidentKey)).not.toContain('INC-3');
    for (let i = 1; i < r.items.length; i++) expect(r.items[i - 1].score).toBeGreaterThanOrEqual(r.items[i].score);
    // Only earlier incidents: nothing for INC-3 started after it.
    for (const item of r.items) expect(Date.parse(item.impactStartedAt!)).toBeLessThan(Date.parse('2026-11-21T00:00:00Z'));
  });

  it('never names a related incident in a project the viewer cannot browse', async () => {
    const maya = await okAs<RelatedReviewsResult>(site, MAYA, 'review/related', { issueKey: 'SUP-4' });
    expect(maya.items.map((i) => i.incidentKey)).toContain('INC-1');
    const lena = await okAs<RelatedReviewsResult>(site, LENA, 'review/related', { issueKey: 'SUP-4' });
    expect(lena.items).toStrictEqual([]);
    expect(JSON.stringify(lena)).not.toMatch(/INC-|Login page|Reporting export/);
  });

  it('answers NOT_FOUND for an incident the viewer cannot browse, as for one that does not exist', async () => {
    const forbidden = await callAs(site, LENA, 'review/related', { issueKey: 'INC-3' });
    const unknown = await callAs(site, LENA, 'review/related', { issueKey: 'INC-999' });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(unknown).toStrictEqual(forbidden);
  });

  it('validates its payload', async () => {
    for (const payload of [{}, { issueKey: 'not a key' }, { issueKey: 'INC-1', extra: 1 }]) {
      expect(await callAs(site, MAYA, 'review/related', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('is the same from the global page (the printable summary asks it there)', async () => {
    const panel = await okAs<RelatedReviewsResult>(site, MAYA, 'review/related', { issueKey: 'INC-3' });
    expect(await okAs<RelatedReviewsResult>(site, MAYA, 'review/related', { issueKey: 'INC-3' }, GLOBAL)).toStrictEqual(panel);
  });

  it('reads the summary index only: the row location and one or two batch reads of shards, never a review', async () => {
    site.log.clear();
    await okAs<RelatedReviewsResult>(site, MAYA, 'review/related', { issueKey: 'INC-3' });
    const log = site.log.list();
    const kvs = log.filter((r) => r.kind === 'kvs');
    const units = kvs.reduce((n, r) => n + (r.storage?.readUnits ?? 0), 0);
    const jira = log.filter((r) => r.kind === 'jira');
    console.info(`RELATED-FIGURES kvsCalls=${kvs.length} readUnits=${units} jiraCalls=${jira.length}`);
    expect(kvs.length).toBeLessThanOrEqual(3);
    expect(kvs.every((r) => r.method === 'POST' && !JSON.stringify(r.body ?? '').match(/"review(-doc)?"|pulled:/))).toBe(true);
    expect(kvs.some((r) => JSON.stringify(r.body ?? '').includes('summary-shard'))).toBe(true);
    // The incident, one permission check per project among the candidates (INC, SUP), one bulk fetch.
    expect(jira.length).toBeLessThanOrEqual(5);
  });
});
