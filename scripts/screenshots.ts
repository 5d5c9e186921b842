import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { ROOT, startSite } from '../local/site';
import { launchChromium } from '../test/support/browser';

/** Light, and dark beside it as `<name>-dark.png` (the host's theme menu, through `view.theme.enable()`). */
const MODES = [
  { mode: 'light', suffix: '' },
  { mode: 'dark', suffix: '-dark' },
] as const;

/** Picks the host's colour mode for the browser context of `page`, as the user menu does. */
async function useColorMode(page: Page, url: string, mode: 'light' | 'dark'): Promise<void> {
  await page.goto(`${url}/__switch-theme?mode=${mode}&back=/`);
}

/**
 * Writes the README's screenshots (docs/screenshots) from a fresh seeded site, each in light and
 * dark mode: `npm run build && npx tsx scripts/screenshots.ts`.
 */
async function main(): Promise<void> {
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const site = await startSite({ dataDir: ':memory:', port: 0 });
  const browser = await launchChromium();
  try {
    // INC-1's review is started (timeline pulled) and a few entries annotated, as a facilitator would.
    await seedReview(site.url);
    const pageId = await publishReport(site.url);
    const openPageId = await copyToOpenSpace(site.url, pageId);
    const shots: { name: string; path: string; width: number; as?: string; frame?: string }[] = [
      { name: 'issue-view', path: '/browse/INC-1', width: 1280, frame: 'Post-incident review' },
      { name: 'issue-panel-600', path: '/__panel-only/INC-1', width: 600 },
      { name: 'not-started-600', path: '/__panel-only/INC-4', width: 600 },
      { name: 'review-tab-600', path: '/__panel-only/INC-1#review', width: 600 },
      { name: 'no-access-404', path: '/browse/INC-1', width: 1000, as: 'lena@example.com' },
      { name: 'confluence-report', path: `/wiki/spaces/IR/pages/${pageId}`, width: 1100, frame: 'macro' },
      // Lena may not read the members-only IR space, so she meets the macro on a copy in ENG.
      { name: 'macro-no-access', path: `/wiki/spaces/ENG/pages/${openPageId}`, width: 1100, as: 'lena@example.com', frame: 'macro' },
    ];
    for (const { mode, suffix } of MODES)
      for (const s of shots) {
        const ctx = await browser.newContext({ viewport: { width: s.width, height: 900 }, deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        await useColorMode(page, site.url, mode);
        await page.goto(`${site.url}/__switch-user?as=${encodeURIComponent(s.as ?? 'maya@example.com')}&back=/`);
        if (s.path.startsWith('/__panel-only/')) {
          // The panel alone at the width Jira gives it.
          const [last = '', tab] = (s.path.split('/').pop() ?? '').split('#');
          const key = last;
          const x = Buffer.from(JSON.stringify({ type: 'jira:issuePanel', issue: { key }, project: { key: key.split('-')[0] } })).toString(
            'base64url',
          );
          await page.goto(`${site.url}/__app/frame?m=pir-issue-panel&l=shot&x=${x}`);
          await page.getByText(key).first().waitFor({ timeout: 15_000 });
          if (tab === 'review') {
            await page.getByRole('tab', { name: 'Review' }).click();
            await page.locator('[data-ready="review-doc"]').waitFor({ timeout: 15_000 });
          }
          await page.waitForTimeout(800);
        } else {
          await page.goto(`${site.url}${s.path}`);
          if (s.frame === 'macro')
            await page.frameLocator('iframe.forge').first().locator('[data-macro-state]').waitFor({ timeout: 15_000 });
          else if (s.frame) await page.frameLocator(`iframe[title="${s.frame}"]`).getByText('INC-1').first().waitFor({ timeout: 15_000 });
        }
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(out, `${s.name}${suffix}.png`), fullPage: true });
        await ctx.close();
        process.stdout.write(`wrote docs/screenshots/${s.name}${suffix}.png\n`);
      }
    await summariesShots(site.url, site.globalPagePath, browser, out);
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * After Action Summaries (jira:globalPage): the demo reviews, made through the app's own resolvers,
 * and the 24-hour rule's flag on INC-4; the list at 1280 and 700 px, and INC-1's printable summary
 * on screen at both widths and as printed (print media on an A4-wide page).
 */
async function summariesShots(url: string, globalPagePath: string, browser: Browser, out: string): Promise<void> {
  const seeded = await fetch(`${url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  if (!seeded.ok) throw new Error(`seeding the demo reviews failed: ${seeded.status} ${await seeded.text()}`);
  const rhythm = await fetch(`${url}/__admin/trigger/pir-rhythm-check`, { method: 'POST' });
  if (!rhythm.ok) throw new Error(`the 24-hour rule's job failed: ${rhythm.status} ${await rhythm.text()}`);
  const shots: { name: string; width: number; summaryOf?: string; print?: boolean }[] = [
    { name: 'summaries-1280', width: 1280 },
    { name: 'summaries-700', width: 700 },
    { name: 'incident-summary-1280', width: 1280, summaryOf: 'INC-1' },
    { name: 'incident-summary-700', width: 700, summaryOf: 'INC-1' },
    { name: 'incident-summary-print', width: 794, summaryOf: 'INC-1', print: true },
  ];
  // Paper is light: the printed summary is taken in light mode only.
  for (const { mode, suffix } of MODES)
    for (const s of shots.filter((shot) => mode === 'light' || !shot.print)) {
      const ctx = await browser.newContext({ viewport: { width: s.width, height: s.print ? 1123 : 900 }, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      await useColorMode(page, url, mode);
      await page.goto(`${url}/__switch-user?as=maya%40example.com&back=${encodeURIComponent(globalPagePath)}`);
      const frameElement = page.locator('iframe[title="After Action Summaries"]');
      let app: Page | Frame | null = (await (await frameElement.elementHandle({ timeout: 15_000 }))?.contentFrame()) ?? null;
      if (!app) throw new Error('the global page has no app frame');
      if (s.print) {
        // Printing happens in the app's own frame: open it alone so the page is what gets printed.
        await page.goto(app.url());
        app = page;
      }
      await app.locator('.pir-summaries-table').waitFor({ timeout: 15_000 });
      if (s.summaryOf) {
        await app.getByRole('button', { name: `Summary of ${s.summaryOf}` }).click();
        await app.locator('[data-ready="incident-summary"]').waitFor({ timeout: 15_000 });
      }
      if (s.print) await page.emulateMedia({ media: 'print' });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(out, `${s.name}${suffix}.png`), fullPage: true });
      await ctx.close();
      process.stdout.write(`wrote docs/screenshots/${s.name}${suffix}.png\n`);
    }
}

async function invoke(
  url: string,
  functionKey: string,
  payload: unknown,
): Promise<{ ok: boolean; data?: { version: number; entries: { id: string; source: string; issueKey: string; text: string }[] } }> {
  const res = await fetch(`${url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-user': 'maya@example.com' },
    body: JSON.stringify({ functionKey, payload, context: { moduleKey: 'pir-issue-panel' } }),
  });
  return (
    (await res.json()) as {
      result: { ok: boolean; data?: { version: number; entries: { id: string; source: string; issueKey: string; text: string }[] } };
    }
  ).result;
}

async function seedReview(url: string): Promise<void> {
  let r = await invoke(url, 'review/start', { issueKey: 'INC-1' });
  const pick = (pred: (e: { source: string; issueKey: string; text: string }) => boolean) => r.data?.entries.find(pred);
  const plan: [(e: { source: string; issueKey: string; text: string }) => boolean, Record<string, unknown>][] = [
    [(e) => e.source === 'created' && e.issueKey === 'SUP-1', { kind: 'human-interaction', phase: 'detection', impact: 'neutral' }],
    [(e) => e.source === 'assignment' && e.issueKey === 'INC-1', { kind: 'human-interaction', phase: 'response', impact: 'positive' }],
    [
      (e) => e.source === 'comment' && e.issueKey === 'INC-1' && /doc|phone|number/i.test(e.text),
      { kind: 'human-interaction', phase: 'response', impact: 'negative' },
    ],
    [
      (e) => e.source === 'status' && e.issueKey === 'INC-1' && /Identified/.test(e.text),
      { kind: 'task', phase: 'response', impact: 'positive' },
    ],
    [
      (e) => e.source === 'status' && e.issueKey === 'INC-1' && /Monitoring/.test(e.text),
      { kind: 'task', phase: 'remediation', impact: 'positive' },
    ],
  ];
  for (const [pred, patch] of plan) {
    const entry = pick(pred);
    if (!entry || !r.data) continue;
    r = await invoke(url, 'timeline/annotate', { issueKey: 'INC-1', entryId: entry.id, version: r.data.version, patch });
  }
  // The review document: learnings (one phrase the blameless check flags), factors, two action items in Jira.
  const doc = (await invoke(url, 'review/get', { issueKey: 'INC-1' })) as unknown as {
    data: { content: Record<string, unknown>; version: number };
  };
  const daniel = { accountId: '712020:8e3b9a10-daniel-reyes', displayName: 'Daniel Reyes' };
  const content = {
    ...doc.data.content,
    description: 'Sign-in failed for about twenty minutes on a Saturday evening while a scheduled export saturated the web hosts.',
    learnings: {
      learned:
        'Paging for the web team was not set up for weekends, so support reached the first engineer by chat. Someone should have noticed the export schedule.',
      wentWell: 'Support spotted the social-media reports within minutes and opened the incident.',
      surprised: 'The monthly export runs on every web host, not on the batch host.',
    },
    contributingFactors: [
      { id: 'f1', text: 'The access runbook for production hosts was out of date.' },
      { id: 'f2', text: 'No alert on sustained CPU saturation of web hosts.' },
    ],
    tags: ['login', 'capacity'],
  };
  const items = [
    {
      id: 'a1',
      summary: 'Alert on sustained CPU saturation of web hosts',
      description: '',
      owner: daniel,
      dueDate: '2026-12-04',
      priority: 'High',
      question: 'know-sooner',
    },
    {
      id: 'a2',
      summary: 'Set up weekend paging for the web team',
      description: '',
      owner: null,
      dueDate: '2026-11-01',
      priority: 'Medium',
      question: 'recover-sooner',
    },
  ];
  await invoke(url, 'review/save', { issueKey: 'INC-1', content, actionItems: items, version: doc.data.version });
  await invoke(url, 'actions/sync', { issueKey: 'INC-1' });
}

async function publishReport(url: string): Promise<string> {
  const doc = (await invoke(url, 'review/get', { issueKey: 'INC-1' })) as unknown as { data: { version: number } };
  const r = (await invoke(url, 'publish/internal', {
    issueKey: 'INC-1',
    target: { spaceId: '65537', spaceKey: 'IR', parentId: null },
    version: doc.data.version,
  })) as unknown as { ok: boolean; data?: { page: { pageId: string } } };
  if (!r.ok || !r.data) throw new Error('publish failed');
  return r.data.page.pageId;
}

/** A copy of the report (same storage, so the same macro) in the open ENG space, made as Maya. */
async function copyToOpenSpace(url: string, pageId: string): Promise<string> {
  const headers = {
    authorization: `Basic ${Buffer.from('maya@example.com:token').toString('base64')}`,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const source = (await (await fetch(`${url}/wiki/api/v2/pages/${pageId}?body-format=storage`, { headers })).json()) as {
    title: string;
    body: { storage: { value: string } };
  };
  const spaces = (await (await fetch(`${url}/wiki/api/v2/spaces?keys=ENG`, { headers })).json()) as { results: { id: string }[] };
  const spaceId = spaces.results[0]?.id;
  if (!spaceId) throw new Error('no ENG space');
  const res = await fetch(`${url}/wiki/api/v2/pages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      spaceId,
      status: 'current',
      title: `${source.title} (copy)`,
      body: { representation: 'storage', value: source.body.storage.value },
    }),
  });
  if (!res.ok) throw new Error(`copying the report failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
