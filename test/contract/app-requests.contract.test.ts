/**
 * Every request the app itself sends to Jira and Confluence matches the official specs.
 *
 * The app is driven the way its Custom UI drives it (POST /__forge/invoke), the site's request log
 * is read back, and every logged product request is checked with validateRequest
 * (test/contract/app-traffic.ts). The check knows nothing about which endpoints a resolver calls,
 * so traffic added by new resolvers is covered as soon as a flow here (or any test calling
 * assertLoggedRequestsMatchContract) exercises it. Response bodies are not in the log; the API
 * suites validate the responses.
 */
import type { RunningSite } from '../../local/site';
import { freshSite, invokeAs } from '../support/site';
import { assertLoggedRequestsMatchContract, clearRequestLog, requestContractProblems, type ProductRequest } from './app-traffic';

const SEEDED_INCIDENTS = ['INC-1', 'INC-2', 'INC-3', 'INC-4'];
const MISSING_INCIDENT = 'INC-9999';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(async () => {
  await site.close();
});

async function incidentGet(user: string, issueKey: string): Promise<number> {
  const { status } = await invokeAs(site, user, 'incident/get', { issueKey });
  return status;
}

describe('requests the app sends', () => {
  test('incident/get for every seeded incident and a missing key sends only requests the specs allow', async () => {
    await clearRequestLog(site);
    for (const key of [...SEEDED_INCIDENTS, MISSING_INCIDENT]) expect(await incidentGet('maya@example.com', key)).toBe(200);
    const checked = await assertLoggedRequestsMatchContract(site);
    const paths = checked.map((r) => r.path);
    for (const key of [...SEEDED_INCIDENTS, MISSING_INCIDENT]) {
      expect(paths.some((p) => p.startsWith(`/rest/api/3/issue/${key}`))).toBe(true);
    }
  });

  test('incident/get as a user who cannot browse INC sends only requests the specs allow', async () => {
    await clearRequestLog(site);
    for (const key of SEEDED_INCIDENTS) expect(await incidentGet('lena@example.com', key)).toBe(200);
    const checked = await assertLoggedRequestsMatchContract(site);
    expect(checked.every((r) => r.user === '712020:6b5a0e58-lena-fischer')).toBe(true);
  });

  test('the review flows (start, annotate, refresh, review document, people search) send only requests the specs allow', async () => {
    await clearRequestLog(site);
    const call = async (key: string, payload: unknown) => {
      const { result } = await invokeAs<{ ok: boolean; data: { version: number; entries?: { id: string }[]; content?: unknown } }>(
        site,
        'maya@example.com',
        key,
        payload,
      );
      if (!result.ok) throw new Error(`${key} failed`);
      return result.data;
    };
    const started = await call('review/start', { issueKey: 'INC-1' });
    await call('timeline/annotate', {
      issueKey: 'INC-1',
      entryId: started.entries![0].id,
      version: started.version,
      patch: { impact: 'positive' },
    });
    await call('timeline/refresh', { issueKey: 'INC-1' });
    const doc = await call('review/get', { issueKey: 'INC-1' });
    await call('review/save', { issueKey: 'INC-1', content: doc.content, actionItems: [], version: doc.version });
    await call('users/search', { issueKey: 'INC-1', query: 'ma' });
    const checked = await assertLoggedRequestsMatchContract(site);
    const ops = new Set(checked.map((r) => `${r.method} ${r.path.split('?')[0].replace(/INC-1|SUP-\d+|OPS-\d+/g, '{key}')}`));
    for (const op of [
      'POST /rest/api/3/issue/bulkfetch',
      'POST /rest/api/3/changelog/bulkfetch',
      'GET /rest/api/3/myself',
      'GET /rest/api/3/user/assignable/search',
    ]) {
      expect(ops).toContain(op);
    }
  });
});

describe('the traffic check itself', () => {
  const logged = (over: Partial<ProductRequest>): ProductRequest => ({
    seq: 1,
    kind: 'jira',
    method: 'GET',
    path: '/rest/api/3/issue/INC-1',
    status: 200,
    startMs: 0,
    endMs: 1,
    user: 'app',
    requestBytes: 0,
    responseBytes: 0,
    ...over,
  });

  test('reports an undeclared query parameter, an unknown operation and a bad body, naming the request', () => {
    const problems = requestContractProblems([
      logged({ seq: 7, path: '/rest/api/3/issue/INC-1?fieldz=summary' }),
      logged({ seq: 8, method: 'DELETE', path: '/rest/api/3/issue/INC-1' }),
      logged({ seq: 9, kind: 'confluence', method: 'POST', path: '/wiki/api/v2/pages', body: { title: 42 } }),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^#7 GET .*query parameter 'fieldz' is not declared/),
        expect.stringMatching(/^#8 DELETE .*no such operation/),
        expect.stringMatching(/^#9 POST \/wiki\/api\/v2\/pages .*request body/),
      ]),
    );
  });

  test('fails when nothing reached the products, unless told that is expected', async () => {
    await clearRequestLog(site);
    await expect(assertLoggedRequestsMatchContract(site)).rejects.toThrow(/No Jira or Confluence request was logged/);
    await expect(assertLoggedRequestsMatchContract(site, { allowNone: true })).resolves.toEqual([]);
  });
});
