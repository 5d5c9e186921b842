import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, startSite } from '../local/site';
import { launchChromium } from '../test/support/browser';

/**
 * Issue 16's remaining screens for a look (not the README's): the After Action Summaries filter
 * bar, the insights and the policy, the templates admin page and the chat import dialog with its
 * preview, at 700 and 1280 px, light and dark: `npm run build && npx tsx scripts/screenshots-polish.ts [outDir]`
 * (default /tmp/polish-shots).
 */
const OUT = process.argv[2] ?? '/tmp/polish-shots';
const MAYA = 'maya@example.com';
const TRANSCRIPT = readFileSync(join(ROOT, 'test', 'fixtures', 'chat', 'inc-1-slack.txt'), 'utf8');

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).first().elementHandle({ timeout: 20_000 }))?.contentFrame();
  if (!frame) throw new Error(`no frame at ${selector}`);
  return frame;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const site = await startSite({ dataDir: ':memory:', port: 0 });
  const browser = await launchChromium();
  try {
    const seeded = await fetch(`${site.url}/__admin/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'demo-reviews' }),
    });
    if (seeded.status !== 200) throw new Error(`seed: ${seeded.status}`);
    const adminPath = site.globalPagePath.replace('/jira/apps/', '/jira/settings/apps/');
    for (const mode of ['light', 'dark'] as const) {
      for (const width of [700, 1280]) {
        const name = (what: string) => join(OUT, `${what}-${width}${mode === 'dark' ? '-dark' : ''}.png`);
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${site.url}/__switch-theme?mode=${mode}&back=/`);
        await page.goto(`${site.url}/__switch-user?as=${encodeURIComponent(MAYA)}&back=${encodeURIComponent(site.globalPagePath)}`);
        const global = await frameOf(page, 'iframe[title="After Action Summaries"]');
        await global.locator('.pir-summaries-table').waitFor({ timeout: 30_000 });
        const severity = global.getByLabel('Severity', { exact: true });
        await severity.focus();
        await severity.press('ArrowDown');
        await global.getByRole('option', { name: 'Sev1', exact: true }).click();
        await global.getByRole('option', { name: 'Sev2', exact: true }).click();
        await severity.press('Escape');
        await global.getByLabel('Impact from', { exact: true }).fill('2020-01-01');
        await global.getByLabel('Impact from', { exact: true }).press('Enter');
        await global.getByText(/at most 24 months/).waitFor();
        await page.waitForTimeout(400);
        await global.locator('.pir-summaries-filters').screenshot({ path: name('filters') });
        await global.getByLabel('Impact from', { exact: true }).fill('');
        await global.getByLabel('Impact from', { exact: true }).press('Enter');
        await global.getByLabel('to', { exact: true }).focus();
        await global.getByLabel('to', { exact: true }).press('ArrowDown');
        await page.waitForTimeout(400);
        await page.screenshot({ path: name('filters-calendar') });
        await global.getByLabel('to', { exact: true }).press('Escape');
        await global.getByRole('region', { name: 'By service' }).waitFor({ timeout: 30_000 });
        await page.waitForTimeout(400);
        await global.locator('.pir-insights').screenshot({ path: name('insights') });

        await page.goto(`${site.url}${adminPath}`);
        const admin = await frameOf(page, 'iframe.forge');
        await admin.locator('[data-ready="templates-admin"]').waitFor({ timeout: 20_000 });
        await admin.getByRole('button', { name: 'Add template' }).click();
        await admin.getByRole('button', { name: 'Add question' }).first().click();
        await page.waitForTimeout(400);
        await page.screenshot({ path: name('templates-admin'), fullPage: true });

        const x = Buffer.from(JSON.stringify({ type: 'jira:issuePanel', issue: { key: 'INC-1' }, project: { key: 'INC' } })).toString(
          'base64url',
        );
        await page.goto(`${site.url}/__app/frame?m=pir-issue-panel&l=shot&x=${x}`);
        await page.locator('li.pir-entry').first().waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: 'Import chat' }).click();
        const dialog = page.getByRole('dialog', { name: 'Import chat' });
        await dialog.getByLabel('Transcript').fill(`copied from #inc-login-outage\n${TRANSCRIPT}`);
        await dialog.locator('tbody tr').first().waitFor();
        await page.waitForTimeout(400);
        await dialog.screenshot({ path: name('chat-import') });
        await page.close();
        process.stdout.write(`${mode} ${width}\n`);
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
