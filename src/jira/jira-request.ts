import type { RequestInit, Route } from '@forge/api';
import { AppFailure } from '../domain/app-error';
import { defaultRetryClock, sendWithRetry, type RetryClock } from './retrying-request';

/** The part of @forge/api's APIResponse the adapters read. */
export interface JiraResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

/** `api.asUser().requestJira` (or `asApp()`), passed in so tests and benches choose the identity. */
export type RequestJira = (path: Route, init?: RequestInit) => Promise<JiraResponse>;

export type JiraMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraCall {
  path: Route;
  /** GET without a body, POST with one, unless named. */
  method?: JiraMethod;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * A POST that only reads (search/jql, issue/bulkfetch, changelog/bulkfetch) and so may be sent
   * again. GET, PUT and DELETE are idempotent anyway; any other POST is sent exactly once.
   */
  idempotent?: boolean;
  /** For the error message: "reading INC-6's comments". */
  what: string;
}

/** Jira's answer: the status, the JSON body (null when empty), and Retry-After when given. */
export interface JiraReply {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

/**
 * One request, retried by the policy of retrying-request.ts when it is idempotent. Answers every
 * status (the caller reads 404, 400 and a 429 that outlived its retries); a network failure
 * that outlived them is an UPSTREAM AppFailure.
 */
export type JiraRequest = (call: JiraCall) => Promise<JiraReply>;

const methodOf = (call: JiraCall): JiraMethod => call.method ?? (call.body === undefined ? 'GET' : 'POST');

export function isIdempotent(call: JiraCall): boolean {
  const method = methodOf(call);
  return method !== 'POST' || call.idempotent === true;
}

/** The one place a Jira request is sent: every adapter's calls get the same retries. */
export function createJiraRequest(requestJira: RequestJira, clock: RetryClock = defaultRetryClock()): JiraRequest {
  return async (call) => {
    const method = methodOf(call);
    const init: RequestInit =
      call.body === undefined
        ? { method, headers: { Accept: 'application/json' } }
        : { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(call.body) };
    let res: JiraResponse;
    try {
      res = await sendWithRetry(() => requestJira(call.path, init), isIdempotent(call), clock);
    } catch {
      // A network failure or timeout: the caller sees the same friendly failure as for a 5xx.
      throw new AppFailure('UPSTREAM', `Jira could not be reached while ${call.what}. Try again in a moment.`);
    }
    return { status: res.status, body: await bodyOf(res), retryAfter: res.headers.get('retry-after') };
  };
}

async function bodyOf(res: JiraResponse): Promise<unknown> {
  if (res.status === 204) return null;
  try {
    return await res.json();
  } catch {
    return null; // an empty or non-JSON body (a proxy's error page): the status says enough
  }
}

/** The failure for an answer the caller cannot use, in words the panel can show. */
export function upstreamFailure(reply: JiraReply, what: string): AppFailure {
  if (reply.status === 429) {
    const wait = reply.retryAfter && /^\d+$/.test(reply.retryAfter) ? ` about ${reply.retryAfter} s` : ' a minute';
    return new AppFailure('UPSTREAM', `Jira is limiting requests right now (while ${what}). Nothing was lost: try again in${wait}.`);
  }
  return new AppFailure('UPSTREAM', `Jira answered ${reply.status} while ${what}. Try again in a moment.`);
}

/**
 * A read whose 404 (missing, or not visible to the caller: Jira does not tell them apart) is
 * null; any other failure is an UPSTREAM AppFailure. `retry` is the clock of the invocation's
 * retry budget (a fresh one when left out).
 */
export async function requestJiraJson<T>(requestJira: RequestJira, call: JiraCall, retry?: RetryClock): Promise<T | null> {
  const reply = await createJiraRequest(requestJira, retry)(call);
  if (reply.status === 404) return null;
  if (reply.status < 200 || reply.status >= 300) throw upstreamFailure(reply, call.what);
  return reply.body as T;
}
