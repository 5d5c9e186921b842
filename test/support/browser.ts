import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningSite } from '../../local/site';
import { freshSite } from './site';

/** One `securitypolicyviolation` event seen in a page or any of its frames. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  documentURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

const cspViolations: CspViolation[] = [];

/** The CSP violations seen since the last call, in every page of every browser this process launched; clears them. */
export function takeCspViolations(): CspViolation[] {
  return cspViolations.splice(0);
}

/** Fails when any CSP violation was seen since the last check: Forge would have blocked it. */
export function expectNoCspViolations(): void {
  const seen = takeCspViolations();
  if (seen.length) {
    const lines = seen.map(
      (v) => `  ${v.directive} blocked ${v.blockedURI || '(inline)'} in ${v.documentURI} (${v.sourceFile}:${v.line}) ${v.sample}`,
    );
    throw new Error(`Content Security Policy violations (Forge would block these):\n${lines.join('\n')}`);
  }
}

// Runs in every document and frame before its own scripts; CSP does not apply to it (it comes from the debugger protocol).
const WATCH_CSP = `document.addEventListener('securitypolicyviolation', function (e) {
  window.__pirCspViolation({ directive: e.effectiveDirective, blockedURI: e.blockedURI, documentURI: e.documentURI,
    sourceFile: e.sourceFile, line: e.lineNumber, sample: e.sample });
}, true);`;

const watched = new WeakSet<BrowserContext>();
async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  if (watched.has(context)) return context;
  watched.add(context);
  await context.exposeBinding('__pirCspViolation', (_source, v: CspViolation) => void cspViolations.push(v));
  await context.addInitScript({ content: WATCH_CSP });
  return context;
}

/**
 * Debian's Chromium, headless, with the flags this offline machine needs (no background traffic).
 * Every context it opens (and so every page, `browser.newPage` included) records CSP violations
 * for `expectNoCspViolations`.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchCsp(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await watchCsp(page.context());
    return page;
  };
  return browser;
}

/** The local site and the browser of one e2e file; set in `beforeAll`, so read them inside tests and hooks. */
export interface SiteAndBrowser {
  site: RunningSite;
  browser: Browser;
}

/**
 * A fresh local site and a headless Chromium for every test of the calling file: started before
 * the first, closed after the last. Call it once, at the top level of the file. A test during
 * which any page broke the Custom UI's CSP fails.
 */
export function siteAndBrowserPerFile(): SiteAndBrowser {
  const e2e = {} as SiteAndBrowser;
  beforeAll(async () => {
    e2e.site = await freshSite();
    e2e.browser = await launchChromium();
  }, 60_000);
  afterEach(() => expectNoCspViolations());
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
