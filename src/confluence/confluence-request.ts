import type { RequestInit, Route } from '@forge/api';
import { AppFailure } from '../domain/app-error';
import { defaultRetryClock, sendWithRetry, type RetryClock } from '../jira/retrying-request';

/** The part of @forge/api's APIResponse the Confluence adapter reads. */
export interface ConfluenceResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

/** `api.asUser().requestConfluence`, passed in so tests choose the identity. */
export type RequestConfluence = (path: Route, init?: RequestInit) => Promise<ConfluenceResponse>;

export type ConfluenceMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ConfluenceCall {
  path: Route;
  /** GET without a body, POST with one, unless named. */
  method?: ConfluenceMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** For the error message: "creating the report page". */
  what: string;
}

/** Confluence's answer: the status, the JSON body (null when empty), and Retry-After when given. */
export interface ConfluenceReply {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

export type ConfluenceRequest = (call: ConfluenceCall) => Promise<ConfluenceReply>;

const methodOf = (call: ConfluenceCall): ConfluenceMethod => call.method ?? (call.body === undefined ? 'GET' : 'POST');

/**
 * The one place a Confluence request is sent, with the same retry policy as Jira's
 * (retrying-request.ts). POST /pages creates a page every time it lands, so it is sent exactly
 * once; GET and PUT (a PUT names the version it writes, so a repeat is refused with 409) retry.
 */
export function createConfluenceRequest(requestConfluence: RequestConfluence, clock: RetryClock = defaultRetryClock()): ConfluenceRequest {
  return async (call) => {
    const method = methodOf(call);
    const init: RequestInit =
      call.body === undefined
        ? { method, headers: { Accept: 'application/json' } }
        : { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(call.body) };
    let res: ConfluenceResponse;
    try {
      res = await sendWithRetry(() => requestConfluence(call.path, init), method !== 'POST', clock);
    } catch {
      throw new AppFailure('UPSTREAM', `Confluence could not be reached while ${call.what}. Try again in a moment.`);
    }
    return { status: res.status, body: await bodyOf(res), retryAfter: res.headers.get('retry-after') };
  };
}

async function bodyOf(res: ConfluenceResponse): Promise<unknown> {
  if (res.status === 204) return null;
  try {
    return await res.json();
  } catch {
    return null; // an empty or non-JSON body: the status says enough
  }
}

/** The first error's title and detail from Confluence v2's `{"errors":[{status, code, title, detail}]}`. */
export function confluenceErrorText(body: unknown): string | null {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const first = errors[0] as { title?: unknown; detail?: unknown };
  const parts = [first.title, first.detail].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.length ? parts.join(': ') : null;
}

/** The failure for an answer the caller cannot use, in words the panel can show. */
export function confluenceFailure(reply: ConfluenceReply, what: string): AppFailure {
  const detail = confluenceErrorText(reply.body);
  switch (reply.status) {
    case 400:
      return new AppFailure('VALIDATION', `Confluence refused ${what}${detail ? ` (${detail})` : ''}.`);
    case 401:
    case 403:
      return new AppFailure('FORBIDDEN', `You don't have permission in Confluence for ${what}.`);
    case 404:
      return new AppFailure('NOT_FOUND', `Confluence found nothing you can see while ${what}. It may have been deleted, or you lack access.`);
    case 413:
      return new AppFailure('VALIDATION', `The page is larger than Confluence accepts (5 MB) while ${what}.`);
    case 429: {
      const wait = reply.retryAfter && /^\d+$/.test(reply.retryAfter) ? ` about ${reply.retryAfter} s` : ' a minute';
      return new AppFailure('UPSTREAM', `Confluence is limiting requests right now (while ${what}). Nothing was lost: try again in${wait}.`);
    }
    default:
      return new AppFailure('UPSTREAM', `Confluence answered ${reply.status} while ${what}. Try again in a moment.`);
  }
}
