/**
 * Contract checks over the traffic the local site logged (GET /__admin/requests): every Jira and
 * Confluence request in the log must match the official spec (validateRequest). Responses cannot
 * be checked from the log (it keeps no response bodies); the API suites check those.
 *
 * Use from any test after driving a flow:
 *
 *   await clearRequestLog(site);
 *   await invokeAs(site, 'maya@example.com', 'review/start', { issueKey: 'INC-1' });
 *   await assertLoggedRequestsMatchContract(site);
 *
 * Nothing here knows which resolvers exist or which endpoints they call, so new app traffic is
 * checked without editing this file.
 */
import type { LoggedRequest } from '../../local/admin/request-log';
import type { RunningSite } from '../../local/site';
import { validateRequest, type Api } from '../support/contract';

export type ProductRequest = LoggedRequest & { kind: Api };

/** Empties the site's request log (DELETE /__admin/requests). */
export async function clearRequestLog(site: RunningSite): Promise<void> {
  const res = await fetch(`${site.url}/__admin/requests`, { method: 'DELETE' });
  if (res.status !== 204) throw new Error(`DELETE /__admin/requests answered ${res.status}`);
}

/** The Jira and Confluence requests in the site's log (GET /__admin/requests), oldest first. */
export async function loggedProductRequests(site: RunningSite): Promise<ProductRequest[]> {
  const res = await fetch(`${site.url}/__admin/requests`);
  if (res.status !== 200) throw new Error(`GET /__admin/requests answered ${res.status}`);
  const { requests } = (await res.json()) as { requests: LoggedRequest[] };
  return requests.filter((r): r is ProductRequest => r.kind === 'jira' || r.kind === 'confluence');
}

/** Every contract problem of the given logged requests, each prefixed with who sent what. */
export function requestContractProblems(requests: readonly ProductRequest[]): string[] {
  return requests.flatMap((r) =>
    validateRequest(r.kind, r.method, r.path, r.body).map((p) => `#${r.seq} ${r.method} ${r.path} (as ${r.user ?? 'nobody'}): ${p}`),
  );
}

/**
 * Reads the log and fails, listing every problem, when a logged Jira or Confluence request breaks
 * the contract. Also fails when no product request was logged at all (the flow under test did not
 * reach the products, so the check would prove nothing) unless `allowNone` is set. Returns the
 * requests it checked.
 */
export async function assertLoggedRequestsMatchContract(
  site: RunningSite,
  options: { allowNone?: boolean } = {},
): Promise<ProductRequest[]> {
  const requests = await loggedProductRequests(site);
  if (requests.length === 0 && !options.allowNone) {
    throw new Error('No Jira or Confluence request was logged: nothing to check against the contract');
  }
  const problems = requestContractProblems(requests);
  if (problems.length > 0) {
    throw new Error(`${problems.length} logged product request(s) break the contract:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return requests;
}
