import type { Page } from 'playwright-core';
import { siteAndBrowserPerFile } from '../support/browser';
import { chooseOption, shownValue } from '../support/atlaskit';
import { invokeAs } from '../support/site';

const e2e = siteAndBrowserPerFile();

/** The issue panel alone, at the width Jira gives it, as Maya; every resolver call it makes is recorded. */
async function openPanel(width: number, key: string): Promise<{ page: Page; calls: string[] }> {
  const page = await e2e.browser.newPage({ viewport: { width, height: 1000 } });
  const calls: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/__forge/invoke')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { functionKey?: string; call?: { functionKey?: string } };
    calls.push(body.functionKey ?? body.call?.functionKey ?? '?');
  });
  await page.goto(`${e2e.site.url}/__switch-user?as=maya%40example.com&back=/`);
  const x = Buffer.from(JSON.stringify({ type: 'jira:issuePanel', issue: { key }, project: { key: key.split('-')[0] } })).toString(
    'base64url',
  );
  await page.goto(`${e2e.site.url}/__app/frame?m=pir-issue-panel&l=e2e&x=${x}`);
  return { page, calls };
}

async function openReviewTab(width: number, key: string): Promise<{ page: Page; calls: string[] }> {
  const opened = await openPanel(width, key);
  await opened.page.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
  await opened.page.locator('[data-ready="review-doc"]').waitFor({ timeout: 20_000 });
  return opened;
}

describe('the issue panel controls at 500 px', () => {
  beforeAll(async () => {
    const started = await invokeAs<{ ok: boolean }>(e2e.site, 'maya@example.com', 'review/start', { issueKey: 'INC-1' });
    expect(started.result.ok).toBe(true);
  }, 60_000);

  it('saves the severity once, when an option is chosen, not on every arrow key through the options', async () => {
    const { page, calls } = await openPanel(500, 'INC-1');
    const severity = page.getByRole('combobox', { name: 'Severity' });
    await severity.waitFor({ timeout: 20_000 });
    await severity.focus();
    for (let i = 0; i < 3; i++) await severity.press('ArrowDown');
    await page.waitForTimeout(800);
    expect(calls.filter((c) => c === 'severity/set')).toHaveLength(0);
    await severity.press('Enter');
    await page
      .getByText(/^Sev\d$/)
      .first()
      .waitFor();
    await page.waitForTimeout(800);
    expect(calls.filter((c) => c === 'severity/set')).toHaveLength(1);
    await page.close();
  }, 90_000);

  it('closes the people picker on Escape and keeps what was typed, then shows the chosen person again on leaving', async () => {
    const { page } = await openReviewTab(500, 'INC-1');
    const commander = page.getByRole('combobox', { name: 'Incident commander' });
    const before = await shownValue(page, 'Incident commander');
    await commander.fill('Dan');
    await page.getByRole('option', { name: 'Daniel Reyes' }).waitFor({ timeout: 10_000 });
    await commander.press('Escape');
    await page.getByRole('option', { name: 'Daniel Reyes' }).waitFor({ state: 'detached' });
    expect(await commander.inputValue()).toBe('Dan');
    await commander.press('Tab');
    expect(await commander.inputValue()).toBe('');
    expect(await shownValue(page, 'Incident commander')).toBe(before);
    await page.close();
  }, 90_000);

  it("makes the incident commander and a participant's commander role one fact, both ways", async () => {
    const { page } = await openReviewTab(500, 'INC-1');
    const add = page.getByRole('combobox', { name: 'Add participant' });
    await add.fill('Dan');
    await page.getByRole('option', { name: 'Daniel Reyes' }).click();
    await chooseOption(page, 'Role of Daniel Reyes', 'Incident commander');
    expect(await shownValue(page, 'Incident commander')).toBe('Daniel Reyes');
    // Choosing someone else as commander takes the role from Daniel.
    const commander = page.getByRole('combobox', { name: 'Incident commander' });
    await commander.fill('Aiko');
    await page.getByRole('option', { name: 'Aiko Tanaka' }).click();
    expect(await shownValue(page, 'Role of Daniel Reyes')).not.toBe('Incident commander');
    await page.close();
  }, 90_000);

  it('shows an action item\'s owner and "Other improvement" whole at 500 px, and a participant\'s name beside their role', async () => {
    const { page } = await openReviewTab(500, 'INC-1');
    await page.getByRole('button', { name: 'Add action item' }).first().click();
    const item = page.getByRole('group', { name: 'Action item 1' });
    await item.getByRole('combobox', { name: 'Owner' }).fill('Dan');
    await page.getByRole('option', { name: 'Daniel Reyes' }).click();
    await chooseOption(item, 'Answers', 'Other improvement');
    expect(await shownValue(item, 'Owner')).toBe('Daniel Reyes');
    expect(await shownValue(item, 'Answers')).toBe('Other improvement');
    // Cut text overflows its box (an ellipsis hides the rest): every shown value must fit.
    const cut = await page
      .locator('.pir-select__single-value, .pir-select__single-value .pir-truncate, .pir-participant__name .pir-truncate')
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
    expect(cut).toEqual([]);
    await page.close();
  }, 90_000);
});
