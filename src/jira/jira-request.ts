import type { RequestInit, Route } from '@forge/api';
import { AppFailure } from '../domain/app-error';
import {
  createProductRequest,
  defaultRetryClock,
  methodOf,
  rateLimitedFailure,
  type HttpMethod,
  type ProductCall,
  type ProductReply,
  type ProductResponse,
  type RetryClock,
} from '../http/retrying-request';

export type JiraResponse = ProductResponse;
export type JiraReply = ProductReply;
export type JiraMethod = HttpMethod;

/** `api.asUser().requestJira` (or `asApp()`), passed in so tests and benches choose the identity. */
export type RequestJira = (path: Route, init?: RequestInit) => Promise<JiraResponse>;

export interface JiraCall extends ProductCall {
  /**
   * A POST that only reads (search/jql, issue/bulkfetch, changelog/bulkfetch) and so may be sent
   * again. GET, PUT and DELETE are idempotent anyway; any other POST is sent exactly once.
   */
  idempotent?: boolean;
}

/**
 * One request, retried by the policy of retrying-request.ts when it is idempotent. Answers every
 * status (the caller reads 404, 400 and a 429 that outlived its retries); a network failure
 * that outlived them is an UPSTREAM AppFailure.
 */
export type JiraRequest = (call: JiraCall) => Promise<JiraReply>;

export function isIdempotent(call: JiraCall): boolean {
  return methodOf(call) !== 'POST' || call.idempotent === true;
}

/** The one place a Jira request is sent: every adapter's calls get the same retries. */
export function createJiraRequest(requestJira: RequestJira, clock: RetryClock = defaultRetryClock()): JiraRequest {
  return createProductRequest<JiraCall>('Jira', requestJira, isIdempotent, clock);
}

/** The failure for an answer the caller cannot use, in words the panel can show. */
export function upstreamFailure(reply: JiraReply, what: string): AppFailure {
  if (reply.status === 429) return rateLimitedFailure('Jira', reply, what);
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
