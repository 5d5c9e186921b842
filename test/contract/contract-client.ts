/**
 * A small HTTP client for the contract suites: every call goes over real HTTP to a running local
 * site, and both the request it sends and the response it gets are checked against the official
 * OpenAPI specs (test/support/contract.ts). It also records which emulator routes the calls
 * reached, so a suite can prove it exercised every operation the emulator implements.
 */
import type express from 'express';
import type { RunningSite } from '../../local/site';
import { createConfluenceRouter } from '../../local/confluence/router';
import { createJiraRouter } from '../../local/jira/router';
import { validateRequest, validateResponse, type Api } from '../support/contract';
import { basicAuth } from '../support/site';

export const API_PREFIX: Record<Api, string> = { jira: '/rest/api/3', confluence: '/wiki/api/v2' };

export interface Exchange<T = any> {
  method: string;
  /** Path with query, as sent. */
  path: string;
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body (undefined when the response had none). */
  body: T;
  requestProblems: string[];
  responseProblems: string[];
}

export interface CallOptions {
  /** JSON request body. */
  body?: unknown;
  /** Acting user's email; `null` sends no credentials at all. Defaults to the client's user. */
  as?: string | null;
}

/** One route of an emulator router, as Express dispatches it. */
export interface EmulatorRoute {
  /** Upper-case method, or `ALL` for `router.all`. */
  method: string;
  /** Express path with the API prefix, e.g. `/rest/api/3/issue/:issueIdOrKey`. */
  path: string;
  regex: RegExp;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function collectRoutes(stack: Layer[], prefix: string, out: EmulatorRoute[]): EmulatorRoute[] {
  for (const layer of stack) {
    if (layer.route) {
      const body = layer.route.path
        .split('/')
        .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      for (const m of Object.keys(layer.route.methods)) {
        out.push({
          method: m === '_all' ? 'ALL' : m.toUpperCase(),
          path: prefix + layer.route.path,
          regex: new RegExp(`^${prefix}${body}/?$`),
        });
      }
    } else if (layer.handle?.stack) {
      collectRoutes(layer.handle.stack, prefix, out);
    }
  }
  return out;
}

/**
 * Every route the emulator's router answers, in dispatch order, read from the router itself
 * (so a route added later shows up here without editing the tests). The router is built on the
 * running site's database but never mounted: only its route table is read.
 */
export function emulatorRoutes(site: RunningSite, api: Api): EmulatorRoute[] {
  const router = (api === 'jira' ? createJiraRouter(site.db) : createConfluenceRouter(site.db)) as express.Router & { stack: Layer[] };
  return collectRoutes(router.stack, API_PREFIX[api], []);
}

function pathOnly(path: string): string {
  return path.replace(/[?#].*$/, '');
}

export class ContractClient {
  /** Every exchange made through this client, oldest first. */
  readonly exchanges: Exchange[] = [];
  private readonly routes: EmulatorRoute[];

  constructor(
    private readonly site: RunningSite,
    readonly api: Api,
    private readonly defaultUser: string,
  ) {
    this.routes = emulatorRoutes(site, api);
  }

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Exchange<T>> {
    const fullPath = path.startsWith(API_PREFIX[this.api]) ? path : `${API_PREFIX[this.api]}${path}`;
    const user = options.as === undefined ? this.defaultUser : options.as;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (user !== null) headers.authorization = basicAuth(user);
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const requestProblems = validateRequest(this.api, method, fullPath, options.body);
    const res = await fetch(`${this.site.url}${fullPath}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    const responseHeaders = Object.fromEntries(res.headers.entries());
    const isJson = /json/i.test(responseHeaders['content-type'] ?? '');
    const body = (text && isJson ? JSON.parse(text) : text || undefined) as T;
    const responseProblems = validateResponse(this.api, method, fullPath, res.status, body, responseHeaders);
    const exchange: Exchange<T> = {
      method: method.toUpperCase(),
      path: fullPath,
      status: res.status,
      headers: responseHeaders,
      body,
      requestProblems,
      responseProblems,
    };
    this.exchanges.push(exchange);
    return exchange;
  }

  /** The emulator route that answered an exchange (first match in dispatch order). */
  routeOf(exchange: Pick<Exchange, 'method' | 'path'>): EmulatorRoute | undefined {
    const p = pathOnly(exchange.path);
    return this.routes.find((r) => (r.method === 'ALL' || r.method === exchange.method) && r.regex.test(p));
  }

  /** Emulator routes that no exchange of this client has reached, as `METHOD /path`. */
  unexercisedRoutes(): string[] {
    const hit = new Set(this.exchanges.map((e) => this.routeOf(e)).filter((r): r is EmulatorRoute => r !== undefined));
    return this.routes.filter((r) => !hit.has(r)).map((r) => `${r.method} ${r.path}`);
  }

  /** All emulator routes, as `METHOD /path`. */
  allRoutes(): string[] {
    return this.routes.map((r) => `${r.method} ${r.path}`);
  }
}

/** Fails with every problem listed when the exchange's request or response breaks the contract. */
export function expectContract(exchange: Exchange, expectedStatus?: number): void {
  const problems = [...exchange.requestProblems, ...exchange.responseProblems];
  const label = `${exchange.method} ${exchange.path} → ${exchange.status}`;
  if (problems.length > 0) {
    throw new Error(`${label}: ${problems.length} contract problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  if (expectedStatus !== undefined && exchange.status !== expectedStatus) {
    throw new Error(`${label}: expected status ${expectedStatus}; body ${JSON.stringify(exchange.body)?.slice(0, 500)}`);
  }
}
