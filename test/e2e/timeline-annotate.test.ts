import type { FrameLocator, Page } from 'playwright-core';
import { chooseOption, selectedValue } from '../support/atlaskit';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import type { Result, TimelineResult } from '../../src/contract';
import { invokeAs } from '../support/site';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Timed out waiting for the change to be stored');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const e2e = siteAndBrowserPerFile();

async function openIssue(page: Page, key: string): Promise<FrameLocator> {
  await signInAs(page, e2e.site, 'maya@example.com', `/browse/${key}`);
  return page.frameLocator('iframe[title="Post-incident review"]');
}

describe('reviewing the timeline in Chromium', () => {
  it('starts a review, annotates an entry with the keyboard, and finds the annotation after a reload', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    let panel = await openIssue(page, 'INC-2');
    await panel.getByRole('button', { name: 'Start review' }).click();
    await panel.locator('li.pir-entry').first().waitFor({ timeout: 20_000 });
    expect(await panel.getByText('TTA').first().isVisible()).toBe(true);

    const row = panel.locator('li.pir-entry').nth(2);
    const entryId = await row.getAttribute('id');
    expect(entryId).toMatch(/^pir-entry-/);
    await row.getByRole('button', { name: 'Annotate' }).focus();
    await page.keyboard.press('Enter');
    await chooseOption(row, 'Impact on restoring service', 'Negative');
    await chooseOption(row, 'Phase', 'Response');
    // Saved through timeline/annotate: wait until the stored review has it, then reload the page.
    const id = entryId!.replace(/^pir-entry-/, '');
    await waitFor(async () => {
      const { result } = await invokeAs<Result<TimelineResult>>(e2e.site, 'maya@example.com', 'timeline/get', { issueKey: 'INC-2' });
      const entry = result.ok && result.data.started ? result.data.entries.find((e) => e.id === id) : undefined;
      return entry?.annotation.impact === 'negative' && entry.annotation.phase === 'response';
    });

    await page.reload();
    panel = page.frameLocator('iframe[title="Post-incident review"]');
    const again = panel.locator(`li[id="${entryId}"]`);
    await again.waitFor({ timeout: 20_000 });
    await again.getByRole('button', { name: 'Annotate' }).click();
    expect(await selectedValue(again, 'Impact on restoring service')).toBe('negative');
    expect(await selectedValue(again, 'Phase')).toBe('response');
    await page.close();
  }, 90_000);
});
