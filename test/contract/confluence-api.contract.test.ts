/**
 * The local Confluence emulator speaks Confluence Cloud REST API v2 as the official OpenAPI spec
 * describes it.
 *
 * One fresh site; every call goes over real HTTP with Basic auth as maya@example.com. Every request
 * is checked with validateRequest and every response with validateResponse. The spec documents
 * error statuses without a body shape, so error bodies are also checked against the shape Confluence
 * really sends, `{"errors":[{status, code, title, detail}]}`, with a small schema here. The last
 * test proves every route of local/confluence/router.ts was exercised.
 */
import Ajv from 'ajv';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import { freshSite } from '../support/site';
import { ContractClient, expectContract, type Exchange } from './contract-client';

const MAYA = 'maya@example.com';
const mayaId = SEED_USERS.find((u) => u.email === MAYA)!.accountId;

const ERROR_BODY_SCHEMA = {
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
          status: { type: 'integer', minimum: 400, maximum: 599 },
          code: { type: 'string', pattern: '^[A-Z_]+$' },
          title: { type: 'string', minLength: 1 },
          detail: { type: ['string', 'null'] },
        },
      },
    },
  },
};
const isErrorBody = new Ajv({ allErrors: true }).compile(ERROR_BODY_SCHEMA);

let site: RunningSite;
let confluence: ContractClient;

beforeAll(async () => {
  site = await freshSite();
  confluence = new ContractClient(site, 'confluence', MAYA);
});
afterAll(async () => {
  await site.close();
});

async function ok<T = any>(method: string, path: string, status: number, body?: unknown): Promise<Exchange<T>> {
  const ex = await confluence.call<T>(method, path, { body });
  expectContract(ex, status);
  return ex;
}

interface FailOptions {
  body?: unknown;
  as?: string | null;
  /** The request is wrong on purpose: the validator must report exactly this one request problem. */
  invalidRequest?: RegExp;
  /** The status is real Confluence behaviour the spec does not document: exactly that one response problem. */
  undocumentedStatus?: boolean;
}

/**
 * Calls, expects the error status, a clean contract (apart from the one declared exception) and
 * the `{"errors":[…]}` body with that status.
 */
async function fails(method: string, path: string, status: number, options: FailOptions = {}): Promise<Exchange> {
  const ex = await confluence.call(method, path, options);
  expect(ex.status).toBe(status);
  expect(ex.requestProblems).toEqual(options.invalidRequest ? [expect.stringMatching(options.invalidRequest)] : []);
  expect(ex.responseProblems).toEqual(
    options.undocumentedStatus ? [expect.stringMatching(new RegExp(`status ${status} is not documented`))] : [],
  );
  const body: unknown = ex.body;
  if (!isErrorBody(body)) {
    throw new Error(
      `${method} ${path} → ${status}: error body ${JSON.stringify(body)} does not match {"errors":[…]}: ${JSON.stringify(isErrorBody.errors)}`,
    );
  }
  expect((body as { errors: { status: number }[] }).errors[0].status).toBe(status);
  return ex;
}

/** Follows `_links.next` from `firstPath` to the last page; returns every result, checking each page. */
async function allResults<T = any>(firstPath: string): Promise<{ results: T[]; pages: number }> {
  const results: T[] = [];
  let next: string | undefined = firstPath;
  let pages = 0;
  while (next) {
    const page: Exchange = await ok('GET', next, 200);
    pages += 1;
    expect(page.body._links.base).toMatch(/\/wiki$/);
    results.push(...page.body.results);
    next = page.body._links.next;
    if (next) expect(page.headers.link).toContain(`<${next}>; rel="next"`);
    if (pages > 100) throw new Error('pagination never ended');
  }
  return { results, pages };
}

const adfValue = (text: string) =>
  JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let ir: { id: string; key: string; homepageId: string };

describe('spaces', () => {
  test('GET spaces pages with limit=1 following _links.next to the end', async () => {
    const { results, pages } = await allResults('/spaces?limit=1');
    expect(pages).toBe(results.length);
    expect(results.map((s: { key: string }) => s.key).sort()).toEqual(['ENG', 'IR']);
    ir = results.find((s: { key: string }) => s.key === 'IR');
  });

  test('GET spaces filters by key and sorts', async () => {
    const ex = await ok('GET', '/spaces?keys=IR&sort=-name&description-format=plain', 200);
    expect(ex.body.results.map((s: { key: string }) => s.key)).toEqual(['IR']);
  });

  test('GET space by id', async () => {
    const ex = await ok('GET', `/spaces/${ir.id}?description-format=plain`, 200);
    expect(ex.body).toMatchObject({ id: ir.id, key: 'IR', name: 'Incident Reviews', homepageId: ir.homepageId });
  });

  test('GET space of an unknown id is 404 and a malformed id is 400, both in the errors shape', async () => {
    await fails('GET', '/spaces/999999', 404);
    await fails('GET', '/spaces/not-a-number', 400, { invalidRequest: /path parameter id="not-a-number" must be integer/ });
  });

  test('GET space pages pages with limit=2 following _links.next, with bodies', async () => {
    const { results, pages } = await allResults(`/spaces/${ir.id}/pages?limit=2&body-format=storage&sort=title`);
    expect(pages).toBeGreaterThan(1);
    const titles = results.map((p: { title: string }) => p.title);
    expect(titles).toEqual(expect.arrayContaining(['Incident Reviews', 'Runbooks', 'Restart the web tier']));
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    for (const p of results) expect(p.body.storage.representation).toBe('storage');
    const roots = await ok('GET', `/spaces/${ir.id}/pages?depth=root`, 200);
    expect(roots.body.results.map((p: { title: string }) => p.title)).toEqual(['Incident Reviews']);
  });
});

describe('pages', () => {
  let created: { id: string; version: { number: number } };

  test('GET pages pages with limit=1 following _links.next to the end, across both spaces', async () => {
    const { results } = await allResults('/pages?limit=1');
    const spaceIds = new Set(results.map((p: { spaceId: string }) => p.spaceId));
    expect(spaceIds.size).toBe(2);
    expect(new Set(results.map((p: { id: string }) => p.id)).size).toBe(results.length);
  });

  test('GET pages filters by space, title and status', async () => {
    const ex = await ok(
      'GET',
      `/pages?space-id=${ir.id}&title=${encodeURIComponent('Runbooks')}&status=current&body-format=atlas_doc_format`,
      200,
    );
    expect(ex.body.results).toHaveLength(1);
    expect(JSON.parse(ex.body.results[0].body.atlas_doc_format.value)).toMatchObject({ type: 'doc' });
  });

  test('POST pages answers 200 with the page, ADF given as a JSON string', async () => {
    const ex = await ok('POST', '/pages', 200, {
      spaceId: ir.id,
      status: 'current',
      title: 'PIR: INC-1 login page outage',
      parentId: ir.homepageId,
      body: { representation: 'atlas_doc_format', value: adfValue('Draft review.') },
    });
    expect(ex.body).toMatchObject({
      title: 'PIR: INC-1 login page outage',
      spaceId: ir.id,
      parentId: ir.homepageId,
      status: 'current',
      authorId: mayaId,
      version: { number: 1 },
    });
    expect(JSON.parse(ex.body.body.atlas_doc_format.value)).toMatchObject({ type: 'doc' });
    created = ex.body;
  });

  test('POST pages with a title already used in the space is a 400', async () => {
    await fails('POST', '/pages', 400, {
      body: {
        spaceId: ir.id,
        status: 'current',
        title: 'PIR: INC-1 login page outage',
        body: { representation: 'storage', value: '<p>x</p>' },
      },
    });
  });

  test('POST pages in an unknown space is a 404', async () => {
    await fails('POST', '/pages', 404, {
      body: { spaceId: '999999', title: 'Nowhere', body: { representation: 'storage', value: '<p>x</p>' } },
    });
  });

  test('GET page by id, in storage, ADF and view', async () => {
    for (const format of ['storage', 'atlas_doc_format', 'view']) {
      const ex = await ok('GET', `/pages/${created.id}?body-format=${format}`, 200);
      expect(ex.body.body[format].representation).toBe(format);
    }
  });

  // A stale version answers 409 (contracts README: "a stale number gives 409: re-read and retry");
  // updatePage in the official spec documents only 200, 400, 401 and 404.
  test('PUT page with version+1 updates it; a stale version is a 409, a status the spec does not document', async () => {
    const ex = await ok('PUT', `/pages/${created.id}`, 200, {
      id: created.id,
      status: 'current',
      title: 'PIR: INC-1 login page outage (reviewed)',
      body: { representation: 'storage', value: '<p>Reviewed.</p>' },
      version: { number: created.version.number + 1, message: 'Reviewed' },
    });
    expect(ex.body.version.number).toBe(created.version.number + 1);
    await fails('PUT', `/pages/${created.id}`, 409, {
      undocumentedStatus: true,
      body: {
        id: created.id,
        status: 'current',
        title: 'Stale edit',
        body: { representation: 'storage', value: '<p>Stale.</p>' },
        version: { number: created.version.number + 1 },
      },
    });
    const reread = await ok('GET', `/pages/${created.id}`, 200);
    expect(reread.body).toMatchObject({ title: 'PIR: INC-1 login page outage (reviewed)', version: { number: 2 } });
    const v1 = await ok('GET', `/pages/${created.id}?version=1`, 200);
    expect(v1.body.title).toBe('PIR: INC-1 login page outage');
  });

  test('children of the home page page with limit=1 following _links.next and include the new page', async () => {
    const { results } = await allResults(`/pages/${ir.homepageId}/children?limit=1`);
    expect(results.map((p: { title: string }) => p.title)).toEqual(
      expect.arrayContaining(['Post-incident reviews', 'Runbooks', 'PIR: INC-1 login page outage (reviewed)']),
    );
  });

  test('direct-children answers, and its absence from the official spec is its only contract problem', async () => {
    const ex = await confluence.call('GET', `/pages/${ir.homepageId}/direct-children?limit=10`);
    expect(ex.status).toBe(200);
    expect(ex.requestProblems).toEqual([expect.stringMatching(/is not documented in the official confluence spec/)]);
    expect(ex.responseProblems).toEqual([expect.stringMatching(/is not documented in the official confluence spec/)]);
    expect(ex.body.results.every((c: { type: string }) => c.type === 'page')).toBe(true);
  });

  test('DELETE page trashes it (204); a trashed page is no longer current', async () => {
    await ok('DELETE', `/pages/${created.id}`, 204);
    await fails('GET', `/pages/${created.id}`, 404);
    const trashed = await ok('GET', `/pages/${created.id}?status=trashed`, 200);
    expect(trashed.body.status).toBe('trashed');
    await ok('DELETE', `/pages/${created.id}?purge=true`, 204);
    await fails('DELETE', `/pages/${created.id}`, 404);
  });

  test('errors: no credentials 401, unknown page 404, bad cursor 400, bad limit 400 — all in the errors shape', async () => {
    await fails('GET', '/pages', 401, { as: null });
    await fails('GET', '/pages/999999', 404);
    await fails('GET', '/pages?cursor=not-a-cursor', 400);
    await fails('GET', '/pages?limit=0', 400, { invalidRequest: /query parameter limit="0" must be >= 1/ });
  });

  // The spec documents only 200, 400 and 401 for GET /pages/{id}/children; the emulator (like
  // Confluence itself) answers 404 for an unknown parent. That undocumented status is the only problem.
  test('children of an unknown page is a 404 in the errors shape, a status the spec does not document', async () => {
    await fails('GET', '/pages/999999/children', 404, { undocumentedStatus: true });
  });
});

describe('coverage', () => {
  test('every route of the Confluence emulator was exercised by this suite', () => {
    expect(confluence.allRoutes().length).toBeGreaterThanOrEqual(10);
    expect(confluence.unexercisedRoutes()).toEqual([]);
  });
});
