import api, { route } from '@forge/api';
import type { ConfluenceConnection } from '../contract';
import { AppFailure } from '../domain/app-error';
import { createConfluenceRequest, type RequestConfluence } from './confluence-request';

/** Whether Confluence is connected to this installation; asked at most once per invocation. */
export type ConfluenceConnectionCheck = () => Promise<ConfluenceConnection>;

export const NOT_CONNECTED_MESSAGE =
  'Confluence is not connected to this site, so the review cannot be published. A site admin can connect Confluence to Post-incident review in Connected apps; everything else works meanwhile.';

export const notConnectedFailure = (): AppFailure => new AppFailure('NOT_CONNECTED', NOT_CONNECTED_MESSAGE);

/**
 * Confluence is optional in `app.compatibility`, and Forge gives the app no list of the products
 * connected to its installation, so the app asks Confluence: the space listing answers 200 (maybe
 * empty) on any site that has Confluence, and 404 only when there is no Confluence behind
 * `requestConfluence`. Any other answer (or none) counts as connected: the call that needs Confluence then
 * reports its own error. The answer is kept for the invocation (one request at most).
 */
export function createConfluenceConnectionCheck(
  requestConfluence: RequestConfluence = api.asUser().requestConfluence,
): ConfluenceConnectionCheck {
  const send = createConfluenceRequest(requestConfluence);
  let answer: Promise<ConfluenceConnection> | null = null;
  return () => {
    answer ??= send({ path: route`/wiki/api/v2/spaces?limit=${1}`, what: 'checking that Confluence is connected' }).then(
      (reply) => (reply.status === 404 ? 'not-connected' : 'available'),
      (): ConfluenceConnection => 'available',
    );
    return answer;
  };
}

/**
 * Runs a Confluence call; a NOT_FOUND from it on a site without Confluence becomes NOT_CONNECTED,
 * so the user reads why instead of "nothing you can see". Costs a request only on that failure.
 */
export async function withConfluence<T>(connection: ConfluenceConnectionCheck, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'NOT_FOUND' && (await connection()) === 'not-connected') throw notConnectedFailure();
    throw e;
  }
}
