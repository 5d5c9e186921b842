import { getAppContext, type RequestInit, type Route } from '@forge/api';
import { AppFailure } from '../domain/app-error';

/**
 * Retry policy for Jira and Confluence requests, after Atlassian's rate-limit guidance
 * (../shared/contracts/README.md): honour `Retry-After`, otherwise exponential backoff with full
 * jitter, at most 4 retries, and only for idempotent requests. Every wait must also fit in the
 * invocation's time budget, so a rate-limited call gives up while there is still time to answer
 * (Forge stops an invocation at 25 s).
 */
export const MAX_RETRIES = 4;
/** Backoff caps per retry: 1 s, 2 s, 4 s, 8 s (full jitter draws the wait uniformly below the cap). */
export const BASE_DELAY_MS = 1_000;
export const MAX_BACKOFF_MS = 8_000;
/** What the retries of one invocation may use when nothing else is known. */
export const DEFAULT_BUDGET_MS = 20_000;
/** Kept free at the end of the invocation for the last attempt and the answer (25 s − 20 s). */
export const RESERVE_MS = 5_000;

/** Time and chance, injected so tests run instantly and deterministically. */
export interface RetryClock {
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
  /** Milliseconds the retries may still spend waiting. */
  budgetLeftMs(): number;
}

/** 429 (rate limited), and the gateway answers that mean "not done, try later" (502, 503, 504). */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 502 || status === 503 || status === 504;

/**
 * The wait before retry number `retry` (0 for the first): `Retry-After` in seconds when Jira sent
 * a usable one, else full jitter below min(8 s, 1 s × 2^retry).
 */
export function retryDelayMs(retry: number, retryAfter: string | null, random: () => number): number {
  const seconds = retryAfter === null || retryAfter.trim() === '' ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const cap = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** retry);
  return Math.floor(random() * cap);
}

/**
 * The production clock. The budget left is the smaller of `budgetMs` since this clock was made
 * and the invocation's remaining time less RESERVE_MS (read from Forge when it tells; outside an
 * invocation only the first bound applies).
 */
export function defaultRetryClock(
  opts: { budgetMs?: number; remainingMs?: () => number | undefined; now?: () => number } = {},
): RetryClock {
  const now = opts.now ?? Date.now;
  const remaining = opts.remainingMs ?? invocationRemainingMs;
  const started = now();
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  return {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    budgetLeftMs() {
      const own = budgetMs - (now() - started);
      const left = remaining();
      return left === undefined ? own : Math.min(own, left - RESERVE_MS);
    },
  };
}

function invocationRemainingMs(): number | undefined {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return undefined; // not inside a Forge invocation (scripts, unit tests)
  }
}

/** What the policy reads from an answer. */
export interface RetryableResponse {
  status: number;
  headers: { get(name: string): string | null };
}

/**
 * Sends, and for an idempotent request re-sends after a retryable status or a network failure,
 * at most MAX_RETRIES times and only while the wait fits the budget. Answers the last response
 * (which may still be a 429: the caller words the failure) or rethrows the last network error.
 * A non-idempotent request is sent exactly once.
 */
export async function sendWithRetry<R extends RetryableResponse>(
  send: () => Promise<R>,
  idempotent: boolean,
  clock: RetryClock,
): Promise<R> {
  for (let retry = 0; ; retry++) {
    let res: R | undefined;
    let error: unknown;
    try {
      res = await send();
    } catch (e) {
      error = e;
    }
    const retryable = res === undefined || isRetryableStatus(res.status);
    const delay =
      idempotent && retryable && retry < MAX_RETRIES
        ? retryDelayMs(retry, res?.headers.get('retry-after') ?? null, () => clock.random())
        : null;
    if (delay === null || delay > clock.budgetLeftMs()) {
      if (res === undefined) throw error;
      return res;
    }
    await clock.sleep(delay);
  }
}

// ---- The request path every product adapter shares (Jira and Confluence) -------------------

/** The part of @forge/api's APIResponse the adapters read. */
export interface ProductResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ProductCall {
  path: Route;
  /** GET without a body, POST with one, unless named. */
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** For the error message: "reading INC-6's comments". */
  what: string;
}

/** The product's answer: the status, the JSON body (null when empty), and Retry-After when given. */
export interface ProductReply {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

export const methodOf = (call: ProductCall): HttpMethod => call.method ?? (call.body === undefined ? 'GET' : 'POST');

/**
 * Sends one call as JSON through the retry policy above when `idempotent(call)` says it may be
 * repeated. Answers every status; a network failure that outlived the retries is an UPSTREAM
 * AppFailure naming the product.
 */
export function createProductRequest<C extends ProductCall>(
  product: 'Jira' | 'Confluence',
  send: (path: Route, init: RequestInit) => Promise<ProductResponse>,
  idempotent: (call: C) => boolean,
  clock: RetryClock,
): (call: C) => Promise<ProductReply> {
  return async (call) => {
    const method = methodOf(call);
    const init: RequestInit =
      call.body === undefined
        ? { method, headers: { Accept: 'application/json' } }
        : { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(call.body) };
    let res: ProductResponse;
    try {
      res = await sendWithRetry(() => send(call.path, init), idempotent(call), clock);
    } catch {
      // A network failure or timeout: the caller sees the same friendly failure as for a 5xx.
      throw new AppFailure('UPSTREAM', `${product} could not be reached while ${call.what}. Try again in a moment.`);
    }
    return { status: res.status, body: await bodyOf(res), retryAfter: res.headers.get('retry-after') };
  };
}

async function bodyOf(res: ProductResponse): Promise<unknown> {
  if (res.status === 204) return null;
  try {
    return await res.json();
  } catch {
    return null; // an empty or non-JSON body (a proxy's error page): the status says enough
  }
}

/** The failure for a 429 that outlived its retries, with the wait the product asked for. */
export function rateLimitedFailure(product: 'Jira' | 'Confluence', reply: ProductReply, what: string): AppFailure {
  const seconds = reply.retryAfter && /^\d+$/.test(reply.retryAfter) ? Number(reply.retryAfter) : null;
  const wait = seconds === null ? ' a minute' : seconds < 2 ? ' a moment' : ` about ${seconds} s`;
  return new AppFailure('UPSTREAM', `${product} is limiting requests right now (while ${what}). Nothing was lost: try again in${wait}.`);
}
