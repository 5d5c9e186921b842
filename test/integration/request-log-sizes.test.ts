/**
 * The site's request log (`GET /__admin/requests`) gives every product and storage call's request
 * and response size in bytes, so storage units can be counted from outside the app (issue 13).
 * Sizes are checked against the exact bodies sent and received here, over plain HTTP.
 */
import type { LoggedRequest } from '../../local/admin/request-log';
import { STORAGE_UNIT_BYTES } from '../../local/kvs/units';
import type { RunningSite } from '../../local/site';
import { basicAuth, freshSite } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());
beforeEach(() => site.log.clear());

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

async function logged(): Promise<LoggedRequest[]> {
  const res = await fetch(`${site.url}/__admin/requests`);
  return ((await res.json()) as { requests: LoggedRequest[] }).requests;
}

async function kvs(operation: string, body: unknown): Promise<{ status: number; text: string; sent: string }> {
  const sent = JSON.stringify(body);
  const res = await fetch(`${site.url}/__kvs/api/v1/${operation}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site.auth.appToken()}`, 'content-type': 'application/json' },
    body: sent,
  });
  return { status: res.status, text: await res.text(), sent };
}

describe("the request log records each call's size in bytes", () => {
  it('gives a Jira read its response bytes and no request bytes', async () => {
    const res = await fetch(`${site.url}/rest/api/3/issue/INC-1?fields=summary,comment`, {
      headers: { authorization: basicAuth('maya@example.com'), accept: 'application/json' },
    });
    const text = await res.text();
    const [entry] = await logged();
    expect(entry).toMatchObject({ kind: 'jira', method: 'GET', status: 200, requestBytes: 0, responseBytes: utf8(text) });
    expect(entry.responseBytes).toBeGreaterThan(100);
  });

  it('counts bytes, not characters, of a Jira request body and its answer', async () => {
    const body = JSON.stringify({ issueIdsOrKeys: ['INC-1', 'SUP-1'], fields: ['summary'], note: 'Ünïcödé ✓ 事故' });
    const res = await fetch(`${site.url}/rest/api/3/issue/bulkfetch`, {
      method: 'POST',
      headers: { authorization: basicAuth('maya@example.com'), 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    const text = await res.text();
    const [entry] = await logged();
    expect(entry).toMatchObject({ kind: 'jira', method: 'POST', requestBytes: utf8(body), responseBytes: utf8(text) });
    expect(utf8(body)).toBeGreaterThan(body.length);
  });

  it('counts a streamed (chunked) request body, which has no Content-Length', async () => {
    const parts = ['{"issueIdsOrKeys":["INC-1"],', '"fields":["summary"]}'];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(new TextEncoder().encode(p));
        c.close();
      },
    });
    const res = await fetch(`${site.url}/rest/api/3/issue/bulkfetch`, {
      method: 'POST',
      headers: { authorization: basicAuth('maya@example.com'), 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const text = await res.text();
    const [entry] = await logged();
    expect(entry).toMatchObject({ status: 200, requestBytes: utf8(parts.join('')), responseBytes: utf8(text) });
  });

  it('gives a Confluence call its sizes, and an error answer its own size', async () => {
    const ok = await fetch(`${site.url}/wiki/api/v2/spaces`, { headers: { authorization: basicAuth('maya@example.com') } });
    const okText = await ok.text();
    const missing = await fetch(`${site.url}/wiki/api/v2/pages/999999999`, { headers: { authorization: basicAuth('maya@example.com') } });
    const missingText = await missing.text();
    const [a, b] = await logged();
    expect(a).toMatchObject({ kind: 'confluence', status: 200, requestBytes: 0, responseBytes: utf8(okText) });
    expect(b).toMatchObject({ kind: 'confluence', status: 404, responseBytes: utf8(missingText) });
  });

  it("gives storage calls their sizes and Forge's read and write units: a write by what it sends, a read by what it returns", async () => {
    const value = 'x'.repeat(25 * 1024);
    const set = await kvs('set', { key: 'bench:big', value });
    const get = await kvs('get', { key: 'bench:big' });
    const del = await kvs('delete', { key: 'bench:big' });
    expect([set.status, get.status, del.status]).toEqual([204, 200, 204]);
    const [s, g, d] = await logged();
    expect(s).toMatchObject({
      kind: 'kvs',
      requestBytes: utf8(set.sent),
      responseBytes: 0,
      storage: { operation: 'set', readUnits: 0, writeUnits: 3 },
    });
    expect(g).toMatchObject({
      kind: 'kvs',
      requestBytes: utf8(get.sent),
      responseBytes: utf8(get.text),
      storage: { operation: 'get', readUnits: 3, writeUnits: 0 },
    });
    expect(d).toMatchObject({ kind: 'kvs', responseBytes: 0, storage: { operation: 'delete', readUnits: 0, writeUnits: 1 } });
  });

  it('charges a batch once for its whole size, however many keys it holds', async () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ key: `bench:small-${i}`, value: 'y'.repeat(1000) }));
    const set = await kvs('batch/set', items);
    expect(set.status).toBe(200);
    expect(utf8(set.sent)).toBeLessThan(STORAGE_UNIT_BYTES);
    const [entry] = await logged();
    expect(entry).toMatchObject({
      requestBytes: utf8(set.sent),
      responseBytes: utf8(set.text),
      storage: { operation: 'batch/set', writeUnits: 1, readUnits: 0 },
    });
  });

  it('gives product calls no storage units', async () => {
    await fetch(`${site.url}/rest/api/3/myself`, { headers: { authorization: basicAuth('maya@example.com') } });
    const [entry] = await logged();
    expect(entry.kind).toBe('jira');
    expect(entry.storage).toBeUndefined();
  });
});
