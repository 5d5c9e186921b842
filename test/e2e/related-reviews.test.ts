import type { Page } from 'playwright-core';
import type { PublishState } from '../../src/contract';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { okAs } from '../support/site';
import { axeViolations, describeFindings } from '../support/axe';

const e2e = siteAndBrowserPerFile();
const MAYA = 'maya@example.com';

async function seedDemoReviews(): Promise<void> {
  const res = await fetch(`${e2e.site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(res.status).toBe(200);
}

async function newPage(): Promise<Page> {
  return e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
}

describe('related reviews, in Chromium', () => {
  beforeAll(seedDemoReviews, 120_000);

  it('shows earlier reviews sharing services and factors in the Review tab, and opens one in Jira', async () => {
    const page = await newPage();
    await signInAs(page, e2e.site, MAYA, '/browse/INC-3');
    const panel = page.frameLocator('iframe[title="Post-incident review"]');
    await panel.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
    const card = panel.getByRole('region', { name: /Related reviews/ });
    await card.locator('[data-related-key="INC-1"]').waitFor({ timeout: 20_000 });
    const inc1 = card.locator('[data-related-key="INC-1"]');
    expect(await inc1.textContent()).toContain('Shares service Reporting');
    expect(await inc1.textContent()).toMatch(/open countermeasures?/);
    expect(await card.locator('[data-related-key="INC-3"]').count()).toBe(0);
    await inc1.getByRole('link', { name: 'INC-1' }).click();
    await page.waitForURL(/\/browse\/INC-1$/, { timeout: 10_000 });
    await page.close();
  }, 90_000);

  it('has no critical or serious axe finding in the Review tab with the card, light and dark', async () => {
    const page = await newPage();
    // The Review tab opens from the panel's tab list; the card is ready once it has answered.
    await signInAs(page, e2e.site, MAYA, '/browse/INC-3');
    await page.frameLocator('iframe[title="Post-incident review"]').getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
    await page
      .frameLocator('iframe[title="Post-incident review"]')
      .locator('section.pir-related[data-ready="related-reviews"]')
      .waitFor({ timeout: 20_000 });
    const problems: string[] = [];
    for (const mode of ['light', 'dark'] as const) {
      await page.goto(`${e2e.site.url}/__switch-theme?mode=${mode}&back=${encodeURIComponent('/browse/INC-3')}`);
      const handle = await page.locator('iframe[title="Post-incident review"]').elementHandle({ timeout: 20_000 });
      const frame = (await handle?.contentFrame())!;
      await frame.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
      await frame.locator('section.pir-related[data-ready="related-reviews"]').waitFor({ timeout: 20_000 });
      problems.push(...describeFindings(`Review tab of INC-3 (${mode})`, await axeViolations(frame)));
    }
    expect(problems).toStrictEqual([]);
    await page.close();
  }, 90_000);

  it('says so when no earlier review shares anything', async () => {
    const page = await newPage();
    // INC-1 is the earliest incident of the demo: nothing reviewed before it.
    await signInAs(page, e2e.site, MAYA, '/browse/INC-1');
    const panel = page.frameLocator('iframe[title="Post-incident review"]');
    await panel.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
    const card = panel.locator('section.pir-related[data-ready="related-reviews"]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain('No earlier reviews share services, factors or tags with this one');
    expect(await card.locator('[data-related-key]').count()).toBe(0);
    await page.close();
  }, 90_000);

  it("lists them on the printable summary, where each opens that incident's summary", async () => {
    const page = await newPage();
    await signInAs(page, e2e.site, MAYA, e2e.site.globalPagePath);
    const frame = page.frameLocator('iframe[title="After Action Summaries"]');
    await frame.locator('[data-summary-key="INC-3"]').click({ timeout: 20_000 });
    const part = frame.getByRole('region', { name: 'Related reviews' });
    await part.locator('[data-related-key="INC-1"]').waitFor({ timeout: 20_000 });
    expect(await part.locator('[data-related-key="INC-1"]').textContent()).toContain('Shares service Reporting');
    const handle = await page.locator('iframe[title="After Action Summaries"]').elementHandle({ timeout: 20_000 });
    expect(describeFindings('printable summary of INC-3', await axeViolations((await handle?.contentFrame())!))).toStrictEqual([]);
    await part.getByRole('button', { name: 'Open the summary of INC-1' }).click();
    await frame.locator('article[data-incident-key="INC-1"]').waitFor({ timeout: 20_000 });
    await page.close();
  }, 90_000);

  it('shows each contributing factor with its category in the published report and in the live macro', async () => {
    const state = await okAs<PublishState>(e2e.site, MAYA, 'publish/state', { issueKey: 'INC-1' });
    const page = await newPage();
    await signInAs(page, e2e.site, MAYA, new URL(state.internal!.url).pathname);
    const body = page.locator('.confluence-body');
    await body.waitFor({ timeout: 20_000 });
    expect(await body.textContent()).toContain('Configuration: The export job was deployed to every web host');
    const macro = page.frameLocator('iframe.forge').first();
    const factors = macro.getByRole('region', { name: /Contributing factors/ });
    await factors.waitFor({ timeout: 20_000 });
    expect(await factors.locator('li').first().textContent()).toMatch(/^Configuration\s*The export job/);
    await page.close();
  }, 90_000);
});
