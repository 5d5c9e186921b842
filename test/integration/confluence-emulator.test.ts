/**
 * Confluence v2 emulator: every endpoint over HTTP, each response validated against the official
 * OpenAPI description (its committed subset, test/contract/specs/confluence.subset.json).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { openDb, type Db } from '../../local/db';
import type { Principal } from '../../local/principal';
import { SEED_USERS } from '../../local/users';
import {
  createConfluenceRouter,
  getPageForView,
  migrateConfluence,
  renderStorageToHtml,
  resetConfluence,
  seedConfluence,
} from '../../local/confluence';
import { insertSpace } from '../../local/confluence/store';

// ---- spec → ajv ----

type Json = Record<string, unknown>;
// The committed subset of the official spec (test/contract/specs), so the test runs without ../shared.
const spec = JSON.parse(readFileSync(join(__dirname, '../contract/specs/confluence.subset.json'), 'utf8')) as Json;

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null type; `example`/`xml` dropped. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'example' || k === 'xml' || k === 'nullable') continue;
    out[k] =
      k === 'properties' || k === 'definitions'
        ? Object.fromEntries(Object.entries(v as Json).map(([pk, pv]) => [pk, toJsonSchema(pv)]))
        : toJsonSchema(v);
  }
  if ((node as Json).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  }
  return out;
}

const paths = spec.paths as Record<string, Record<string, Json>>;
const components = spec.components as { schemas: Json };
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of ['int32', 'int64', 'string', 'binary', 'byte']) ajv.addFormat(f, true);
const responses: Json = {};
for (const [path, ops] of Object.entries(paths)) {
  for (const [method, op] of Object.entries(ops)) {
    const rs = (op.responses ?? {}) as Record<string, Json>;
    for (const [code, r] of Object.entries(rs)) {
      const schema = ((r.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
      if (schema) responses[`${method.toUpperCase()} ${path} ${code}`] = schema;
    }
  }
}
ajv.addSchema(toJsonSchema({ $id: 'confluence', components: { schemas: components.schemas }, responses }) as Json);

const ERROR_SCHEMA = {
  type: 'object',
  required: ['errors'],
  additionalProperties: false,
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['status', 'code', 'title', 'detail'],
        additionalProperties: false,
        properties: {
          status: { type: 'integer' },
          code: { type: 'string' },
          title: { type: 'string' },
          detail: { type: ['string', 'null'] },
        },
      },
    },
  },
};
const validateError = ajv.compile(ERROR_SCHEMA);

function validator(op: string): ValidateFunction {
  const key = `confluence#/responses/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const v = ajv.getSchema(key);
  if (!v) throw new Error(`no schema for ${op}`);
  return v;
}

function expectValid(op: string, body: unknown): void {
  const v = validator(op);
  if (!v(body)) throw new Error(`${op}: ${ajv.errorsText(v.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}

function expectError(body: unknown, status: number): void {
  if (!validateError(body)) throw new Error(ajv.errorsText(validateError.errors));
  expect((body as { errors: { status: number }[] }).errors[0].status).toBe(status);
}

// ---- server ----

let db: Db;
let server: Server;
let base: string;
let principal: Principal = { kind: 'user', accountId: SEED_USERS[0].accountId };

beforeAll(async () => {
  db = openDb(':memory:');
  migrateConfluence(db);
  const app = express();
  app.use((_req, res, next) => {
    res.locals.principal = principal;
    next();
  });
  app.use('/wiki/api/v2', createConfluenceRouter(db));
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
});

beforeEach(() => {
  resetConfluence(db);
  seedConfluence(db);
  principal = { kind: 'user', accountId: SEED_USERS[0].accountId };
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; link: string | null }> {
  const res = await fetch(base + (path.startsWith('/wiki') ? path : `/wiki/api/v2${path}`), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, link: res.headers.get('link') };
}

const storage = (value: string) => ({ representation: 'storage', value });
const irSpace = async () => (await call('GET', '/spaces?keys=IR')).body.results[0];

// ---- spaces ----

describe('spaces', () => {
  test('GET /spaces lists IR and ENG, filters by keys and ids, sorts', async () => {
    const all = await call('GET', '/spaces');
    expect(all.status).toBe(200);
    expectValid('GET /spaces 200', all.body);
    expect(all.body.results.map((s: any) => s.key)).toEqual(['IR', 'ENG']);
    expect(all.body.results[0]).toMatchObject({ name: 'Incident Reviews', type: 'global', status: 'current' });
    expect(all.body.results[0].id).toMatch(/^\d+$/);
    expect(all.body._links.base).toBe(`${base}/wiki`);
    expect(all.body._links.next).toBeUndefined();

    const byKey = await call('GET', '/spaces?keys=ENG');
    expect(byKey.body.results.map((s: any) => s.key)).toEqual(['ENG']);
    const byIds = await call('GET', `/spaces?ids=${all.body.results[0].id}`);
    expect(byIds.body.results.map((s: any) => s.key)).toEqual(['IR']);
    const sorted = await call('GET', '/spaces?sort=-key&description-format=plain');
    expectValid('GET /spaces 200', sorted.body);
    expect(sorted.body.results.map((s: any) => s.key)).toEqual(['IR', 'ENG'].sort().reverse());
    expect(sorted.body.results[0].description.plain.value).toBeTruthy();
  });

  test('GET /spaces paginates with cursor to the end', async () => {
    const first = await call('GET', '/spaces?limit=1');
    expectValid('GET /spaces 200', first.body);
    expect(first.body._links.next).toMatch(/^\/wiki\/api\/v2\/spaces\?.*cursor=/);
    expect(first.link).toContain(`<${first.body._links.next}>; rel="next"`);
    const second = await call('GET', first.body._links.next);
    expect(second.body.results.map((s: any) => s.key)).toEqual(['ENG']);
    expect(second.body._links.next).toBeUndefined();
  });

  test('GET /spaces/{id} returns the space with homepage; unknown gives 404', async () => {
    const ir = await irSpace();
    const one = await call('GET', `/spaces/${ir.id}`);
    expect(one.status).toBe(200);
    expectValid('GET /spaces/{id} 200', one.body);
    expect(one.body).toMatchObject({ key: 'IR', homepageId: ir.homepageId, _links: { webui: '/spaces/IR', base: `${base}/wiki` } });
    const missing = await call('GET', '/spaces/999999');
    expect(missing.status).toBe(404);
    expectError(missing.body, 404);
    expect((await call('GET', '/spaces/abc')).status).toBe(400);
  });

  test('a restricted space is invisible to non-members but visible to apps', async () => {
    const secret = insertSpace(db, {
      key: 'SEC',
      name: 'Secret',
      authorId: SEED_USERS[1].accountId,
      createdAt: new Date().toISOString(),
      openToAll: false,
      members: [SEED_USERS[1].accountId],
    });
    expect((await call('GET', `/spaces/${secret.id}`)).status).toBe(404);
    expect((await call('GET', '/spaces')).body.results.map((s: any) => s.key)).not.toContain('SEC');
    principal = { kind: 'user', accountId: SEED_USERS[1].accountId };
    expect((await call('GET', `/spaces/${secret.id}`)).status).toBe(200);
    principal = { kind: 'app' };
    expect((await call('GET', '/spaces')).body.results.map((s: any) => s.key)).toContain('SEC');
  });

  test('GET /spaces/{id}/pages: depth=root, title filter, pagination', async () => {
    const ir = await irSpace();
    const root = await call('GET', `/spaces/${ir.id}/pages?depth=root`);
    expectValid('GET /spaces/{id}/pages 200', root.body);
    expect(root.body.results.map((p: any) => p.id)).toEqual([ir.homepageId]);
    expect(root.body.results[0].parentId).toBeUndefined();

    const byTitle = await call('GET', `/spaces/${ir.id}/pages?title=Runbooks&body-format=storage`);
    expect(byTitle.body.results).toHaveLength(1);
    expect(byTitle.body.results[0].body.storage.representation).toBe('storage');

    const seen: string[] = [];
    let next: string | undefined = `/spaces/${ir.id}/pages?limit=2`;
    while (next) {
      const page: { status: number; body: any } = await call('GET', next);
      expectValid('GET /spaces/{id}/pages 200', page.body);
      seen.push(...page.body.results.map((p: any) => p.id));
      next = page.body._links.next;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await call('GET', '/spaces/424242/pages')).status).toBe(404);
  });
});

// ---- pages ----

describe('pages', () => {
  test('GET /pages paginates to the end, Link header agrees with _links.next', async () => {
    const seen: string[] = [];
    let next: string | undefined = '/pages?limit=2&sort=title';
    let rounds = 0;
    while (next) {
      const page: { status: number; body: any; link: string | null } = await call('GET', next);
      expect(page.status).toBe(200);
      expectValid('GET /pages 200', page.body);
      seen.push(...page.body.results.map((p: any) => p.title));
      next = page.body._links.next;
      if (next) expect(page.link).toContain(`<${next}>; rel="next"`);
      expect(page.link).toContain(`<${base}/wiki>; rel="base"`);
      rounds++;
    }
    expect(rounds).toBe(3);
    expect(seen).toEqual([...seen].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(seen).toHaveLength(6);
    expect((await call('GET', '/pages?cursor=not-a-cursor')).status).toBe(400);
  });

  test('GET /pages filters by space-id, title and body-format', async () => {
    const ir = await irSpace();
    const res = await call('GET', `/pages?space-id=${ir.id}&title=Runbooks&body-format=atlas_doc_format`);
    expectValid('GET /pages 200', res.body);
    expect(res.body.results).toHaveLength(1);
    const adf = JSON.parse(res.body.results[0].body.atlas_doc_format.value);
    expect(adf.type).toBe('doc');
  });

  test('POST /pages answers 200 with the page; parent defaults to the homepage', async () => {
    const ir = await irSpace();
    const created = await call('POST', '/pages', {
      spaceId: ir.id,
      status: 'current',
      title: 'INC-1 review',
      body: storage('<p>Hello</p>'),
    });
    expect(created.status).toBe(200);
    expectValid('POST /pages 200', created.body);
    expect(created.body).toMatchObject({
      title: 'INC-1 review',
      status: 'current',
      spaceId: ir.id,
      parentId: ir.homepageId,
      parentType: 'page',
      authorId: SEED_USERS[0].accountId,
      version: { number: 1, authorId: SEED_USERS[0].accountId },
      body: { storage: { representation: 'storage', value: '<p>Hello</p>' } },
    });
    expect(created.body._links.webui).toBe(`/spaces/IR/pages/${created.body.id}/INC-1+review`);
    expect(created.body._links.base).toBe(`${base}/wiki`);
    expect(Number(created.body.id)).toBeGreaterThan(98305);

    const read = await call('GET', `/pages/${created.body.id}?body-format=storage`);
    expectValid('GET /pages/{id} 200', read.body);
    expect(read.body.body.storage.value).toBe('<p>Hello</p>');
  });

  test('POST /pages with root-level=true and with an explicit parent', async () => {
    const ir = await irSpace();
    const rootLevel = await call('POST', '/pages?root-level=true', { spaceId: ir.id, title: 'Loose page', body: storage('<p/>') });
    expect(rootLevel.status).toBe(200);
    expect(rootLevel.body.parentId).toBeUndefined();
    const runbooks = (await call('GET', '/pages?title=Runbooks')).body.results[0];
    const child = await call('POST', '/pages', { spaceId: ir.id, title: 'Child', parentId: runbooks.id, body: storage('<p/>') });
    expect(child.body.parentId).toBe(runbooks.id);
    expect((await call('POST', '/pages?root-level=true', { spaceId: ir.id, title: 'X', parentId: runbooks.id })).status).toBe(400);
  });

  test('POST /pages validation: duplicate title 400, missing title 400, unknown space 404, bad body 400', async () => {
    const ir = await irSpace();
    const dup = await call('POST', '/pages', { spaceId: ir.id, title: 'Runbooks', body: storage('<p/>') });
    expect(dup.status).toBe(400);
    expectError(dup.body, 400);
    expect(dup.body.errors[0].title).toMatch(/already exists/);
    const dupCase = await call('POST', '/pages', { spaceId: ir.id, title: 'runbooks', body: storage('<p/>') });
    expect(dupCase.status).toBe(400);
    // same title in another space is fine
    const eng = (await call('GET', '/spaces?keys=ENG')).body.results[0];
    expect((await call('POST', '/pages', { spaceId: eng.id, title: 'Runbooks', body: storage('<p/>') })).status).toBe(200);

    expect((await call('POST', '/pages', { spaceId: ir.id, body: storage('<p/>') })).status).toBe(400);
    const unknown = await call('POST', '/pages', { spaceId: '777777', title: 'x', body: storage('<p/>') });
    expect(unknown.status).toBe(404);
    expectError(unknown.body, 404);
    const badAdf = await call('POST', '/pages', {
      spaceId: ir.id,
      title: 'x',
      body: { representation: 'atlas_doc_format', value: '{not json' },
    });
    expect(badAdf.status).toBe(400);
    expectError(badAdf.body, 400);
    const noSpace = await call('POST', '/pages', { title: 'x' });
    expect(noSpace.status).toBe(400);
    expect(noSpace.body.errors[0].detail).toMatch(/spaceId/);
    const badJson = await call('POST', '/pages', '{"spaceId":');
    expect(badJson.status).toBe(400);
    expectError(badJson.body, 400);
  });

  test('drafts may be created without a title and share titles', async () => {
    const ir = await irSpace();
    const draft = await call('POST', '/pages', { spaceId: ir.id, status: 'draft', body: storage('<p>wip</p>') });
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('draft');
    expectValid('POST /pages 200', draft.body);
    expect((await call('POST', '/pages', { spaceId: ir.id, status: 'draft', title: 'Runbooks' })).status).toBe(200);
  });

  test('POST with nested body form is accepted', async () => {
    const ir = await irSpace();
    const res = await call('POST', '/pages', { spaceId: ir.id, title: 'Nested', body: { storage: storage('<p>n</p>') } });
    expect(res.status).toBe(200);
    expect(res.body.body.storage.value).toBe('<p>n</p>');
  });

  test('GET /pages/{id}: 404 for unknown, include-version=false, historical versions', async () => {
    const missing = await call('GET', '/pages/123');
    expect(missing.status).toBe(404);
    expectError(missing.body, 404);
    const ir = await irSpace();
    const noVersion = await call('GET', `/pages/${ir.homepageId}?include-version=false`);
    expectValid('GET /pages/{id} 200', noVersion.body);
    expect(noVersion.body.version).toBeUndefined();
    expect((await call('GET', `/pages/${ir.homepageId}?body-format=bogus`)).status).toBe(400);
  });

  test('PUT /pages/{id}: version+1 updates, stale 409, title clash 400, id mismatch 400', async () => {
    const ir = await irSpace();
    const created = (await call('POST', '/pages', { spaceId: ir.id, title: 'Draft review', body: storage('<p>v1</p>') })).body;
    const update = (n: number, title = 'Draft review', value = `<p>v${n}</p>`) =>
      call('PUT', `/pages/${created.id}`, {
        id: created.id,
        status: 'current',
        title,
        body: storage(value),
        version: { number: n, message: `edit ${n}` },
      });
    const v2 = await update(2);
    expect(v2.status).toBe(200);
    expectValid('PUT /pages/{id} 200', v2.body);
    expect(v2.body.version).toMatchObject({ number: 2, message: 'edit 2' });
    expect(v2.body.body.storage.value).toBe('<p>v2</p>');

    const stale = await update(2);
    expect(stale.status).toBe(409);
    expectError(stale.body, 409);
    expect((await update(5)).status).toBe(409);

    const clash = await update(3, 'Runbooks');
    expect(clash.status).toBe(400);
    expectError(clash.body, 400);

    const renamed = await update(3, 'Renamed review');
    expect(renamed.body).toMatchObject({ title: 'Renamed review', version: { number: 3 } });
    expect(renamed.body._links.webui).toBe(`/spaces/IR/pages/${created.id}/Renamed+review`);

    const old = await call('GET', `/pages/${created.id}?version=1&body-format=storage`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ title: 'Draft review', version: { number: 1 }, body: { storage: { value: '<p>v1</p>' } } });

    const mismatch = await call('PUT', `/pages/${created.id}`, {
      id: '1',
      status: 'current',
      title: 'x',
      body: storage(''),
      version: { number: 4 },
    });
    expect(mismatch.status).toBe(400);
    const missing = await call('PUT', '/pages/55555', {
      id: '55555',
      status: 'current',
      title: 'x',
      body: storage(''),
      version: { number: 2 },
    });
    expect(missing.status).toBe(404);
    const noVersion = await call('PUT', `/pages/${created.id}`, { id: created.id, status: 'current', title: 'x', body: storage('') });
    expect(noVersion.status).toBe(400);
  });

  test('DELETE /pages/{id} trashes; GET 404 unless status=trashed; same title can be re-created; purge', async () => {
    const ir = await irSpace();
    const created = (await call('POST', '/pages', { spaceId: ir.id, title: 'Short-lived', body: storage('<p/>') })).body;
    const del = await call('DELETE', `/pages/${created.id}`);
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();

    const gone = await call('GET', `/pages/${created.id}`);
    expect(gone.status).toBe(404);
    expectError(gone.body, 404);
    const trashed = await call('GET', `/pages/${created.id}?status=trashed`);
    expect(trashed.status).toBe(200);
    expectValid('GET /pages/{id} 200', trashed.body);
    expect(trashed.body.status).toBe('trashed');
    expect((await call('GET', '/pages?title=Short-lived')).body.results).toHaveLength(0);
    expect((await call('GET', '/pages?title=Short-lived&status=trashed')).body.results).toHaveLength(1);

    const again = await call('POST', '/pages', { spaceId: ir.id, title: 'Short-lived', body: storage('<p>again</p>') });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(created.id);

    expect((await call('DELETE', `/pages/${created.id}`)).status).toBe(404);
    expect((await call('DELETE', `/pages/${again.body.id}?purge=true`)).status).toBe(400);
    expect((await call('DELETE', `/pages/${created.id}?purge=true`)).status).toBe(204);
    expect((await call('GET', `/pages/${created.id}?status=trashed`)).status).toBe(404);
    expect((await call('DELETE', '/pages/31337')).status).toBe(404);
  });

  test('bodies over 5 MB give 413 with the error body', async () => {
    const ir = await irSpace();
    const big = `<p>${'x'.repeat(5 * 1024 * 1024 + 10)}</p>`;
    const res = await call('POST', '/pages', { spaceId: ir.id, title: 'Huge', body: storage(big) });
    expect(res.status).toBe(413);
    expectError(res.body, 413);
    const justUnder = `<p>${'y'.repeat(4 * 1024 * 1024)}</p>`;
    const ok = await call('POST', '/pages', { spaceId: ir.id, title: 'Large', body: storage(justUnder) });
    expect(ok.status).toBe(200);
    const put = await call('PUT', `/pages/${ok.body.id}`, {
      id: ok.body.id,
      status: 'current',
      title: 'Large',
      body: storage(big),
      version: { number: 2 },
    });
    expect(put.status).toBe(413);
  });

  test('GET /pages/{id}/children and /direct-children paginate in child position order', async () => {
    const ir = await irSpace();
    for (let i = 0; i < 5; i++) {
      await call('POST', '/pages', { spaceId: ir.id, title: `Extra ${i}`, body: storage('<p/>') });
    }
    for (const kind of ['children', 'direct-children']) {
      const titles: string[] = [];
      let next: string | undefined = `/pages/${ir.homepageId}/${kind}?limit=3`;
      while (next) {
        const page: { status: number; body: any } = await call('GET', next);
        expect(page.status).toBe(200);
        expectValid('GET /pages/{id}/children 200', page.body);
        titles.push(...page.body.results.map((c: any) => c.title));
        if (kind === 'direct-children') expect(page.body.results.every((c: any) => c.type === 'page')).toBe(true);
        next = page.body._links.next;
      }
      expect(titles).toEqual(['Post-incident reviews', 'Runbooks', 'Extra 0', 'Extra 1', 'Extra 2', 'Extra 3', 'Extra 4']);
    }
    expect((await call('GET', '/pages/999/children')).status).toBe(404);
  });

  test('unknown routes under the mount give the error body', async () => {
    const res = await call('GET', '/nonsense');
    expect(res.status).toBe(404);
    expectError(res.body, 404);
  });
});

// ---- representations and the page view ----

describe('representations', () => {
  const forgeExtension = {
    type: 'extension',
    attrs: {
      extensionType: 'com.atlassian.ecosystem',
      extensionKey: 'b1c2d3e4-app/7f8e9d0c-env/static/pir-summary',
      parameters: {
        localId: 'a1b2c3',
        extensionTitle: 'Post-incident review',
        guestParams: { issueKey: 'INC-1', showTimeline: true, sections: ['timeline', 'actions'] },
      },
      localId: 'a1b2c3',
    },
  };
  const adfDoc = {
    type: 'doc',
    version: 1,
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Summary' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Bold', marks: [{ type: 'strong' }] },
          { type: 'text', text: ' and plain' },
        ],
      },
      forgeExtension,
    ],
  };

  test('a page written in ADF reads back as written, as storage, and renders the Forge macro', async () => {
    const ir = await irSpace();
    const value = JSON.stringify(adfDoc);
    const created = await call('POST', '/pages', {
      spaceId: ir.id,
      title: 'ADF page',
      body: { representation: 'atlas_doc_format', value },
    });
    expect(created.status).toBe(200);
    expect(created.body.body.atlas_doc_format.value).toBe(value);

    const asStorage = await call('GET', `/pages/${created.body.id}?body-format=storage`);
    expectValid('GET /pages/{id} 200', asStorage.body);
    const xml: string = asStorage.body.body.storage.value;
    expect(xml).toContain('<h2>Summary</h2>');
    expect(xml).toContain('<ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>');
    expect(xml).toContain('<ac:adf-parameter key="guest-params" type="object">');

    const view = getPageForView(db, created.body.id, principal)!;
    expect(view).toMatchObject({
      title: 'ADF page',
      spaceKey: 'IR',
      spaceName: 'Incident Reviews',
      version: 1,
      representation: 'atlas_doc_format',
    });
    expect(view.ancestors).toEqual([{ id: ir.homepageId, title: 'Incident Reviews' }]);
    const calls: unknown[] = [];
    const html = renderStorageToHtml(view.storage, {
      renderForgeMacro: (m) => {
        calls.push(m);
        return '<iframe data-macro></iframe>';
      },
      lookupJiraIssue: () => null,
    });
    expect(html).toContain('<iframe data-macro></iframe>');
    expect(calls).toEqual([
      {
        extensionKey: forgeExtension.attrs.extensionKey,
        localId: 'a1b2c3',
        title: 'Post-incident review',
        guestParams: { issueKey: 'INC-1', showTimeline: true, sections: ['timeline', 'actions'] },
      },
    ]);

    // storage written back converts to the same ADF
    const viaStorage = await call('POST', '/pages', { spaceId: ir.id, title: 'Storage copy', body: storage(xml) });
    const back = await call('GET', `/pages/${viaStorage.body.id}?body-format=atlas_doc_format`);
    expect(JSON.parse(back.body.body.atlas_doc_format.value)).toEqual(adfDoc);
  });

  test('body-format=view renders HTML', async () => {
    const ir = await irSpace();
    const res = await call('GET', `/pages/${ir.homepageId}?body-format=view`);
    expectValid('GET /pages/{id} 200', res.body);
    expect(res.body.body.view.value).toContain('<h1>Incident Reviews</h1>');
    expect(res.body.body.view.value).toContain('cf-panel-info');
  });

  test('getPageForView hides trashed pages and pages of restricted spaces', async () => {
    const ir = await irSpace();
    const page = (await call('POST', '/pages', { spaceId: ir.id, title: 'Soon gone', body: storage('<p/>') })).body;
    expect(getPageForView(db, page.id, principal)).not.toBeNull();
    await call('DELETE', `/pages/${page.id}`);
    expect(getPageForView(db, page.id, principal)).toBeNull();
    expect(getPageForView(db, '1', principal)).toBeNull();
  });
});
