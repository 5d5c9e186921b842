import type { FrameLocator, Page } from 'playwright-core';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { shownValue } from '../support/atlaskit';
import { basicAuth, invokeAs } from '../support/site';

const e2e = siteAndBrowserPerFile();

async function publishFromPanel(page: Page): Promise<{ pageId: string; version: string; outcome: string }> {
  await signInAs(page, e2e.site, 'maya@example.com', '/browse/INC-1');
  const panel: FrameLocator = page.frameLocator('iframe[title="Post-incident review"]');
  await panel.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
  await panel.locator('[data-ready="publish"]').waitFor({ timeout: 20_000 });
  const space = panel.locator('#pir-publish-space');
  if ((await shownValue(panel, 'Space')) === '') {
    await space.fill('Incident');
    await panel.locator('.pir-select__menu [role=option]', { has: panel.locator('.pir-space-picker__key', { hasText: /^IR$/ }) }).click();
  }
  await panel.locator('#pir-publish-internal').click();
  const confirm = panel.locator('#pir-publish-confirm');
  if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Publish anyway' }).click();
  const outcome = panel.locator('.pir-publish__outcome');
  await outcome.waitFor({ timeout: 30_000 });
  return {
    pageId: (await outcome.getAttribute('data-page-id')) ?? '',
    version: (await outcome.getAttribute('data-version')) ?? '',
    outcome: (await outcome.getAttribute('data-outcome')) ?? '',
  };
}

/** A copy of the report (same storage, so the same macro) in the open ENG space, made as Maya through Confluence's REST API. */
async function copyToOpenSpace(pageId: string): Promise<string> {
  const headers = { authorization: basicAuth('maya@example.com'), 'content-type': 'application/json', accept: 'application/json' };
  const source = (await (await fetch(`${e2e.site.url}/wiki/api/v2/pages/${pageId}?body-format=storage`, { headers })).json()) as {
    title: string;
    body: { storage: { value: string } };
  };
  const spaces = (await (await fetch(`${e2e.site.url}/wiki/api/v2/spaces?keys=ENG`, { headers })).json()) as { results: { id: string }[] };
  const res = await fetch(`${e2e.site.url}/wiki/api/v2/pages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      spaceId: spaces.results[0].id,
      status: 'current',
      title: `${source.title} (copy)`,
      body: { representation: 'storage', value: source.body.storage.value },
    }),
  });
  expect(res.ok).toBe(true);
  return ((await res.json()) as { id: string }).id;
}

describe('publishing a review to Confluence, in Chromium', () => {
  it('publishes INC-1 from the panel, shows the report with the live macro, and re-publishes in place with one remote link', async () => {
    const started = await invokeAs<{ ok: boolean }>(e2e.site, 'maya@example.com', 'review/start', { issueKey: 'INC-1' });
    expect(started.result.ok).toBe(true);
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });

    const first = await publishFromPanel(page);
    expect(first.outcome).toBe('created');
    expect(first.pageId).toMatch(/^\d+$/);

    await page.goto(`${e2e.site.url}/wiki/spaces/IR/pages/${first.pageId}`);
    expect(await page.locator('h1').first().textContent()).toMatch(/^INC-1: .* post-incident review$/);
    const body = await page.locator('.confluence-body').textContent();
    for (const section of ['Key metrics', 'Timeline', 'Learnings', 'Contributing factors', 'Action items']) expect(body).toContain(section);
    const macro = page.frameLocator('iframe.forge').first();
    await macro.locator('[data-macro-state="ok"]').waitFor({ timeout: 20_000 });

    const again = await publishFromPanel(page);
    expect(again).toMatchObject({ outcome: 'updated', pageId: first.pageId, version: '2' });
    const links = await fetch(`${e2e.site.url}/rest/api/3/issue/INC-1/remotelink`, {
      headers: { authorization: basicAuth('maya@example.com') },
    });
    const reportLinks = ((await links.json()) as { globalId?: string; object: { url: string } }[]).filter((l) =>
      l.object.url.includes(`/pages/${first.pageId}`),
    );
    expect(reportLinks).toHaveLength(1);

    // Lena may not view the members-only Incident Reviews space: Confluence's not-found page, no macro, nothing of INC-1.
    await signInAs(page, e2e.site, 'lena@example.com', `/wiki/spaces/IR/pages/${first.pageId}`);
    expect(await page.locator('body').textContent()).not.toMatch(/INC-1|login page/i);
    expect(await page.locator('iframe.forge').count()).toBe(0);

    // A reader of a page who may not browse the incident project (the report copied into the open
    // Engineering space): the page shows, but the macro says only "no access".
    const copyId = await copyToOpenSpace(first.pageId);
    await signInAs(page, e2e.site, 'lena@example.com', `/wiki/spaces/ENG/pages/${copyId}`);
    const lenaMacro = page.frameLocator('iframe.forge').first();
    await lenaMacro.locator('[data-macro-state="no-access"]').waitFor({ timeout: 20_000 });
    expect(await lenaMacro.locator('body').textContent()).toContain("You don't have access to this incident's review");
    expect(await lenaMacro.locator('body').textContent()).not.toMatch(/INC-1|login/i);
    await page.close();
  }, 150_000);
});
