import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningSite } from '../../local/site';
import { freshSite } from './site';

/** Debian's Chromium, headless, with the flags this offline machine needs (no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** The local site and the browser of one e2e file; set in `beforeAll`, so read them inside tests and hooks. */
export interface SiteAndBrowser {
  site: RunningSite;
  browser: Browser;
}

/**
 * A fresh local site and a headless Chromium for every test of the calling file: started before
 * the first, closed after the last. Call it once, at the top level of the file.
 */
export function siteAndBrowserPerFile(): SiteAndBrowser {
  const e2e = {} as SiteAndBrowser;
  beforeAll(async () => {
    e2e.site = await freshSite();
    e2e.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.site?.close();
  });
  return e2e;
}

/** Signs in to the local site as `email` (its user switcher) and lands on `path`. */
export async function signInAs(page: Page, site: RunningSite, email: string, path: string): Promise<void> {
  await page.goto(`${site.url}/__switch-user?as=${encodeURIComponent(email)}&back=${encodeURIComponent(path)}`);
}
