import type { FrameLocator, Page } from 'playwright-core';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';

const e2e = siteAndBrowserPerFile();
const MAYA = 'maya@example.com';
const SHOTS = process.env.PIR_SHOTS_DIR;

async function openInsights(page: Page, email: string): Promise<FrameLocator> {
  await signInAs(page, e2e.site, email, e2e.site.globalPagePath);
  const frame = page.frameLocator('iframe[title="After Action Summaries"]');
  await frame.getByRole('region', { name: 'By service' }).waitFor({ timeout: 30_000 });
  return frame;
}

describe('Insights on After Action Summaries, in Chromium', () => {
  beforeAll(async () => {
    const seeded = await fetch(`${e2e.site.url}/__admin/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'demo-reviews' }),
    });
    expect(seeded.status).toBe(200);
  }, 120_000);

  it('reads incidents by service and by factor category, countermeasure completion, the backlog and the policy, with CSV', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const frame = await openInsights(page, MAYA);

    const services = frame.getByRole('region', { name: 'By service' });
    const reporting = services.getByRole('row', { name: /^Reporting\b/ });
    expect((await reporting.getByRole('cell').allTextContents())[0]).toBe('2');

    const factors = frame.getByRole('region', { name: 'By contributing-factor category' });
    const detection = factors.getByRole('row', { name: /Detection\/monitoring gap/ });
    expect((await detection.getByRole('cell').allTextContents())[0]).toBe('3');

    const tiles = frame.locator('.pir-insights__tiles');
    expect(await tiles.textContent()).toMatch(/Countermeasures done\d+%/);

    await expect(frame.getByRole('region', { name: 'Open countermeasure backlog' }).isVisible()).resolves.toBe(true);

    // A CSV of the chart's own data, made in the browser.
    await services.getByRole('button', { name: 'Make a CSV file of by service' }).click();
    const link = services.getByRole('link', { name: /^Download insights-by-service-.*\.csv$/ });
    expect(await link.getAttribute('href')).toMatch(/^blob:/);

    // Maya administers Jira: the policy is editable, with the app's defaults.
    const policy = frame.getByRole('region', { name: 'Countermeasure policy' });
    expect(await policy.getByLabel('Sev1 (days)').inputValue()).toBe('14');
    expect(await policy.getByLabel('Sev1 (days)').getAttribute('readonly')).toBeNull();
    await policy.getByLabel('Sev1 (days)').fill('0');
    expect(await policy.getByRole('alert').textContent()).toContain('Whole days from 1 to 365');
    await policy.getByLabel('Sev1 (days)').fill('10');
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await policy.getByRole('status').filter({ hasText: 'Policy saved.' }).waitFor();

    if (SHOTS) {
      for (const width of [1280, 700, 500]) {
        await page.setViewportSize({ width, height: 1000 });
        await frame.locator('#pir-insights-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/insights-${width}.png`, fullPage: true });
      }
    }
    await page.close();
  }, 120_000);

  it('shows a Jira user who is not an administrator the policy read-only', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const frame = await openInsights(page, 'tomas@example.com');
    const policy = frame.getByRole('region', { name: 'Countermeasure policy' });
    expect(await policy.textContent()).toContain('Only Jira administrators can change it.');
    expect(await policy.getByLabel('Sev2 (days)').getAttribute('readonly')).not.toBeNull();
    expect(await policy.getByRole('button', { name: 'Save policy' }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it('fits every column of the By service and factor tables at 700 and 1280 px, TTR median included', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const frame = await openInsights(page, MAYA);
    for (const width of [1280, 700]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.waitForTimeout(250);
      for (const name of ['By service', 'By contributing-factor category']) {
        const region = frame.getByRole('region', { name });
        // Rectangles in the frame's own coordinates: the container, and the right edge of every row's last cell.
        const fit = await region.locator('.pir-insights__scroll').evaluate((el) => {
          const box = el.getBoundingClientRect();
          const lastRights = [...el.querySelectorAll('tr')].map((tr) => (tr.lastElementChild as HTMLElement).getBoundingClientRect().right);
          const header = el.querySelector('thead th:last-child') as HTMLElement;
          return {
            scroll: el.scrollWidth,
            client: el.clientWidth,
            right: box.right,
            lastRight: Math.max(...lastRights),
            headerClipped: header.scrollWidth > header.clientWidth + 1,
          };
        });
        expect({
          width,
          name,
          overflow: fit.scroll > fit.client + 1,
          lastOutside: fit.lastRight > fit.right + 1,
          headerClipped: fit.headerClipped,
        }).toStrictEqual({
          width,
          name,
          overflow: false,
          lastOutside: false,
          headerClipped: false,
        });
      }
    }
    await page.close();
  }, 90_000);
});
