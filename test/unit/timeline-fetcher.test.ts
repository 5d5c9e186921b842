/**
 * fetchIncidentSources against a small in-memory Jira (a plain function standing in for
 * `requestJira`): paging rules, chunking, errors and the concurrency bound. The real @forge/api
 * and the local site are exercised in test/integration/timeline-fetcher.test.ts.
 */
import type { Route } from '@forge/api';
import { AppFailure } from '../../src/domain/app-error';
import type { JiraResponse, RequestJira } from '../../src/jira/jira-request';
import { fetchIncidentSources } from '../../src/jira/timeline-fetcher';
import { sequentialRounds } from '../../bench/request-rounds';

interface FakeIssue {
  key: string;
  id: string;
  comments: number;
  histories: number;
  links?: { key: string; id: string; outward: boolean }[];
  subtasks?: { key: string; id: string }[];
}

interface FakeOptions {
  /** Which comments `fields.comment` embeds: Jira Cloud's newest, or the oldest. */
  embedded?: 'newest' | 'oldest';
  embeddedLimit?: number;
  changelogPage?: number;
  fail?: (method: string, path: string) => number | 'throw' | undefined;
  /** How long a request takes, in ms (default 1). */
  delay?: (method: string, path: string) => number;
}

const SITE = 'https://acme.atlassian.net';
const T0 = Date.parse('2026-11-19T15:00:00.000Z');
const user = { accountId: 'a-1', displayName: 'Maya Okafor' };

function fakeJira(issues: FakeIssue[], opts: FakeOptions = {}) {
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const calls: string[] = [];
  const timings: { path: string; startMs: number; endMs: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const limit = opts.embeddedLimit ?? 100;

  const comment = (i: FakeIssue, n: number) => ({
    id: `${i.id}${String(n).padStart(4, '0')}`,
    author: user,
    body: { type: 'doc', version: 1, content: [] },
    created: new Date(T0 + n * 60_000).toISOString().replace('Z', '+0000'),
  });
  const allComments = (i: FakeIssue) => Array.from({ length: i.comments }, (_, n) => comment(i, n));
  const embedded = (i: FakeIssue) => {
    const all = allComments(i);
    const shown = opts.embedded === 'oldest' ? all.slice(0, limit) : all.slice(Math.max(0, all.length - limit));
    return { comments: shown, startAt: 0, maxResults: shown.length, total: all.length };
  };
  const bean = (i: FakeIssue) => ({
    id: i.id,
    key: i.key,
    fields: {
      summary: `Summary of ${i.key}`,
      status: { name: 'Open', statusCategory: { key: 'new' } },
      issuetype: { name: 'Task' },
      priority: { name: 'High' },
      assignee: null,
      reporter: user,
      created: new Date(T0).toISOString().replace('Z', '+0000'),
      resolutiondate: null,
      issuelinks: (i.links ?? []).map((l, n) => ({
        id: String(n),
        type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
        [l.outward ? 'outwardIssue' : 'inwardIssue']: { id: l.id, key: l.key },
      })),
      subtasks: i.subtasks ?? [],
      comment: embedded(i),
    },
  });
  // Alternate epoch numbers and ISO strings, as Jira may send either.
  const histories = (i: FakeIssue) =>
    Array.from({ length: i.histories }, (_, n) => ({
      id: `${i.id}${n}`,
      author: user,
      created: n % 2 === 0 ? T0 + n * 1000 : new Date(T0 + n * 1000).toISOString().replace('Z', '+0000'),
      items: [{ field: 'status', fieldId: 'status', fromString: 'Open', toString: 'Done' }],
    }));

  const respond = (status: number, body: unknown): JiraResponse => ({
    status,
    ok: status >= 200 && status < 300,
    headers: { get: () => null },
    json: () => Promise.resolve(body),
  });

  const handle = (method: string, url: URL, body: Record<string, unknown>): JiraResponse => {
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/rest/api/3/issue/bulkfetch') {
      const keys = body.issueIdsOrKeys as string[];
      if (keys.length > 100) return respond(400, { errorMessages: ['Number of issue IDs or keys must not exceed 100.'] });
      const found = keys.map((k) => byKey.get(k)).filter((i): i is FakeIssue => i !== undefined);
      return respond(200, { issues: found.map(bean), issueErrors: keys.filter((k) => !byKey.has(k)).map((id) => ({ id })) });
    }
    if (method === 'POST' && path === '/rest/api/3/changelog/bulkfetch') {
      const all = (body.issueIdsOrKeys as string[]).flatMap((k) => {
        const i = byKey.get(k);
        return i ? histories(i).map((history) => ({ issueId: i.id, history })) : [];
      });
      const offset = typeof body.nextPageToken === 'string' ? Number(body.nextPageToken) : 0;
      const size = Math.min(opts.changelogPage ?? 1000, body.maxResults as number);
      const page = all.slice(offset, offset + size);
      const logs: { issueId: string; changeHistories: unknown[] }[] = [];
      for (const { issueId, history } of page) {
        const last = logs[logs.length - 1];
        if (last?.issueId === issueId) last.changeHistories.push(history);
        else logs.push({ issueId, changeHistories: [history] });
      }
      return respond(200, { issueChangeLogs: logs, ...(offset + size < all.length ? { nextPageToken: String(offset + size) } : {}) });
    }
    if ((m = /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/.exec(path))) {
      const i = byKey.get(decodeURIComponent(m[1]));
      if (!i) return respond(404, {});
      const startAt = Number(url.searchParams.get('startAt'));
      const maxResults = Math.min(100, Number(url.searchParams.get('maxResults')));
      return respond(200, { startAt, maxResults, total: i.comments, comments: allComments(i).slice(startAt, startAt + maxResults) });
    }
    if ((m = /^\/rest\/api\/3\/issue\/([^/]+)\/remotelink$/.exec(path))) {
      const i = byKey.get(decodeURIComponent(m[1]));
      return i ? respond(200, [{ id: 1, object: { url: `https://dash.example/${i.key}`, title: 'Dashboard' } }]) : respond(404, {});
    }
    if ((m = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(path))) {
      const i = byKey.get(decodeURIComponent(m[1]));
      return i
        ? respond(200, bean(i))
        : respond(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
    return respond(400, { errorMessages: [`unexpected ${method} ${path}`] });
  };

  const requestJira: RequestJira = async (route: Route, init) => {
    const method = init?.method ?? 'GET';
    const url = new URL(route.value, SITE);
    calls.push(`${method} ${url.pathname}${url.search}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const startMs = performance.now();
    try {
      await new Promise((r) => setTimeout(r, opts.delay?.(method, url.pathname) ?? 1));
      const failure = opts.fail?.(method, url.pathname);
      if (failure === 'throw') throw new TypeError('fetch failed');
      if (failure !== undefined) return respond(failure, { errorMessages: ['boom'] });
      return handle(method, url, typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {});
    } finally {
      inFlight--;
      timings.push({ path: url.pathname, startMs, endMs: performance.now() });
    }
  };
  return { requestJira, calls, timings, maxInFlight: () => maxInFlight };
}

const deps = (requestJira: RequestJira, concurrency?: number) => ({
  requestJira,
  // Retries wait on no real clock here: a retried 503 costs no time.
  retry: { sleep: () => Promise.resolve(), random: () => 0, budgetLeftMs: () => 20_000 },
  siteUrl: SITE,
  now: () => new Date('2026-11-21T09:00:00.000Z'),
  ...(concurrency ? { concurrency } : {}),
});

function scenario(linked: number, perIssue: { comments: number; histories: number }): FakeIssue[] {
  const others = Array.from({ length: linked }, (_, n): FakeIssue => ({ key: `SUP-${n + 1}`, id: String(200 + n), ...perIssue }));
  const incident: FakeIssue = {
    key: 'INC-1',
    id: '100',
    ...perIssue,
    links: others.map((o, n) => ({ key: o.key, id: o.id, outward: n % 2 === 0 })),
    subtasks: [{ key: 'INC-2', id: '101' }],
  };
  return [incident, ...others, { key: 'INC-2', id: '101', comments: 1, histories: 1 }];
}

const perIssueCount = (items: { issueKey: string }[]) =>
  items.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.issueKey]: (acc[c.issueKey] ?? 0) + 1 }), {});

describe('fetchIncidentSources', () => {
  it('bulk fetches more than 100 linked issues in calls of at most 100 keys and keeps the incident order', async () => {
    const jira = fakeJira(scenario(150, { comments: 2, histories: 1 }));
    const s = (await fetchIncidentSources('INC-1', deps(jira.requestJira)))!;
    expect(s.related.map((r) => r.key)).toStrictEqual([...Array.from({ length: 150 }, (_, n) => `SUP-${n + 1}`), 'INC-2']);
    expect(s.related.slice(0, 2).map((r) => r.relation)).toStrictEqual(['blocks', 'is blocked by']);
    expect(s.related[150].relation).toBe('sub-task');
    expect(jira.calls.filter((c) => c.startsWith('POST /rest/api/3/issue/bulkfetch'))).toHaveLength(2);
    expect(jira.calls.filter((c) => c.includes('/comment?'))).toStrictEqual([]);
    expect(s.pulledAt).toBe('2026-11-21T09:00:00.000Z');
  });

  it('follows the changelog token to the last page and reads epoch and ISO times alike', async () => {
    const jira = fakeJira(scenario(3, { comments: 0, histories: 5 }), { changelogPage: 4 });
    const s = (await fetchIncidentSources('INC-1', deps(jira.requestJira)))!;
    expect(perIssueCount(s.changes)).toStrictEqual({ 'INC-1': 5, 'SUP-1': 5, 'SUP-2': 5, 'SUP-3': 5, 'INC-2': 1 });
    expect(jira.calls.filter((c) => c.includes('changelog/bulkfetch'))).toHaveLength(Math.ceil(21 / 4));
    const incidentTimes = s.changes.filter((c) => c.issueKey === 'INC-1').map((c) => c.at);
    expect(incidentTimes).toStrictEqual([0, 1, 2, 3, 4].map((n) => new Date(T0 + n * 1000).toISOString()));
  });

  it('pages comments only where the embedded page is short, asking just for the missing oldest ones', async () => {
    const jira = fakeJira(scenario(2, { comments: 150, histories: 0 }));
    const s = (await fetchIncidentSources('INC-1', deps(jira.requestJira)))!;
    expect(perIssueCount(s.comments)).toStrictEqual({ 'INC-1': 150, 'SUP-1': 150, 'SUP-2': 150, 'INC-2': 1 });
    expect(new Set(s.comments.map((c) => c.id)).size).toBe(451);
    expect(jira.calls.filter((c) => c.includes('/comment?')).sort()).toStrictEqual([
      'GET /rest/api/3/issue/INC-1/comment?startAt=0&maxResults=50&orderBy=created',
      'GET /rest/api/3/issue/SUP-1/comment?startAt=0&maxResults=50&orderBy=created',
      'GET /rest/api/3/issue/SUP-2/comment?startAt=0&maxResults=50&orderBy=created',
    ]);
    expect(s.comments.map((c) => c.created)).toStrictEqual([...s.comments.map((c) => c.created)].sort());
  });

  it('still gets every comment when the embedded page holds the oldest ones instead', async () => {
    const jira = fakeJira(scenario(1, { comments: 250, histories: 0 }), { embedded: 'oldest' });
    const s = (await fetchIncidentSources('INC-1', deps(jira.requestJira)))!;
    expect(perIssueCount(s.comments)).toStrictEqual({ 'INC-1': 250, 'SUP-1': 250, 'INC-2': 1 });
  });

  it('reads remote links of the incident and its sub-tasks, not of linked issues', async () => {
    const jira = fakeJira(scenario(2, { comments: 0, histories: 0 }));
    const s = (await fetchIncidentSources('INC-1', deps(jira.requestJira)))!;
    expect(s.remoteLinks.map((l) => l.issueKey)).toStrictEqual(['INC-1', 'INC-2']);
    expect(jira.calls.filter((c) => c.includes('SUP-') && c.includes('remotelink'))).toStrictEqual([]);
  });

  it('never has more requests in flight than the pool allows', async () => {
    const jira = fakeJira(scenario(40, { comments: 120, histories: 2 }));
    await fetchIncidentSources('INC-1', deps(jira.requestJira, 3));
    expect(jira.maxInFlight()).toBe(3);
  });

  it('sends the comment pages in waves: a slow page holds its wave, so the pages cost ⌈pages / pool⌉ rounds', async () => {
    const jira = fakeJira(scenario(5, { comments: 150, histories: 0 }), {
      delay: (_m, p) => (p === '/rest/api/3/issue/SUP-1/comment' ? 25 : 1),
    });
    await fetchIncidentSources('INC-1', deps(jira.requestJira, 2));
    const linkedPages = jira.timings.filter((t) => /SUP-\d+\/comment$/.test(t.path));
    expect(linkedPages).toHaveLength(5);
    expect(sequentialRounds(linkedPages)).toBe(3);
  });

  it('answers null for a missing or hidden incident and asks nothing further', async () => {
    const jira = fakeJira(scenario(2, { comments: 0, histories: 0 }));
    expect(await fetchIncidentSources('INC-404', deps(jira.requestJira))).toBeNull();
    expect(jira.calls.map((c) => c.split('?')[0]).sort()).toStrictEqual([
      'GET /rest/api/3/issue/INC-404',
      'GET /rest/api/3/issue/INC-404/remotelink',
    ]);
  });

  it.each([
    [
      'a 503 on a comment page',
      (_m: string, p: string) => (p.endsWith('/comment') ? 503 : undefined),
      /Jira answered 503 while reading the comments of/,
    ],
    [
      'a 500 on the changelog',
      (_m: string, p: string) => (p.includes('changelog') ? 500 : undefined),
      /Jira answered 500 while reading the change history/,
    ],
    [
      'a network failure',
      (m: string, p: string) => (m === 'POST' && p.endsWith('issue/bulkfetch') ? ('throw' as const) : undefined),
      /Jira could not be reached/,
    ],
  ])('fails with a friendly UPSTREAM AppFailure on %s', async (_name, fail, message) => {
    const jira = fakeJira(scenario(2, { comments: 150, histories: 1 }), { fail });
    const failure = await fetchIncidentSources('INC-1', deps(jira.requestJira)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('UPSTREAM');
    expect((failure as AppFailure).message).toMatch(message);
  });
});
