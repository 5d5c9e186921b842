/** `POST /__admin/seed` with a scale for the large incident (bench/storage-units.ts seeds 2x and 4x). */
import { LARGE_LINKED_ISSUES } from '../../local/seed/large';
import type { RunningSite } from '../../local/site';
import { basicAuth, freshSite, jiraAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

async function seed(body: unknown): Promise<{ status: number; body: { added?: string[]; message?: string } }> {
  const res = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { added?: string[]; message?: string } };
}

describe('seeding the large incident at a scale', () => {
  it('refuses a scale out of range, fractional, or on another scenario, and seeds nothing', async () => {
    for (const body of [
      { scenario: 'large', scale: 0 },
      { scenario: 'large', scale: 1.5 },
      { scenario: 'large', scale: 99 },
      { scenario: 'demo', scale: 2 },
    ]) {
      const r = await seed(body);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/scale/);
    }
    // The demo ends at INC-5: a seeded large incident would be INC-6.
    const next = await fetch(`${site.url}/rest/api/3/issue/INC-6`, { headers: { authorization: basicAuth('maya@example.com') } });
    expect(next.status).toBe(404);
  });

  it('links the incident to scale times as many issues', async () => {
    const r = await seed({ scenario: 'large', scale: 2 });
    expect(r.status).toBe(200);
    const [key] = r.body.added!;
    const issue = await jiraAs<{ fields: { issuelinks: unknown[] } }>(site, 'maya@example.com', 'GET', `/issue/${key}?fields=issuelinks`);
    expect(issue.fields.issuelinks).toHaveLength(2 * LARGE_LINKED_ISSUES);
  });
});
