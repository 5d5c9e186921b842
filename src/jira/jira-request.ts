import type { RequestInit, Route } from '@forge/api';
import { AppFailure } from '../domain/app-error';

/** The part of @forge/api's APIResponse the adapters read (Retry-After will need `headers`). */
export interface JiraResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

/** `api.asUser().requestJira` (or `asApp()`), passed in so tests and benches choose the identity. */
export type RequestJira = (path: Route, init?: RequestInit) => Promise<JiraResponse>;

export interface JiraCall {
  path: Route;
  /** Present for POST: sent as JSON. */
  body?: unknown;
  /** For the error message: "reading INC-6's comments". */
  what: string;
}

/**
 * The one place a timeline request is sent and its status interpreted: 404 (missing, or not
 * visible to the caller: Jira does not tell them apart) is null, any other failure an UPSTREAM
 * AppFailure. Retries honouring Retry-After belong here, so every call gets them at once.
 */
export async function requestJiraJson<T>(requestJira: RequestJira, call: JiraCall): Promise<T | null> {
  const init: RequestInit =
    call.body === undefined
      ? { method: 'GET', headers: { Accept: 'application/json' } }
      : { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(call.body) };
  let res: JiraResponse;
  try {
    res = await requestJira(call.path, init);
  } catch {
    // A network failure or timeout: the caller sees the same friendly failure as for a 5xx.
    throw new AppFailure('UPSTREAM', `Jira could not be reached while ${call.what}. Try again in a moment.`);
  }
  if (res.status === 404) return null;
  if (!res.ok) throw new AppFailure('UPSTREAM', `Jira answered ${res.status} while ${call.what}. Try again in a moment.`);
  return (await res.json()) as T;
}
