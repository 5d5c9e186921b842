import type { FrameLocator, Page } from 'playwright-core';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { seededDate, STORY_NOW } from '../../local/seed/story-dates';
import { invokeAs } from '../support/site';
import { chooseOption, selectedValue, typeDate } from '../support/atlaskit';

const e2e = siteAndBrowserPerFile();

const MAYA = 'maya@example.com';
const DAY = 86_400_000;
const utcDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

interface Doc {
  content: Record<string, unknown>;
  version: number;
}

/** A review as a facilitator leaves it: timeline started, a tag, one countermeasure overdue and one not. */
async function seedReview(issueKey: string, tag: string): Promise<void> {
  const started = await invokeAs<{ ok: boolean }>(e2e.site, MAYA, 'review/start', { issueKey });
  expect(started.result.ok).toBe(true);
  const doc = await invokeAs<{ ok: boolean; data: Doc }>(e2e.site, MAYA, 'review/get', { issueKey });
  const saved = await invokeAs<{ ok: boolean }>(e2e.site, MAYA, 'review/save', {
    issueKey,
    version: doc.result.data.version,
    content: { ...doc.result.data.content, tags: [tag], customerImpact: { affected: true, text: 'Customers could not sign in.' } },
    actionItems: [
      {
        id: `${issueKey}-late`,
        summary: `Overdue countermeasure of ${issueKey}`,
        description: '',
        owner: null,
        dueDate: utcDay(-5),
        priority: 'High',
        question: 'know-sooner',
      },
      {
        id: `${issueKey}-next`,
        summary: `Upcoming countermeasure of ${issueKey}`,
        description: '',
        owner: null,
        dueDate: utcDay(30),
        priority: 'Medium',
        question: 'other',
      },
    ],
  });
  expect(saved.result.ok).toBe(true);
}

async function openPage(page: Page, email: string): Promise<FrameLocator> {
  await signInAs(page, e2e.site, email, e2e.site.globalPagePath);
  const frame = page.frameLocator('iframe[title="After Action Summaries"]');
  await frame.locator('.pir-summaries-table, .pir-empty-state').first().waitFor({ timeout: 20_000 });
  return frame;
}

/**
 * INC-1 and INC-2 were written in October 2026 and the site is seeded on a fixed clock: the same
 * two months, moved as the seed moves their story, keep the test independent of today's date.
 */
const FROM = seededDate(STORY_NOW, 'login', '2026-10-01');
const TO = seededDate(STORY_NOW, 'login', '2026-11-30');
async function showTheMonthsOfInc1AndInc2(frame: FrameLocator): Promise<void> {
  await typeDate(frame, 'Impact from', FROM);
  await typeDate(frame, 'to', TO);
}

describe('After Action Summaries, in Chromium', () => {
  it('lists the reviews with trends and overdue countermeasures, sorts and filters them, exports CSV and opens a printable summary', async () => {
    await seedReview('INC-1', 'login');
    await seedReview('INC-2', 'backups');
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const listCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__forge/invoke') && request.postData()?.includes('"summaries/list"'))
        listCalls.push(request.postData() ?? '');
    });
    const frame = await openPage(page, MAYA);
    await showTheMonthsOfInc1AndInc2(frame);

    const inc1 = frame.locator('tr[data-incident-key="INC-1"]');
    const inc2 = frame.locator('tr[data-incident-key="INC-2"]');
    await inc1.waitFor({ timeout: 20_000 });
    await inc2.waitFor();
    expect(await inc1.textContent()).toContain('Login page outage');
    expect(await inc1.locator('.pir-summaries-overdue-count').textContent()).toBe('1');
    expect(await inc1.getByRole('link', { name: 'INC-1' }).getAttribute('href')).toBe(`${e2e.site.url}/browse/INC-1`);

    // Trends as named SVG charts, with their data as a table.
    for (const name of ['Time to acknowledge and recover', 'Incidents by severity', 'Countermeasures opened and closed']) {
      await expect(frame.getByRole('img', { name }).isVisible()).resolves.toBe(true);
    }
    const overdue = frame.getByRole('region', { name: /Overdue countermeasures/ });
    expect(await overdue.textContent()).toContain('Overdue countermeasure of INC-1');
    expect(await overdue.textContent()).toContain('Overdue countermeasure of INC-2');
    expect(await overdue.textContent()).not.toContain('Upcoming countermeasure');
    expect(await overdue.textContent()).toContain('5 days overdue');

    // Sorting by TTR: the header says so, and a second click turns it round.
    const ttr = frame.locator('th:has(button[data-sort-key="ttrMs"])');
    await ttr.getByRole('button').click();
    await frame.locator('th[aria-sort="descending"] button[data-sort-key="ttrMs"]').waitFor();
    await ttr.getByRole('button').click();
    await frame.locator('th[aria-sort="ascending"] button[data-sort-key="ttrMs"]').waitFor();
    expect(await frame.locator('th[aria-sort="none"] button[data-sort-key="impactStartedAt"]').count()).toBe(1);

    // Severity filter: INC-2 is Sev1 (priority Highest), INC-1 Sev2.
    // An Atlaskit multi-select, as in Jira's filter bars (issue 16): it reads "All severities" until one is chosen.
    expect(await frame.getByRole('combobox', { name: 'Severity', exact: true }).isVisible()).toBe(true);
    await chooseOption(frame, 'Severity', 'Sev1');
    await inc1.waitFor({ state: 'detached' });
    expect(await selectedValue(frame, 'Severity')).toBe('1');
    await frame.getByLabel('Severity', { exact: true }).press('Escape');
    expect(await inc2.isVisible()).toBe(true);

    // A range that ends before it starts is refused on the spot and nothing is asked.
    const before = listCalls.length;
    await typeDate(frame, 'Impact from', seededDate(STORY_NOW, 'login', '2026-12-01'));
    await frame.getByText('The start date is after the end date').waitFor();
    await page.waitForTimeout(600);
    expect(listCalls.length).toBe(before);
    await typeDate(frame, 'Impact from', FROM);

    // CSV of the filtered table, every page.
    await frame.getByRole('button', { name: 'Export CSV' }).click();
    const download = frame.getByRole('link', { name: /^Download .*\.csv$/ });
    await download.waitFor({ timeout: 20_000 });
    expect(await frame.locator('.pir-summaries-export__result').textContent()).toContain('(1 row)');

    // The printable summary, then back with the filters kept.
    await inc2.getByRole('button', { name: 'Summary of INC-2' }).click();
    const summary = frame.locator('[data-ready="incident-summary"]');
    await summary.waitFor({ timeout: 20_000 });
    expect(await frame.locator('.pir-summaries-table').isVisible()).toBe(false);
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('INC-2');
    expect(text).toContain('Customers were affected');
    expect(text).toContain('Overdue countermeasure of INC-2');
    expect(await frame.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await frame.getByRole('heading', { level: 1, name: /INC-2/ }).press('Escape');
    await summary.waitFor({ state: 'detached' });
    await inc2.waitFor();
    expect(await selectedValue(frame, 'Severity')).toBe('1');
    expect(await inc1.count()).toBe(0);
    await page.close();
  }, 150_000);

  it('shows a reader without access to the incident project none of its incidents', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const frame = await openPage(page, 'lena@example.com');
    await showTheMonthsOfInc1AndInc2(frame);
    await frame.locator('.pir-empty-state').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const body = (await frame.locator('body').textContent()) ?? '';
    expect(body).toContain('No reviews');
    expect(body).not.toMatch(/INC-\d/);
    expect(body).not.toContain('Login page outage');
    await page.close();
  }, 90_000);
});
