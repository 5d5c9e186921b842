import type { IncidentOverview, Result } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { freshSite, invokeAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

describe('incident/get through @forge/resolver and @forge/api against the local site', () => {
  it('gives the incident overview of INC-1 with severity from its priority and its linked issues', async () => {
    const { status, result } = await invokeAs<Result<IncidentOverview>>(site, 'maya@example.com', 'incident/get', { issueKey: 'INC-1' });
    expect(status).toBe(200);
    if (!result.ok) throw new Error(result.error.message);
    const o = result.data;
    expect(o.key).toBe('INC-1');
    expect(o.summary).toMatch(/login/i);
    expect(o.issueType).toBe('Incident');
    expect(o.priority).toBe('High');
    expect(o.severity).toMatchObject({ level: 2, label: 'Sev2', class: 'critical', source: 'priority' });
    expect(o.url).toBe(`${site.url}/browse/INC-1`);
    expect(o.created).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(o.linkedIssues.length).toBeGreaterThanOrEqual(2);
    expect(o.linkedIssues.map((l) => l.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^SUP-\d+$/)]));
    for (const l of o.linkedIssues) expect(l.relation.length).toBeGreaterThan(0);
  });

  it('reads Jira as the calling user: the request log shows her accountId, not the app', async () => {
    await fetch(`${site.url}/__admin/requests`, { method: 'DELETE' });
    await invokeAs(site, 'maya@example.com', 'incident/get', { issueKey: 'INC-2' });
    const { requests } = (await (await fetch(`${site.url}/__admin/requests`)).json()) as {
      requests: { kind: string; path: string; user: string }[];
    };
    const jira = requests.filter((r) => r.kind === 'jira');
    expect(jira).toHaveLength(1);
    expect(jira[0].path).toMatch(/^\/rest\/api\/3\/issue\/INC-2\?fields=/);
    expect(jira[0].user).toBe('712020:4c1d2f6e-maya-okafor');
  });

  it('tells a user who cannot browse the project exactly what it tells for a missing issue', async () => {
    const denied = await invokeAs<Result<IncidentOverview>>(site, 'lena@example.com', 'incident/get', { issueKey: 'INC-1' });
    const missing = await invokeAs<Result<IncidentOverview>>(site, 'maya@example.com', 'incident/get', { issueKey: 'INC-9999' });
    expect(denied.result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(missing.result).toEqual(denied.result);
    expect(JSON.stringify(denied.result)).not.toMatch(/login/i);
  });

  it('rejects a payload that is not an issue key with a typed validation error and calls no Jira API', async () => {
    await fetch(`${site.url}/__admin/requests`, { method: 'DELETE' });
    for (const payload of [{}, { issueKey: '../../myself' }, { issueKey: 42 }, { issueKey: 'INC-1', extra: true }]) {
      const { result } = await invokeAs<Result<IncidentOverview>>(site, 'maya@example.com', 'incident/get', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
    const { requests } = (await (await fetch(`${site.url}/__admin/requests`)).json()) as { requests: unknown[] };
    expect(requests).toEqual([]);
  });

  it('takes identity from the invocation, never from the payload or context the frame sends', async () => {
    const res = await fetch(`${site.url}/__forge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-user': 'lena@example.com' },
      body: JSON.stringify({
        functionKey: 'incident/get',
        payload: { issueKey: 'INC-1' },
        context: {
          moduleKey: 'pir-issue-panel',
          accountId: '712020:4c1d2f6e-maya-okafor',
          extension: { accountId: '712020:4c1d2f6e-maya-okafor' },
        },
      }),
    });
    const body = (await res.json()) as { result: Result<IncidentOverview> };
    expect(body.result.ok).toBe(false);
  });
});
