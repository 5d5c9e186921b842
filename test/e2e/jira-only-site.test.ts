import type { Browser } from 'playwright-core';
import { startSite, type RunningSite } from '../../local/site';
import { launchChromium, signInAs } from '../support/browser';
import { invokeAs } from '../support/site';

// A Jira-only site (CONFLUENCE=off): Confluence is optional in app.compatibility.
let site: RunningSite;
let browser: Browser;
beforeAll(async () => {
  site = await startSite({ dataDir: ':memory:', port: 0, confluence: false });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the publish form on a site without Confluence, in Chromium', () => {
  it('disables publishing and says why, beside the button; the host offers no Confluence', async () => {
    const started = await invokeAs<{ ok: boolean }>(site, 'maya@example.com', 'review/start', { issueKey: 'INC-1' });
    expect(started.result.ok).toBe(true);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signInAs(page, site, 'maya@example.com', '/browse/INC-1');
    expect(await page.locator('nav a', { hasText: 'Confluence' }).count()).toBe(0);

    const panel = page.frameLocator('iframe[title="Post-incident review"]');
    await panel.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
    const form = panel.locator('[data-ready="publish"]');
    await form.waitFor({ timeout: 20_000 });
    expect(await form.getAttribute('data-confluence')).toBe('not-connected');
    const button = panel.locator('#pir-publish-internal');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    const reasonId = await button.getAttribute('aria-describedby');
    expect(await panel.locator(`#${reasonId}`).textContent()).toMatch(/isn't connected to Post-incident review on this site/);
    expect(await panel.locator('#pir-publish-space').count()).toBe(0);
    await page.close();
  }, 120_000);
});
