/**
 * Comment visibility on the local Jira as real Jira applies it, through the demo seed and HTTP
 * Basic auth: a `role` restriction checks the project role of the comment's issue, a `group`
 * restriction checks site group membership (by name or groupId). Every read path (issue,
 * comment page, bulk fetch, comment/list) must agree, and comment/list must leave out what the
 * caller may not see. Also Jira's 32,767-character limit on comment and description text.
 */
import { INCIDENT_RESPONDERS } from '../../local/groups';
import type { RunningSite } from '../../local/site';
import { basicAuth, freshSite } from '../support/site';
import { adf } from '../support/helpers';

const MAYA = 'maya@example.com';
const DANIEL = 'daniel@example.com';
const SOFIA = 'sofia@example.com';
const TOMAS = 'tomas@example.com';
const AIKO = 'aiko@example.com';
const LENA = 'lena@example.com';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(async () => {
  await site.close();
});

async function rest(user: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${site.url}/rest/api/3${path}`, {
    method,
    headers: {
      authorization: basicAuth(user),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Every comment of an issue `user` sees through GET /issue/{key}/comment, all pages. */
async function pagedIds(user: string, key: string): Promise<string[]> {
  const ids: string[] = [];
  for (let startAt = 0; ; startAt += 100) {
    const r = await rest(user, 'GET', `/issue/${key}/comment?startAt=${startAt}&maxResults=100`);
    expect(r.status).toBe(200);
    ids.push(...r.body.comments.map((c: any) => c.id));
    if (startAt + 100 >= r.body.total) return ids;
  }
}

/** The seeded restricted comments of INC-1, read as Maya (developer and responder: she sees both). */
async function restrictedOnInc1(): Promise<{ role: any; group: any; all: string[] }> {
  const r = await rest(MAYA, 'GET', '/issue/INC-1/comment?maxResults=100');
  const role = r.body.comments.find((c: any) => c.visibility?.type === 'role');
  const group = r.body.comments.find((c: any) => c.visibility?.type === 'group');
  return { role, group, all: r.body.comments.map((c: any) => c.id) };
}

describe('seeded restricted comments on INC-1', () => {
  it("has one comment for the Developers role and one for the incident-responders group, with the group's id as identifier", async () => {
    const { role, group } = await restrictedOnInc1();
    expect(role.visibility).toEqual({ type: 'role', value: 'Developers', identifier: 'Developers' });
    expect(group.visibility).toEqual({ type: 'group', value: 'incident-responders', identifier: INCIDENT_RESPONDERS.groupId });
  });

  it.each([
    // who, sees the Developers comment, sees the responders comment
    [MAYA, true, true],
    [TOMAS, true, true],
    [AIKO, true, true],
    [DANIEL, true, false],
    [SOFIA, false, false],
  ])('%s: role %s, group %s, the same on every read path', async (user, seesRole, seesGroup) => {
    const { role, group, all } = await restrictedOnInc1();
    const expected = all.filter((id) => (id !== role.id || seesRole) && (id !== group.id || seesGroup));

    expect(await pagedIds(user, 'INC-1')).toEqual(expected);
    const issue = await rest(user, 'GET', '/issue/INC-1?fields=comment');
    expect(issue.body.fields.comment.comments.map((c: any) => c.id)).toEqual(expected);
    expect(issue.body.fields.comment.total).toBe(expected.length);
    const bulk = await rest(user, 'POST', '/issue/bulkfetch', { issueIdsOrKeys: ['INC-1'], fields: ['comment'] });
    expect(bulk.body.issues[0].fields.comment.comments.map((c: any) => c.id)).toEqual(expected);
    const listed = await rest(user, 'POST', '/comment/list', { ids: all.map(Number) });
    expect(listed.status).toBe(200);
    expect(listed.body.values.map((c: any) => c.id)).toEqual([...expected].sort((a, b) => Number(a) - Number(b)));
    for (const [id, visible] of [
      [role.id, seesRole],
      [group.id, seesGroup],
    ] as const) {
      expect((await rest(user, 'GET', `/issue/INC-1/comment/${id}`)).status).toBe(visible ? 200 : 404);
    }
  });
});

describe('POST /comment/list', () => {
  it('answers a PageBeanComment with the visible comments in id order, leaving out unknown and hidden ids', async () => {
    const { group, all } = await restrictedOnInc1();
    const sup = await rest(SOFIA, 'GET', '/issue/SUP-1/comment');
    const supIds: string[] = sup.body.comments.map((c: any) => c.id);
    const wanted = [Number(supIds[0]), 999_999, Number(group.id), Number(all[0])];

    const asMaya = await rest(MAYA, 'POST', '/comment/list?expand=renderedBody,properties', { ids: wanted });
    expect(asMaya.status).toBe(200);
    expect(asMaya.body).toMatchObject({ startAt: 0, isLast: true, total: 3, maxResults: expect.any(Number) });
    expect(asMaya.body.values.map((c: any) => c.id)).toEqual([all[0], group.id, supIds[0]].sort((a, b) => Number(a) - Number(b)));
    expect(asMaya.body.values.find((c: any) => c.id === group.id)).toMatchObject({
      author: { displayName: expect.any(String) },
      body: { type: 'doc' },
      visibility: { type: 'group', value: 'incident-responders' },
    });

    // Lena cannot browse INC: only the SUP comment is hers to see.
    const asLena = await rest(LENA, 'POST', '/comment/list', { ids: wanted });
    expect(asLena.body.values.map((c: any) => c.id)).toEqual([supIds[0]]);
    expect(asLena.body.total).toBe(1);
  });

  it.each([
    ['no ids', {}],
    ['an empty list of ids (the spec: "contains more than 1000 IDs or is empty")', { ids: [] }],
    ['ids that are not a list', { ids: '10000' }],
    ['ids that are not integers', { ids: ['10000'] }],
    ['fractional ids', { ids: [10000.5] }],
    ['repeated ids', { ids: [10000, 10000] }],
    ['an unknown property', { ids: [10000], maxResults: 5 }],
    ['more than 1000 ids', { ids: Array.from({ length: 1001 }, (_, i) => 10000 + i) }],
    ['a body that is not an object', [10000]],
  ])("answers Jira's 400 for %s", async (_what, body) => {
    const r = await rest(MAYA, 'POST', '/comment/list', body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });

  it('accepts exactly 1000 ids and is recorded in the request log', async () => {
    const r = await rest(MAYA, 'POST', '/comment/list', { ids: Array.from({ length: 1000 }, (_, i) => 10000 + i) });
    expect(r.status).toBe(200);
    expect(
      site.log.list().some((e) => e.kind === 'jira' && e.method === 'POST' && e.path === '/rest/api/3/comment/list' && e.status === 200),
    ).toBe(true);
  });
});

describe('adding restricted comments', () => {
  it('restricts to a group by name or identifier when the author belongs to it', async () => {
    const byName = await rest(AIKO, 'POST', '/issue/INC-2/comment', {
      body: adf('Pager rota draft.'),
      visibility: { type: 'group', value: 'incident-responders' },
    });
    expect(byName.status).toBe(201);
    const byId = await rest(TOMAS, 'POST', '/issue/INC-2/comment', {
      body: adf('Rota agreed.'),
      visibility: { type: 'group', identifier: INCIDENT_RESPONDERS.groupId },
    });
    expect(byId.status).toBe(201);
    expect(byId.body.visibility).toEqual({ type: 'group', value: 'incident-responders', identifier: INCIDENT_RESPONDERS.groupId });
    const seenByDaniel = await pagedIds(DANIEL, 'INC-2');
    expect(seenByDaniel).not.toContain(byName.body.id);
    expect(seenByDaniel).not.toContain(byId.body.id);
  });

  it("answers Jira's 400 for a group that does not exist, even one named like a project role", async () => {
    for (const value of ['no-such-group', 'Developers']) {
      const r = await rest(MAYA, 'POST', '/issue/INC-2/comment', { body: adf('x'), visibility: { type: 'group', value } });
      expect(r).toEqual({ status: 400, body: { errorMessages: [], errors: { commentLevel: `Group: ${value} does not exist.` } } });
    }
  });

  it("answers Jira's 400 when the author is not in the group, and stores nothing", async () => {
    const before = (await pagedIds(MAYA, 'INC-2')).length;
    const r = await rest(DANIEL, 'POST', '/issue/INC-2/comment', {
      body: adf('x'),
      visibility: { type: 'group', value: 'incident-responders' },
    });
    expect(r).toEqual({
      status: 400,
      body: { errorMessages: [], errors: { commentLevel: 'You are currently not a member of the group: incident-responders.' } },
    });
    expect((await pagedIds(MAYA, 'INC-2')).length).toBe(before);
  });
});

describe("Jira's 32,767-character limit", () => {
  const LIMIT = 32_767;
  const TOO_LONG = { errorMessages: [], errors: { comment: 'Comment body can not exceed 32,767 characters.' } };
  /** A document whose text is `n` characters, split over two paragraphs so the count spans nodes. */
  const docOf = (n: number) => ({
    type: 'doc',
    version: 1,
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'a'.repeat(Math.floor(n / 2)) }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'b'.repeat(n - Math.floor(n / 2)) }] },
    ],
  });

  it('refuses a comment over the limit on create and on edit, and keeps one at the limit', async () => {
    expect(await rest(MAYA, 'POST', '/issue/INC-2/comment', { body: docOf(LIMIT + 1) })).toEqual({ status: 400, body: TOO_LONG });
    const atLimit = await rest(MAYA, 'POST', '/issue/INC-2/comment', { body: docOf(LIMIT) });
    expect(atLimit.status).toBe(201);
    const edit = await rest(MAYA, 'PUT', `/issue/INC-2/comment/${atLimit.body.id}`, { body: docOf(LIMIT + 1) });
    expect(edit).toEqual({ status: 400, body: TOO_LONG });
    const kept = await rest(MAYA, 'GET', `/issue/INC-2/comment/${atLimit.body.id}`);
    expect(kept.body.body).toEqual(docOf(LIMIT));
  });

  it('refuses a description over the limit on create and on edit', async () => {
    const tooLong = { errorMessages: [], errors: { description: expect.stringContaining('32,767 characters') } };
    const create = await rest(MAYA, 'POST', '/issue', {
      fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary: 'Long', description: docOf(LIMIT + 1) },
    });
    expect(create).toEqual({ status: 400, body: tooLong });
    const edit = await rest(MAYA, 'PUT', '/issue/INC-2', { fields: { description: docOf(LIMIT + 1) } });
    expect(edit).toEqual({ status: 400, body: tooLong });
    const viaUpdate = await rest(MAYA, 'PUT', '/issue/INC-2', { update: { description: [{ set: docOf(LIMIT + 1) }] } });
    expect(viaUpdate).toEqual({ status: 400, body: tooLong });
    expect((await rest(MAYA, 'PUT', '/issue/INC-2', { fields: { description: docOf(LIMIT) } })).status).toBe(204);
  });
});
