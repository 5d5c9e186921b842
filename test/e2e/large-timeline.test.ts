import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { EntryPage, PublishResult, Result, ReviewDoc, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { expectNoCspViolations, launchChromium } from '../support/browser';
import { chooseOption } from '../support/atlaskit';
import { freshSite, invokeAs } from '../support/site';

/**
 * The large incident of docs/DECISIONS.md#performance (~16,500 entries) in the issue panel: the answer carries the
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
  const seeded = (await (
    await fetch(`${site.url}/__admin/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'large' }),
    })
  ).json()) as { added: string[] };
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
  it('shows the first page at once and loads no other page until asked; a search loads them all, and an entry of the last page is annotated', async () => {
    const total = started.paging.total;
    expect(started.paging.pageStarts.length).toBeGreaterThan(3);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const panel = await openPanel(page);
    await panel.locator('li.pir-entry').first().waitFor({ timeout: 30_000 });
    // The heading counts every entry; the list holds the first page only, and says so.
    await panel.locator(`#pir-timeline-heading .pir-count:text-is("${total}")`).waitFor({ timeout: 10_000 });
    await expect(panel.getByText(/^Showing the first [\d,]+ of [\d,]+ entries$/).isVisible()).resolves.toBe(true);
    await expect(panel.getByRole('button', { name: 'Load more entries' }).isVisible()).resolves.toBe(true);
    // Nothing loads on its own (issue 13: opening costs one page of storage reads).
    site.log.clear();
    await page.waitForTimeout(1500);
    expect(site.log.list().filter((r) => r.kind === 'kvs')).toHaveLength(0);
    const firstCount = await panel.locator('li.pir-entry').count();
    expect(firstCount).toBeLessThan(total);
    // Reaching the end of the list brings the next page.
    await panel.locator('[data-loading="more"]').scrollIntoViewIfNeeded();
    await panel.locator('li.pir-entry').nth(firstCount).waitFor({ state: 'attached', timeout: 30_000 });

    // An entry only the last page carries: find it with the search filter and annotate it.
    const last = await ok<EntryPage>('timeline/entries', {
      issueKey,
      version: started.version,
      from: started.paging.pageStarts.at(-1)!,
      to: null,
    });
    const target = last.entries.find(
      (e) => e.source === 'comment' && e.text.length > 20 && !last.entries.some((o) => o !== e && o.text === e.text),
    )!;
    await panel.getByLabel('Search entries').fill(target.text.slice(0, 60));
    const row = panel.locator(`li[id="pir-entry-${target.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: 'Annotate' }).click();
    await chooseOption(row, 'Impact on restoring service', 'Positive');
    // Saved through timeline/annotate: the entry's page at the latest version has it (a page read
    // while the write lands answers CONFLICT: read again).
    const until = Date.now() + 20_000;
    let saved = false;
    while (!saved && Date.now() < until) {
      const view = await ok<TimelineView>('timeline/get', { issueKey });
      const { result } = await invokeAs<Result<EntryPage>>(site, MAYA, 'timeline/entries', {
        issueKey,
        version: view.version,
        from: { at: target.at, id: target.id },
        to: null,
      });
      saved = result.ok && result.data.entries[0]?.id === target.id && result.data.entries[0].annotation.impact === 'positive';
      if (!saved) await new Promise((r) => setTimeout(r, 300));
    }
    expect(saved).toBe(true);
    await page.close();
  }, 180_000);

  it('shows the first page in the live macro of the published report, and the next pages when the reader asks', async () => {
    const [space] = await ok<{ id: string; key: string }[]>('publish/spaces', { issueKey, query: 'incident' });
    const [root] = await ok<{ id: string }[]>('publish/pages', { issueKey, spaceId: space.id, parentId: null });
    const doc = await ok<ReviewDoc>('review/get', { issueKey });
    const published = await ok<PublishResult>('publish/internal', {
      issueKey,
      target: { spaceId: space.id, spaceKey: space.key, parentId: root.id },
      version: doc.version,
    });
    const total = (await ok<TimelineView>('timeline/get', { issueKey })).paging.total;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(
      `${site.url}/__switch-user?as=${encodeURIComponent(MAYA)}&back=${encodeURIComponent(`/wiki/spaces/${space.key}/pages/${published.page.pageId}`)}`,
    );
    const macro = page.frameLocator('iframe.forge').first();
    await macro.locator('[data-macro-state="ok"]').waitFor({ timeout: 30_000 });
    // The heading counts every entry; only the first page is here until the reader asks for more.
    await macro.locator(`#pir-timeline-heading .pir-count:text-is("${total}")`).waitFor({ timeout: 30_000 });
    const showAll = macro.getByRole('button', { name: /^Show all [\d,]+ entries$/ });
    const here = Number((await showAll.textContent())?.match(/[\d,]+/)?.[0].replace(/,/g, ''));
    expect(here).toBeLessThan(total);
    await showAll.click();
    await macro.getByRole('button', { name: new RegExp(`^Show fewer$`) }).waitFor({ timeout: 10_000 });
    const left = async () =>
      Number(
        ((await macro.locator('.pir-timeline__count[data-loading]').textContent()) ?? '').match(/^([\d,]+) more/)?.[1].replace(/,/g, ''),
      );
    const before = await left();
    // What is here: the first page, and annotated entries of later pages (the plot and the compact list show those at once).
    expect(before).toBeGreaterThan(total - here - 5);
    expect(before).toBeLessThan(total);
    await macro.getByRole('button', { name: 'Load more entries' }).click();
    // One page more, and only one: the reader asked once.
    await macro.locator('.pir-timeline__count[data-loading="more"]').waitFor({ timeout: 30_000 });
    const until = Date.now() + 30_000;
    while ((await left()) >= before && Date.now() < until) await page.waitForTimeout(200);
    const after = await left();
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(0);
    await page.close();
  }, 180_000);
});
