/**
 * No orphans (docs/DECISIONS.md#what-must-hold "not by a crash"; issue 12 item 4): a timeline pull stores its entries as
 * a new generation of chunk keys and then switches the review to it with one versioned write. A
 * pull killed half-way, or killed after the switch before it deleted the generation it replaced,
 * leaves chunks nothing points at; the scheduled job deletes them once no pull can still commit
 * them (15 minutes, Forge's longest invocation), and never sooner.
 *
 * The kill is simulated in-process: @forge/kvs's batch call rejects after the first chunk batch
 * (or on the first delete), so nothing of the pull after that point runs, as with kill -9.
 * Keys are listed straight from the local site's database. Only `Date` is faked.
 */
import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { TimelineView } from '../../src/contract';
import { reviewDeps } from '../../src/resolvers/wiring';
import { refreshTimeline, startReview } from '../../src/use-cases/timeline-review';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import { freshSite, jiraAs, okAs } from '../support/site';
import { runTrigger, seedLargeIncident } from '../support/helpers';

const MAYA = 'maya@example.com';
const MINUTE = 60_000;

let site: RunningSite;
let issueKey: string;

beforeAll(async () => {
  jest.useFakeTimers({
    now: new Date('2026-11-21T12:00:00Z'),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  site = await freshSite();
  issueKey = await seedLargeIncident(site);
  // In-process, without the runner's 25 s cap: a loaded machine can take longer for the first pull of 16.5k entries.
  const maya = SEED_USERS.find((u) => u.email === MAYA)!.accountId;
  const ctx = { accountId: maya, moduleKey: 'pir-issue-panel', siteUrl: site.url, extension: {} };
  await runInInvocation({ invocationId: randomUUID(), accountId: maya, moduleKey: ctx.moduleKey, deadlineMs: Date.now() + 170_000 }, () =>
    startReview(reviewDeps(ctx), issueKey),
  );
}, 180_000);

afterAll(async () => {
  await site.close();
  jest.useRealTimers();
});

afterEach(() => jest.restoreAllMocks());

const later = (ms: number) => jest.setSystemTime(Date.now() + ms);

/** Every stored index key of the incident's pulls. */
function indexKeysStored(): string[] {
  const prefix = `pulled-index:${issueKey}:`;
  return (
    site.db.prepare(`SELECT key FROM kvs_items WHERE space = 'kvs' AND substr(key, 1, ?) = ?`).all(prefix.length, prefix) as {
      key: string;
    }[]
  ).map((r) => r.key);
}

/** Every stored chunk key of the incident's pulled entries, and the segments and digest details that index them. */
function chunkKeysStored(): Set<string> {
  const keys = new Set<string>();
  for (const prefix of [`pulled:${issueKey}:`, `pulled-segment:${issueKey}:`, `pulled-detail:${issueKey}:`]) {
    const rows = site.db.prepare(`SELECT key FROM kvs_items WHERE space = 'kvs' AND substr(key, 1, ?) = ?`).all(prefix.length, prefix) as {
      key: string;
    }[];
    for (const r of rows) keys.add(r.key);
  }
  return keys;
}

const stored = <T>(key: string): T =>
  JSON.parse(
    (site.db.prepare(`SELECT value_json FROM kvs_items WHERE space = 'kvs' AND key = ?`).get(key) as { value_json: string }).value_json,
  ) as T;

/** The chunk keys the committed review points at (a re-pull reuses unchanged chunks, so they may span generations), with its segments and detail. */
function committed(): { generation: string; keys: Set<string> } {
  const row = site.db
    .prepare(`SELECT value_json FROM kvs_items WHERE space = 'entity' AND entity_name = 'review' AND key = ?`)
    .get(issueKey) as { value_json: string };
  const { pulled } = (
    JSON.parse(row.value_json) as { state: { pulled: { generation: string; chunks: number; keys?: string[]; index?: string } } }
  ).state;
  // The chunk keys are in the segments the pull's head names (kept apart from the review), in an index stored before heads, or on the review before that.
  const index = pulled.index ? stored<{ keys?: string[]; segments?: { key: string }[]; detail?: string }>(pulled.index) : null;
  const segments = index?.segments?.map((s) => s.key) ?? [];
  const keys = index?.segments
    ? [...segments.flatMap((k) => stored<{ keys: string[] }>(k).keys), ...segments, ...(index.detail ? [index.detail] : [])]
    : (index?.keys ?? pulled.keys ?? Array.from({ length: pulled.chunks }, (_, n) => `pulled:${issueKey}:${pulled.generation}:${n}`));
  return { generation: pulled.generation, keys: new Set(keys) };
}

const orphans = () => [...chunkKeysStored()].filter((k) => !committed().keys.has(k));

/** Something new in Jira, so a re-pull has a chunk to write. */
async function commentInJira(text: string): Promise<void> {
  await jiraAs(site, MAYA, 'POST', `/issue/${issueKey}/comment`, {
    body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  });
}

/** Refreshes the timeline in-process as Maya (so the kill can be staged around @forge/kvs). */
function refreshInProcess(): Promise<TimelineView> {
  const maya = SEED_USERS.find((u) => u.email === MAYA)!.accountId;
  const ctx = { accountId: maya, moduleKey: 'pir-issue-panel', siteUrl: site.url, extension: {} };
  return runInInvocation({ invocationId: randomUUID(), accountId: maya, moduleKey: ctx.moduleKey, deadlineMs: Date.now() + 25_000 }, () =>
    refreshTimeline(reviewDeps(ctx), issueKey),
  );
}

/** Lets the first `n` calls of `kvs[method]` through and "kills" the pull at the next one. */
function killAfter(method: 'batchSet' | 'batchDelete', n: number): void {
  const real = kvs[method].bind(kvs) as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  jest
    .spyOn(kvs, method)
    .mockImplementation(((...args: unknown[]) => (++calls > n ? Promise.reject(new Error('killed')) : real(...args))) as never);
}

it('a pull killed half-way through its chunks leaves them until no pull can commit them, then the job deletes them', async () => {
  const before = committed();
  await commentInJira('Latency is back to normal on every checkout host.');
  killAfter('batchSet', 0);
  await expect(refreshInProcess()).rejects.toThrow('killed');
  jest.restoreAllMocks();
  expect(committed()).toEqual(before);
  // The kill came at the first chunk write: nothing was written, and the pending record is all there is.
  const left = orphans();

  // Young: a pull might still be about to commit it, so the job keeps whatever it wrote.
  later(MINUTE);
  await runTrigger(site);
  expect(orphans()).toEqual(left);

  later(15 * MINUTE);
  await runTrigger(site);
  expect(committed()).toEqual(before);
  expect(orphans()).toEqual([]);
  expect(chunkKeysStored()).toEqual(before.keys);
  expect(indexKeysStored()).toHaveLength(1);
}, 180_000);

it('a pull killed after its chunks were written, before the switch, leaves only new chunks, which the job deletes', async () => {
  const before = committed();
  await commentInJira('Second look: the retry budget held overnight.');
  // Let the chunk writes through and stop the pull at its versioned switch (nothing after it runs: no clean-up either).
  jest.spyOn(kvs, 'transact').mockImplementation(() => {
    throw new Error('killed');
  });
  killAfter('batchDelete', 0);
  await expect(refreshInProcess()).rejects.toThrow('killed');
  jest.restoreAllMocks();
  expect(committed()).toEqual(before);
  const written = orphans();
  expect(written.length).toBeGreaterThan(0);
  // Only what changed was written: a chunk or two of the 60, not a whole generation, the segment naming them and the digest's detail.
  expect(written.filter((k) => k.startsWith('pulled:')).length).toBeLessThanOrEqual(3);
  expect(written.length).toBeLessThanOrEqual(6);

  later(16 * MINUTE);
  await runTrigger(site);
  expect(orphans()).toEqual([]);
  expect(chunkKeysStored()).toEqual(before.keys);
}, 180_000);

it('a pull killed after switching the review, before it deleted the chunks it replaced: the job deletes them', async () => {
  const before = committed();
  await commentInJira('Closing the loop: the follow-ups are in the review.');
  killAfter('batchDelete', 0);
  await expect(refreshInProcess()).rejects.toThrow('killed');
  jest.restoreAllMocks();

  const now = committed();
  expect(now.generation).not.toBe(before.generation);
  const replaced = [...before.keys].filter((k) => !now.keys.has(k));
  expect(replaced.length).toBeGreaterThan(0);
  for (const k of replaced) expect(chunkKeysStored().has(k)).toBe(true);

  later(16 * MINUTE);
  await runTrigger(site);
  expect(chunkKeysStored()).toEqual(now.keys);
  expect(indexKeysStored()).toHaveLength(1);
  // The committed timeline still reads whole.
  const view = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey });
  expect(view.version).toBeGreaterThan(0);
}, 180_000);
