/**
 * The local Jira emulator speaks Jira Cloud REST API v3 as the official OpenAPI spec describes it.
 *
 * One fresh site; every call goes over real HTTP with Basic auth (maya@example.com unless a test
 * says otherwise). Every request is checked with validateRequest and every response with
 * validateResponse: none may have a contract problem, except the two real-world quirks that
 * /work/shared/contracts/README.md documents (changelog/bulkfetch `created` as an epoch number;
 * the old GET /search answering 410), which are asserted as the only problems of those calls.
 * The last test proves every route of local/jira/router.ts was exercised.
 */
import type { RunningSite } from '../../local/site';
import { freshSite } from '../support/site';
import { ContractClient, expectContract, type Exchange } from './contract-client';
import { adf, accountIdOf } from '../support/helpers';

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const NOT_FOUND = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

let site: RunningSite;
let jira: ContractClient;

beforeAll(async () => {
  site = await freshSite();
  jira = new ContractClient(site, 'jira', MAYA);
});
afterAll(async () => {
  await site.close();
});

/** Calls and insists on a clean contract and the given status. */
async function ok<T = any>(method: string, path: string, status: number, body?: unknown): Promise<Exchange<T>> {
  const ex = await jira.call<T>(method, path, { body });
  expectContract(ex, status);
  return ex;
}

/** Follows nextPageToken from the first page to the one with isLast, returning every page. */
async function allSearchPages(first: (token?: string) => Promise<Exchange>): Promise<Exchange[]> {
  const pages: Exchange[] = [];
  let token: string | undefined;
  for (let i = 0; i < 100; i += 1) {
    const page = await first(token);
    expectContract(page, 200);
    pages.push(page);
    if (page.body.isLast) {
      expect(page.body.nextPageToken).toBeUndefined();
      return pages;
    }
    expect(typeof page.body.nextPageToken).toBe('string');
    token = page.body.nextPageToken;
  }
  throw new Error('search never reached isLast');
}

const keysOf = (pages: Exchange[]) => pages.flatMap((p) => p.body.issues.map((i: { key: string }) => i.key));

describe('authentication and permissions', () => {
  test('a request without credentials is answered 401 in the documented shape', async () => {
    const ex = await jira.call('GET', '/issue/INC-1', { as: null });
    expectContract(ex, 401);
    expect(ex.body.errorMessages).toEqual([expect.stringMatching(/not authenticated/i)]);
  });

  test('myself identifies the Basic-auth user', async () => {
    const ex = await ok('GET', '/myself', 200);
    expect(ex.body).toMatchObject({ accountId: accountIdOf(MAYA), emailAddress: MAYA, accountType: 'atlassian', active: true });
  });

  test("a user who cannot browse INC gets exactly Jira's 404 for INC-1", async () => {
    const ex = await jira.call('GET', '/issue/INC-1', { as: LENA });
    expectContract(ex, 404);
    expect(ex.body).toEqual(NOT_FOUND);
  });

  test('a user who cannot browse INC never sees an INC issue in search/jql, on any page', async () => {
    const pages = await allSearchPages((token) =>
      jira.call('POST', '/search/jql', {
        as: LENA,
        body: {
          jql: 'created >= "2000-01-01" ORDER BY key ASC',
          maxResults: 3,
          fields: ['summary'],
          ...(token ? { nextPageToken: token } : {}),
        },
      }),
    );
    const keys = keysOf(pages);
    expect(keys.filter((k) => k.startsWith('INC-'))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['SUP-1', 'MKT-1']));
    const text = await jira.call('GET', `/search/jql?jql=${encodeURIComponent('text ~ "login"')}&fields=summary`, { as: LENA });
    expectContract(text, 200);
    expect(keysOf([text]).filter((k) => k.startsWith('INC-'))).toEqual([]);
  });

  test('naming INC in JQL is a 400 for that user, as if the project did not exist', async () => {
    for (const jql of ['project = INC', 'key = INC-1']) {
      const ex = await jira.call('POST', '/search/jql', { as: LENA, body: { jql, fields: ['summary'] } });
      expectContract(ex, 400);
      expect(JSON.stringify(ex.body)).not.toContain('Login page outage');
    }
  });

  test('a user who cannot browse INC gets no INC issue from bulkfetch', async () => {
    const ex = await jira.call('POST', '/issue/bulkfetch', { as: LENA, body: { issueIdsOrKeys: ['INC-1', 'SUP-1'], fields: ['summary'] } });
    expectContract(ex, 200);
    expect(ex.body.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-1']);
    expect(JSON.stringify(ex.body.issues)).not.toContain('INC-1');
  });

  // The spec (BulkIssueResults.issueErrors): "Issues which aren't found or that the user doesn't have
  // permission to view won't be returned in this list." The emulator lists them there instead.
  test('bulkfetch leaves invisible issues out of issueErrors, as the spec describes', async () => {
    const ex = await jira.call('POST', '/issue/bulkfetch', { as: LENA, body: { issueIdsOrKeys: ['INC-1', 'SUP-1'], fields: ['summary'] } });
    expect(ex.body.issueErrors).toEqual([]);
  });
});

describe('reading issues', () => {
  test('GET issue with all fields has the comment page object and a visible description', async () => {
    const ex = await ok('GET', '/issue/INC-1', 200);
    expect(ex.body).toMatchObject({ key: 'INC-1', id: expect.stringMatching(/^\d+$/) });
    expect(ex.body.fields.comment).toMatchObject({ startAt: 0, total: expect.any(Number), comments: expect.any(Array) });
    expect(ex.body.fields.description).toMatchObject({ type: 'doc', version: 1 });
  });

  test('GET issue honours a fields list given as a comma list and as repeated parameters', async () => {
    const ex = await ok('GET', '/issue/INC-5?fields=summary,parent&fields=status', 200);
    expect(Object.keys(ex.body.fields).sort()).toEqual(['parent', 'status', 'summary']);
    expect(ex.body.fields.parent.key).toBe('INC-2');
  });

  test('GET issue honours *navigable with an exclusion', async () => {
    const ex = await ok('GET', '/issue/INC-1?fields=*navigable,-description', 200);
    expect(ex.body.fields.description).toBeUndefined();
    expect(ex.body.fields.summary).toEqual(expect.any(String));
  });

  test('GET issue with expand=names,changelog,transitions,renderedFields,schema,operations,editmeta', async () => {
    const ex = await ok(
      'GET',
      '/issue/INC-1?fields=summary,status&expand=names,changelog,transitions,renderedFields,schema,operations,editmeta',
      200,
    );
    expect(ex.body.names).toMatchObject({ summary: 'Summary', status: 'Status' });
    expect(ex.body.changelog.histories.length).toBeGreaterThan(0);
    expect(ex.body.changelog.histories.length).toBeLessThanOrEqual(100);
    expect(ex.body.transitions.length).toBeGreaterThan(0);
  });

  test('GET issue by numeric id returns the same issue, with properties asked for', async () => {
    const byKey = await ok('GET', '/issue/INC-2?fields=summary', 200);
    const byId = await ok('GET', `/issue/${byKey.body.id}?fields=summary&properties=*all`, 200);
    expect(byId.body.key).toBe('INC-2');
  });

  test("GET issue of an unknown key is Jira's 404", async () => {
    const ex = await jira.call('GET', '/issue/NOPE-9');
    expectContract(ex, 404);
    expect(ex.body).toEqual(NOT_FOUND);
  });

  test('bulkfetch returns the visible issues with the requested fields and reports unknown ones', async () => {
    const ex = await ok('POST', '/issue/bulkfetch', 200, {
      issueIdsOrKeys: ['INC-1', 'INC-2', 'SUP-1', 'ZZ-404'],
      fields: ['summary', 'status'],
      expand: ['names'],
    });
    expect(ex.body.issues.map((i: { key: string }) => i.key).sort()).toEqual(['INC-1', 'INC-2', 'SUP-1']);
    for (const issue of ex.body.issues) expect(Object.keys(issue.fields).sort()).toEqual(['status', 'summary']);
  });

  // The spec: "Issues will be returned in ascending `id` order." The emulator keeps request order.
  test('bulkfetch returns issues in ascending id order whatever the request order', async () => {
    const ex = await ok('POST', '/issue/bulkfetch', 200, { issueIdsOrKeys: ['INC-2', 'INC-1'], fields: ['summary'] });
    const ids = ex.body.issues.map((i: { id: string }) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  test('bulkfetch of more than 100 keys is a documented 400', async () => {
    const ex = await jira.call('POST', '/issue/bulkfetch', {
      body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `INC-${i + 1}`) },
    });
    expectContract(ex, 400);
  });
});

describe('searching with JQL', () => {
  test('GET search/jql pages with nextPageToken to isLast and returns only id by default', async () => {
    const jql = encodeURIComponent('project = INC ORDER BY key ASC');
    const idOnly = await ok('GET', `/search/jql?jql=${jql}&maxResults=2`, 200);
    expect(Object.keys(idOnly.body.issues[0])).toEqual(['id']);
    expect(idOnly.body.total).toBeUndefined();
    const pages = await allSearchPages((token) =>
      jira.call(
        'GET',
        `/search/jql?jql=${jql}&maxResults=2&fields=summary,status${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`,
      ),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(keysOf(pages).slice(0, 5)).toEqual(['INC-1', 'INC-2', 'INC-3', 'INC-4', 'INC-5']);
  });

  test('POST search/jql pages with nextPageToken to isLast, with fields and expand', async () => {
    const pages = await allSearchPages((token) =>
      jira.call('POST', '/search/jql', {
        body: {
          jql: 'project in (SUP, OPS) ORDER BY key ASC',
          maxResults: 4,
          fields: ['summary', 'assignee', 'priority'],
          expand: 'names',
          ...(token ? { nextPageToken: token } : {}),
        },
      }),
    );
    const keys = keysOf(pages);
    expect(keys).toEqual(expect.arrayContaining(['SUP-1', 'SUP-5', 'OPS-1', 'OPS-6']));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('invalid JQL is a documented 400', async () => {
    const ex = await jira.call('POST', '/search/jql', { body: { jql: 'project = = INC' } });
    expectContract(ex, 400);
  });

  test('the removed GET /search answers 410, and that undocumented status is its only contract problem', async () => {
    const ex = await jira.call('GET', `/search?jql=${encodeURIComponent('project = INC')}`);
    expect(ex.status).toBe(410);
    expect(ex.requestProblems).toEqual([]);
    expect(ex.responseProblems).toEqual([expect.stringMatching(/status 410 is not documented/)]);
  });
});

describe('creating and editing issues', () => {
  let subtaskTypeId: string;

  test("createmeta lists the project's issue types, one of them the sub-task type", async () => {
    const ex = await ok('GET', '/issue/createmeta/INC/issuetypes?startAt=0&maxResults=50', 200);
    const subtask = ex.body.issueTypes.find((t: { subtask: boolean }) => t.subtask);
    expect(subtask).toBeDefined();
    subtaskTypeId = subtask.id;
  });

  test('createmeta for the sub-task type says which fields are required', async () => {
    const ex = await ok('GET', `/issue/createmeta/INC/issuetypes/${subtaskTypeId}`, 200);
    const required = ex.body.fields.filter((f: { required: boolean }) => f.required).map((f: { fieldId: string }) => f.fieldId);
    expect(required).toEqual(expect.arrayContaining(['summary', 'issuetype', 'parent', 'project']));
  });

  test('createmeta for a project the caller cannot see is a documented 400', async () => {
    const ex = await jira.call('GET', '/issue/createmeta/INC/issuetypes', { as: LENA });
    expectContract(ex, 400);
  });

  test('POST issue creates a sub-task and answers 201 with id, key and self', async () => {
    const ex = await ok('POST', '/issue', 201, {
      fields: {
        project: { key: 'INC' },
        issuetype: { id: subtaskTypeId },
        parent: { key: 'INC-1' },
        summary: 'Add a synthetic login check',
        description: adf('Alert when sign-in fails for five minutes.'),
        labels: ['follow-up'],
        duedate: '2026-12-01',
        assignee: { accountId: accountIdOf(MAYA) },
        priority: { id: '3' },
      },
    });
    expect(ex.body).toEqual({ id: expect.any(String), key: expect.stringMatching(/^INC-\d+$/), self: expect.any(String) });
    const created = await ok('GET', `/issue/${ex.body.key}?fields=parent,labels,duedate`, 200);
    expect(created.body.fields).toMatchObject({ parent: { key: 'INC-1' }, labels: ['follow-up'], duedate: '2026-12-01' });
  });

  test('POST issue without a summary is a documented 400 with a field error', async () => {
    const ex = await jira.call('POST', '/issue', { body: { fields: { project: { key: 'INC' }, issuetype: { name: 'Task' } } } });
    expectContract(ex, 400);
    expect(Object.keys(ex.body.errors)).toContain('summary');
  });

  test('bulk create with one bad element answers 201 with the good issues and the failed element number', async () => {
    const ex = await ok('POST', '/issue/bulk', 201, {
      issueUpdates: [
        { fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary: 'Rotate the session keys' } },
        { fields: { project: { key: 'INC' }, issuetype: { name: 'Task' } } },
        { fields: { project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary: 'Reply to affected customers' } },
      ],
    });
    expect(ex.body.issues).toHaveLength(2);
    expect(ex.body.errors).toEqual([expect.objectContaining({ failedElementNumber: 1, elementErrors: expect.any(Object) })]);
  });

  test('bulk create where every element fails answers 400 in the same shape', async () => {
    const ex = await jira.call('POST', '/issue/bulk', {
      body: {
        issueUpdates: [
          { fields: { project: { key: 'INC' }, issuetype: { name: 'Task' } } },
          { fields: { project: { key: 'NOPE' }, issuetype: { name: 'Task' }, summary: 'x' } },
        ],
      },
    });
    expectContract(ex, 400);
    expect(ex.body.issues).toEqual([]);
    expect(ex.body.errors.map((e: { failedElementNumber: number }) => e.failedElementNumber)).toEqual([0, 1]);
  });

  test('PUT issue edits fields and answers 204, or 200 with the issue when returnIssue=true', async () => {
    await ok('PUT', '/issue/INC-4', 204, { fields: { summary: 'Edited summary' }, update: { labels: [{ add: 'reviewed' }] } });
    const ex = await ok('PUT', '/issue/INC-4?returnIssue=true&expand=names', 200, { fields: { duedate: '2026-12-24' } });
    expect(ex.body.fields).toMatchObject({ summary: 'Edited summary', duedate: '2026-12-24' });
    expect(ex.body.fields.labels).toContain('reviewed');
  });

  test('PUT issue with a label containing a space is a documented 400', async () => {
    const ex = await jira.call('PUT', '/issue/INC-4', { body: { fields: { labels: ['has space'] } } });
    expectContract(ex, 400);
  });
});

describe('comments', () => {
  let commentId: string;

  test('GET comments pages with startAt/maxResults until total, in a PageOfComments without isLast', async () => {
    const first = await ok('GET', '/issue/INC-1/comment?startAt=0&maxResults=5', 200);
    const total: number = first.body.total;
    expect(first.body.isLast).toBeUndefined();
    const ids: string[] = [];
    for (let startAt = 0; startAt < total; startAt += 5) {
      const page = await ok('GET', `/issue/INC-1/comment?startAt=${startAt}&maxResults=5&orderBy=created`, 200);
      ids.push(...page.body.comments.map((c: { id: string }) => c.id));
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  test('POST comment answers 201 with the comment, also with a role visibility', async () => {
    const ex = await ok('POST', '/issue/INC-2/comment', 201, { body: adf('Timeline drafted.') });
    expect(ex.body).toMatchObject({ id: expect.any(String), author: { accountId: accountIdOf(MAYA) }, body: adf('Timeline drafted.') });
    commentId = ex.body.id;
    const restricted = await ok('POST', '/issue/INC-2/comment', 201, {
      body: adf('Internal note.'),
      visibility: { type: 'role', value: 'Developers' },
    });
    expect(restricted.body.visibility).toMatchObject({ type: 'role', value: 'Developers' });
  });

  test('POST comment with a body that is not ADF is a documented 400', async () => {
    const ex = await jira.call('POST', '/issue/INC-2/comment', { body: { body: { type: 'doc', version: 1, content: 'plain' } } });
    expect(ex.status).toBe(400);
    expect(ex.responseProblems).toEqual([]);
  });

  test("POST comment/list answers a PageBeanComment of the caller's visible comments; a bad body is a documented 400", async () => {
    const page = await ok('GET', '/issue/INC-1/comment?maxResults=100', 200);
    const ids: number[] = page.body.comments.map((c: { id: string }) => Number(c.id));
    const listed = await ok('POST', '/comment/list?expand=renderedBody', 200, { ids: [...ids, 999_999] });
    expect(listed.body).toMatchObject({ startAt: 0, isLast: true, total: ids.length });
    expect(listed.body.values.map((c: { id: string }) => Number(c.id))).toEqual([...ids].sort((a, b) => a - b));
    const asLena = await jira.call('POST', '/comment/list', { as: LENA, body: { ids } });
    expectContract(asLena, 200);
    expect(asLena.body).toMatchObject({ total: 0, values: [] });
    const tooMany = await jira.call('POST', '/comment/list', { body: { ids: Array.from({ length: 1001 }, (_, i) => i + 1) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });

  test('GET, PUT and DELETE a single comment', async () => {
    const got = await ok('GET', `/issue/INC-2/comment/${commentId}`, 200);
    expect(got.body.id).toBe(commentId);
    const put = await ok('PUT', `/issue/INC-2/comment/${commentId}`, 200, { body: adf('Timeline reviewed.') });
    expect(put.body.body).toEqual(adf('Timeline reviewed.'));
    await ok('DELETE', `/issue/INC-2/comment/${commentId}`, 204);
    expectContract(await jira.call('GET', `/issue/INC-2/comment/${commentId}`), 404);
  });
});

describe('changelogs', () => {
  test('GET changelog pages with startAt/maxResults until isLast', async () => {
    const ids: string[] = [];
    let startAt = 0;
    let total = -1;
    for (let i = 0; i < 50; i += 1) {
      const page = await ok('GET', `/issue/INC-1/changelog?startAt=${startAt}&maxResults=3`, 200);
      total = page.body.total;
      ids.push(...page.body.values.map((h: { id: string }) => h.id));
      if (page.body.isLast) break;
      startAt += page.body.values.length;
    }
    expect(total).toBeGreaterThan(3);
    expect(ids).toHaveLength(total);
  });

  test('changelog/bulkfetch pages with nextPageToken; its epoch-number `created` is the only contract problem', async () => {
    const histories: { id: string; created: unknown; items: { fieldId: string }[] }[] = [];
    let token: string | undefined;
    for (let i = 0; i < 50; i += 1) {
      const ex = await jira.call('POST', '/changelog/bulkfetch', {
        body: {
          issueIdsOrKeys: ['INC-1', 'INC-2'],
          fieldIds: ['status', 'assignee'],
          maxResults: 4,
          ...(token ? { nextPageToken: token } : {}),
        },
      });
      expect(ex.status).toBe(200);
      expect(ex.requestProblems).toEqual([]);
      const page = ex.body.issueChangeLogs.flatMap((g: { changeHistories: unknown[] }) => g.changeHistories);
      // The only problems allowed: `created` is an epoch number where the spec says string (README quirk).
      expect(ex.responseProblems).toHaveLength(page.length);
      for (const p of ex.responseProblems) expect(p).toMatch(/body\/issueChangeLogs\/\d+\/changeHistories\/\d+\/created must be string$/);
      histories.push(...page);
      token = ex.body.nextPageToken;
      if (!token) break;
    }
    expect(histories.length).toBeGreaterThan(4);
    for (const h of histories) {
      expect(typeof h.created).toBe('number');
      for (const item of h.items) expect(['status', 'assignee']).toContain(item.fieldId);
    }
  });
});

describe('issue links', () => {
  test('link types, creating a link (201 with Location) and reading it back', async () => {
    const types = await ok('GET', '/issueLinkType', 200);
    const blocks = types.body.issueLinkTypes.find((t: { name: string }) => t.name === 'Blocks');
    expect(blocks).toMatchObject({ inward: 'is blocked by', outward: 'blocks' });
    const created = await ok('POST', '/issueLink', 201, {
      type: { name: 'Blocks' },
      inwardIssue: { key: 'OPS-1' },
      outwardIssue: { key: 'INC-4' },
      comment: { body: adf('Linked during the review.') },
    });
    const location = created.headers.location;
    expect(location).toMatch(/\/rest\/api\/3\/issueLink\/\d+$/);
    const link = await ok('GET', new URL(location).pathname, 200);
    expect(link.body).toMatchObject({ type: { name: 'Blocks' }, inwardIssue: { key: 'OPS-1' }, outwardIssue: { key: 'INC-4' } });
  });

  test("linking to an issue the caller cannot see is Jira's 404", async () => {
    const ex = await jira.call('POST', '/issueLink', {
      as: LENA,
      body: { type: { name: 'Relates' }, inwardIssue: { key: 'SUP-1' }, outwardIssue: { key: 'INC-1' } },
    });
    expectContract(ex, 404);
  });
});

describe('remote links', () => {
  const globalId = 'system=https://status.example.com&id=contract-1';

  test('GET remote links lists the seeded ones', async () => {
    const ex = await ok('GET', '/issue/INC-1/remotelink', 200);
    expect(ex.body.length).toBeGreaterThan(0);
  });

  test('POST creates (201), POST with the same globalId updates in place (200) nulling left-out fields, DELETE removes', async () => {
    const created = await ok('POST', '/issue/INC-3/remotelink', 201, {
      globalId,
      relationship: 'mentioned in',
      object: { url: 'https://status.example.com/1', title: 'Status page', summary: 'First update' },
    });
    const updated = await ok('POST', '/issue/INC-3/remotelink', 200, {
      globalId,
      object: { url: 'https://status.example.com/1', title: 'Status page (resolved)' },
    });
    expect(updated.body.id).toBe(created.body.id);
    const byGlobalId = await ok('GET', `/issue/INC-3/remotelink?globalId=${encodeURIComponent(globalId)}`, 200);
    expect(byGlobalId.body.object.title).toBe('Status page (resolved)');
    expect(byGlobalId.body.object.summary).toBeUndefined();
    expect(byGlobalId.body.relationship).toBeUndefined();
    await ok('DELETE', `/issue/INC-3/remotelink/${created.body.id}`, 204);
    const after = await ok('GET', '/issue/INC-3/remotelink', 200);
    expect(after.body.map((l: { id: number }) => l.id)).not.toContain(created.body.id);
  });

  test('POST with a URL that is not absolute is a documented 400', async () => {
    const ex = await jira.call('POST', '/issue/INC-3/remotelink', { body: { object: { url: 'status page', title: 'Status page' } } });
    expectContract(ex, 400);
  });
});

describe('issue properties', () => {
  test('PUT creates (201), PUT again replaces (200), GET returns key and value', async () => {
    await ok('PUT', '/issue/INC-3/properties/pir.review', 201, { state: 'draft' });
    await ok('PUT', '/issue/INC-3/properties/pir.review', 200, { state: 'published', version: 2 });
    const ex = await ok('GET', '/issue/INC-3/properties/pir.review', 200);
    expect(ex.body).toEqual({ key: 'pir.review', value: { state: 'published', version: 2 } });
  });

  test('GET of a missing property is a documented 404', async () => {
    expectContract(await jira.call('GET', '/issue/INC-3/properties/missing.key'), 404);
  });
});

describe('transitions', () => {
  test('GET lists transitions; POST one moves the status (204)', async () => {
    const list = await ok('GET', '/issue/OPS-2/transitions', 200);
    const before = await ok('GET', '/issue/OPS-2?fields=status', 200);
    const target = list.body.transitions.find((t: { to: { id: string } }) => t.to.id !== before.body.fields.status.id);
    expect(target).toBeDefined();
    const one = await ok('GET', `/issue/OPS-2/transitions?transitionId=${target.id}`, 200);
    expect(one.body.transitions.map((t: { id: string }) => t.id)).toEqual([target.id]);
    await ok('POST', '/issue/OPS-2/transitions', 204, { transition: { id: target.id } });
    const after = await ok('GET', '/issue/OPS-2?fields=status', 200);
    expect(after.body.fields.status.id).toBe(target.to.id);
  });

  test('POST an unknown transition is a documented 400', async () => {
    expectContract(await jira.call('POST', '/issue/OPS-2/transitions', { body: { transition: { id: '999999' } } }), 400);
  });
});

describe('users, permissions and reference data', () => {
  test('assignable users for a project and for an issue', async () => {
    const byProject = await ok('GET', '/user/assignable/search?project=INC&query=ma&maxResults=10', 200);
    expect(byProject.body.map((u: { accountId: string }) => u.accountId)).toContain(accountIdOf(MAYA));
    const byIssue = await ok('GET', '/user/assignable/search?issueKey=INC-1', 200);
    expect(byIssue.body.map((u: { accountId: string }) => u.accountId)).not.toContain(accountIdOf(LENA));
  });

  test('GET user by accountId, and an unknown accountId is a documented 404', async () => {
    const ex = await ok('GET', `/user?accountId=${encodeURIComponent(accountIdOf('sofia@example.com'))}`, 200);
    expect(ex.body).toMatchObject({ accountId: accountIdOf('sofia@example.com'), displayName: 'Sofia Lindqvist' });
    expectContract(await jira.call('GET', '/user?accountId=nobody'), 404);
  });

  test('mypermissions for a project, for an issue, and globally', async () => {
    const project = await ok('GET', '/mypermissions?permissions=BROWSE_PROJECTS,ADD_COMMENTS&projectKey=INC', 200);
    expect(project.body.permissions.BROWSE_PROJECTS.havePermission).toBe(true);
    await ok('GET', '/mypermissions?permissions=EDIT_ISSUES&issueKey=INC-1', 200);
    await ok('GET', '/mypermissions?permissions=BROWSE_PROJECTS', 200);
    expectContract(await jira.call('GET', '/mypermissions?permissions=BROWSE_PROJECTS&issueKey=INC-1', { as: LENA }), 404);
  });

  test('priorities and project', async () => {
    const priorities = await ok('GET', '/priority', 200);
    expect(priorities.body.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Highest', 'High', 'Medium']));
    const project = await ok('GET', '/project/INC', 200);
    expect(project.body).toMatchObject({ key: 'INC', name: 'Incidents' });
    expectContract(await jira.call('GET', '/project/INC', { as: LENA }), 404);
  });
});

describe('coverage', () => {
  test('every route of the Jira emulator was exercised by this suite', () => {
    expect(jira.allRoutes().length).toBeGreaterThanOrEqual(33);
    expect(jira.unexercisedRoutes()).toEqual([]);
  });

  test('no request this suite sent broke the contract', () => {
    expect(jira.exchanges.flatMap((e) => e.requestProblems)).toEqual([]);
  });
});
