import type { Page } from 'playwright-core';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';

const e2e = siteAndBrowserPerFile();

async function openAs(email: string, path: string): Promise<{ page: Page; status: number | undefined }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, e2e.site, email, path);
  const res = await page.goto(`${e2e.site.url}${path}`);
  return { page, status: res?.status() };
}

describe('the issue panel in Chromium', () => {
  it('loads from static/app in the issue view and shows the incident through invoke and requestJira', async () => {
    const { page, status } = await openAs('maya@example.com', '/browse/INC-1');
    expect(status).toBe(200);
    const panel = page.frameLocator('iframe[title="Post-incident review"]');
    await panel.getByText('INC-1', { exact: false }).first().waitFor({ timeout: 15_000 });
    await expect(panel.getByText(/Sev2/).first().isVisible()).resolves.toBe(true);
    await expect(panel.getByText(/login/i).first().isVisible()).resolves.toBe(true);
    const linked = panel.getByText(/SUP-\d+/).first();
    await expect(linked.isVisible()).resolves.toBe(true);
    await page.context().close();
  }, 45_000);

  it("shows Jira's 404 to a user without access to the incident project, and no incident data", async () => {
    const { page, status } = await openAs('lena@example.com', '/browse/INC-1');
    expect(status).toBe(404);
    const text = await page.textContent('main');
    expect(text).toMatch(/can't find this issue|permission/i);
    expect(text).not.toMatch(/login/i);
    expect(await page.locator('iframe').count()).toBe(0);
    await page.context().close();
  }, 30_000);
});
