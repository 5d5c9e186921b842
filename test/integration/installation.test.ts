/**
 * One installation spans Jira and Confluence (manifest `app.compatibility`): the issue panel, the
 * Confluence macro and the Jira global page are modules of one installation, so they read and
 * write one app storage. On Forge, two installations (one per product) would each have their own.
 */
import type { MacroResult, PublishState, SummariesResult, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { freshSite, jiraAs, okAs } from '../support/site';

const MAYA = 'maya@example.com';
const PANEL = { moduleKey: 'pir-issue-panel', extension: { type: 'jira:issuePanel', issue: { key: 'INC-1' } } };
const MACRO = { moduleKey: 'pir-review-macro', extension: { type: 'macro', config: { issueKey: 'INC-1', view: 'timeline' } } };
const GLOBAL_PAGE = { moduleKey: 'pir-after-action-summaries', extension: { type: 'jira:globalPage' } };
const DAY = 24 * 60 * 60 * 1000;

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

describe('the local site models one installation for Jira and Confluence', () => {
  it('gives the panel, the macro and the global page one storage: what the panel writes, the other two read', async () => {
    const started = await okAs<TimelineView>(site, MAYA, 'review/start', { issueKey: 'INC-1' }, PANEL);
    const entry = {
      at: started.entries[0].at,
      manualKind: 'note',
      actorName: 'Maya',
      text: 'Written from the issue panel: shared-storage-marker',
    };
    await okAs<TimelineView>(site, MAYA, 'timeline/manual/add', { issueKey: 'INC-1', entry, version: started.version }, PANEL);

    const macro = await okAs<MacroResult>(site, MAYA, 'macro/get', { config: {} }, MACRO);
    expect(macro.state).toBe('ok');
    if (macro.state !== 'ok') return;
    expect(macro.timeline?.entries.some((e) => e.text.includes('shared-storage-marker'))).toBe(true);

    // The summary row the panel's writes upserted, read from the global page (range around the incident, whatever the seed's dates).
    const { fields } = await jiraAs<{ fields: { created: string } }>(site, MAYA, 'GET', '/issue/INC-1?fields=created');
    const created = new Date(fields.created.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).getTime();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const summaries = await okAs<SummariesResult>(
      site,
      MAYA,
      'summaries/list',
      { from: day(created - 30 * DAY), to: day(created + 30 * DAY) },
      GLOBAL_PAGE,
    );
    expect(summaries.rows.map((r) => r.incidentKey)).toContain('INC-1');
  });

  it('says Confluence is available when it is connected', async () => {
    const state = await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' }, PANEL);
    expect(state.confluence).toBe('available');
  });
});
