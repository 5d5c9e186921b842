/**
 * No orphans (DESIGN §7 "not by a crash"; issue 12 item 4): a timeline pull stores its entries as
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
import { refreshTimeline } from '../../src/use-cases/timeline-review';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import { freshSite, okAs } from '../support/site';

const MAYA = 'maya@example.com';
const MINUTE = 60_000;

let site: RunningSite;
let issueKey: string;

beforeAll(async () => {
  jest.useFakeTimers({
    now: new Date('2026-11-21T12:00:00Z'),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
  });
  site = await freshSite();
  const res = await fetch(`${site.url}/__admin/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'large' }) });
  issueKey = ((await res.json()) as { added: string[] }).added[0];
  await okAs<TimelineView>(site, MAYA, 'review/start', { issueKey });
}, 180_000);

afterAll(async () => {
  await site.close();
  jest.useRealTimers();
});

afterEach(() => jest.restoreAllMocks());

const later = (ms: number) => jest.setSystemTime(Date.now() + ms);

/** Every stored chunk key of the incident's pulled entries, by generation. */
function chunkGenerations(): Map<string, number> {
  const rows = site.db.prepare(`SELECT key FROM kvs_items WHERE space = 'kvs' AND substr(key, 1, ?) = ?`).all(`pulled:${issueKey}:`.length, `pulled:${issueKey}:`) as { key: string }[];
  const byGeneration = new Map<string, number>();
  for (const { key } of rows) {
    const generation = key.split(':')[2];
    byGeneration.set(generation, (byGeneration.get(generation) ?? 0) + 1);
  }
  return byGeneration;
}

/** The generation the committed review points at, and how many chunks it has. */
function committed(): { generation: string; chunks: number } {
  const row = site.db.prepare(`SELECT value_json FROM kvs_items WHERE space = 'entity' AND entity_name = 'review' AND key = ?`).get(issueKey) as { value_json: string };
  return (JSON.parse(row.value_json) as { state: { pulled: { generation: string; chunks: number } } }).state.pulled;
}

/** Refreshes the timeline in-process as Maya (so the kill can be staged around @forge/kvs). */
function refreshInProcess(): Promise<TimelineView> {
  const maya = SEED_USERS.find((u) => u.email === MAYA)!.accountId;
  const ctx = { accountId: maya, moduleKey: 'pir-issue-panel', siteUrl: site.url, extension: {} };
  return runInInvocation({ invocationId: randomUUID(), accountId: maya, moduleKey: ctx.moduleKey, deadlineMs: Date.now() + 25_000 }, () => refreshTimeline(reviewDeps(ctx), issueKey));
}

async function trigger(): Promise<void> {
  const res = await fetch(`${site.url}/__admin/trigger/pir-rhythm-check`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`trigger answered ${res.status}`);
}

/** Lets the first `n` calls of `kvs[method]` through and "kills" the pull at the next one. */
function killAfter(method: 'batchSet' | 'batchDelete', n: number): void {
  const real = kvs[method].bind(kvs) as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  jest.spyOn(kvs, method).mockImplementation(((...args: unknown[]) => (++calls > n ? Promise.reject(new Error('killed')) : real(...args))) as never);
}

it('a pull killed half-way through its chunks leaves them until no pull can commit them, then the job deletes them', async () => {
  const before = committed();
  killAfter('batchSet', 1);
  await expect(refreshInProcess()).rejects.toThrow('killed');
  jest.restoreAllMocks();

  const orphaned = [...chunkGenerations().keys()].filter((g) => g !== before.generation);
  expect(orphaned).toHaveLength(1);
  expect(chunkGenerations().get(orphaned[0])).toBe(16);

  // Young: a pull might still be about to commit it, so the job keeps it.
  later(MINUTE);
  await trigger();
  expect(chunkGenerations().get(orphaned[0])).toBe(16);

  later(15 * MINUTE);
  await trigger();
  expect(committed()).toEqual(expect.objectContaining(before));
  expect(chunkGenerations()).toEqual(new Map([[before.generation, before.chunks]]));
}, 180_000);

it('a pull killed after switching the review, before it deleted the generation it replaced: the job deletes the old one', async () => {
  const before = committed();
  killAfter('batchDelete', 0);
  await expect(refreshInProcess()).rejects.toThrow('killed');
  jest.restoreAllMocks();

  const now = committed();
  expect(now.generation).not.toBe(before.generation);
  expect(chunkGenerations().get(before.generation)).toBe(before.chunks);

  later(16 * MINUTE);
  await trigger();
  expect(chunkGenerations()).toEqual(new Map([[now.generation, now.chunks]]));
  // The committed timeline still reads whole.
  const view = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey });
  expect(view.version).toBeGreaterThan(0);
}, 180_000);
