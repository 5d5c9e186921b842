/**
 * A site without Confluence (`CONFLUENCE=off npm start`, `startSite({ confluence: false })`):
 * Confluence is optional in `app.compatibility`, so the app installs on Jira alone. Publishing says
 * plainly that Confluence is not connected (a typed NOT_CONNECTED, never INTERNAL) and writes
 * nothing; the macro is not offered; everything else works as on a site with Confluence.
 */
import type { PublishState, Result, SummariesResult, TimelineView } from '../../src/contract';
import { reportLinkGlobalId } from '../../src/use-cases/publish';
import { startSite, type RunningSite } from '../../local/site';
import { basicAuth, callAs, invokeAs, jiraAs, okAs } from '../support/site';

const MAYA = 'maya@example.com';
const TARGET = { spaceId: '1', spaceKey: 'IR', parentId: null };

let site: RunningSite;
beforeAll(async () => {
  site = await startSite({ dataDir: ':memory:', port: 0, confluence: false });
});
afterAll(() => site.close());

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${site.url}${path}`, { headers: { authorization: basicAuth(MAYA), ...headers } });
  return { status: res.status, text: await res.text() };
}

describe('a Jira-only site (Confluence not connected)', () => {
  let version = 0;
  beforeAll(async () => {
    version = (await okAs<TimelineView>(site, MAYA, 'review/start', { issueKey: 'INC-1' })).version;
  });

  it('says in the publish state that Confluence is not connected, asking Confluence once', async () => {
    site.log.clear();
    const state = await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' });
    expect(state.confluence).toBe('not-connected');
    expect(state.internal).toBeNull();
    expect(
      site.log
        .list()
        .filter((r) => r.kind === 'confluence')
        .map((r) => `${r.method} ${r.path} ${r.status}`),
    ).toEqual(['GET /wiki/api/v2/spaces?limit=1 404']);
  });

  it('answers every Confluence-dependent resolver with NOT_CONNECTED, and publishing writes nothing', async () => {
    const doc = await okAs<{ version: number; status: string }>(site, MAYA, 'review/get', { issueKey: 'INC-1' });
    site.log.clear();
    const answers = await Promise.all([
      callAs(site, MAYA, 'publish/spaces', { issueKey: 'INC-1', query: '' }),
      callAs(site, MAYA, 'publish/pages', { issueKey: 'INC-1', spaceId: '1', parentId: null }),
      callAs(site, MAYA, 'publish/pages', { issueKey: 'INC-1', spaceId: '1', parentId: '2' }),
      callAs(site, MAYA, 'publish/internal', { issueKey: 'INC-1', target: TARGET, version: doc.version }),
      callAs(site, MAYA, 'publish/external', { issueKey: 'INC-1', target: TARGET, version: doc.version }),
    ]);
    for (const a of answers) {
      expect(a.ok).toBe(false);
      if (a.ok) continue;
      expect(a.error.code).toBe('NOT_CONNECTED');
      expect(a.error.message).toMatch(/Confluence is not connected/);
    }
    const writes = site.log
      .list()
      .filter(
        (r) => r.method !== 'GET' && (r.kind === 'jira' || r.kind === 'confluence') && !/search|bulkfetch|comment\/list/.test(r.path),
      );
    expect(writes).toEqual([]);
    const after = await okAs<{ version: number; status: string }>(site, MAYA, 'review/get', { issueKey: 'INC-1' });
    expect(after).toMatchObject({ version: doc.version, status: doc.status });
    const links = await jiraAs<{ globalId?: string }[]>(site, MAYA, 'GET', '/issue/INC-1/remotelink');
    expect(links.filter((l) => l.globalId === reportLinkGlobalId('INC-1'))).toEqual([]);
  });

  it('does not offer the macro: its module has no installation on this site', async () => {
    const r = await invokeAs<Result<unknown>>(
      site,
      MAYA,
      'macro/get',
      { config: { issueKey: 'INC-1' } },
      { moduleKey: 'pir-review-macro', extension: { type: 'macro' } },
    );
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.result ?? null)).not.toMatch(/INC-1/);
  });

  it('answers Confluence REST and /wiki pages as a site without Confluence does (404), and the host pages link no Confluence', async () => {
    const rest = await get('/wiki/api/v2/spaces?limit=1', { accept: 'application/json' });
    expect(rest.status).toBe(404);
    expect(rest.text).not.toMatch(/"results"/);
    expect((await get('/wiki')).status).toBe(404);
    expect((await get('/wiki/spaces/IR/pages/1')).status).toBe(404);
    const issue = await get('/browse/INC-1');
    expect(issue.status).toBe(200);
    expect(issue.text).not.toMatch(/href="\/wiki"/);
  });

  it('works otherwise: the timeline, the review, the global page and the scheduled job', async () => {
    const timeline = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-1' });
    expect(timeline.version).toBe(version);
    expect(timeline.entries.length).toBeGreaterThan(10);
    await okAs(site, MAYA, 'review/export/markdown', { issueKey: 'INC-1' });
    await okAs(site, MAYA, 'publish/external/preview', { issueKey: 'INC-1' });
    const summaries = await okAs<SummariesResult>(site, MAYA, 'summaries/list', {}, 'pir-after-action-summaries');
    expect(summaries.rows).toBeDefined();
    const run = await fetch(`${site.url}/__admin/trigger/pir-rhythm-check`, { method: 'POST' });
    expect(run.status).toBe(200);
  });
});
