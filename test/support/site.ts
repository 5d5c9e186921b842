import { startSite, type RunningSite } from '../../local/site';

/** A fresh local site on an ephemeral port with an in-memory database seeded with the demo. */
export async function freshSite(): Promise<RunningSite> {
  return startSite({ dataDir: ':memory:', port: 0 });
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

export function basicAuth(email: string): string {
  return `Basic ${Buffer.from(`${email}:any-api-token`).toString('base64')}`;
}
