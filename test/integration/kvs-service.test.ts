/**
 * Drives the real, unmodified @forge/kvs package against the local KVS service over HTTP, the
 * way the local site's function runner does: global.__forge_fetch__ -> POST <site>/__kvs/api/v1/...
 */
import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../local/db';
import { createKvsRouter, loadEntityDefinitions, migrateKvs, resetKvs } from '../../local/kvs';

import type * as ForgeKvsModule from '@forge/kvs';

type ForgeKvs = typeof ForgeKvsModule;
type ForgeFetch = (descriptor: unknown, path: string, init: RequestInit) => Promise<Response>;
const forgeGlobals = globalThis as unknown as { __forge_fetch__?: ForgeFetch; __forge_runtime__?: unknown };

const MANIFEST = `
modules: {}
app:
  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000
  runtime:
    name: nodejs22.x
  storage:
    entities:
      - name: incident-review
        attributes:
          title: { type: string }
          team: { type: string }
          openedAt: { type: string }
          severity: { type: integer }
          score: { type: float }
          published: { type: boolean }
          tags: { type: any }
        indexes:
          - title
          - name: by-team-opened
            partition: [team]
            range: [openedAt]
          - name: by-severity
            range: [severity]
`;

const START = Date.UTC(2025, 0, 1, 12, 0, 0);
let clock = START;
const advance = (ms: number) => {
  clock += ms;
};

interface Site {
  db: Db;
  server: Server;
  base: string;
}

async function startSite(db: Db): Promise<Site> {
  migrateKvs(db);
  const app = express();
  app.use('/__kvs', createKvsRouter(db, { entities: loadEntityDefinitions(MANIFEST), now: () => clock }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  forgeGlobals.__forge_fetch__ = (_descriptor, path, init) => fetch(`${base}/__kvs${path}`, init);
  return { db, server, base };
}

async function stopSite(site: Site): Promise<void> {
  await new Promise<void>((resolve, reject) => site.server.close((e) => (e ? reject(e) : resolve())));
  site.db.close();
}

const post = (site: Site, path: string, body: unknown) =>
  fetch(`${site.base}/__kvs/api/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

let site: Site;
let forge: ForgeKvs;
let kvs: ForgeKvs['kvs'];

beforeAll(async () => {
  forgeGlobals.__forge_runtime__ = undefined; // selects the `{ provider: 'app', remote: 'kvs' }` branch
  site = await startSite(openDb(':memory:'));
  forge = await import('@forge/kvs');
  kvs = forge.kvs;
});

afterAll(async () => {
  await stopSite(site);
});

beforeEach(() => {
  resetKvs(site.db);
  clock = START;
});

describe('the package reaches the service through __forge_fetch__', () => {
  it('sends the app/kvs descriptor and /api/v1 paths', async () => {
    const calls: Array<{ descriptor: unknown; path: string }> = [];
    const real = forgeGlobals.__forge_fetch__!;
    forgeGlobals.__forge_fetch__ = (descriptor, path, init) => {
      calls.push({ descriptor, path });
      return real(descriptor, path, init);
    };
    try {
      await kvs.set('probe', 1);
      await kvs.get('probe');
    } finally {
      forgeGlobals.__forge_fetch__ = real;
    }
    expect(calls).toEqual([
      { descriptor: { type: 'kvs', provider: 'app', remote: 'kvs' }, path: '/api/v1/set' },
      { descriptor: { type: 'kvs', provider: 'app', remote: 'kvs' }, path: '/api/v1/get' },
    ]);
  });
});

describe('kvs.get / set / delete', () => {
  it('round-trips every JSON value type and returns undefined for a missing key', async () => {
    const values: Record<string, unknown> = {
      str: 'hello',
      num: 42.5,
      bool: false,
      arr: [1, 'two', { three: 3 }],
      obj: { nested: { list: [true, null] } },
    };
    for (const [key, value] of Object.entries(values)) await kvs.set(key, value);
    for (const [key, value] of Object.entries(values)) expect(await kvs.get(key)).toEqual(value);
    expect(await kvs.get('never-set')).toBeUndefined();

    await kvs.delete('str');
    expect(await kvs.get('str')).toBeUndefined();
    await expect(kvs.delete('str')).resolves.toBeUndefined(); // deleting a missing key is fine
  });

  it('returns createdAt/updatedAt (epoch seconds) and keeps createdAt across overwrites', async () => {
    await kvs.set('meta', 'v1');
    advance(90_000);
    await kvs.set('meta', 'v2');
    const result = await kvs.get('meta', {
      metadataFields: [forge.MetadataField.CREATED_AT, forge.MetadataField.UPDATED_AT, forge.MetadataField.EXPIRE_TIME],
    });
    expect(result).toEqual({ key: 'meta', value: 'v2', createdAt: START / 1000, updatedAt: START / 1000 + 90 });
  });

  it('expires a value after its ttl and reports expireTime', async () => {
    await kvs.set('session', { user: 'maya' }, { ttl: { value: 5, unit: 'MINUTES' } });
    const withExpiry = await kvs.get('session', { metadataFields: [forge.MetadataField.EXPIRE_TIME] });
    expect(withExpiry?.expireTime).toBe(new Date(START + 5 * 60_000).toISOString());

    advance(4 * 60_000);
    expect(await kvs.get('session')).toEqual({ user: 'maya' });
    advance(60_000);
    expect(await kvs.get('session')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toEqual([]);
  });

  it('a set without ttl clears an earlier ttl', async () => {
    await kvs.set('k', 1, { ttl: { value: 1, unit: 'SECONDS' } });
    await kvs.set('k', 2);
    advance(86_400_000);
    expect(await kvs.get('k')).toBe(2);
  });

  it('keyPolicy FAIL_IF_EXISTS fails on a live key and leaves it unchanged', async () => {
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const attempt = kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(attempt).rejects.toBeInstanceOf(forge.ForgeKvsAPIError);
    await expect(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({
      code: 'KEY_CONFLICT',
      responseDetails: expect.objectContaining({ status: 409, httpPath: '/api/v1/set' }),
    });
    expect(await kvs.get('lock')).toBe('first');
    await kvs.set('lock', 'third', { keyPolicy: 'OVERRIDE' });
    expect(await kvs.get('lock')).toBe('third');
  });

  it('FAIL_IF_EXISTS succeeds once the previous value has expired', async () => {
    await kvs.set('lease', 'a', { ttl: { value: 10, unit: 'SECONDS' } });
    advance(11_000);
    await expect(kvs.set('lease', 'b', { keyPolicy: 'FAIL_IF_EXISTS' })).resolves.toBeUndefined();
    expect(await kvs.get('lease')).toBe('b');
  });

  it('returnValue PREVIOUS and LATEST return the right item and metadata', async () => {
    const none = await kvs.set('counter', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(none).toBeUndefined();
    advance(2_000);
    const previous = await kvs.set('counter', 2, {
      keyPolicy: 'OVERRIDE',
      returnValue: 'PREVIOUS',
      returnMetadataFields: [forge.MetadataField.UPDATED_AT],
    });
    expect(previous).toEqual({ key: 'counter', value: 1, updatedAt: START / 1000 });
    const latest = await kvs.set('counter', 3, {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      ttl: { value: 1, unit: 'HOURS' },
      returnMetadataFields: [forge.MetadataField.CREATED_AT, forge.MetadataField.EXPIRE_TIME],
    });
    expect(latest).toEqual({
      key: 'counter',
      value: 3,
      createdAt: START / 1000,
      expireTime: new Date(START + 2_000 + 3_600_000).toISOString(),
    });
  });
});

describe('limits', () => {
  it('rejects keys that are too long or outside the key pattern', async () => {
    await expect(kvs.set('k'.repeat(501), 1)).rejects.toMatchObject({ code: 'KEY_TOO_LONG' });
    await expect(kvs.set('k'.repeat(500), 1)).resolves.toBeUndefined();
    await expect(kvs.set('bad/key', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(kvs.set('   ', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(kvs.set('ok key:with.all_the-chars#1', 1)).resolves.toBeUndefined();
  });

  it('accepts a value of exactly 240 KiB serialized and rejects one byte more with a clear error', async () => {
    const max = 240 * 1024;
    await expect(kvs.set('big', 'x'.repeat(max - 2))).resolves.toBeUndefined();
    const tooBig = kvs.set('too-big', 'x'.repeat(max - 1));
    await expect(tooBig).rejects.toMatchObject({
      code: 'MAX_SIZE',
      message: expect.stringContaining(`maximum is ${max} bytes`),
      responseDetails: expect.objectContaining({ status: 400 }),
    });
    expect(await kvs.get('too-big')).toBeUndefined();
  });

  it('rejects values nested deeper than 32 levels', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 33; i++) deep = { d: deep };
    await expect(kvs.set('deep', deep)).rejects.toMatchObject({ code: 'MAX_DEPTH' });
  });
});

describe('secrets', () => {
  it('are stored apart from plain keys and never show up in queries', async () => {
    await kvs.setSecret('api-token', 's3cr3t');
    await kvs.set('api-token', 'public');
    expect(await kvs.getSecret('api-token')).toBe('s3cr3t');
    expect(await kvs.get('api-token')).toBe('public');
    expect((await kvs.query().getMany()).results.map((r) => r.value)).toEqual(['public']);
    await kvs.deleteSecret('api-token');
    expect(await kvs.getSecret('api-token')).toBeUndefined();
    expect(await kvs.get('api-token')).toBe('public');
  });

  it('support FAIL_IF_EXISTS too', async () => {
    await kvs.setSecret('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.setSecret('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({ code: 'KEY_CONFLICT' });
  });
});

describe('kvs.query', () => {
  it('pages through every matching key in key order with cursors', async () => {
    const keys = Array.from({ length: 23 }, (_, i) => `review:${String(i).padStart(2, '0')}`);
    for (const key of [...keys].reverse()) await kvs.set(key, { n: key });
    await kvs.set('other:1', 'x');
    await kvs.set('reviex', 'not a prefix match');

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', forge.WhereConditions.beginsWith('review:')).limit(10);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<{ n: string }>();
      pageSizes.push(page.results.length);
      for (const r of page.results) {
        expect(r.value).toEqual({ n: r.key });
        seen.push(r.key);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(pageSizes).toEqual([10, 10, 3]);
    expect(seen).toEqual(keys);
  });

  it('without where lists all plain keys; getOne returns the first', async () => {
    await kvs.set('b', 2);
    await kvs.set('a', 1);
    expect((await kvs.query().getMany()).results).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    expect(await kvs.query().getOne()).toEqual({ key: 'a', value: 1 });
    expect(await kvs.query().where('key', forge.WhereConditions.beginsWith('zzz')).getOne()).toBeUndefined();
  });

  it('rejects a limit above 100', async () => {
    await expect(kvs.query().limit(101).getMany()).rejects.toMatchObject({ code: 'LIST_QUERY_LIMIT_EXCEEDED' });
  });
});

interface Review {
  title: string;
  team: string;
  openedAt: string;
  severity: number;
  score?: number;
  published?: boolean;
  tags?: unknown;
}

const REVIEWS: Record<string, Review> = {
  'r-1': { title: 'Checkout outage', team: 'sre', openedAt: '2025-03-02', severity: 1, published: true },
  'r-2': { title: 'Login latency', team: 'sre', openedAt: '2025-03-15', severity: 3, published: false },
  'r-3': { title: 'Cache stampede', team: 'sre', openedAt: '2025-04-01', severity: 2, published: true },
  'r-4': { title: 'DNS misconfig', team: 'net', openedAt: '2025-03-20', severity: 2, published: true },
  'r-5': { title: 'Disk full', team: 'sre', openedAt: '2025-02-28', severity: 4, published: true, tags: ['storage'] },
};

describe('custom entities', () => {
  const reviews = () => kvs.entity<Review>('incident-review');
  const seed = async () => {
    for (const [key, value] of Object.entries(REVIEWS)) await reviews().set(key, value);
  };
  const keysOf = (page: { results: Array<{ key: string }> }) => page.results.map((r) => r.key);

  it('get/set/delete an entity, kept apart from plain keys', async () => {
    await reviews().set('r-1', REVIEWS['r-1']);
    expect(await reviews().get('r-1')).toEqual(REVIEWS['r-1']);
    expect(await kvs.get('r-1')).toBeUndefined();
    await reviews().delete('r-1');
    expect(await reviews().get('r-1')).toBeUndefined();
  });

  it('validates attribute types and entity names against the manifest', async () => {
    await expect(reviews().set('bad', { ...REVIEWS['r-1'], severity: 1.5 })).rejects.toMatchObject({
      code: 'INVALID_ENTITY_VALUE',
    });
    await expect(reviews().set('bad', { ...REVIEWS['r-1'], undeclared: 1 } as Review)).rejects.toMatchObject({
      code: 'INVALID_ENTITY_VALUE',
    });
    await expect(kvs.entity('not-declared').set('x', { a: 1 })).rejects.toMatchObject({ code: 'INVALID_ENTITY_TYPE' });
  });

  it('queries a partitioned index with range conditions, ascending and descending', async () => {
    await seed();
    const byTeam = () =>
      reviews()
        .query()
        .index('by-team-opened', { partition: ['sre'] });

    expect(keysOf(await byTeam().getMany())).toEqual(['r-5', 'r-1', 'r-2', 'r-3']);
    expect(keysOf(await byTeam().where(forge.WhereConditions.beginsWith('2025-03')).getMany())).toEqual(['r-1', 'r-2']);
    expect(keysOf(await byTeam().where(forge.WhereConditions.between('2025-03-01', '2025-03-31')).sort(forge.Sort.DESC).getMany())).toEqual(
      ['r-2', 'r-1'],
    );
    expect(keysOf(await byTeam().where(forge.WhereConditions.greaterThan('2025-03-02')).getMany())).toEqual(['r-2', 'r-3']);
    expect(keysOf(await byTeam().where(forge.WhereConditions.lessThanEqualTo('2025-03-02')).getMany())).toEqual(['r-5', 'r-1']);
    expect(
      keysOf(
        await reviews()
          .query()
          .index('by-team-opened', { partition: ['net'] })
          .getMany(),
      ),
    ).toEqual(['r-4']);
  });

  it('orders a numeric range numerically and applies and/or filters', async () => {
    await seed();
    const bySeverity = () => reviews().query().index('by-severity');
    expect(keysOf(await bySeverity().sort(forge.Sort.DESC).getMany())).toEqual(['r-5', 'r-2', 'r-4', 'r-3', 'r-1']);
    expect(
      keysOf(
        await bySeverity()
          .where(forge.WhereConditions.greaterThanEqualTo(2))
          .filters(
            new forge.Filter<Review>()
              .and('published', forge.FilterConditions.equalTo(true))
              .and('team', forge.FilterConditions.equalTo('sre')),
          )
          .getMany(),
      ),
    ).toEqual(['r-3', 'r-5']);
    expect(
      keysOf(
        await bySeverity()
          .filters(new forge.Filter<Review>().or('team', forge.FilterConditions.equalTo('net')).or('tags', forge.FilterConditions.exists()))
          .getMany(),
      ),
    ).toEqual(['r-4', 'r-5']);
    expect(
      keysOf(
        await bySeverity()
          .filters(new forge.Filter<Review>().and('title', forge.FilterConditions.contains('out')))
          .getMany(),
      ),
    ).toEqual(['r-1']);
  });

  it('pages an index query to the end with cursors, in either direction', async () => {
    await seed();
    const collect = async (sort: 'ASC' | 'DESC') => {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        let q = reviews()
          .query()
          .index('by-severity')
          .sort(sort === 'ASC' ? forge.Sort.ASC : forge.Sort.DESC)
          .limit(2);
        if (cursor) q = q.cursor(cursor);
        const page = await q.getMany();
        keys.push(...keysOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      return keys;
    };
    expect(await collect('ASC')).toEqual(['r-1', 'r-3', 'r-4', 'r-2', 'r-5']);
    expect(await collect('DESC')).toEqual(['r-5', 'r-2', 'r-4', 'r-3', 'r-1']);
  });

  it('rejects unknown indexes and missing partition values', async () => {
    await expect(reviews().query().index('nope').getMany()).rejects.toMatchObject({ code: 'INVALID_ENTITY_INDEX' });
    await expect(reviews().query().index('by-team-opened').getMany()).rejects.toMatchObject({ code: 'INVALID_PARTITION' });
  });

  it('leaves entities lacking an indexed attribute out of that index and honours getOne', async () => {
    await reviews().set('partial', { title: 'No team yet', openedAt: '2025-01-01', severity: 5 } as Review);
    await seed();
    expect(
      keysOf(
        await reviews()
          .query()
          .index('by-team-opened', { partition: ['sre'] })
          .getMany(),
      ),
    ).not.toContain('partial');
    expect((await reviews().query().index('by-severity').sort(forge.Sort.DESC).getOne())?.key).toBe('partial');
  });
});

describe('batch operations', () => {
  it('batchSet reports per-item success and failure', async () => {
    const result = await kvs.batchSet<unknown>([
      { key: 'b-1', value: 'one' },
      { key: 'r-9', value: REVIEWS['r-1'], entityName: 'incident-review' },
      { key: 'r-bad', value: { severity: 'high' }, entityName: 'incident-review' },
      { key: 'bad/key', value: 1 },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'b-1' }, { key: 'r-9', entityName: 'incident-review' }]);
    expect(result.failedKeys).toEqual([
      { key: 'r-bad', entityName: 'incident-review', error: expect.objectContaining({ code: 'INVALID_ENTITY_VALUE' }) },
      { key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) },
    ]);
    expect(await kvs.get('b-1')).toBe('one');
    expect(await kvs.entity('incident-review').get('r-9')).toEqual(REVIEWS['r-1']);
  });

  it('batchGet returns found items and reports missing ones; batchDelete removes them', async () => {
    await kvs.set('g-1', 1);
    await kvs.entity('incident-review').set('r-1', REVIEWS['r-1']);
    const got = await kvs.batchGet([{ key: 'g-1' }, { key: 'r-1', entityName: 'incident-review' }, { key: 'g-missing' }]);
    expect(got.successfulKeys).toEqual([
      { key: 'g-1', value: 1 },
      { key: 'r-1', entityName: 'incident-review', value: REVIEWS['r-1'] },
    ]);
    expect(got.failedKeys).toEqual([{ key: 'g-missing', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);

    const deleted = await kvs.batchDelete([{ key: 'g-1' }, { key: 'r-1', entityName: 'incident-review' }]);
    expect(deleted).toEqual({ successfulKeys: [{ key: 'g-1' }, { key: 'r-1', entityName: 'incident-review' }], failedKeys: [] });
    expect(await kvs.get('g-1')).toBeUndefined();
    expect(await kvs.entity('incident-review').get('r-1')).toBeUndefined();
  });

  it('rejects more than 25 items, duplicates and empty batches as a whole', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    await expect(kvs.batchSet(items)).rejects.toMatchObject({ code: 'BATCH_LIMIT_EXCEEDED' });
    expect(await kvs.get('k0')).toBeUndefined();
    await expect(kvs.batchSet(items.slice(0, 25))).resolves.toMatchObject({ failedKeys: [] });
    await expect(kvs.batchGet([{ key: 'a' }, { key: 'a' }])).rejects.toMatchObject({ code: 'DUPLICATE_KEYS' });
    await expect(kvs.batchDelete([])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('kvs.transact', () => {
  it('applies sets, deletes and passing checks together', async () => {
    await kvs.set('old', 'x');
    await kvs.entity<Review>('incident-review').set('r-1', REVIEWS['r-1']);
    await kvs
      .transact()
      .set('new', { a: 1 }, undefined, { ttl: { value: 1, unit: 'DAYS' } })
      .delete('old')
      .check('r-1', {
        entityName: 'incident-review',
        conditions: new forge.Filter<Review>().and('published', forge.FilterConditions.equalTo(true)),
      })
      .set('r-2', REVIEWS['r-2'], {
        entityName: 'incident-review',
        conditions: new forge.Filter<Review>().and('title', forge.FilterConditions.notExists()),
      })
      .execute();
    expect(await kvs.get('new')).toEqual({ a: 1 });
    expect(await kvs.get('old')).toBeUndefined();
    expect(await kvs.entity('incident-review').get('r-2')).toEqual(REVIEWS['r-2']);
    advance(86_400_000);
    expect(await kvs.get('new')).toBeUndefined();
  });

  it('applies nothing when a check fails', async () => {
    await kvs.set('keep', 'original');
    await kvs.entity<Review>('incident-review').set('r-2', REVIEWS['r-2']);
    const failing = kvs
      .transact()
      .set('keep', 'changed')
      .set('created', 'new')
      .check('r-2', {
        entityName: 'incident-review',
        conditions: new forge.Filter<Review>().and('published', forge.FilterConditions.equalTo(true)),
      })
      .execute();
    await expect(failing).rejects.toMatchObject({
      code: 'CONDITIONAL_CHECK_FAILED',
      context: expect.objectContaining({
        failedConditions: [{ key: 'r-2', entityName: 'incident-review', operation: 'check' }],
      }),
    });
    expect(await kvs.get('keep')).toBe('original');
    expect(await kvs.get('created')).toBeUndefined();
  });

  it('fails a check on a missing entity and a conditional delete whose condition is false', async () => {
    await kvs.entity<Review>('incident-review').set('r-3', REVIEWS['r-3']);
    await expect(
      kvs
        .transact()
        .check('ghost', {
          entityName: 'incident-review',
          conditions: new forge.Filter<Review>().and('title', forge.FilterConditions.notExists()),
        })
        .execute(),
    ).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED' });
    await expect(
      kvs
        .transact()
        .delete('r-3', {
          entityName: 'incident-review',
          conditions: new forge.Filter<Review>().and('severity', forge.FilterConditions.greaterThan(2)),
        })
        .execute(),
    ).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED' });
    expect(await kvs.entity('incident-review').get('r-3')).toEqual(REVIEWS['r-3']);
  });

  it('rejects more than 25 operations and a key used twice', async () => {
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`t${i}`, i);
    await expect(tx.execute()).rejects.toMatchObject({ code: 'TRANSACTION_LIMIT_EXCEEDED' });
    expect(await kvs.get('t0')).toBeUndefined();
    await expect(kvs.transact().set('dup', 1).delete('dup').execute()).rejects.toMatchObject({ code: 'DUPLICATE_KEYS' });
  });
});

describe('wire format details', () => {
  it('answers a plain set with 204 and no body, and a bad body with a 400 Forge error', async () => {
    const set = await post(site, 'set', { key: 'w', value: 1 });
    expect(set.status).toBe(204);
    expect(await set.text()).toBe('');
    const bad = await post(site, 'get', { nokey: true });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) });
    const notJson = await post(site, 'get', '{oops');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers a missing key with 404 KEY_NOT_FOUND and an unknown operation with 404 NOT_FOUND', async () => {
    const missing = await post(site, 'get', { key: 'nope' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
    const unknown = await post(site, 'frobnicate', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('persistence', () => {
  it('keeps data across closing and reopening a file database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvs-service-'));
    const inMemory = site;
    try {
      const first = await startSite(openDb(dir));
      await kvs.set('durable', { saved: true });
      await kvs.setSecret('durable-secret', 'shh');
      await kvs.entity<Review>('incident-review').set('r-1', REVIEWS['r-1']);
      await stopSite(first);

      const second = await startSite(openDb(dir));
      expect(await kvs.get('durable')).toEqual({ saved: true });
      expect(await kvs.getSecret('durable-secret')).toBe('shh');
      expect((await kvs.entity<Review>('incident-review').query().index('title').getMany()).results).toEqual([
        { key: 'r-1', value: REVIEWS['r-1'] },
      ]);
      await stopSite(second);
    } finally {
      forgeGlobals.__forge_fetch__ = (_d, path, init) => fetch(`${inMemory.base}/__kvs${path}`, init);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loadEntityDefinitions', () => {
  it('reads string and object indexes from the manifest', () => {
    const [entity] = loadEntityDefinitions(MANIFEST);
    expect(entity?.name).toBe('incident-review');
    expect(entity?.attributes.severity).toEqual({ type: 'integer' });
    expect(entity?.indexes).toEqual([
      { name: 'title', partition: [], range: ['title'] },
      { name: 'by-team-opened', partition: ['team'], range: ['openedAt'] },
      { name: 'by-severity', partition: [], range: ['severity'] },
    ]);
  });

  it('returns [] for an app without entities and rejects indexes on undeclared attributes', () => {
    expect(loadEntityDefinitions('app:\n  id: x\n')).toEqual([]);
    expect(() =>
      loadEntityDefinitions(
        'app:\n  storage:\n    entities:\n      - name: thing\n        attributes:\n          a: { type: string }\n        indexes: [b]\n',
      ),
    ).toThrow(/undeclared attribute 'b'/);
  });
});
