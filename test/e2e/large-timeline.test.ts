import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { EntryPage, PublishResult, Result, ReviewDoc, TimelineView } from '../../src/contract';
import { NO_FAULTS } from '../../local/admin/faults';
import type { RunningSite } from '../../local/site';
import { expectNoCspViolations, launchChromium } from '../support/browser';
import { freshSite, invokeAs } from '../support/site';

/**
 * The large incident of DESIGN §6 (~16,500 entries) in the issue panel: the answer carries the
 * first page, the panel shows it at once and fetches the other pages in the background.
 */
const MAYA = 'maya@example.com';

let site: RunningSite;
let browser: Browser;
let issueKey: string;
let started: TimelineView;

async function ok<T>(key: string, payload: unknown): Promise<T> {
  const { result } = await invokeAs<Result<T>>(site, MAYA, key, payload);
  if (!result.ok) throw new Error(`${key} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

beforeAll(async () => {
  site = await freshSite();
  browser = await launchChromium();
  const seeded = (await (await fetch(`${site.url}/__admin/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'large' }) })).json()) as { added: string[] };
  issueKey = seeded.added[0];
  started = await ok<TimelineView>('review/start', { issueKey });
}, 120_000);
afterEach(() => expectNoCspViolations());
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openPanel(page: Page): Promise<FrameLocator> {
  await page.goto(`${site.url}/__switch-user?as=${encodeURIComponent(MAYA)}&back=${encodeURIComponent(`/browse/${issueKey}`)}`);
  return page.frameLocator('iframe[title="Post-incident review"]');
}

describe('the large incident in Chromium', () => {
  it('shows the first page at once, then every entry once the other pages are in, and annotates an entry of the last page', async () => {
    const total = started.paging.total;
    expect(started.paging.pageStarts.length).toBeGreaterThan(3);
    // Every invocation reads the incident first (authorise): slowed down, the pages come in slowly enough to watch.
    site.faults.set({ ...NO_FAULTS, latencyMs: 600, pathPrefix: `/rest/api/3/issue/${issueKey}` });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const panel = await openPanel(page);
    const count = panel.locator('#pir-timeline-heading .pir-count');
    await panel.locator('li.pir-entry').first().waitFor({ timeout: 30_000 });
    expect(Number(await count.textContent())).toBeLessThan(total);
    await expect(panel.getByText(/^Loading [\d,]+ more entries…$/).isVisible()).resolves.toBe(true);

    await panel.locator(`#pir-timeline-heading .pir-count:text-is("${total}")`).waitFor({ timeout: 90_000 });
    site.faults.reset();
    await panel.getByText(/more entries…$/).waitFor({ state: 'detached', timeout: 5_000 });
    await expect(panel.getByText(`${total} entries`, { exact: true }).isVisible()).resolves.toBe(true);

    // An entry only the last page carries: find it with the search filter and annotate it.
    const last = await ok<EntryPage>('timeline/entries', { issueKey, version: started.version, from: started.paging.pageStarts.at(-1)!, to: null });
    const target = last.entries.find((e) => e.source === 'comment' && e.text.length > 20 && !last.entries.some((o) => o !== e && o.text === e.text))!;
    await panel.getByLabel('Search entries').fill(target.text.slice(0, 60));
    const row = panel.locator(`li[id="pir-entry-${target.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: 'Annotate' }).click();
    await row.getByLabel('Impact on restoring service').selectOption('positive');
    // Saved through timeline/annotate: the entry's page at the latest version has it (a page read
    // while the write lands answers CONFLICT: read again).
    const until = Date.now() + 20_000;
    let saved = false;
    while (!saved && Date.now() < until) {
      const view = await ok<TimelineView>('timeline/get', { issueKey });
      const { result } = await invokeAs<Result<EntryPage>>(site, MAYA, 'timeline/entries', { issueKey, version: view.version, from: { at: target.at, id: target.id }, to: null });
      saved = result.ok && result.data.entries[0]?.id === target.id && result.data.entries[0].annotation.impact === 'positive';
      if (!saved) await new Promise((r) => setTimeout(r, 300));
    }
    expect(saved).toBe(true);
    await page.close();
  }, 180_000);

  it('shows every entry in the live macro of the published report, loaded page by page as the reader', async () => {
    const [space] = await ok<{ id: string; key: string }[]>('publish/spaces', { issueKey, query: 'incident' });
    const [root] = await ok<{ id: string }[]>('publish/pages', { issueKey, spaceId: space.id, parentId: null });
    const doc = await ok<ReviewDoc>('review/get', { issueKey });
    const published = await ok<PublishResult>('publish/internal', { issueKey, target: { spaceId: space.id, spaceKey: space.key, parentId: root.id }, version: doc.version });
    const total = (await ok<TimelineView>('timeline/get', { issueKey })).paging.total;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${site.url}/__switch-user?as=${encodeURIComponent(MAYA)}&back=${encodeURIComponent(`/wiki/spaces/${space.key}/pages/${published.page.pageId}`)}`);
    const macro = page.frameLocator('iframe.forge').first();
    await macro.locator('[data-macro-state="ok"]').waitFor({ timeout: 30_000 });
    await macro.locator(`#pir-timeline-heading .pir-count:text-is("${total}")`).waitFor({ timeout: 90_000 });
    await expect(macro.getByRole('button', { name: `Show all ${total} entries` }).isVisible()).resolves.toBe(true);
    await page.close();
  }, 180_000);
});
