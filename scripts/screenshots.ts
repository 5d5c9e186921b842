import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startSite } from '../local/site';
import { launchChromium } from '../test/support/browser';

/**
 * Writes the README's screenshots (docs/screenshots) from a fresh seeded site:
 * `npm run build && npx tsx scripts/screenshots.ts`.
 */
async function main(): Promise<void> {
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const site = await startSite({ dataDir: ':memory:', port: 0 });
  const browser = await launchChromium();
  try {
    const shots: { name: string; path: string; width: number; as?: string; frame?: string }[] = [
      { name: 'issue-view', path: '/browse/INC-1', width: 1280, frame: 'Post-incident review' },
      { name: 'issue-panel-600', path: '/__panel-only/INC-1', width: 600 },
      { name: 'no-access-404', path: '/browse/INC-1', width: 1000, as: 'lena@example.com' },
    ];
    for (const s of shots) {
      const ctx = await browser.newContext({ viewport: { width: s.width, height: 900 }, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      await page.goto(`${site.url}/__switch-user?as=${encodeURIComponent(s.as ?? 'maya@example.com')}&back=/`);
      if (s.path.startsWith('/__panel-only/')) {
        // The panel alone at the width Jira gives it.
        const key = s.path.split('/').pop() ?? '';
        const x = Buffer.from(JSON.stringify({ type: 'jira:issuePanel', issue: { key }, project: { key: key.split('-')[0] } })).toString('base64url');
        await page.goto(`${site.url}/__app/frame?m=pir-issue-panel&l=shot&x=${x}`);
        await page.getByText(key).first().waitFor({ timeout: 15_000 });
      } else {
        await page.goto(`${site.url}${s.path}`);
        if (s.frame) await page.frameLocator(`iframe[title="${s.frame}"]`).getByText('INC-1').first().waitFor({ timeout: 15_000 });
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${s.name}.png`), fullPage: true });
      await ctx.close();
      process.stdout.write(`wrote docs/screenshots/${s.name}.png\n`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
