import type { Result } from '../../src/contract';
import { startSite, type RunningSite } from '../../local/site';
import { STORY_NOW } from '../../local/seed/story-dates';

/**
 * A fresh local site on an ephemeral port with an in-memory database seeded with the demo, as if
 * first started on the story's own date (a fixed clock, so seeded dates are the same in every run;
 * `local/seed/story-dates.ts` says where each story lands).
 */
export async function freshSite(seedClock: () => Date = () => STORY_NOW): Promise<RunningSite> {
  return startSite({ dataDir: ':memory:', port: 0, seedClock });
}

/** Calls a resolver the way the Custom UI bridge does, as the given user (email or accountId). */
export async function invokeAs<T = unknown>(
  site: RunningSite,
  user: string,
  functionKey: string,
  payload: unknown,
  context: { moduleKey: string; extension?: Record<string, unknown> } = { moduleKey: 'pir-issue-panel' },
): Promise<{ status: number; result: T }> {
  const res = await fetch(`${site.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-user': user },
    body: JSON.stringify({ functionKey, payload, context }),
  });
  const body = (await res.json()) as { result: T };
  return { status: res.status, result: body.result };
}

/** Where a call comes from: a module key alone, or the whole context with the module's extension. */
export type CallerModule = string | { moduleKey: string; extension?: Record<string, unknown> };

/** A resolver's typed answer, called as `user` from the issue panel unless another module is named. */
export async function callAs<T>(
  site: RunningSite,
  user: string,
  key: string,
  payload: unknown,
  module: CallerModule = 'pir-issue-panel',
): Promise<Result<T>> {
  const context = typeof module === 'string' ? { moduleKey: module } : module;
  return (await invokeAs<Result<T>>(site, user, key, payload, context)).result;
}

/** The data of a resolver's success; an error fails the calling test with its code, message and fields. */
export async function okAs<T>(site: RunningSite, user: string, key: string, payload: unknown, module?: CallerModule): Promise<T> {
  const r = await callAs<T>(site, user, key, payload, module);
  if (!r.ok) throw new Error(`${key} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.data;
}

/** A Jira REST call (`/rest/api/3` + `path`) as `user` with basic auth, outside the app; anything but 2xx throws. */
export async function jiraAs<T>(site: RunningSite, user: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${site.url}/rest/api/3${path}`, {
    method,
    headers: {
      authorization: basicAuth(user),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

/** Moves `issueKey` to a Done status through its first transition into that category, as `user`. */
export async function closeIssueAs(site: RunningSite, user: string, issueKey: string): Promise<void> {
  const { transitions } = await jiraAs<{ transitions: { id: string; to: { statusCategory: { key: string } } }[] }>(
    site,
    user,
    'GET',
    `/issue/${issueKey}/transitions`,
  );
  const done = transitions.find((t) => t.to.statusCategory.key === 'done')!;
  await jiraAs(site, user, 'POST', `/issue/${issueKey}/transitions`, { transition: { id: done.id } });
}

export function basicAuth(email: string): string {
  return `Basic ${Buffer.from(`${email}:any-api-token`).toString('base64')}`;
}
