import type { MacroResult, Result } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { freshSite, invokeAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
  await invokeAs(site, 'maya@example.com', 'review/start', { issueKey: 'INC-1' });
});
afterAll(() => site.close());

async function macro(user: string, config: Record<string, unknown>, contextConfig?: Record<string, unknown>): Promise<MacroResult> {
  const { result } = await invokeAs<Result<MacroResult>>(site, user, 'macro/get', { config }, {
    moduleKey: 'pir-review-macro',
    extension: { type: 'macro', ...(contextConfig ? { config: contextConfig } : {}) },
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
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
