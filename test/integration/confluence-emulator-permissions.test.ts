/**
 * Confluence space permissions on the seeded local site, over HTTP as the seeded users: Lena
 * (marketing) may not view Incident Reviews (IR), where reports are published, and gets
 * Confluence's 404 for the space, its pages and writes into it, exactly as for a space that does
 * not exist; she still sees Engineering (ENG). Other users and the app see IR.
 */
import type { RunningSite } from '../../local/site';
import { basicAuth, freshSite } from '../support/site';

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const NOT_FOUND = { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] };

interface Space {
  id: string;
  key: string;
  homepageId: string;
}

let site: RunningSite;
let ir: Space;
let eng: Space;

async function wiki(who: string, method: string, path: string, body?: unknown): Promise<{ status: number; type: string; body: unknown }> {
  const authorization = who === 'app' ? `Bearer ${site.auth.appToken()}` : basicAuth(who);
  const res = await fetch(`${site.url}/wiki/api/v2${path}`, {
    method,
    headers: { authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as unknown) : undefined };
}

const spaceKeys = async (who: string) =>
  ((await wiki(who, 'GET', '/spaces?limit=250')).body as { results: Space[] }).results.map((s) => s.key);

beforeAll(async () => {
  site = await freshSite();
  const spaces = ((await wiki(MAYA, 'GET', '/spaces')).body as { results: Space[] }).results;
  ir = spaces.find((s) => s.key === 'IR')!;
  eng = spaces.find((s) => s.key === 'ENG')!;
});
afterAll(async () => {
  await site.close();
});

describe('a user who may not view the Incident Reviews space', () => {
  it('does not find it in the space list, though other users and the app do', async () => {
    expect(await spaceKeys(LENA)).toEqual(['ENG']);
    expect((await spaceKeys(MAYA)).sort()).toEqual(['ENG', 'IR']);
    expect((await spaceKeys('app')).sort()).toEqual(['ENG', 'IR']);
    expect(((await wiki(LENA, 'GET', `/spaces?keys=IR`)).body as { results: unknown[] }).results).toEqual([]);
  });

  it("gets Confluence's 404 for the space, its pages and its page list, as for a space that does not exist", async () => {
    for (const path of [
      `/spaces/${ir.id}`,
      `/spaces/${ir.id}/pages`,
      `/pages/${ir.homepageId}`,
      `/pages/${ir.homepageId}?body-format=storage`,
      `/pages/${ir.homepageId}/children`,
      `/spaces/999999`,
    ]) {
      expect({ path, ...(await wiki(LENA, 'GET', path)) }).toEqual({
        path,
        status: 404,
        type: expect.stringMatching(/^application\/json/),
        body: NOT_FOUND,
      });
    }
    const pages = (await wiki(LENA, 'GET', '/pages?limit=250')).body as { results: { spaceId: string }[] };
    expect(pages.results.length).toBeGreaterThan(0);
    expect(pages.results.every((p) => p.spaceId === eng.id)).toBe(true);
  });

  it("gets Confluence's 404 when creating, updating or deleting a page there, and nothing changes", async () => {
    const create = await wiki(LENA, 'POST', '/pages', {
      spaceId: ir.id,
      status: 'current',
      title: 'Campaign notes',
      body: { representation: 'storage', value: '<p>x</p>' },
    });
    expect(create).toMatchObject({ status: 404, body: NOT_FOUND });
    const home = (await wiki(MAYA, 'GET', `/pages/${ir.homepageId}`)).body as { title: string; version: { number: number } };
    const update = await wiki(LENA, 'PUT', `/pages/${ir.homepageId}`, {
      id: ir.homepageId,
      status: 'current',
      title: 'Renamed',
      version: { number: home.version.number + 1 },
      body: { representation: 'storage', value: '<p>x</p>' },
    });
    expect(update).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await wiki(LENA, 'DELETE', `/pages/${ir.homepageId}`)).toMatchObject({ status: 404, body: NOT_FOUND });
    const after = (await wiki(MAYA, 'GET', `/pages/${ir.homepageId}`)).body as {
      title: string;
      status: string;
      version: { number: number };
    };
    expect(after).toMatchObject({ title: home.title, status: 'current', version: { number: home.version.number } });
    expect(((await wiki(MAYA, 'GET', `/spaces/${ir.id}/pages?title=Campaign%20notes`)).body as { results: unknown[] }).results).toEqual([]);
  });

  it('can still read and write in a space she may view', async () => {
    expect((await wiki(LENA, 'GET', `/pages/${eng.homepageId}`)).status).toBe(200);
    const created = await wiki(LENA, 'POST', '/pages', {
      spaceId: eng.id,
      status: 'current',
      title: 'Launch checklist',
      body: { representation: 'storage', value: '<p>ok</p>' },
    });
    expect(created.status).toBe(200);
  });

  it('sees the not-found page on the page view, where others see the page', async () => {
    const view = async (email: string) => {
      const res = await fetch(`${site.url}/wiki/spaces/IR/pages/${ir.homepageId}`, {
        headers: { cookie: `pir_user=${encodeURIComponent(email)}` },
      });
      return { status: res.status, html: await res.text() };
    };
    const lena = await view(LENA);
    expect(lena.status).toBe(404);
    expect(lena.html).toContain('Page not found');
    expect(lena.html).not.toContain('Incident Reviews</h1>');
    const maya = await view(MAYA);
    expect(maya.status).toBe(200);
    expect(maya.html).toContain('Incident Reviews');
  });
});
