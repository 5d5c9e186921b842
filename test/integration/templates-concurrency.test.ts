import type { ReviewTemplate, TemplateSettings } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

const MAYA = 'maya@example.com'; // in jira-admins

const templateNamed = (id: string): ReviewTemplate => ({
  id,
  name: `Template ${id}`,
  description: '',
  issueTypes: [],
  severities: [1],
  sections: ['description', 'learnings'],
  requiredFields: [],
  questions: [],
});

describe('saving review templates at the same time', () => {
  it('lets exactly one of several saves from one version win; the others get CONFLICT and nothing of theirs is stored', async () => {
    const start = await okAs<TemplateSettings>(site, MAYA, 'templates/get', {}, 'pir-review-templates');
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const answers = await Promise.all(
      ids.map((id) =>
        callAs<TemplateSettings>(
          site,
          MAYA,
          'templates/save',
          { templates: [templateNamed(id)], version: start.version },
          'pir-review-templates',
        ),
      ),
    );
    const won = answers.flatMap((a, i) => (a.ok ? [ids[i]] : []));
    expect(won).toHaveLength(1);
    for (const a of answers)
      if (!a.ok)
        expect(a.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Someone else changed the templates') });
    const now = await okAs<TemplateSettings>(site, MAYA, 'templates/get', {}, 'pir-review-templates');
    expect(now.version).toBe(start.version + 1);
    expect(now.templates.map((t) => t.id)).toEqual(['default', won[0]]);
  });

  it('keeps the next save from the new version working, and refuses one from the version before', async () => {
    const current = await okAs<TemplateSettings>(site, MAYA, 'templates/get', {}, 'pir-review-templates');
    const next = await okAs<TemplateSettings>(
      site,
      MAYA,
      'templates/save',
      { templates: [templateNamed('f')], version: current.version },
      'pir-review-templates',
    );
    expect(next.version).toBe(current.version + 1);
    const stale = await callAs(
      site,
      MAYA,
      'templates/save',
      { templates: [templateNamed('g')], version: current.version },
      'pir-review-templates',
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await okAs<TemplateSettings>(site, MAYA, 'templates/get', {})).templates.map((t) => t.id)).toEqual(['default', 'f']);
  });
});

describe('templates saved before saves were conditional', () => {
  it('are read from the old plain key, and the first save moves them into the versioned item', async () => {
    site.db.prepare(`DELETE FROM kvs_items WHERE space = 'entity' AND entity_name = 'review-templates'`).run();
    site.db
      .prepare(
        `INSERT INTO kvs_items (space, entity_name, key, value_json, created_at_ms, updated_at_ms) VALUES ('kvs', '', 'settings:review-templates', ?, 0, 0)`,
      )
      .run(JSON.stringify({ version: 7, templates: [templateNamed('old')] }));
    const read = await okAs<TemplateSettings>(site, MAYA, 'templates/get', {});
    expect(read).toMatchObject({ version: 7, templates: [{ id: 'default' }, { id: 'old' }] });
    const saved = await okAs<TemplateSettings>(site, MAYA, 'templates/save', {
      templates: [templateNamed('old'), templateNamed('new')],
      version: 7,
    });
    expect(saved.version).toBe(8);
    const plain = await fetch(`${site.url}/api/v1/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'settings:review-templates' }),
    });
    expect(plain.status).toBe(404);
    expect((await okAs<TemplateSettings>(site, MAYA, 'templates/get', {})).templates.map((t) => t.id)).toEqual(['default', 'old', 'new']);
  });
});
