import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { FaultConfigSchema, FaultInjector } from './admin/faults';
import { RequestLog } from './admin/request-log';
import { SiteAuth } from './auth';
import { createConfluenceRouter } from './confluence';
import { openDb, type Db } from './db';
import { CSP_REPORT_PATH, customUiCsp } from './host/csp';
import { BRIDGE_SCRIPT_PATH, FrameServer, frameTheme, type FrameContext } from './host/frame';
import { queryText } from './host/html';
import { createHostRouter, sessionColorMode, sessionUser, USER_COOKIE, readCookie } from './host/pages';
import { createJiraRouter } from './jira';
import { createKvsRouter, loadEntityDefinitions } from './kvs';
import { installForgeGlobals } from './runner/forge-globals';
import { FunctionRunner, InvocationError } from './runner/function-runner';
import { installApp } from './runner/installation';
import { appUuid, loadManifest } from './runner/manifest';
import { layout } from './host/layout';
import { listUsers } from './users';
import { applyScenario, demoSeededAt, isEmpty, migrateAll } from './seed';
import { errorHandlerAs, notFoundAs, requireJsonBody } from './site-errors';
import { seedDemoReviews } from './seed/demo-reviews';
import { LARGE_MAX_SCALE } from './seed/large';
import { findUser } from './users';

export const ROOT = resolve(__dirname, '..');
/** Fixed ids of the local "installation", so extension keys are stable across restarts. */
export const LOCAL_ENVIRONMENT_ID = '0c6f3d1a-5e2b-4c8d-9f7e-1a2b3c4d5e6f';
export const LOCAL_CLOUD_ID = 'a1b2c3d4-e5f6-4789-8abc-def012345678';

export interface SiteOptions {
  /** Folder for the SQLite database, or ':memory:'. */
  dataDir: string;
  port: number;
  host?: string;
  /** Folder holding the built backend (`index.js`). */
  backendDir?: string;
  /** Folder holding the built Custom UI. */
  uiDir?: string;
  /** Runs before every route (`npm start` answers "starting" with it until the demo reviews are made). */
  gate?: RequestHandler;
  /**
   * false: a Jira-only site (`CONFLUENCE=off`). Confluence is optional in `app.compatibility`, so
   * the app installs on Jira alone; `/wiki` and the Confluence REST API answer 404 as on a site
   * without Confluence, and the macro is not offered. Default true.
   */
  confluence?: boolean;
  /** The clock the demo is seeded by (first start, `POST /__admin/seed`); tests pass a fixed one. The real clock by default. */
  seedClock?: () => Date;
}

export interface RunningSite {
  url: string;
  db: Db;
  log: RequestLog;
  faults: FaultInjector;
  runner: FunctionRunner;
  auth: SiteAuth;
  /** True when this start found an empty database and seeded the demo products. */
  seededOnStart: boolean;
  /** Where the jira:globalPage (After Action Summaries) is served. */
  globalPagePath: string;
  /** Whether the site has Confluence (see SiteOptions.confluence). */
  confluence: boolean;
  close(): Promise<void>;
}

const InvokeBody = z.object({
  functionKey: z.string().min(1).max(200),
  payload: z.unknown().optional(),
  context: z.object({
    moduleKey: z.string().min(1).max(200),
    localId: z.string().max(500).optional(),
    extension: z.record(z.string(), z.unknown()).optional(),
  }),
});

const SeedBody = z
  .object({
    scenario: z.enum(['demo', 'large', 'demo-reviews']),
    /** `large` only: how many times the large incident's linked issues (bench/storage-units.ts seeds 2x and 4x). */
    scale: z.number().int().min(1).max(LARGE_MAX_SCALE).optional(),
  })
  .refine((b) => b.scale === undefined || b.scale === 1 || b.scenario === 'large', { message: 'scale applies to the large scenario only' });

/** What the steps of startSite share: the parts of the site made before any route is mounted. */
interface SiteParts {
  db: Db;
  manifest: ReturnType<typeof loadManifest>;
  runner: FunctionRunner;
  /** The runner's view of the site; its URL is filled in once the site listens. */
  runnerSite: { cloudId: string; siteUrl: string };
  auth: SiteAuth;
  log: RequestLog;
  faults: FaultInjector;
  withConfluence: boolean;
  globalPagePath: string;
  seedClock: () => Date;
  entities: ReturnType<typeof loadEntityDefinitions>;
  /** The site's own URL, known once it listens; routes read it per request. */
  base: { url: string };
  json: RequestHandler;
  logUnlessHost: (kind: 'jira' | 'confluence' | 'kvs') => RequestHandler;
}

/** Calls the host pages make for their own lists are not the app's traffic: this header keeps them out of the log. */
const HOST_PAGE_HEADER = 'x-local-host-page';

/** Starts the offline Atlassian site: product APIs, KVS, function runner, host pages. */
export async function startSite(opts: SiteOptions): Promise<RunningSite> {
  const { parts, seededOnStart } = openSite(opts);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  if (opts.gate) app.use(opts.gate);

  mountProductApis(app, parts);
  mountAdminRoutes(app, parts);
  mountBridge(app, parts);
  app.use(['/__admin', '/__forge'], notFoundAs('plain'), errorHandlerAs('plain', 'site'));
  mountFramesAndHostPages(app, parts, opts.uiDir ?? join(ROOT, 'static', 'app', 'dist'));
  mountFallbacks(app);

  const server = await listen(app, opts, parts);
  const { db, log, faults, runner, auth, globalPagePath, withConfluence } = parts;
  return {
    url: parts.base.url,
    db,
    log,
    faults,
    runner,
    auth,
    seededOnStart,
    globalPagePath,
    confluence: withConfluence,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          ok();
        });
      }),
  };
}

/** The installation, the database (seeded with the demo when empty), the runner and the site's shared services. */
function openSite(opts: SiteOptions): { parts: SiteParts; seededOnStart: boolean } {
  const manifestPath = join(ROOT, 'manifest.yml');
  const manifest = loadManifest(manifestPath);
  const withConfluence = opts.confluence ?? true;
  // One installation for every module (app.compatibility): one storage, one install context.
  // Checked before anything opens: a manifest Forge would split into two installations is refused.
  const installation = installApp(manifest, { cloudId: LOCAL_CLOUD_ID, confluence: withConfluence });

  const db = openDb(opts.dataDir);
  migrateAll(db);
  const seedClock = opts.seedClock ?? (() => new Date());
  const seededOnStart = isEmpty(db);
  if (seededOnStart) applyScenario(db, 'demo', seedClock());

  const entities = loadEntityDefinitions(readFileSync(manifestPath, 'utf8'));
  const globalPagePath = `/jira/apps/${appUuid(manifest)}/${LOCAL_ENVIRONMENT_ID}`;
  const auth = new SiteAuth(db);
  const log = new RequestLog();
  const faults = new FaultInjector();
  const runnerSite = { cloudId: LOCAL_CLOUD_ID, siteUrl: '' };
  const runner = new FunctionRunner(manifest, opts.backendDir ?? join(ROOT, '.build', 'backend'), runnerSite, installation);

  const logUnlessHost = (kind: 'jira' | 'confluence' | 'kvs'): RequestHandler => {
    const mw = log.middleware(kind);
    return (req: Request, res: Response, next: NextFunction) => (req.get(HOST_PAGE_HEADER) ? next() : mw(req, res, next));
  };
  const json = express.json({ limit: '12mb' });
  const parts: SiteParts = {
    db,
    manifest,
    runner,
    auth,
    log,
    faults,
    withConfluence,
    globalPagePath,
    seedClock,
    entities,
    base: { url: '' },
    runnerSite,
    json,
    logUnlessHost,
  };
  return { parts, seededOnStart };
}

/** Jira's and Confluence's REST APIs (or nothing under /wiki on a Jira-only site) and the KVS service. */
function mountProductApis(
  app: Express,
  { db, auth, faults, json, logUnlessHost, withConfluence, globalPagePath, entities }: SiteParts,
): void {
  // Each product answers what its router did not (bad JSON, wrong content type, unknown path) in its own error shape.
  app.use(
    '/rest/api/3',
    logUnlessHost('jira'),
    json,
    faults.middleware(),
    auth.middleware('jira'),
    requireJsonBody('jira'),
    createJiraRouter(db),
    notFoundAs('jira'),
    errorHandlerAs('jira', 'jira emulator'),
  );
  if (withConfluence) {
    app.use(
      '/wiki/api/v2',
      logUnlessHost('confluence'),
      json,
      faults.middleware(),
      auth.middleware('confluence'),
      requireJsonBody('confluence'),
      createConfluenceRouter(db),
      notFoundAs('confluence'),
      errorHandlerAs('confluence', 'confluence emulator'),
    );
  } else {
    // A site without Confluence has nothing under /wiki: every path, API or page, is the site's
    // plain 404 (not Confluence's JSON error shape). The app's requestConfluence gets this too,
    // still logged so tests see what the app asked.
    app.use('/wiki', logUnlessHost('confluence'), (req, res) => {
      res.status(404);
      if (req.accepts(['json', 'html']) === 'html') {
        const body = `<div class="notfound"><h1>Confluence isn't on this site</h1><p>This site has Jira only. A site admin can add Confluence.</p><p><a href="/">Back to issues</a></p></div>`;
        res.type('html').send(
          layout({
            product: 'Jira',
            title: 'Not found',
            currentUser: sessionUser(db, req),
            users: listUsers(db),
            path: req.originalUrl,
            body,
            globalPageHref: globalPagePath,
            colorMode: sessionColorMode(req),
            confluence: false,
          }),
        );
      } else {
        res.type('text').send('Not Found');
      }
    });
  }
  // The KVS router parses its own bodies, with Forge's 4 MiB request limit (the site's parser would hide it).
  app.use(
    '/__kvs',
    logUnlessHost('kvs'),
    (req, res, next) => {
      // Only the function runner holds the app token; a browser cannot reach app storage.
      const p = auth.resolve(req.get('authorization'));
      if (p?.kind !== 'app') {
        res.status(401).json({ code: 'UNAUTHENTICATED', message: 'App token required' });
        return;
      }
      res.locals.principal = p;
      next();
    },
    createKvsRouter(db, { entities }),
  );
}

/** The test affordances: request log, faults, seeding, running a scheduled trigger. */
function mountAdminRoutes(app: Express, { log, faults, json, runner, db, seedClock }: SiteParts): void {
  app.use(['/__admin', '/__forge'], requireJsonBody('plain'));
  app.get('/__admin/requests', (_req, res) => res.json({ requests: log.list() }));
  app.delete('/__admin/requests', (_req, res) => {
    log.clear();
    res.status(204).end();
  });
  app.get('/__admin/faults', (_req, res) => res.json(faults.current));
  app.put('/__admin/faults', json, (req, res) => {
    const parsed = FaultConfigSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ message: 'Invalid fault configuration', issues: parsed.error.issues });
      return;
    }
    faults.set(parsed.data);
    res.json(faults.current);
  });
  app.delete('/__admin/faults', (_req, res) => {
    faults.reset();
    res.status(204).end();
  });
  app.post('/__admin/seed', json, (req, res) => {
    const parsed = SeedBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({
        message: `Body must be {"scenario":"demo"}, {"scenario":"large"} (optionally with "scale": 1..${LARGE_MAX_SCALE}) or {"scenario":"demo-reviews"}`,
      });
      return;
    }
    if (parsed.data.scenario === 'demo-reviews') {
      // Reviews are made by the app itself, through its resolvers, on top of the demo incidents.
      seedDemoReviews({ runner, db }, demoSeededAt(db) ?? seedClock()).then(
        (added) => res.json({ scenario: 'demo-reviews', added }),
        (e: unknown) => res.status(500).json({ message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    }
    res.json({ scenario: parsed.data.scenario, ...applyScenario(db, parsed.data.scenario, seedClock(), parsed.data.scale) });
  });
  app.post('/__admin/trigger/:key', async (req, res) => {
    try {
      res.json({ result: (await runner.invokeTrigger(req.params.key)) ?? null });
    } catch (e) {
      sendInvocationError(res, e);
    }
  });
}

/** The Forge bridge transport: `invoke` from a Custom UI frame runs a resolver as the acting user. */
function mountBridge(app: Express, { json, db, runner }: SiteParts): void {
  app.post('/__forge/invoke', json, async (req, res) => {
    const parsed = InvokeBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ message: 'Body must be { functionKey, payload, context: { moduleKey, extension } }' });
      return;
    }
    const who = req.get('x-local-user') ?? readCookie(req, USER_COOKIE);
    const user = who ? findUser(db, who) : sessionUser(db, req);
    if (!user) {
      res.status(401).json({ message: `Unknown user '${who}'` });
      return;
    }
    try {
      const result = await runner.invokeResolver({
        moduleKey: parsed.data.context.moduleKey,
        functionKey: parsed.data.functionKey,
        payload: parsed.data.payload ?? {},
        extensionContext: {
          localId: parsed.data.context.localId,
          extension: parsed.data.context.extension ?? {},
          timezone: user.timeZone,
          locale: 'en-US',
        },
        accountId: user.accountId,
      });
      res.json({ result: result ?? null });
    } catch (e) {
      sendInvocationError(res, e);
    }
  });
}

/** Custom UI frames (Forge's CSP, the bridge script), the app's static files and the products' host pages. */
function mountFramesAndHostPages(app: Express, { manifest, db, base, auth, withConfluence }: SiteParts, uiDir: string): void {
  const frames = new FrameServer(uiDir, customUiCsp(manifest.raw));
  app.get(BRIDGE_SCRIPT_PATH, (_req, res) => frames.sendBridge(res));
  // Violations the browser reports under the frames' CSP: shown in the site's log, where a developer sees them.
  app.post(
    CSP_REPORT_PATH,
    express.json({ type: ['application/csp-report', 'application/json', 'application/reports+json'], limit: '64kb' }),
    (req, res) => {
      process.stderr.write(`[csp violation] ${JSON.stringify(req.body ?? null).slice(0, 2000)}\n`);
      res.status(204).end();
    },
  );
  app.get('/__app/frame', (req, res) => {
    const moduleKey = queryText(req.query.m);
    if (!manifest.modules.has(moduleKey)) {
      res.status(404).type('text').send('Unknown module');
      return;
    }
    let extension: Record<string, unknown> = {};
    try {
      extension = JSON.parse(Buffer.from(queryText(req.query.x), 'base64url').toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      res.status(400).type('text').send('Bad extension context');
      return;
    }
    const user = sessionUser(db, req);
    const context: FrameContext = {
      moduleKey,
      localId: queryText(req.query.l) || moduleKey,
      extension,
      accountId: user.accountId,
      cloudId: LOCAL_CLOUD_ID,
      siteUrl: base.url,
      timezone: user.timeZone,
      locale: 'en-US',
      environmentType: 'DEVELOPMENT',
      theme: frameTheme(sessionColorMode(req)),
    };
    frames.send(res, context);
  });
  app.use('/__app', express.static(uiDir, { index: false }));
  app.use(
    createHostRouter({
      db,
      appUuid: appUuid(manifest),
      environmentId: LOCAL_ENVIRONMENT_ID,
      cloudId: LOCAL_CLOUD_ID,
      moduleKeys: {
        issuePanel: 'pir-issue-panel',
        macro: 'pir-review-macro',
        globalPage: 'pir-after-action-summaries',
        adminPage: 'pir-review-templates',
      },
      confluence: withConfluence,
      productFetch: (path, accountId) =>
        fetch(`${base.url}${path}`, {
          headers: { authorization: `Bearer ${auth.userToken(accountId)}`, [HOST_PAGE_HEADER]: '1', accept: 'application/json' },
        }),
    }),
  );
}

/** What no route answered: the products' own 404 shapes, and JSON without a stack for any failure. */
function mountFallbacks(app: Express): void {
  // Paths next to the APIs (e.g. `/rest/api/3/..` normalised to `/rest/api/`) are the products' too.
  app.use('/rest', notFoundAs('jira'));
  app.use('/wiki/api', notFoundAs('confluence'));
  // Whatever else fails answers JSON without a stack (Express's default handler shows one outside production).
  app.use(errorHandlerAs('plain', 'site'));
}

/** Listens, then tells the runner and the Forge globals the site's URL. */
async function listen(app: Express, opts: SiteOptions, { base, runnerSite, auth, manifest }: SiteParts): Promise<Server> {
  const server: Server = await new Promise((ok) => {
    const s = app.listen(opts.port, opts.host ?? '127.0.0.1', () => ok(s));
  });
  const { port } = server.address() as AddressInfo;
  base.url = `http://${opts.host ?? '127.0.0.1'}:${port}`.replace('0.0.0.0', '127.0.0.1');
  runnerSite.siteUrl = base.url;
  installForgeGlobals(
    { baseUrl: base.url, appToken: () => auth.appToken(), userToken: (id) => auth.userToken(id) },
    {
      appId: appUuid(manifest),
      environmentId: LOCAL_ENVIRONMENT_ID,
      installationId: LOCAL_CLOUD_ID,
      appVersion: '1.0.0',
    },
  );
  return server;
}

function sendInvocationError(res: Response, e: unknown): void {
  if (e instanceof InvocationError) {
    res.status(e.status).json({ message: e.message });
    return;
  }
  // A handler that throws is a bug in the app; Forge shows the bridge a generic failure too.
  res.status(500).json({ message: 'The app function failed. See the site log for details.' });
  process.stderr.write(`[function error] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
}
