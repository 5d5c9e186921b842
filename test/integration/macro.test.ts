import type { EntryPage, MacroResult, Result } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { freshSite, invokeAs, okAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
  await invokeAs(site, 'maya@example.com', 'review/start', { issueKey: 'INC-1' });
});
afterAll(() => site.close());

function macro(user: string, config: Record<string, unknown>, contextConfig?: Record<string, unknown>): Promise<MacroResult> {
  return okAs<MacroResult>(
    site,
    user,
    'macro/get',
    { config },
    {
      moduleKey: 'pir-review-macro',
      extension: { type: 'macro', ...(contextConfig ? { config: contextConfig } : {}) },
    },
  );
}

describe('the Confluence macro as the page viewer', () => {
  it('shows the live review of the configured incident in the chosen view', async () => {
    const r = await macro('maya@example.com', { issueKey: 'inc-1', view: 'timeline' });
    expect(r.state).toBe('ok');
    if (r.state !== 'ok') return;
    expect(r.view).toBe('timeline');
    expect(r.incident.key).toBe('INC-1');
    expect(r.timeline?.entries.length).toBeGreaterThan(10);
    expect(r.doc.incidentKey).toBe('INC-1');
  });

  it('asks Jira for the incident once per page view (the document reuses the access check)', async () => {
    site.log.clear();
    await macro('maya@example.com', { issueKey: 'INC-1', view: 'summary' });
    const reads = site.log.list().filter((r) => r.kind === 'jira' && r.method === 'GET' && r.path.startsWith('/rest/api/3/issue/INC-1?'));
    expect(reads).toHaveLength(1);
  });

  it('gives the views without entries (summary, action items) the metrics and no entries, with every page left to fetch', async () => {
    const timeline = await macro('maya@example.com', { issueKey: 'INC-1', view: 'timeline' });
    const summary = await macro('maya@example.com', { issueKey: 'INC-1', view: 'summary' });
    if (timeline.state !== 'ok' || summary.state !== 'ok' || !timeline.timeline || !summary.timeline) throw new Error('not ok');
    expect(summary.timeline.entries).toStrictEqual([]);
    expect(summary.timeline.metrics).toStrictEqual(timeline.timeline.metrics);
    // Every page is left to 'timeline/entries', the first one from before any entry.
    expect(summary.timeline.paging.total).toBe(timeline.timeline.paging.total);
    expect(summary.timeline.paging.pageStarts).toHaveLength(timeline.timeline.paging.pageStarts.length + 1);
    expect(Date.parse(summary.timeline.paging.pageStarts[0].at)).toBeLessThan(Date.parse(timeline.timeline.entries[0].at));
    const { result } = await invokeAs<Result<EntryPage>>(site, 'maya@example.com', 'timeline/entries', {
      issueKey: 'INC-1',
      version: summary.timeline.version,
      from: summary.timeline.paging.pageStarts[0],
      to: null,
    });
    expect(result.ok && result.data.entries).toStrictEqual(timeline.timeline.entries);
  });

  it('takes the configuration Forge gives in the context over what the frame sends', async () => {
    const r = await macro('maya@example.com', { issueKey: 'INC-2' }, { issueKey: 'INC-1', view: 'actions' });
    expect(r).toMatchObject({ state: 'ok', view: 'actions', incident: { key: 'INC-1' } });
  });

  it('asks for configuration when no valid incident key is set', async () => {
    expect(await macro('maya@example.com', {})).toEqual({ state: 'not-configured' });
    expect(await macro('maya@example.com', { issueKey: 'not a key' })).toEqual({ state: 'not-configured' });
  });

  it('says only "no access" to a viewer who cannot browse the incident, exactly as for an unknown key', async () => {
    const denied = await macro('lena@example.com', { issueKey: 'INC-1', view: 'full' });
    const unknown = await macro('maya@example.com', { issueKey: 'INC-999', view: 'full' });
    expect(denied).toEqual({ state: 'no-access' });
    expect(unknown).toEqual(denied);
  });
});
