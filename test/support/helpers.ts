import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';

/**
 * Small helpers that several test files used to declare for themselves, kept in one place so a
 * change to a shape (ADF, the admin routes) is made once.
 */

/** A one-paragraph ADF document, as Jira takes a comment or description body. */
export const adf = (text: string) => ({
  type: 'doc' as const,
  version: 1 as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
});

/** The seeded user's accountId for an email; a typo fails loudly rather than passing `undefined` along. */
export function accountIdOf(email: string): string {
  const user = SEED_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No seeded user ${email}`);
  return user.accountId;
}

/** Ajv compiled against @atlaskit/adf-schema's full schema: what the app writes must validate. */
export function adfValidator(): ValidateFunction {
  const path = require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
  // The file declares draft-04; its keywords are a subset Ajv's default draft handles.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

/** Runs a scheduled trigger now (`POST /__admin/trigger/<key>`); anything but 200 throws with the site's message. */
export async function runTrigger<T = unknown>(site: RunningSite, key = 'pir-rhythm-check'): Promise<T> {
  const res = await fetch(`${site.url}/__admin/trigger/${key}`, { method: 'POST' });
  const body = (await res.json().catch(() => ({}))) as { result?: T; message?: string };
  if (res.status !== 200) throw new Error(`trigger answered ${res.status}: ${body.message ?? ''}`);
  return body.result as T;
}

/** Sets the site's latency and faults (`PUT /__admin/faults`), or clears them with null. */
export async function setFaults(site: RunningSite, config: Record<string, unknown> | null): Promise<void> {
  const res = await fetch(`${site.url}/__admin/faults`, {
    method: config ? 'PUT' : 'DELETE',
    ...(config ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) } : {}),
  });
  if (!res.ok) throw new Error(`faults answered ${res.status}`);
}

/** Adds the large incident (`POST /__admin/seed` with scenario `large`) and answers its key. */
export async function seedLargeIncident(site: RunningSite, scale?: number): Promise<string> {
  const res = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scale === undefined ? { scenario: 'large' } : { scenario: 'large', scale }),
  });
  if (!res.ok) throw new Error(`seeding the large incident answered ${res.status}`);
  return ((await res.json()) as { added: string[] }).added[0];
}
