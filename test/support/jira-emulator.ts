import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { openDb, type Db } from '../../local/db';
import { createJiraRouter, loadScenario, migrateJira } from '../../local/jira';
import type { Principal } from '../../local/principal';
import type { SeedScenario } from '../../local/seed/types';
import { findUser, migrateUsers, seedUsers } from '../../local/users';
import { validateResponse } from './contract';

/** A Jira emulator on an ephemeral port; `as` is an email, or 'app' for asApp() calls. */
export interface Site {
  db: Db;
  server: Server;
  base: string;
  close(): Promise<void>;
}

export async function startSite(scenario: SeedScenario): Promise<Site> {
  const db = openDb(':memory:');
  migrateUsers(db);
  seedUsers(db);
  migrateJira(db);
  loadScenario(db, scenario);
  const app = express();
  app.use('/rest/api/3', (req, res, next) => {
    const who = req.header('x-test-as');
    if (!who) return void res.status(401).json({ errorMessages: ['Unauthorized'], errors: {} });
    const principal: Principal = who === 'app' ? { kind: 'app' } : { kind: 'user', accountId: findUser(db, who)!.accountId };
    res.locals.principal = principal;
    next();
  });
  app.use('/rest/api/3', createJiraRouter(db));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { db, server, base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
  text: string;
}

/**
 * Calls the emulator and checks the response against the official spec (test/support/contract.ts).
 * `normalise` may adjust a parsed body before the check and `unchecked` skips it (documented deviations only).
 */
export async function call(
  site: Site,
  method: string,
  path: string,
  opts: { as?: string; body?: unknown; raw?: string; normalise?: (b: any) => any; unchecked?: boolean } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'x-test-as': opts.as ?? 'app', accept: 'application/json' };
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${site.base}/rest/api/3${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  const checked = opts.normalise && body !== undefined ? opts.normalise(structuredClone(body)) : body;
  const hdrs: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    hdrs[k] = v;
  });
  const problems = opts.unchecked ? [] : validateResponse('jira', method, `/rest/api/3${path.split('?')[0]}`, res.status, checked, hdrs);
  if (problems.length > 0)
    throw new Error(`${method} ${path} → ${res.status} breaks the contract:\n${problems.join('\n')}\n${text.slice(0, 600)}`);
  return { status: res.status, body, headers: res.headers, text };
}
