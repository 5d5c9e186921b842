import type { ExternalSummary, PublishResult, ReviewDoc, ReviewTemplate, SpaceSummary, TemplateSettings } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';
import { USER_COOKIE } from '../../local/host/pages';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

const MAYA = 'maya@example.com'; // in jira-admins
const TOMAS = 'tomas@example.com'; // incident commander, not a Jira admin
const LENA = 'lena@example.com'; // cannot browse INC
const ISSUE = 'INC-4'; // Sev2 (High)

const major: ReviewTemplate = {
  id: 'major-incident',
  name: 'Major incident',
  description: 'Sev1 and Sev2: customer communication.',
  issueTypes: [],
  severities: [1, 2],
  sections: ['description', 'learnings', 'contributingFactors', 'actionItems'],
  requiredFields: ['customerImpact'],
  questions: [
    { id: 'comms', label: 'Were customers told within the hour?', kind: 'yes-no', choices: [], required: true, public: true },
    { id: 'approver', label: 'Who approved the <b>message</b>?', kind: 'text', choices: [], required: false, public: false },
  ],
};

const settingsKey = 'settings:review-templates';
const kvsValue = async () => {
  const res = await fetch(`${site.url}/api/v1/get`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: settingsKey }),
  });
  const legacy = res.status === 404 ? null : (((await res.json()) as { value?: unknown }).value ?? null);
  // Saves go to the versioned `review-templates` entity (conditional writes need an entity).
  const entity = site.db.prepare(`SELECT value_json FROM kvs_items WHERE space = 'entity' AND entity_name = 'review-templates'`).get() as
    { value_json: string } | undefined;
  return legacy ?? (entity ? (JSON.parse(entity.value_json) as unknown) : null);
};

describe('review templates', () => {
  it('start with the built-in template only, which everyone may read and only admins may change', async () => {
    const forMaya = await okAs<TemplateSettings>(site, MAYA, 'templates/get', {}, 'pir-review-templates');
    expect(forMaya).toMatchObject({
      version: 0,
      canEdit: true,
      templates: [
        {
          id: 'default',
          sections: ['goals', 'description', 'learnings', 'contributingFactors', 'remediation', 'actionItems'],
          requiredFields: [],
          questions: [],
        },
      ],
    });
    expect(await okAs<TemplateSettings>(site, TOMAS, 'templates/get', {})).toMatchObject({ canEdit: false });
  });

  it("refuses a non-admin's save with FORBIDDEN and writes nothing", async () => {
    const r = await callAs(site, TOMAS, 'templates/save', { templates: [major], version: 0 }, 'pir-review-templates');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only Jira admins can change review templates.' } });
    expect((await okAs<TemplateSettings>(site, MAYA, 'templates/get', {})).templates.map((t) => t.id)).toEqual(['default']);
    expect(await kvsValue()).toBeNull();
  });

  it('refuses changing the built-in template, bad questions and a stale version', async () => {
    expect(await callAs(site, MAYA, 'templates/save', { templates: [{ ...major, id: 'default' }], version: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await callAs(site, MAYA, 'templates/save', {
        templates: [{ ...major, questions: [{ ...major.questions[0], kind: 'choice' }] }],
        version: 0,
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'templates.0.questions.0.choices': expect.any(String) } } });
    expect(await callAs(site, MAYA, 'templates/save', { templates: [major], version: 3 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it("lets an admin save templates, and suggests one by the incident's severity to who may see it", async () => {
    const saved = await okAs<TemplateSettings>(site, MAYA, 'templates/save', { templates: [major], version: 0 }, 'pir-review-templates');
    expect(saved.templates.map((t) => t.id)).toEqual(['default', 'major-incident']);
    expect((await okAs<TemplateSettings>(site, TOMAS, 'templates/get', { issueKey: ISSUE })).suggestedId).toBe('major-incident');
    expect((await okAs<TemplateSettings>(site, TOMAS, 'templates/get', { issueKey: 'INC-3' })).suggestedId).toBe('default');
    expect(await callAs(site, LENA, 'templates/get', { issueKey: ISSUE })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("blocks publishing while the template's required fields are empty, with a typed error per field, then publishes", async () => {
    const doc = await okAs<ReviewDoc>(site, TOMAS, 'review/get', { issueKey: ISSUE });
    const template = {
      id: major.id,
      name: major.name,
      sections: major.sections,
      requiredFields: major.requiredFields,
      answers: major.questions.map((q) => ({
        questionId: q.id,
        label: q.label,
        kind: q.kind,
        public: q.public,
        required: q.required,
        value: null,
      })),
    };
    const saved = await okAs<ReviewDoc>(site, TOMAS, 'review/save', {
      issueKey: ISSUE,
      content: { ...doc.content, customerImpact: { affected: null, text: '' }, template },
      actionItems: [],
      version: doc.version,
    });
    expect(saved.content.template?.id).toBe('major-incident');
    const spaces = await okAs<SpaceSummary[]>(site, TOMAS, 'publish/spaces', { issueKey: ISSUE, query: 'IR' });
    const target = { spaceId: spaces[0].id, spaceKey: spaces[0].key, parentId: null };
    const blocked = await callAs<PublishResult>(site, TOMAS, 'publish/internal', { issueKey: ISSUE, target, version: saved.version });
    expect(blocked).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('Major incident template requires 2 more fields'),
        fields: { customerImpact: expect.any(String), 'template.answers.comms': expect.any(String) },
      },
    });
    expect(await callAs(site, TOMAS, 'publish/external', { issueKey: ISSUE, target, version: saved.version })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });

    const answered = {
      ...template,
      answers: template.answers.map((a) => ({ ...a, value: a.questionId === 'comms' ? true : 'Maya & <Legal>' })),
    };
    const filled = await okAs<ReviewDoc>(site, TOMAS, 'review/save', {
      issueKey: ISSUE,
      content: { ...saved.content, customerImpact: { affected: true, text: '' }, template: answered },
      actionItems: [],
      version: saved.version,
    });
    const published = await okAs<PublishResult>(site, TOMAS, 'publish/internal', { issueKey: ISSUE, target, version: filled.version });
    const page = await fetch(`${site.url}/wiki/api/v2/pages/${published.page.pageId}?body-format=storage`, {
      headers: { authorization: `Basic ${Buffer.from(`${MAYA}:t`).toString('base64')}` },
    });
    const storage = ((await page.json()) as { body: { storage: { value: string } } }).body.storage.value;
    expect(storage).toContain('<h2>Major incident questions</h2>');
    expect(storage).toContain('Who approved the &lt;b&gt;message&lt;/b&gt;?');
    expect(storage).toContain('Maya &amp; &lt;Legal&gt;');
    const external = await okAs<ExternalSummary>(site, TOMAS, 'publish/external/preview', { issueKey: ISSUE });
    // Only the public question goes out, and no one's name.
    expect(external.answers).toEqual([{ question: 'Were customers told within the hour?', answer: 'Yes' }]);
    const markdown = await okAs<{ markdown: string }>(site, TOMAS, 'review/export/markdown', { issueKey: ISSUE });
    expect(markdown.markdown).toContain('## Major incident questions');
    expect(markdown.markdown).toContain('### Who approved the \\<b\\>message\\</b\\>?');
  });
});

describe('the admin page on the local site', () => {
  const adminPath = () => `/jira/settings/apps/${site.globalPagePath.split('/')[3]}/${site.globalPagePath.split('/')[4]}`;
  const open = (email: string) =>
    fetch(`${site.url}${adminPath()}`, { headers: { cookie: `${USER_COOKIE}=${encodeURIComponent(email)}` } });

  it('shows the templates page to a Jira admin and refuses everyone else, as Jira does', async () => {
    const asAdmin = await open(MAYA);
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.text()).toContain('pir-review-templates');
    const asOther = await open(TOMAS);
    expect(asOther.status).toBe(403);
    expect(await asOther.text()).not.toContain('<iframe');
  });
});
