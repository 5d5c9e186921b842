import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startSite } from '../local/site';
import { launchChromium } from '../test/support/browser';

/**
 * Issue 18's screenshots (docs/screenshots): the Import chat dialog with the demo's Slack
 * conversation of INC-1 pasted, and the drafted description, at 500, 700 and 1280 px, light and dark:
 * `npm run build && npx tsx scripts/chat-screenshots.ts`.
 */
async function main(): Promise<void> {
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const transcript = `copied from #inc-login-outage\n${readFileSync(join(ROOT, 'test', 'fixtures', 'chat', 'inc-1-slack.txt'), 'utf8')}`;
  const site = await startSite({ dataDir: ':memory:', port: 0 });
  const browser = await launchChromium();
  try {
    const seeded = await fetch(`${site.url}/__admin/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'demo-reviews' }),
    });
    if (!seeded.ok) throw new Error(`seeding the demo reviews answered ${seeded.status}`);
    for (const mode of ['light', 'dark'] as const) {
      for (const width of [500, 700, 1280]) {
        for (const shot of ['chat-import', 'draft-narrative'] as const) {
          const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, timezoneId: 'Europe/London' });
          const page = await ctx.newPage();
          await page.goto(`${site.url}/__switch-theme?mode=${mode}&back=/`);
          await page.goto(`${site.url}/__switch-user?as=maya%40example.com&back=/`);
          const x = Buffer.from(JSON.stringify({ type: 'jira:issuePanel', issue: { key: 'INC-1' }, project: { key: 'INC' } })).toString(
            'base64url',
          );
          await page.goto(`${site.url}/__app/frame?m=pir-issue-panel&l=shot&x=${x}`);
          await page.locator('li.pir-entry').first().waitFor({ timeout: 30_000 });
          if (shot === 'chat-import') {
            await page.getByRole('button', { name: 'Import chat' }).click();
            const dialog = page.getByRole('dialog', { name: 'Import chat' });
            await dialog.getByLabel('Transcript').fill(transcript);
            await dialog.getByRole('checkbox', { name: /from Tomas Herrera/ }).uncheck();
            await page.waitForTimeout(300);
            await dialog.screenshot({ path: join(out, `${shot}-${width}${mode === 'dark' ? '-dark' : ''}.png`) });
          } else {
            await page.getByRole('tab', { name: 'Review' }).click();
            await page.locator('[data-ready="review-doc"]').waitFor({ timeout: 20_000 });
            await page.getByRole('button', { name: 'Draft what happened' }).click();
            const draft = page.getByRole('region', { name: 'Drafted description' });
            await draft.waitFor({ timeout: 20_000 });
            await draft.getByRole('button', { name: 'Use this draft' }).click();
            await page.waitForTimeout(300);
            await page
              .locator('#pir-doc-what-happened')
              .screenshot({ path: join(out, `${shot}-${width}${mode === 'dark' ? '-dark' : ''}.png`) });
          }
          await ctx.close();
          process.stdout.write(`wrote docs/screenshots/${shot}-${width}${mode === 'dark' ? '-dark' : ''}.png\n`);
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
