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

export type ConfluenceResponse = ProductResponse;
export type ConfluenceReply = ProductReply;
export type ConfluenceMethod = HttpMethod;
export type ConfluenceCall = ProductCall;

/** `api.asUser().requestConfluence`, passed in so tests choose the identity. */
export type RequestConfluence = (path: Route, init?: RequestInit) => Promise<ConfluenceResponse>;

export type ConfluenceRequest = (call: ConfluenceCall) => Promise<ConfluenceReply>;

/**
 * The one place a Confluence request is sent, with the same retry policy as Jira's
 * (retrying-request.ts). POST /pages creates a page every time it lands, so it is sent exactly
 * once; GET and PUT (a PUT names the version it writes, so a repeat is refused with 409) retry.
 */
export function createConfluenceRequest(requestConfluence: RequestConfluence, clock: RetryClock = defaultRetryClock()): ConfluenceRequest {
  return createProductRequest<ConfluenceCall>('Confluence', requestConfluence, (call) => methodOf(call) !== 'POST', clock);
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
      return new AppFailure(
        'NOT_FOUND',
        `Confluence found nothing you can see while ${what}. It may have been deleted, or you lack access.`,
      );
    case 413:
      return new AppFailure('VALIDATION', `The page is larger than Confluence accepts (5 MB) while ${what}.`);
    case 429:
      return rateLimitedFailure('Confluence', reply, what);
    default:
      return new AppFailure('UPSTREAM', `Confluence answered ${reply.status} while ${what}. Try again in a moment.`);
  }
}
