import type { FrameLocator, Page } from 'playwright-core';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { invokeAs } from '../support/site';

const e2e = siteAndBrowserPerFile();

async function openReviewTab(page: Page, key: string): Promise<FrameLocator> {
  await signInAs(page, e2e.site, 'maya@example.com', `/browse/${key}`);
  const panel = page.frameLocator('iframe[title="Post-incident review"]');
  await panel.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
  await panel.locator('[data-ready="review-doc"]').waitFor({ timeout: 20_000 });
  return panel;
}

describe('the live wording check knows people picked in the form before Save', () => {
  it('flags a lower-case name of an owner just picked, and re-checks a text when its person is picked', async () => {
    await invokeAs(e2e.site, 'maya@example.com', 'review/start', { issueKey: 'INC-3' });
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const panel = await openReviewTab(page, 'INC-3');
    const findings = panel.getByTestId('findings-learnings.learned');

    // Lower case, so only the names in the form can tell the check that "tomás" is a person.
    const learned = panel.getByLabel('What we learned', { exact: true });
    await learned.fill('Then tomás missed the second page.');
    await panel
      .getByText('Checking wording…')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await page.waitForTimeout(1_500);
    expect(await findings.getByRole('listitem').count()).toBe(0);

    await panel.getByRole('button', { name: 'Add action item' }).click();
    const group = panel.getByRole('group', { name: 'Action item 1' });
    await group.getByRole('combobox', { name: 'Owner' }).fill('Tom');
    await group.getByRole('option', { name: 'Tomás Herrera' }).click();
    await findings.getByRole('listitem').first().waitFor({ timeout: 10_000 });
    expect(await findings.textContent()).toContain('tomás missed');
    await page.close();
  }, 120_000);
});
