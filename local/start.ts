import type { Request, RequestHandler } from 'express';
import { join } from 'node:path';
import type { SiteAuth } from './auth';
import { ROOT, startSite, type RunningSite, type SiteOptions } from './site';
import { demoSeededAt } from './seed';
import { seedDemoReviews } from './seed/demo-reviews';

/** How long a client asked while the demo is being made should wait before asking again. */
const RETRY_AFTER_S = 2;
const STARTING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${RETRY_AFTER_S}"><title>Starting…</title></head>
<body><p>The local Atlassian site is starting: the demo reviews are being made. This page reloads by itself.</p></body></html>
`;

export interface DemoSite {
  site: RunningSite;
  /** Settles once the demo is complete: at once when the data was there already, after the demo reviews on a first start. */
  ready: Promise<void>;
}

/**
 * What `npm start` runs: the local site, plus the demo reviews on a first start. Those are made
 * through the app's resolvers, whose Jira, Confluence and storage calls come back to this site
 * over its own port, so it has to listen while they run; until they are done everyone else gets
 * 503 with Retry-After (a page that reloads itself in a browser), never a half-seeded site.
 */
export async function startDemoSite(opts: Omit<SiteOptions, 'gate'>): Promise<DemoSite> {
  let open = false;
  let auth: SiteAuth | null = null;
  // The app's own calls carry the Forge tokens this process mints (a browser cannot have one).
  const ownTraffic = (req: Request) => {
    const header = req.get('authorization');
    return auth !== null && header !== undefined && /^bearer\s/i.test(header) && auth.resolve(header) !== null;
  };
  const gate: RequestHandler = (req, res, next) => {
    if (open || ownTraffic(req)) {
      next();
      return;
    }
    res.status(503).set('retry-after', String(RETRY_AFTER_S));
    if (req.accepts(['json', 'html']) === 'html') res.type('html').send(STARTING_PAGE);
    else res.json({ message: 'The local site is starting (making the demo reviews). Try again shortly.' });
  };
  const site = await startSite({ ...opts, gate });
  auth = site.auth;
  // A first start also holds three reviews, made through the app's own resolvers, so After Action Summaries has something to show.
  const seededAt = demoSeededAt(site.db);
  const ready = (site.seededOnStart && seededAt ? seedDemoReviews(site, seededAt) : Promise.resolve([])).then(() => {
    open = true;
  });
  return { site, ready };
}

/** `CONFLUENCE=off` runs a Jira-only site; `on` (the default) a site with Jira and Confluence. */
export function confluenceOption(value: string | undefined): boolean {
  const v = (value ?? 'on').trim().toLowerCase();
  if (v === 'on' || v === '') return true;
  if (v === 'off') return false;
  throw new Error(`CONFLUENCE must be 'on' or 'off', not '${value}'`);
}

/** `npm start`: serves the seeded local site (PORT, default 8080; DATA_DIR, default .data; CONFLUENCE, default on). */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = process.env.DATA_DIR ?? join(ROOT, '.data');
  const confluence = confluenceOption(process.env.CONFLUENCE);
  const { site, ready } = await startDemoSite({ dataDir, port, host: process.env.HOST ?? '127.0.0.1', confluence });
  await ready;
  const lines = [
    `Post-Incident Review is running on the local Atlassian site (data in ${dataDir})`,
    `  Jira issues          ${site.url}/`,
    `  Incident INC-1       ${site.url}/browse/INC-1`,
    `  Summaries page       ${site.url}${site.globalPagePath}`,
    site.confluence
      ? `  Confluence           ${site.url}/wiki`
      : '  Confluence           not on this site (CONFLUENCE=off): publishing says so, the macro is not offered',
    `  Request log          ${site.url}/__admin/requests`,
    'Switch user with the menu at the top right (Lena Fischer has no access to the INC project).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => void site.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`Could not start the local site: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
