import type { Page } from 'playwright-core';
import type { TimelineView } from '../../src/contract';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { jiraAs, okAs } from '../support/site';

const e2e = siteAndBrowserPerFile();
const MAYA = 'maya@example.com';
const HOSTILE = 'JaVaScRiPt:alert(1)';
const STATUS_PAGE = 'https://status.example.com/incidents/42';

/**
 * Wraps the `__bridge` the host injects into every frame, before the app's bundle captures it, so
 * the test sees every call the app makes to the host (`navigate` is what router.navigate/open send).
 * The calls still reach the host: a navigation that got through would really happen.
 */
const RECORD_BRIDGE = `(() => {
  let bridge;
  Object.defineProperty(window, '__bridge', {
    configurable: true,
    get: () => bridge,
    set: (value) => {
      const inner = value.callBridge;
      bridge = { ...value, callBridge: (name, payload) => { window.__recordBridge(name, JSON.stringify(payload ?? null)); return inner(name, payload); } };
    },
  });
})();`;

interface Watched {
  page: Page;
  navigations: unknown[];
  dialogs: string[];
}

async function openWatched(path: string): Promise<Watched> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const watched: Watched = { page: await context.newPage(), navigations: [], dialogs: [] };
  await context.exposeBinding('__recordBridge', (_source, name: string, payload: string) => {
    if (name === 'navigate') watched.navigations.push(JSON.parse(payload));
  });
  await context.addInitScript(RECORD_BRIDGE);
  // The machine is offline: the status page answers from here, so following a safe link is observable.
  await context.route('https://status.example.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Status</title>ok' }),
  );
  watched.page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(watched.page, e2e.site, MAYA, path);
  return watched;
}

describe('remote links in the timeline, in Chromium', () => {
  it('shows a javascript: remote link as text that does nothing when clicked, and still opens an https one', async () => {
    await jiraAs(e2e.site, MAYA, 'POST', '/issue/INC-3/remotelink', { object: { url: HOSTILE, title: 'Hostile runbook' } });
    await jiraAs(e2e.site, MAYA, 'POST', '/issue/INC-3/remotelink', { object: { url: STATUS_PAGE, title: 'Status page incident' } });
    const view = await okAs<TimelineView>(e2e.site, MAYA, 'review/start', { issueKey: 'INC-3' });
    // The URL reaches the UI as Jira holds it: the UI is what must not follow it.
    expect(view.entries.find((e) => e.text.includes('Hostile runbook'))?.url).toBe(HOSTILE);

    const { page, navigations, dialogs } = await openWatched('/browse/INC-3');
    const panel = page.frameLocator('iframe[title="Post-incident review"]');
    const hostile = panel.locator('li.pir-entry', { hasText: 'Hostile runbook' });
    await hostile.waitFor({ timeout: 20_000 });

    expect(await hostile.locator('a, button[data-href]').count()).toBe(0);
    expect(await hostile.locator('[href]').count()).toBe(0);
    const asText = hostile.getByText(HOSTILE, { exact: true });
    expect(await asText.isVisible()).toBe(true);
    await asText.click();
    await page.waitForTimeout(500);
    expect(navigations).toStrictEqual([]);
    expect(dialogs).toStrictEqual([]);
    expect(new URL(page.url()).pathname).toBe('/browse/INC-3');

    // The same click on an https remote link does reach the host: the watch above could see one.
    const safe = panel.locator('li.pir-entry', { hasText: 'Status page incident' });
    await safe.getByRole('link', { name: /Open/ }).click();
    await page.waitForURL(STATUS_PAGE, { timeout: 10_000 });
    expect(navigations).toStrictEqual([{ url: STATUS_PAGE, type: 'same-tab' }]);
    expect(dialogs).toStrictEqual([]);
    await page.context().close();
  }, 90_000);
});
