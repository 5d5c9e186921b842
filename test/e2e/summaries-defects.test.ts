import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { callAs, jiraAs, okAs } from '../support/site';
import { typeDate } from '../support/atlaskit';

/**
 * After Action Summaries as a new user trips on it (issue 16): a range over 24 months, the table
 * at 700 px, the TTA/TTR chart over incidents of unknown durations, the overdue list's columns,
 * CSV in one click, and a printable summary one can share by its URL.
 */
const e2e = siteAndBrowserPerFile();
const MAYA = 'maya@example.com';
const DAY = 86_400_000;
const utcDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

interface Doc {
  content: Record<string, unknown>;
  version: number;
}

async function review(issueKey: string, items: { id: string; summary: string; dueDate: string }[]): Promise<void> {
  await okAs(e2e.site, MAYA, 'review/start', { issueKey });
  const doc = await okAs<Doc>(e2e.site, MAYA, 'review/get', { issueKey });
  await okAs(e2e.site, MAYA, 'review/save', {
    issueKey,
    version: doc.version,
    content: doc.content,
    actionItems: items.map((i) => ({ ...i, description: '', owner: null, priority: 'Medium', question: 'other' })),
  });
}

/** An incident opened today that nobody has acknowledged or recovered yet: its TTA and TTR are unknown. */
async function freshIncident(): Promise<string> {
  const created = await jiraAs<{ key: string }>(e2e.site, MAYA, 'POST', '/issue', {
    fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary: 'Checkout latency climbing', priority: { name: 'High' } },
  });
  return created.key;
}

let fresh = '';
beforeAll(async () => {
  await review('INC-1', [
    { id: 'd-late-1', summary: 'Add a synthetic login check', dueDate: utcDay(-9) },
    { id: 'd-late-2', summary: 'Share the escalation phone list', dueDate: utcDay(-1) },
  ]);
  await review('INC-2', [{ id: 'd-late-3', summary: 'Alert when backups stop', dueDate: utcDay(-4) }]);
  fresh = await freshIncident();
  await okAs(e2e.site, MAYA, 'review/start', { issueKey: fresh });
}, 90_000);

async function globalPage(page: Page, path = e2e.site.globalPagePath): Promise<Frame> {
  await signInAs(page, e2e.site, MAYA, path);
  const handle = await page.locator('iframe[title="After Action Summaries"]').elementHandle({ timeout: 20_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no global page frame');
  return frame;
}

/** Impact from the earliest seeded story to today: INC-1, INC-2 and the fresh incident. */
async function wideRange(frame: Frame): Promise<void> {
  await frame.locator('.pir-summaries-table').waitFor({ timeout: 20_000 });
  await typeDate(frame, 'Impact from', utcDay(-360));
  await frame.locator('tr[data-incident-key="INC-1"]').waitFor({ timeout: 20_000 });
}

describe('After Action Summaries, the defects of issue 16, in Chromium', () => {
  it('refuses a range over 24 months at the fields, keeps the last table and asks nothing', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    let listCalls = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/__forge/invoke') && r.postData()?.includes('"summaries/list"')) listCalls += 1;
    });
    const frame = await globalPage(page);
    await wideRange(frame);
    const before = listCalls;
    await typeDate(frame, 'Impact from', '2020-01-01');
    const message = frame.getByText(/at most 24 months/);
    await message.waitFor({ timeout: 5_000 });
    expect(await frame.getByLabel('Impact from').getAttribute('aria-invalid')).toBe('true');
    // The picker adds the id of its own value's description after the message's.
    const describedBy = ((await frame.getByLabel('Impact from').getAttribute('aria-describedby')) ?? '').split(/\s+/);
    expect(describedBy).toContain(await message.getAttribute('id'));
    await page.waitForTimeout(600);
    expect(listCalls).toBe(before);
    expect(await frame.locator('tr[data-incident-key="INC-1"]').isVisible()).toBe(true);
    expect(await frame.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // The server refuses it too, with a typed error naming the field.
    const refused = await callAs(
      e2e.site,
      MAYA,
      'summaries/list',
      { from: '2020-01-01', to: utcDay(0) },
      { moduleKey: 'pir-after-action-summaries', extension: { type: 'jira:globalPage' } },
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/at most 24 months/), fields: { from: expect.any(String) } },
    });
    await page.close();
  }, 90_000);

  it('fits the table at 700 px: nothing scrolls sideways and every row keeps its Summary button in view', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 700, height: 1000 } });
    const frame = await globalPage(page);
    await wideRange(frame);
    const box = await frame
      .locator('.pir-summaries-scroll')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    for (const key of ['INC-1', 'INC-2']) {
      // Both rectangles in the frame's own coordinates.
      const right = await frame.getByRole('button', { name: `Summary of ${key}` }).evaluate((el) => el.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(box.right + 1);
    }
    expect(await frame.locator('th:has(button[data-sort-key="actionsOverdue"])').isVisible()).toBe(true);
    await page.close();
  }, 90_000);

  it('says the incidents are there but their durations are not known yet, instead of "no incidents"', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const frame = await globalPage(page);
    await frame.locator('.pir-summaries-table').waitFor({ timeout: 20_000 });
    await frame.locator('tr[data-incident-key="INC-1"]').waitFor({ timeout: 20_000 });
    await typeDate(frame, 'Impact from', utcDay(-2));
    // The fresh incident is in the default range too: wait for the narrowed answer, not the first one.
    await frame.locator('tr[data-incident-key="INC-1"]').waitFor({ state: 'detached', timeout: 20_000 });
    await frame.locator(`tr[data-incident-key="${fresh}"]`).waitFor({ timeout: 20_000 });
    const chart = frame.locator('figure', { has: frame.getByRole('heading', { name: 'Time to acknowledge and recover' }) });
    const text = (await chart.textContent()) ?? '';
    expect(text).not.toContain('No incidents in this range');
    expect(text).toContain('1 incident, durations not known yet');
    await page.close();
  }, 90_000);

  it('lists overdue countermeasures in one table whose columns line up', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const frame = await globalPage(page);
    await wideRange(frame);
    const table = frame.getByRole('table', { name: /Overdue countermeasures/ });
    await table.waitFor({ timeout: 20_000 });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(expect.arrayContaining(['Countermeasure', 'Incident', 'Owner', 'Due']));
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const ownerLefts = await rows.evaluateAll((trs) =>
      trs.map((tr) => Math.round((tr.children[2] as HTMLElement).getBoundingClientRect().left)),
    );
    expect(new Set(ownerLefts).size).toBe(1);
    await page.close();
  }, 90_000);

  it('downloads the CSV with one click', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    const frame = await globalPage(page);
    await wideRange(frame);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      frame.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^after-action-summaries-.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('INC-1');
    expect(csv).toContain('INC-2');
    await page.close();
  }, 90_000);

  it('gives the printable summary a URL: opening it shows that summary, Back and the browser go back to the list', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    let frame = await globalPage(page);
    await wideRange(frame);
    await frame.getByRole('button', { name: 'Summary of INC-2' }).click();
    await frame.locator('[data-ready="incident-summary"]').waitFor({ timeout: 20_000 });
    await page.waitForURL(/[?&]incident=INC-2\b/);
    const shared = page.url();
    expect(shared.startsWith(`${e2e.site.url}${e2e.site.globalPagePath}`)).toBe(true);

    // The browser's Back returns to the list, Forward to the summary.
    await page.goBack();
    await frame.locator('[data-ready="incident-summary"]').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await frame.locator('tr[data-incident-key="INC-2"]').isVisible()).toBe(true);
    expect(page.url()).not.toMatch(/incident=/);

    // Someone else opens the shared URL: the summary of INC-2, straight away.
    const other = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    frame = await globalPage(other, shared.slice(e2e.site.url.length));
    await frame
      .locator(
        '[data-ready="incident-summary"][data-incident-key="INC-2"], [data-ready="incident-summary"]:has([data-incident-key="INC-2"])',
      )
      .first()
      .waitFor({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'Back to all reviews' }).click();
    await frame.locator('.pir-summaries-table').waitFor({ timeout: 20_000 });
    await other.waitForURL((url) => !url.search.includes('incident='));
    await other.close();
    await page.close();
  }, 120_000);
});
