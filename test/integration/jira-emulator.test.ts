import { canBrowseProject, readIssueForView } from '../../local/jira';
import { DANIEL, LENA, MAYA, SCENARIO, SOFIA } from '../fixtures/jira-emulator-scenario';
import { call, startSite, type Site } from '../support/jira-emulator';
import { findUser } from '../../local/users';
import { adf } from '../support/helpers';

const NOT_FOUND = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };
const JIRA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

let site: Site;
// An emulator of its own for every test: edits, transitions and new issues stay with the test that made them (the file
// runs in random order).
beforeEach(async () => {
  site = await startSite(SCENARIO);
});
afterEach(async () => {
  await site.close();
});

describe('permissions', () => {
  it("answers Jira's 404 to a user who cannot browse the project, on every issue route", async () => {
    for (const [method, path, body] of [
      ['GET', '/issue/INC-1'],
      ['GET', '/issue/INC-1/comment'],
      ['GET', '/issue/INC-1/changelog'],
      ['GET', '/issue/INC-1/remotelink'],
      ['GET', '/issue/INC-1/transitions'],
      ['GET', '/issue/INC-1/properties/x'],
      ['PUT', '/issue/INC-1', { fields: { summary: 'x' } }],
      ['POST', '/issue/INC-1/comment', { body: adf('x') }],
    ] as const) {
      const r = await call(site, method, path, { as: LENA, body });
      expect([method, path, r.status, r.body]).toEqual([method, path, 404, NOT_FOUND]);
    }
    expect((await call(site, 'GET', '/issue/SUP-1', { as: LENA })).status).toBe(200);
    expect((await call(site, 'GET', '/issue/NOPE-9')).body).toEqual(NOT_FOUND);
  });

  it('exports canBrowseProject and readIssueForView', () => {
    const lena = { kind: 'user' as const, accountId: findUser(site.db, LENA)!.accountId };
    expect(canBrowseProject(site.db, lena, 'INC')).toBe(false);
    expect(canBrowseProject(site.db, lena, 'SUP')).toBe(true);
    expect(canBrowseProject(site.db, { kind: 'app' }, 'INC')).toBe(true);
    expect(readIssueForView(site.db, 'INC-1', lena)).toBeNull();
    const view = readIssueForView(site.db, 'INC-1', { kind: 'app' })!;
    expect(view).toMatchObject({
      key: 'INC-1',
      summary: 'Login page outage',
      issueType: 'Incident',
      status: { name: 'Resolved', category: 'done' },
      priority: 'High',
      assignee: 'Maya Okafor',
      reporter: 'Sofia Lindqvist',
      projectKey: 'INC',
      projectName: 'Incidents',
    });
    expect(view.description).toMatchObject({ type: 'doc', version: 1 });
  });
});

describe('GET /issue/{key}', () => {
  it('renders every field, with the seed walked through its changelog', async () => {
    const { body } = await call(site, 'GET', '/issue/INC-1');
    const f = body.fields;
    expect(body).toMatchObject({ id: expect.stringMatching(/^\d+$/), key: 'INC-1' });
    expect(body.self).toBe(`${site.base}/rest/api/3/issue/${body.id}`);
    expect(f.status).toMatchObject({ name: 'Resolved', statusCategory: { key: 'done' } });
    expect(f.assignee).toMatchObject({ displayName: 'Maya Okafor', accountType: 'atlassian', active: true, timeZone: 'Europe/London' });
    expect(f.reporter.displayName).toBe('Sofia Lindqvist');
    expect(f.priority).toMatchObject({ id: '2', name: 'High' });
    expect(f.issuetype).toMatchObject({ name: 'Incident', subtask: false });
    expect(f.project).toMatchObject({ key: 'INC', name: 'Incidents' });
    expect(f.created).toMatch(JIRA_DATE);
    expect(f.resolutiondate).toBe('2026-10-14T19:20:00.000+0000');
    expect(f.labels).toEqual(['sev2', 'login']);
    expect(f.description.content).toHaveLength(2);
    expect(f.subtasks.map((s: any) => s.key)).toEqual(['INC-3']);
    expect(f.parent).toBeUndefined();
    const links = f.issuelinks.map((l: any) => [l.type.name, l.outwardIssue?.key, l.inwardIssue?.key]);
    expect(links).toEqual([
      ['Causes', 'SUP-1', undefined],
      ['Relates', undefined, 'INC-2'],
    ]);
    expect(f.comment).toMatchObject({ total: 130, maxResults: 100, startAt: 0 });
    expect(f.comment.comments).toHaveLength(100);
    expect(f.comment.comments[99].body.content[0].content[0].text).toBe('Update 130');
  });

  it('hides role-restricted comments from users outside the role', async () => {
    expect((await call(site, 'GET', '/issue/INC-1?fields=comment', { as: SOFIA })).body.fields.comment.total).toBe(129);
    expect((await call(site, 'GET', '/issue/INC-1?fields=comment', { as: MAYA })).body.fields.comment.total).toBe(130);
  });

  it('honours fields (list, *navigable, exclusions) and expand=changelog,names', async () => {
    const some = await call(site, 'GET', '/issue/INC-3?fields=summary,parent&fields=status');
    expect(Object.keys(some.body.fields).sort()).toEqual(['parent', 'status', 'summary']);
    expect(some.body.fields.parent.key).toBe('INC-1');
    const nav = await call(site, 'GET', '/issue/INC-1?fields=*navigable,-description');
    expect(nav.body.fields.comment).toBeUndefined();
    expect(nav.body.fields.description).toBeUndefined();
    expect(nav.body.fields.summary).toBe('Login page outage');
    const exp = await call(site, 'GET', '/issue/INC-1?fields=summary&expand=changelog,names');
    expect(exp.body.names).toEqual({ summary: 'Summary' });
    expect(exp.body.changelog.total).toBe(4);
    expect(exp.body.changelog.histories[0].items[0]).toMatchObject({ field: 'status', toString: 'Resolved' });
  });

  it('finds issues by id and case-insensitive key', async () => {
    const byKey = await call(site, 'GET', '/issue/inc-2');
    const byId = await call(site, 'GET', `/issue/${byKey.body.id}`);
    expect(byId.body.key).toBe('INC-2');
  });
});

describe('creating and editing issues', () => {
  it("creates an issue (201) and rejects bad fields with Jira's errors", async () => {
    const ok = await call(site, 'POST', '/issue', {
      body: {
        fields: {
          project: { key: 'INC' },
          issuetype: { name: 'Task' },
          summary: 'Follow-up',
          labels: ['pir'],
          duedate: '2026-11-01',
          description: adf('Write the runbook'),
          priority: { name: 'Low' },
          assignee: { accountId: findUser(site.db, DANIEL)!.accountId },
        },
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ id: expect.any(String), key: 'INC-4', self: `${site.base}/rest/api/3/issue/${ok.body.id}` });
    const created = (await call(site, 'GET', '/issue/INC-4')).body.fields;
    expect(created).toMatchObject({
      summary: 'Follow-up',
      duedate: '2026-11-01',
      labels: ['pir'],
      status: { name: 'To Do' },
      priority: { name: 'Low' },
    });

    const bad = await call(site, 'POST', '/issue', {
      body: {
        fields: {
          project: { key: 'INC' },
          issuetype: { name: 'Task' },
          summary: 'x',
          labels: ['has space'],
          duedate: '01/11/2026',
          assignee: { accountId: findUser(site.db, LENA)!.accountId },
        },
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['assignee', 'duedate', 'labels']);
    const hidden = await call(site, 'POST', '/issue', {
      as: LENA,
      body: { fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary: 'x' } },
    });
    expect(hidden.body.errors).toEqual({ project: 'Specify a valid project ID or key' });
    const malformed = await call(site, 'POST', '/issue', { raw: '{"fields": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errorMessages).toHaveLength(1);
  });

  it('edits fields (204), records the changelog, updates `updated`, and rejects bad values', async () => {
    const before = (await call(site, 'GET', '/issue/INC-2')).body.fields.updated;
    const r = await call(site, 'PUT', '/issue/INC-2', {
      body: {
        fields: { summary: 'Document host access (v2)', priority: { id: '1' }, duedate: '2026-12-01', assignee: null },
        update: { labels: [{ add: 'docs' }] },
      },
    });
    expect(r.status).toBe(204);
    const f = (await call(site, 'GET', '/issue/INC-2')).body.fields;
    expect(f).toMatchObject({ summary: 'Document host access (v2)', priority: { name: 'Highest' }, assignee: null, labels: ['docs'] });
    expect(f.updated > before).toBe(true);
    const log = (await call(site, 'GET', '/issue/INC-2/changelog')).body;
    expect(log.values[0].items.map((i: any) => i.field).sort()).toEqual(['assignee', 'duedate', 'labels', 'priority', 'summary']);
    const bad = await call(site, 'PUT', '/issue/INC-2', {
      body: { fields: { priority: { name: 'Urgent' }, status: { name: 'Done' }, description: 'text' } },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['description', 'priority', 'status']);
  });

  it('bulk-creates: 201 with per-element errors when some fail, 400 when all fail, 400 over 50', async () => {
    const partial = await call(site, 'POST', '/issue/bulk', {
      body: {
        issueUpdates: [
          { fields: { project: { key: 'INC' }, issuetype: { name: 'Sub-task' }, parent: { key: 'INC-1' }, summary: 'Action 1' } },
          { fields: { project: { key: 'SUP' }, issuetype: { name: 'Sub-task' }, parent: { key: 'INC-1' }, summary: 'Wrong project' } },
          { fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary: 'Bad label', labels: ['a b'] } },
          { fields: { project: { key: 'INC' }, issuetype: { id: '10102' }, summary: 'No parent' } },
        ],
      },
    });
    expect(partial.status).toBe(201);
    expect(partial.body.issues).toHaveLength(1);
    expect(partial.body.errors.map((e: any) => e.failedElementNumber)).toEqual([1, 2, 3]);
    expect(partial.body.errors[1].elementErrors.errors.labels).toMatch(/spaces/);
    expect(partial.body.errors[2].elementErrors.errors.parent).toBeDefined();
    const sub = (await call(site, 'GET', `/issue/${partial.body.issues[0].key}?fields=parent,issuetype`)).body.fields;
    expect(sub.parent.key).toBe('INC-1');
    expect(sub.issuetype.subtask).toBe(true);

    const allBad = await call(site, 'POST', '/issue/bulk', {
      body: {
        issueUpdates: [{ fields: { project: { key: 'SUP' }, issuetype: { name: 'Sub-task' }, parent: { key: 'SUP-1' }, summary: 'x' } }],
      },
    });
    expect(allBad.status).toBe(400);
    expect(allBad.body.issues).toEqual([]);
    expect(allBad.body.errors[0]).toMatchObject({ failedElementNumber: 0, status: 400 });
    const tooMany = await call(site, 'POST', '/issue/bulk', { body: { issueUpdates: Array.from({ length: 51 }, () => ({ fields: {} })) } });
    expect(tooMany.status).toBe(400);
  });

  it('bulk-fetches up to 100 issues, leaving out unknown and invisible ones as the spec says', async () => {
    const r = await call(site, 'POST', '/issue/bulkfetch', {
      as: LENA,
      body: { issueIdsOrKeys: ['SUP-1', 'INC-1', 'ZZ-1'], fields: ['summary'] },
    });
    expect(r.body.issues.map((i: any) => i.key)).toEqual(['SUP-1']);
    expect(r.body.issues[0].fields).toEqual({ summary: 'Customers cannot log in' });
    expect(r.body.issueErrors).toEqual([]);
    const tooMany = await call(site, 'POST', '/issue/bulkfetch', {
      body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `INC-${i}`) },
    });
    expect(tooMany.status).toBe(400);
  });
});

describe('search/jql', () => {
  const keys = (r: any) => r.body.issues.map((i: any) => i.key);

  it('returns ids only by default and pages with nextPageToken to the end', async () => {
    const first = await call(site, 'GET', '/search/jql?jql=project%20%3D%20INC%20ORDER%20BY%20key%20ASC&maxResults=2');
    expect(first.body.issues[0]).toEqual({ id: expect.any(String) });
    expect(first.body).not.toHaveProperty('total');
    const seen: string[] = first.body.issues.map((i: any) => i.id);
    let token = first.body.nextPageToken;
    expect(first.body.isLast).toBe(false);
    for (let pages = 0; token && pages < 10; pages++) {
      const next = await call(site, 'POST', '/search/jql', {
        body: { jql: 'project = INC ORDER BY key ASC', maxResults: 2, nextPageToken: token },
      });
      seen.push(...next.body.issues.map((i: any) => i.id));
      token = next.body.nextPageToken;
      if (!token) expect(next.body.isLast).toBe(true);
    }
    const all = await call(site, 'POST', '/search/jql', { body: { jql: 'project = INC ORDER BY key ASC', fields: ['key'] } });
    expect(seen).toEqual(all.body.issues.map((i: any) => i.id));
    expect(all.body.isLast).toBe(true);
    expect(all.body).not.toHaveProperty('nextPageToken');
  });

  it('supports the JQL subset', async () => {
    const q = async (jql: string, as = 'app') =>
      keys(await call(site, 'POST', '/search/jql', { as, body: { jql: `${jql} ORDER BY key ASC`, fields: ['summary'] } }));
    expect(await q('key in (INC-1, SUP-1)')).toEqual(['INC-1', 'SUP-1']);
    expect(await q('issuekey = INC-2')).toEqual(['INC-2']);
    expect(await q('parent = INC-1 AND issuetype = Sub-task')).toEqual(expect.arrayContaining(['INC-3']));
    expect(await q('project in (INC, SUP) AND statusCategory = Done')).toEqual(['INC-1', 'INC-3']);
    // INC-2 is Medium in the scenario: raised here so it matches by an edited priority alone (the edit test used to
    // leave it Highest for this one).
    expect((await call(site, 'PUT', '/issue/INC-2', { body: { fields: { priority: { name: 'Highest' } } } })).status).toBe(204);
    expect(await q('status in ("Resolved", Closed) OR priority in (Highest)')).toEqual(expect.arrayContaining(['INC-1', 'INC-2', 'SUP-1']));
    expect(await q('labels = sev2 AND created >= "2026-10-14" AND created <= "2026-10-14 19:05"')).toEqual(['INC-1']);
    expect(await q('resolved >= "2026-10-14 19:20" AND (project = INC)')).toEqual(['INC-1', 'INC-3']);
    expect(await q('issue in linkedIssues(INC-1)')).toEqual(['INC-2', 'SUP-1']);
    expect(await q('issue in linkedIssues(INC-1, "causes")')).toEqual(['SUP-1']);
    expect(await q('issue in linkedIssues(SUP-1, "is caused by")')).toEqual(['INC-1']);
    expect(await q('project = SUP OR project = SUP', LENA)).toEqual(['SUP-1']);
    const ordered = keys(
      await call(site, 'POST', '/search/jql', { body: { jql: 'project = SUP OR key = INC-1 ORDER BY created DESC', fields: ['key'] } }),
    );
    expect(ordered).toEqual(['INC-1', 'SUP-1']);
  });

  it('answers 400 with Jira-style messages for invalid JQL and never shows invisible issues', async () => {
    for (const jql of [
      'project = ',
      'project = INC AND (status = Open',
      'nosuchfield = 1',
      'project = NOPE',
      'ORDER BY key',
      'key in linkedIssues(NOPE-1)',
    ]) {
      const r = await call(site, 'GET', `/search/jql?jql=${encodeURIComponent(jql)}`);
      expect([jql, r.status]).toEqual([jql, 400]);
      expect(r.body.errorMessages[0]).toEqual(expect.any(String));
    }
    const hidden = await call(site, 'GET', `/search/jql?jql=${encodeURIComponent('project = INC')}`, { as: LENA });
    expect(hidden.status).toBe(400);
    // The README's observed 410 for the removed search is not in the spec (documented deviation).
    expect((await call(site, 'GET', '/search?jql=project=INC', { unchecked: true })).status).toBe(410);
  });
});

describe('comments', () => {
  it('pages comments (startAt/maxResults, newest-first order) without isLast', async () => {
    const ids: string[] = [];
    for (let startAt = 0; ; startAt += 50) {
      const r = await call(site, 'GET', `/issue/INC-1/comment?startAt=${startAt}&maxResults=50`, { as: SOFIA });
      expect(r.body).not.toHaveProperty('isLast');
      expect(r.body.total).toBe(129);
      ids.push(...r.body.comments.map((c: any) => c.id));
      if (startAt + 50 >= r.body.total) break;
    }
    expect(new Set(ids).size).toBe(129);
    const newest = await call(site, 'GET', '/issue/INC-1/comment?orderBy=-created&maxResults=1', { as: MAYA });
    expect(newest.body.comments[0].body.content[0].content[0].text).toBe('Update 130');
    expect((await call(site, 'GET', '/issue/INC-1/comment?maxResults=500')).body.maxResults).toBe(100);
    expect((await call(site, 'GET', '/issue/INC-1/comment?orderBy=author')).status).toBe(400);
  });

  it('adds comments (201) with optional role visibility', async () => {
    const r = await call(site, 'POST', '/issue/INC-2/comment', {
      as: MAYA,
      body: { body: adf('Runbook drafted'), visibility: { type: 'role', value: 'Developers' } },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ author: { displayName: 'Maya Okafor' }, visibility: { type: 'role', value: 'Developers' } });
    expect(r.body.created).toMatch(JIRA_DATE);
    expect((await call(site, 'GET', '/issue/INC-2/comment', { as: SOFIA })).body.total).toBe(0);
    expect((await call(site, 'GET', '/issue/INC-2/comment', { as: DANIEL })).body.total).toBe(1);
    expect(
      (
        await call(site, 'POST', '/issue/INC-2/comment', {
          as: SOFIA,
          body: { body: adf('x'), visibility: { type: 'role', value: 'Developers' } },
        })
      ).status,
    ).toBe(400);
    expect((await call(site, 'POST', '/issue/INC-2/comment', { body: { body: 'plain text' } })).status).toBe(400);
  });
});

describe('changelogs', () => {
  it('pages GET /issue/{key}/changelog oldest first', async () => {
    const first = await call(site, 'GET', '/issue/INC-1/changelog?maxResults=3');
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 3, total: 4, isLast: false });
    expect(first.body.values[0].items[0]).toMatchObject({ field: 'assignee', toString: 'Maya Okafor' });
    const rest = await call(site, 'GET', '/issue/INC-1/changelog?startAt=3&maxResults=3');
    expect(rest.body.isLast).toBe(true);
    expect(rest.body.values[0].items.map((i: any) => i.field)).toEqual(['status', 'resolution']);
  });

  it('bulk-fetches changelogs with a fieldIds filter and token paging; created is epoch ms', async () => {
    // Documented deviation: `created` is an epoch number (as Jira sends it), the spec types it as a string.
    const normalise = (b: any) => {
      b.issueChangeLogs.forEach((l: any) =>
        l.changeHistories.forEach((h: any) => {
          h.created = new Date(h.created).toISOString();
        }),
      );
      return b;
    };
    const histories: any[] = [];
    let token: string | undefined;
    do {
      const r = await call(site, 'POST', '/changelog/bulkfetch', {
        normalise,
        body: { issueIdsOrKeys: ['INC-1', 'INC-3'], fieldIds: ['status'], maxResults: 2, ...(token ? { nextPageToken: token } : {}) },
      });
      for (const l of r.body.issueChangeLogs) histories.push(...l.changeHistories.map((h: any) => ({ issueId: l.issueId, ...h })));
      token = r.body.nextPageToken;
    } while (token);
    expect(histories).toHaveLength(4);
    expect(typeof histories[0].created).toBe('number');
    expect(histories.every((h) => h.items.every((i: any) => i.fieldId === 'status'))).toBe(true);
    expect((await call(site, 'POST', '/changelog/bulkfetch', { body: { issueIdsOrKeys: [] } })).status).toBe(400);
  });
});

describe('links', () => {
  it('lists link types and creates a link (inwardIssue is the source), readable by id', async () => {
    const types = await call(site, 'GET', '/issueLinkType');
    expect(types.body.issueLinkTypes.map((t: any) => t.name)).toEqual(['Relates', 'Blocks', 'Causes', 'Duplicate', 'Cloners']);
    const r = await call(site, 'POST', '/issueLink', {
      body: { type: { name: 'Blocks' }, inwardIssue: { key: 'INC-2' }, outwardIssue: { key: 'SUP-1' } },
    });
    expect(r.status).toBe(201);
    const inc2 = (await call(site, 'GET', '/issue/INC-2?fields=issuelinks')).body.fields.issuelinks;
    const blocks = inc2.find((l: any) => l.type.name === 'Blocks');
    expect(blocks.outwardIssue.key).toBe('SUP-1');
    const link = await call(site, 'GET', `/issueLink/${blocks.id}`);
    expect(link.body).toMatchObject({ inwardIssue: { key: 'INC-2' }, outwardIssue: { key: 'SUP-1' }, type: { outward: 'blocks' } });
    expect((await call(site, 'GET', `/issueLink/${blocks.id}`, { as: LENA })).status).toBe(404);
    expect(
      (
        await call(site, 'POST', '/issueLink', {
          body: { type: { name: 'Nope' }, inwardIssue: { key: 'INC-2' }, outwardIssue: { key: 'SUP-1' } },
        })
      ).status,
    ).toBe(404);
    // Links to issues the user cannot see are left out.
    expect((await call(site, 'GET', '/issue/SUP-1?fields=issuelinks', { as: LENA })).body.fields.issuelinks).toEqual([]);
  });

  it('upserts remote links by globalId (200 update with omitted fields nulled, 201 create) and deletes them', async () => {
    const list = await call(site, 'GET', '/issue/INC-1/remotelink');
    expect(list.body).toHaveLength(1);
    const upd = await call(site, 'POST', '/issue/INC-1/remotelink', {
      body: { globalId: 'status-page-1', object: { url: 'https://status.example.com/2', title: 'Status page (updated)' } },
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toEqual({ id: list.body[0].id, self: expect.any(String) });
    const one = await call(site, 'GET', '/issue/INC-1/remotelink?globalId=status-page-1');
    expect(one.body.object).toMatchObject({ title: 'Status page (updated)', url: 'https://status.example.com/2' });
    expect(one.body.object.summary).toBeUndefined();
    const created = await call(site, 'POST', '/issue/INC-1/remotelink', {
      body: {
        globalId: 'pir-page',
        relationship: 'mentioned in',
        object: { url: 'https://wiki.example.com/p/1', title: 'PIR', summary: 'Review' },
      },
    });
    expect(created.status).toBe(201);
    expect((await call(site, 'GET', '/issue/INC-1/remotelink')).body).toHaveLength(2);
    expect((await call(site, 'POST', '/issue/INC-1/remotelink', { body: { object: { title: 'no url' } } })).status).toBe(400);
    expect((await call(site, 'DELETE', `/issue/INC-1/remotelink/${created.body.id}`)).status).toBe(204);
    expect((await call(site, 'DELETE', `/issue/INC-1/remotelink/${created.body.id}`)).status).toBe(404);
  });
});

describe('create metadata, users, permissions, reference data', () => {
  it('lists issue types, with Sub-task only where enabled, and the fields of one', async () => {
    const inc = await call(site, 'GET', '/issue/createmeta/INC/issuetypes');
    expect(inc.body.issueTypes.find((t: any) => t.subtask)?.name).toBe('Sub-task');
    const sup = await call(site, 'GET', '/issue/createmeta/SUP/issuetypes?maxResults=2');
    expect(sup.body).toMatchObject({ startAt: 0, maxResults: 2, total: 4 });
    expect((await call(site, 'GET', '/issue/createmeta/SUP/issuetypes?startAt=2')).body.issueTypes.some((t: any) => t.subtask)).toBe(false);
    const subId = inc.body.issueTypes.find((t: any) => t.subtask).id;
    const meta = await call(site, 'GET', `/issue/createmeta/INC/issuetypes/${subId}`);
    const byId = Object.fromEntries(meta.body.fields.map((f: any) => [f.fieldId, f]));
    expect(byId.parent.required).toBe(true);
    expect(byId.summary.required).toBe(true);
    expect(byId.priority.allowedValues.map((p: any) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect((await call(site, 'GET', '/issue/createmeta/INC/issuetypes?maxResults=500')).status).toBe(400);
    expect((await call(site, 'GET', '/issue/createmeta/INC/issuetypes', { as: LENA })).status).toBe(400);
  });

  it("finds assignable users among the project's browsers", async () => {
    const all = await call(site, 'GET', '/user/assignable/search?project=INC');
    expect(all.body.map((u: any) => u.displayName).sort()).toEqual(['Daniel Reyes', 'Maya Okafor', 'Sofia Lindqvist']);
    const q = await call(site, 'GET', '/user/assignable/search?issueKey=INC-1&query=so');
    expect(q.body.map((u: any) => u.displayName)).toEqual(['Sofia Lindqvist']);
    expect((await call(site, 'GET', '/user/assignable/search?project=INC&startAt=2&maxResults=5')).body).toHaveLength(1);
    expect((await call(site, 'GET', '/user/assignable/search?query=x')).status).toBe(400);
  });

  it('answers /user, /myself and /mypermissions', async () => {
    const maya = findUser(site.db, MAYA)!;
    expect((await call(site, 'GET', `/user?accountId=${encodeURIComponent(maya.accountId)}`)).body).toMatchObject({
      accountId: maya.accountId,
      emailAddress: MAYA,
    });
    expect((await call(site, 'GET', '/user?accountId=nobody')).status).toBe(404);
    expect((await call(site, 'GET', '/myself', { as: MAYA })).body.displayName).toBe('Maya Okafor');
    expect((await call(site, 'GET', '/myself')).body.accountType).toBe('app');
    const yes = await call(site, 'GET', '/mypermissions?permissions=BROWSE_PROJECTS&projectKey=INC', { as: MAYA });
    expect(yes.body.permissions.BROWSE_PROJECTS.havePermission).toBe(true);
    expect((await call(site, 'GET', '/mypermissions?permissions=BROWSE_PROJECTS&projectKey=INC', { as: LENA })).status).toBe(404);
    expect((await call(site, 'GET', '/mypermissions?permissions=BROWSE_PROJECTS&issueKey=INC-1', { as: LENA })).status).toBe(404);
    expect((await call(site, 'GET', '/mypermissions?permissions=BROWSE_PROJECTS&issueKey=SUP-1', { as: LENA })).status).toBe(200);
  });

  it('lists priorities and projects', async () => {
    expect((await call(site, 'GET', '/priority')).body.map((p: any) => p.id)).toEqual(['1', '2', '3', '4', '5']);
    const p = await call(site, 'GET', '/project/INC');
    expect(p.body).toMatchObject({ key: 'INC', name: 'Incidents', lead: { displayName: 'Maya Okafor' } });
    expect((await call(site, 'GET', `/project/${p.body.id}`)).body.key).toBe('INC');
    expect((await call(site, 'GET', '/project/INC', { as: LENA })).status).toBe(404);
  });
});

describe('transitions and properties', () => {
  it('lists and performs transitions, recording the changelog and resolution', async () => {
    const t = await call(site, 'GET', '/issue/SUP-1/transitions');
    const done = t.body.transitions.find((x: any) => x.to.name === 'Resolved');
    expect((await call(site, 'POST', '/issue/SUP-1/transitions', { body: { transition: { id: done.id } } })).status).toBe(204);
    const f = (await call(site, 'GET', '/issue/SUP-1?fields=status,resolution,resolutiondate')).body.fields;
    expect(f.status.name).toBe('Resolved');
    expect(f.resolution.name).toBe('Done');
    expect(f.resolutiondate).toMatch(JIRA_DATE);
    const log = (await call(site, 'GET', '/issue/SUP-1/changelog')).body.values;
    expect(log[log.length - 1].items.map((i: any) => i.field)).toEqual(['status', 'resolution']);
    expect((await call(site, 'POST', '/issue/SUP-1/transitions', { body: { transition: { id: '999' } } })).status).toBe(400);
  });

  it('stores issue properties (201 then 200) and reads them back', async () => {
    expect((await call(site, 'GET', '/issue/INC-1/properties/pir.actions')).status).toBe(404);
    expect((await call(site, 'PUT', '/issue/INC-1/properties/pir.actions', { body: { actionIds: ['a1'] } })).status).toBe(201);
    expect((await call(site, 'PUT', '/issue/INC-1/properties/pir.actions', { body: { actionIds: ['a1', 'a2'] } })).status).toBe(200);
    const r = await call(site, 'GET', '/issue/INC-1/properties/pir.actions');
    expect(r.body).toEqual({ key: 'pir.actions', value: { actionIds: ['a1', 'a2'] } });
  });
});
