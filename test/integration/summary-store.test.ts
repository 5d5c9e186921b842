/**
 * The summary index's storage through the real @forge/kvs against the local KVS: a busy
 * half-month spills into more parts (never refused, never trimmed), shrinks back, and two
 * writers racing in one shard both land.
 */
import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { SummaryRow } from '../../src/contract';
import { SHARD_ENTITY, createKvsSummaryStore } from '../../src/storage/summary-store';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { freshSite } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

const asApp = <T>(fn: () => Promise<T>) =>
  runInInvocation({ invocationId: randomUUID(), accountId: undefined, moduleKey: 'pir-rhythm-check', deadlineMs: Date.now() + 25_000 }, fn);

function row(n: number): SummaryRow {
  return {
    incidentKey: `OPS-${n}`,
    projectKey: 'OPS',
    // Long titles, so a few hundred rows pass one part's budget and the test stays quick.
    title: `Queue backlog on the payments workers after deploy ${n} (eu-west-1, all tenants affected) ${'and a long description '.repeat(20)}`,
    severityLevel: ((n % 5) + 1) as SummaryRow['severityLevel'],
    impactStartedAt: new Date(Date.UTC(2026, 9, 1 + (n % 14), n % 24, n % 60)).toISOString(),
    ttaMs: 60_000 * (n % 30),
    ttrMs: n % 7 === 0 ? null : 3_600_000,
    impactMs: 4_000_000,
    customerImpact: n % 2 === 0,
    status: 'in-review',
    actionsOpen: 2,
    actionsOverdue: 0,
    actionsClosed: 1,
    openItems: [
      {
        subtaskKey: `OPS-${n + 100_000}`,
        summary: 'Alert on queue depth over ten minutes of work',
        owner: 'Daniel Reyes',
        dueDate: '2026-11-30',
      },
    ],
    openDueDates: ['2026-11-30'],
    docVersion: 3,
    tags: ['payments', 'queues'],
    pageUrl: `https://example.atlassian.net/wiki/spaces/IR/pages/${1_000_000 + n}`,
    updatedAt: 1_790_000_000_000 + n,
  };
}

describe('summary shards in Forge storage', () => {
  it('spills a busy half-month into more parts, reads every row back, and shrinks again', async () => {
    const store = createKvsSummaryStore();
    const N = 320;
    for (let i = 1; i <= N; i++) await asApp(() => store.upsert(`OPS-${i}`, () => row(i)));
    const read = await asApp(() => store.readShards(['2026-10-01']));
    expect(read.rows).toHaveLength(N);
    expect(read.keysRead).toBeGreaterThan(1);
    expect(read.keysRead).toBeLessThan(5);
    expect(read.rows.find((r) => r.incidentKey === 'OPS-200')).toEqual({
      ...row(200),
      actionsOverdue: 0,
      services: [],
      factorCategories: [],
      countermeasures: [],
      linkedKeys: [],
    });

    const head = await asApp(() => kvs.entity<{ rows: { parts: number } }>(SHARD_ENTITY).get('2026-10-01'));
    const parts = head!.rows.parts;
    expect(parts).toBe(read.keysRead);

    for (let i = 1; i <= N - 10; i++) await asApp(() => store.upsert(`OPS-${i}`, () => null));
    const after = await asApp(() => store.readShards(['2026-10-01']));
    expect(after.rows.map((r) => r.incidentKey).sort()).toEqual(Array.from({ length: 10 }, (_, k) => `OPS-${N - 9 + k}`).sort());
    expect(after.keysRead).toBe(1);
    const tail = await asApp(() => kvs.entity(SHARD_ENTITY).get(`2026-10-01#${parts - 1}`));
    expect(tail).toBeUndefined();
  }, 240_000);

  it('lands two writers racing in one shard', async () => {
    const store = createKvsSummaryStore();
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        asApp(() =>
          store.upsert(`WEB-${k + 1}`, () => ({
            ...row(2_000 + k),
            incidentKey: `WEB-${k + 1}`,
            projectKey: 'WEB',
            impactStartedAt: '2026-10-20T10:00:00.000Z',
          })),
        ),
      ),
    );
    const read = await asApp(() => store.readShards(['2026-10-16']));
    expect(read.rows.map((r) => r.incidentKey).sort()).toEqual(Array.from({ length: 8 }, (_, k) => `WEB-${k + 1}`).sort());
  });
});
