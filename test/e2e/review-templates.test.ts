import type { FrameLocator, Page } from 'playwright-core';
import type { ExternalSummary, Result, TemplateSettings } from '../../src/contract';
import { axeViolations, describeFindings } from '../support/axe';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { chooseOption, shownValue } from '../support/atlaskit';
import { basicAuth, invokeAs } from '../support/site';

const e2e = siteAndBrowserPerFile();
const MAYA = 'maya@example.com'; // in jira-admins
const TOMAS = 'tomas@example.com'; // not a Jira admin
const ISSUE = 'INC-4'; // an Incident, Sev2 (High), no review yet

const adminPath = () => e2e.site.globalPagePath.replace('/jira/apps/', '/jira/settings/apps/');
const TEXT_Q = 'What did customers hear first?';
const YES_NO_Q = 'Did support have a script ready?';
const CHOICE_Q = 'Which channel reached customers first?';

/** Maya defines "Customer comms" on the admin page: for Incidents of Sev2, three questions, customer impact required. */
async function defineTemplate(page: Page): Promise<void> {
  await signInAs(page, e2e.site, MAYA, adminPath());
  const admin = page.frameLocator('iframe.forge');
  await admin.locator('[data-ready="templates-admin"]').waitFor({ timeout: 30_000 });
  expect(await admin.getByText('No templates of your own yet').isVisible()).toBe(true);
  await admin.getByRole('button', { name: 'Add template' }).click();
  const form = admin.locator('fieldset.pir-template').last();
  await form.getByLabel('Name', { exact: true }).fill('Customer comms');
  const types = form.getByLabel(/^Issue types/);
  await types.fill('Incident');
  await types.blur();
  await form.getByRole('checkbox', { name: 'Sev2', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Were customers affected', exact: true }).check();

  for (let i = 0; i < 3; i++) await form.getByRole('button', { name: 'Add question' }).click();
  const question = (n: number) => form.getByRole('group', { name: `Question ${n}`, exact: true });
  await question(1).getByRole('textbox', { name: 'Question 1', exact: true }).fill(TEXT_Q);
  await question(1).getByRole('checkbox', { name: 'In the external summary' }).check();
  await question(2).getByRole('textbox', { name: 'Question 2', exact: true }).fill(YES_NO_Q);
  await chooseOption(question(2), 'Kind of question 2', 'Yes / no');
  await question(2).getByRole('checkbox', { name: 'Required' }).check();
  await question(3).getByRole('textbox', { name: 'Question 3', exact: true }).fill(CHOICE_Q);
  await chooseOption(question(3), 'Kind of question 3', 'Choice');
  const choices = question(3).getByRole('textbox', { name: 'Choices of question 3, comma-separated' });
  await choices.fill('Status page, Email, In-app banner');
  await choices.blur();
  await question(3).getByRole('checkbox', { name: 'In the external summary' }).check();

  await admin.getByRole('button', { name: 'Save templates' }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 20_000 });
}

async function openReviewTab(page: Page): Promise<FrameLocator> {
  await signInAs(page, e2e.site, MAYA, `/browse/${ISSUE}`);
  const panel = page.frameLocator('iframe[title="Post-incident review"]');
  const start = panel.getByRole('button', { name: 'Start review' });
  const entries = panel.locator('li.pir-entry').first();
  await Promise.race([start.waitFor({ timeout: 30_000 }), entries.waitFor({ timeout: 30_000 })]);
  if (await start.isVisible()) await start.click();
  await entries.waitFor({ timeout: 30_000 });
  await panel.getByRole('tab', { name: 'Review' }).click();
  await panel.locator('[data-ready="review-doc"]').waitFor({ timeout: 20_000 });
  return panel;
}

async function publishInternal(panel: FrameLocator): Promise<void> {
  await panel.locator('[data-ready="publish"]').waitFor({ timeout: 20_000 });
  if ((await shownValue(panel, 'Space')) === '') {
    await panel.locator('#pir-publish-space').fill('Incident');
    await panel.locator('.pir-select__menu [role=option]', { has: panel.locator('.pir-space-picker__key', { hasText: /^IR$/ }) }).click();
  }
  await panel.locator('#pir-publish-internal').click();
  const confirm = panel.locator('#pir-publish-confirm');
  if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Publish anyway' }).click();
}

async function ok<T>(user: string, key: string, payload: unknown, moduleKey = 'pir-issue-panel'): Promise<T> {
  const r = (await invokeAs<Result<T>>(e2e.site, user, key, payload, { moduleKey })).result;
  if (!r.ok) throw new Error(`${key}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

describe('review templates, in Chromium', () => {
  it('an admin defines a template; a matching review picks it, can change it, answers it; publishing waits for the required fields; answers reach the report, the export and (public ones) the external summary', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await defineTemplate(page);

    const panel = await openReviewTab(page);
    // Picked at start by the incident's type and severity...
    await panel.getByText(TEXT_Q).first().waitFor({ timeout: 20_000 });
    expect(await shownValue(panel, 'Template')).toBe('Customer comms (suggested)');
    // ...and changeable: the built-in one has no questions; back again, they return.
    await chooseOption(panel, 'Template', 'Standard review');
    expect(await panel.getByText(TEXT_Q).count()).toBe(0);
    await chooseOption(panel, 'Template', 'Customer comms (suggested)');
    await panel.getByLabel(new RegExp(`^${TEXT_Q.replace('?', '\\?')}`)).fill('The status page said new sign-ins could <fail>.');
    await chooseOption(panel, new RegExp(`^${CHOICE_Q.replace('?', '\\?')}`), 'Email');
    await panel.getByRole('region', { name: 'Review status and saving' }).getByRole('button', { name: 'Save' }).click();
    await panel.locator('[data-dirty="false"]').first().waitFor({ timeout: 20_000 });

    // Publishing is refused while the required question and field are empty, naming both.
    await publishInternal(panel);
    const refused = panel.getByRole('alert').filter({ hasText: 'Not published' });
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.innerText()).toContain(
      `The Customer comms template requires 2 more fields before publishing: Customer impact; "${YES_NO_Q}"`,
    );

    await chooseOption(panel, new RegExp(`^${YES_NO_Q.replace('?', '\\?')}`), 'No');
    await panel.getByRole('group', { name: 'Were customers affected?' }).getByRole('radio', { name: 'Yes' }).check();
    await panel.getByRole('region', { name: 'Review status and saving' }).getByRole('button', { name: 'Save' }).click();
    await panel.locator('[data-dirty="false"]').first().waitFor({ timeout: 20_000 });
    await publishInternal(panel);
    const outcome = panel.locator('.pir-publish__outcome');
    await outcome.waitFor({ timeout: 30_000 });
    const pageId = await outcome.getAttribute('data-page-id');

    // The panel keeps the answers after a reload.
    const again = await openReviewTab(page);
    expect(await again.getByLabel(new RegExp(`^${TEXT_Q.replace('?', '\\?')}`)).inputValue()).toBe(
      'The status page said new sign-ins could <fail>.',
    );
    expect(await shownValue(again, new RegExp(`^${CHOICE_Q.replace('?', '\\?')}`))).toBe('Email');
    expect(await shownValue(again, new RegExp(`^${YES_NO_Q.replace('?', '\\?')}`))).toBe('No');

    // The Confluence report: every answer, escaped.
    const res = await fetch(`${e2e.site.url}/wiki/api/v2/pages/${pageId}?body-format=storage`, {
      headers: { authorization: basicAuth(MAYA) },
    });
    const storage = ((await res.json()) as { body: { storage: { value: string } } }).body.storage.value;
    expect(storage).toContain('Customer comms questions');
    for (const text of [TEXT_Q, YES_NO_Q, CHOICE_Q, 'could &lt;fail&gt;.', 'Email']) expect(storage).toContain(text);
    await page.goto(`${e2e.site.url}/wiki/spaces/IR/pages/${pageId}`);
    expect(await page.locator('.confluence-body').innerText()).toContain('The status page said new sign-ins could <fail>.');

    // The Markdown export: every answer.
    const { markdown } = await ok<{ markdown: string }>(MAYA, 'review/export/markdown', { issueKey: ISSUE });
    expect(markdown).toContain('## Customer comms questions');
    for (const text of [YES_NO_Q.replace('?', ''), CHOICE_Q.replace('?', ''), 'Email']) expect(markdown).toContain(text);

    // The external summary: the public questions only.
    const external = await ok<ExternalSummary>(MAYA, 'publish/external/preview', { issueKey: ISSUE });
    expect(external.answers).toEqual([
      { question: TEXT_Q, answer: 'The status page said new sign-ins could <fail>.' },
      { question: CHOICE_Q, answer: 'Email' },
    ]);
    await page.close();
  }, 240_000);

  it("shows a save that lost to another admin's as a conflict, reloads theirs, and can put the edits back", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signInAs(page, e2e.site, MAYA, adminPath());
    const admin = page.frameLocator('iframe.forge');
    await admin.locator('[data-ready="templates-admin"]').waitFor({ timeout: 30_000 });
    // Another admin saves while this page is open.
    const current = await ok<TemplateSettings>(MAYA, 'templates/get', {}, 'pir-review-templates');
    const theirs = { ...current.templates[1], name: 'Customer comms (edited elsewhere)' };
    await ok(MAYA, 'templates/save', { templates: [theirs], version: current.version }, 'pir-review-templates');

    await admin.getByLabel('Name', { exact: true }).first().fill('Customer comms (mine)');
    await admin.getByRole('button', { name: 'Save templates' }).click();
    const conflict = admin.getByRole('alert').filter({ hasText: 'Someone else changed the templates' });
    await conflict.waitFor({ timeout: 20_000 });
    expect(await admin.getByLabel('Name', { exact: true }).first().inputValue()).toBe('Customer comms (edited elsewhere)');
    await conflict.getByRole('button', { name: 'Put my changes back' }).click();
    expect(await admin.getByLabel('Name', { exact: true }).first().inputValue()).toBe('Customer comms (mine)');
    await admin.getByRole('button', { name: 'Save templates' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 20_000 });
    expect((await ok<TemplateSettings>(MAYA, 'templates/get', {}, 'pir-review-templates')).templates[1].name).toBe('Customer comms (mine)');
    await page.close();
  }, 120_000);

  it('has no critical or serious axe violation on the admin page or the template questions, light and dark, 500 and 1280 px', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems: string[] = [];
    for (const mode of ['light', 'dark'] as const) {
      await signInAs(page, e2e.site, MAYA, `/__switch-theme?mode=${mode}&back=/`);
      for (const [name, path, frameSelector, ready] of [
        ['templates admin page', adminPath(), 'iframe.forge', '[data-ready="templates-admin"]'],
        ['Review tab with template questions', `/browse/${ISSUE}`, 'iframe[title="Post-incident review"]', '#pir-doc-template'],
      ] as const) {
        await page.setViewportSize({ width: 1280, height: 1000 });
        await page.goto(`${e2e.site.url}${path}`);
        if (path.startsWith('/browse/'))
          await page.frameLocator(frameSelector).getByRole('tab', { name: 'Review' }).click({ timeout: 30_000 });
        await page.frameLocator(frameSelector).locator(ready).waitFor({ timeout: 30_000 });
        const frame = await (await page.$(frameSelector))?.contentFrame();
        if (!frame) throw new Error(`no frame for ${name}`);
        for (const width of [500, 1280]) {
          await page.setViewportSize({ width, height: 1000 });
          await page.waitForTimeout(250);
          problems.push(...describeFindings(`${name} at ${width} px (${mode})`, await axeViolations(frame)));
        }
      }
    }
    expect(problems).toStrictEqual([]);
    await page.close();
  }, 180_000);

  it('does not let a non-admin open the admin page or save templates (refused by the server too)', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const before = await ok<TemplateSettings>(MAYA, 'templates/get', {}, 'pir-review-templates');
    const response = await page.goto(
      `${e2e.site.url}/__switch-user?as=${encodeURIComponent(TOMAS)}&back=${encodeURIComponent(adminPath())}`,
    );
    expect(response?.status()).toBe(403);
    expect(await page.locator('iframe.forge').count()).toBe(0);

    // Calling the resolver directly, as the page would: refused, nothing written.
    const asTomas = await ok<TemplateSettings>(TOMAS, 'templates/get', {}, 'pir-review-templates');
    expect(asTomas.canEdit).toBe(false);
    const refused = (
      await invokeAs<Result<TemplateSettings>>(
        e2e.site,
        TOMAS,
        'templates/save',
        { templates: [], version: before.version },
        { moduleKey: 'pir-review-templates' },
      )
    ).result;
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only Jira admins can change review templates.' } });
    const after = await ok<TemplateSettings>(MAYA, 'templates/get', {}, 'pir-review-templates');
    expect(after).toEqual(before);
    await page.close();
  }, 60_000);
});
