/**
 * syncActionItems against an in-memory Jira (a JiraRequest fake): the paths the local site does
 * not easily produce: a create that happened although Jira answered 503, per-element errors,
 * required fields, more than 50 items, duplicates left by an earlier race, an exhausted budget.
 */
import type { ActionItemInput } from '../../src/contract';
import { AppFailure } from '../../src/domain/app-error';
import { matchSubtasks, type LiveSubtask } from '../../src/jira/action-items/subtask-discovery';
import { syncActionItems, type ActionItemsSyncDeps } from '../../src/jira/action-items/subtask-sync';
import type { JiraCall, JiraReply } from '../../src/jira/jira-request';
import type { RetryClock } from '../../src/http/retrying-request';

const SITE = 'https://acme.atlassian.net';
const NOW = new Date('2026-11-21T09:00:00.000Z');

interface FakeIssue {
  id: string;
  key: string;
  parent: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}

interface FakeOptions {
  subtasks?: boolean;
  /** createmeta fields of the sub-task type: id → required. */
  required?: Record<string, boolean>;
  /** Answer to the n-th bulk create (0-based): 'create-then-503' creates, then answers 503. */
  bulk?: (n: number) => 'ok' | '429' | 'create-then-503' | undefined;
  /** Element-level refusal by summary. */
  refuse?: (fields: Record<string, unknown>) => Record<string, string> | undefined;
}

function fakeJira(opts: FakeOptions = {}) {
  const issues: FakeIssue[] = [];
  const calls: string[] = [];
  let bulkCalls = 0;
  const reply = (status: number, body: unknown = null, retryAfter: string | null = null): JiraReply => ({ status, body, retryAfter });
  const bean = (i: FakeIssue, props?: unknown) => ({
    id: i.id,
    key: i.key,
    fields: {
      summary: i.fields.summary,
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      assignee: i.fields.assignee ? { ...i.fields.assignee, displayName: 'Someone' } : null,
      duedate: i.fields.duedate ?? null,
      priority: i.fields.priority ?? null,
      parent: { key: i.parent },
    },
    ...(Array.isArray(props) ? { properties: i.properties } : {}),
  });
  const create = (update: { fields: Record<string, unknown>; properties: { key: string; value: unknown }[] }): FakeIssue => {
    const n = issues.length + 1;
    const issue: FakeIssue = {
      id: String(10000 + n),
      key: `INC-${100 + n}`,
      parent: (update.fields.parent as { key: string }).key,
      fields: update.fields,
      properties: Object.fromEntries(update.properties.map((p) => [p.key, p.value])),
    };
    issues.push(issue);
    return issue;
  };

  const puts: Record<string, unknown>[] = [];
  const request = (call: JiraCall): Promise<JiraReply> => {
    const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
    const url = new URL(call.path.value, SITE);
    calls.push(`${method} ${url.pathname}`);
    const body = call.body as Record<string, unknown>;
    const p = url.pathname;
    if (method === 'GET' && p === '/rest/api/3/issue/INC-1')
      return Promise.resolve(reply(200, { fields: { project: { id: '10000', key: 'INC' }, issuetype: { subtask: false } } }));
    if (method === 'POST' && p === '/rest/api/3/search/jql') {
      return Promise.resolve(
        reply(200, { issues: issues.filter((i) => i.parent === 'INC-1').map((i) => bean(i, body.properties)), isLast: true }),
      );
    }
    if (method === 'POST' && p === '/rest/api/3/issue/bulkfetch') {
      const keys = body.issueIdsOrKeys as string[];
      return Promise.resolve(
        reply(200, { issues: issues.filter((i) => keys.includes(i.key)).map((i) => bean(i, body.properties)), issueErrors: [] }),
      );
    }
    if (p === '/rest/api/3/issue/createmeta/INC/issuetypes') {
      const types = [
        { id: '10101', name: 'Task', subtask: false },
        ...(opts.subtasks === false ? [] : [{ id: '10102', name: 'Sub-task', subtask: true }]),
      ];
      return Promise.resolve(reply(200, { startAt: 0, total: types.length, issueTypes: types }));
    }
    if (p === '/rest/api/3/issue/createmeta/INC/issuetypes/10102') {
      const req = {
        summary: true,
        issuetype: true,
        parent: true,
        project: true,
        description: false,
        assignee: false,
        duedate: false,
        priority: false,
        labels: false,
        ...opts.required,
      };
      const fields = Object.entries(req).map(([fieldId, required]) => ({
        fieldId,
        name: fieldId === 'customfield_10050' ? 'Team' : fieldId,
        required,
        hasDefaultValue: false,
      }));
      return Promise.resolve(reply(200, { startAt: 0, total: fields.length, fields }));
    }
    if (method === 'POST' && p === '/rest/api/3/issue/bulk') {
      const mode = opts.bulk?.(bulkCalls++) ?? 'ok';
      if (mode === '429') return Promise.resolve(reply(429, { errorMessages: ['Rate limit exceeded.'] }, '1'));
      const updates = body.issueUpdates as { fields: Record<string, unknown>; properties: { key: string; value: unknown }[] }[];
      if (updates.length > 50)
        return Promise.resolve(reply(400, { issues: [], errors: [{ status: 400, elementErrors: { errorMessages: ['too many'] } }] }));
      const created: { id: string; key: string }[] = [];
      const errors: unknown[] = [];
      updates.forEach((u, i) => {
        const refused = opts.refuse?.(u.fields);
        if (refused) errors.push({ status: 400, failedElementNumber: i, elementErrors: { errorMessages: [], errors: refused } });
        else created.push(create(u));
      });
      if (mode === 'create-then-503') return Promise.resolve(reply(503, null));
      return Promise.resolve(reply(created.length > 0 ? 201 : 400, { issues: created.map((c) => ({ id: c.id, key: c.key })), errors }));
    }
    const put = /^\/rest\/api\/3\/issue\/(INC-\d+)$/.exec(p);
    if (method === 'PUT' && put) {
      const issue = issues.find((i) => i.key === put[1]);
      if (!issue) return Promise.resolve(reply(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] }));
      const b = body as { fields: Record<string, unknown>; properties: { key: string; value: unknown }[] };
      puts.push(b.fields);
      Object.assign(issue.fields, b.fields);
      for (const prop of b.properties) issue.properties[prop.key] = prop.value;
      return Promise.resolve(reply(204));
    }
    return Promise.resolve(reply(400, { errorMessages: [`unexpected ${method} ${p}`] }));
  };
  return { request, issues, calls, puts };
}

function instantClock(budgetMs = 20_000) {
  let now = 0;
  const sleeps: number[] = [];
  const clock: RetryClock = {
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
    budgetLeftMs: () => budgetMs - now,
  };
  return { clock, sleeps };
}

const items = (n: number, over: Partial<ActionItemInput> = {}): ActionItemInput[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `item-${i + 1}`,
    summary: `Countermeasure ${i + 1}`,
    description: '',
    owner: null,
    dueDate: '2026-12-01',
    priority: 'Medium',
    question: 'know-sooner' as const,
    ...over,
  }));

const deps = (jira: ReturnType<typeof fakeJira>, clock = instantClock().clock): ActionItemsSyncDeps => ({
  request: jira.request,
  siteUrl: SITE,
  now: () => NOW,
  retry: clock,
});
const count = (calls: string[], what: string) => calls.filter((c) => c === what).length;

describe('syncActionItems', () => {
  it('creates 120 items in three bulk creates of at most 50, with createmeta read once', async () => {
    const jira = fakeJira();
    const result = await syncActionItems('INC-1', items(120), {}, deps(jira));
    expect(result.created).toHaveLength(120);
    expect(jira.issues).toHaveLength(120);
    expect(count(jira.calls, 'POST /rest/api/3/issue/bulk')).toBe(3);
    expect(count(jira.calls, 'GET /rest/api/3/issue/createmeta/INC/issuetypes')).toBe(1);
    expect(count(jira.calls, 'POST /rest/api/3/issue/bulkfetch')).toBe(2);
  });

  it('reports refused elements per item and creates the rest', async () => {
    const jira = fakeJira({
      refuse: (f) => (f.summary === 'Countermeasure 2' ? { assignee: "User 'x' cannot be assigned issues." } : undefined),
    });
    const result = await syncActionItems('INC-1', items(3), {}, deps(jira));
    expect(result.created).toStrictEqual(['item-1', 'item-3']);
    expect(result.failed).toStrictEqual([
      { itemId: 'item-2', message: "Jira refused the sub-task: assignee: User 'x' cannot be assigned issues." },
    ]);
    expect(Object.keys(result.mapping)).toStrictEqual(['item-1', 'item-3']);
    expect(result.mapping['item-3'].key).toBe(jira.issues[1].key);
  });

  it('reports every item when Jira refuses them all (400)', async () => {
    const jira = fakeJira({ refuse: () => ({ duedate: 'Error parsing date string' }) });
    const result = await syncActionItems('INC-1', items(2), {}, deps(jira));
    expect(result.created).toStrictEqual([]);
    expect(result.failed.map((f) => f.itemId)).toStrictEqual(['item-1', 'item-2']);
  });

  it('does not send again what a bulk create answered 503 to but did create: it finds it by property', async () => {
    const jira = fakeJira({ bulk: (n) => (n === 0 ? 'create-then-503' : 'ok') });
    const result = await syncActionItems('INC-1', items(3), {}, deps(jira));
    expect(result).toMatchObject({ created: ['item-1', 'item-2', 'item-3'], failed: [] });
    expect(jira.issues).toHaveLength(3);
    expect(count(jira.calls, 'POST /rest/api/3/issue/bulk')).toBe(1);
    expect(count(jira.calls, 'POST /rest/api/3/search/jql')).toBe(2);
  });

  it('after a 429 on bulk create waits Retry-After, searches again and sends only what is missing', async () => {
    const { clock, sleeps } = instantClock();
    const jira = fakeJira({ bulk: (n) => (n < 2 ? '429' : 'ok') });
    const result = await syncActionItems('INC-1', items(3), {}, deps(jira, clock));
    expect(result).toMatchObject({ created: ['item-1', 'item-2', 'item-3'], failed: [] });
    expect(sleeps).toStrictEqual([1000, 1000]);
    expect(count(jira.calls, 'POST /rest/api/3/issue/bulk')).toBe(3);
    expect(jira.issues).toHaveLength(3);
  });

  it('gives up within the budget and says creating again will not duplicate', async () => {
    const { clock, sleeps } = instantClock(1_500);
    const jira = fakeJira({ bulk: () => '429' });
    const result = await syncActionItems('INC-1', items(2), {}, deps(jira, clock));
    expect(result.created).toStrictEqual([]);
    expect(sleeps).toStrictEqual([1000]);
    expect(result.failed).toStrictEqual(
      ['item-1', 'item-2'].map((itemId) => ({
        itemId,
        message:
          'Jira is limiting requests right now (while creating the sub-tasks of INC-1). Nothing was lost: try again in a moment. Creating again will not duplicate it.',
      })),
    );
  });

  it('fails an item whose required field it leaves empty, and creates the others', async () => {
    const jira = fakeJira({ required: { assignee: true } });
    const all = [...items(1), ...items(1, { id: 'owned', owner: { accountId: 'acc-1', displayName: 'A' } })];
    const result = await syncActionItems('INC-1', all, {}, deps(jira));
    expect(result.created).toStrictEqual(['owned']);
    expect(result.failed).toStrictEqual([
      { itemId: 'item-1', message: 'Project INC requires an owner on a Sub-task: add it to this action item, then create it again.' },
    ]);
  });

  it('fails the whole sync, naming the field, when the project requires a field no item can fill', async () => {
    const jira = fakeJira({ required: { customfield_10050: true } });
    const failure = await syncActionItems('INC-1', items(1), {}, deps(jira)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).message).toMatch(/^Project INC requires "Team" on a Sub-task, which action items have no value for\./);
    expect(count(jira.calls, 'POST /rest/api/3/issue/bulk')).toBe(0);
  });

  it('reads no createmeta and writes nothing when every item is up to date', async () => {
    const jira = fakeJira();
    const first = await syncActionItems('INC-1', items(2), {}, deps(jira));
    jira.calls.splice(0);
    const again = await syncActionItems('INC-1', items(2), first.mapping, deps(jira));
    expect(again).toMatchObject({ created: [], updated: [], failed: [] });
    expect(jira.calls.sort()).toStrictEqual(['GET /rest/api/3/issue/INC-1', 'POST /rest/api/3/search/jql']);
  });

  it('reports an invalid item and leaves its existing sub-task mapped and untouched', async () => {
    const jira = fakeJira();
    const first = await syncActionItems('INC-1', items(1), {}, deps(jira));
    const again = await syncActionItems('INC-1', items(1, { summary: '   ' }), first.mapping, deps(jira));
    expect(again.failed).toStrictEqual([{ itemId: 'item-1', message: 'Give the action item a summary before creating it in Jira.' }]);
    expect(again.mapping).toStrictEqual(first.mapping);
    expect(jira.calls.filter((c) => c.startsWith('PUT'))).toStrictEqual([]);
  });
});

describe('syncActionItems, both ways', () => {
  /** Someone edits the sub-task in Jira. */
  const editInJira = (jira: ReturnType<typeof fakeJira>, fields: Record<string, unknown>) => Object.assign(jira.issues[0].fields, fields);

  it('takes a due date changed only in Jira into the item and writes only what the app changed', async () => {
    const jira = fakeJira();
    const first = await syncActionItems('INC-1', items(1), {}, deps(jira));
    editInJira(jira, { duedate: '2027-03-01' });
    const again = await syncActionItems('INC-1', items(1, { summary: 'Countermeasure one' }), first.mapping, deps(jira));
    expect(again.flowed).toStrictEqual({ 'item-1': { dueDate: '2027-03-01' } });
    expect(jira.puts).toStrictEqual([{ summary: 'Countermeasure one' }]);
    expect(jira.issues[0].fields.duedate).toBe('2027-03-01');
    expect(again.mapping['item-1'].base).toStrictEqual({
      summary: 'Countermeasure one',
      owner: null,
      dueDate: '2027-03-01',
      priority: 'Medium',
    });
  });

  it('writes neither side of a field both changed, and keeps the old base for it', async () => {
    const jira = fakeJira();
    const first = await syncActionItems('INC-1', items(1), {}, deps(jira));
    editInJira(jira, { priority: { name: 'Highest' } });
    const again = await syncActionItems('INC-1', items(1, { priority: 'Low' }), first.mapping, deps(jira));
    expect(again).toMatchObject({ updated: [], failed: [], flowed: {} });
    expect(jira.puts).toStrictEqual([]);
    expect(again.mapping['item-1'].base.priority).toBe('Medium');
  });

  it("for a review stored before bases were kept, lets Jira's change flow when the item is as last written", async () => {
    const jira = fakeJira();
    const first = await syncActionItems('INC-1', items(1), {}, deps(jira));
    const legacy = {
      'item-1': {
        key: first.mapping['item-1'].key,
        fingerprint: first.mapping['item-1'].fingerprint,
        syncedAt: first.mapping['item-1'].syncedAt,
      },
    };
    editInJira(jira, { duedate: '2027-03-01', assignee: { accountId: 'acc-2' } });
    const again = await syncActionItems('INC-1', items(1), legacy, deps(jira));
    expect(again.flowed['item-1']).toStrictEqual({ dueDate: '2027-03-01', owner: { accountId: 'acc-2', displayName: 'Someone' } });
    expect(jira.puts).toStrictEqual([]);
  });

  it('for a review stored before bases were kept and edited since, writes no field the two sides disagree on', async () => {
    const jira = fakeJira();
    const first = await syncActionItems('INC-1', items(1), {}, deps(jira));
    const legacy = { 'item-1': { key: first.mapping['item-1'].key, fingerprint: first.mapping['item-1'].fingerprint } };
    editInJira(jira, { duedate: '2027-03-01' });
    const again = await syncActionItems('INC-1', items(1, { description: 'Edited in the app.' }), legacy, deps(jira));
    expect(again.flowed).toStrictEqual({});
    expect(jira.puts.map((f) => Object.keys(f))).toStrictEqual([['description']]);
    expect(jira.issues[0].fields.duedate).toBe('2027-03-01');
  });
});

describe('matchSubtasks', () => {
  const sub = (id: number, key: string, itemId?: string, incidentKey = 'INC-1'): LiveSubtask => ({
    id: String(id),
    key,
    fields: { parent: { key: 'INC-1' } },
    ...(itemId ? { properties: { 'pir.actionItem': { itemId, incidentKey } } } : {}),
  });

  it('takes the sub-task whose property names the item, the mapped one among duplicates, else the oldest', () => {
    const issues = [sub(12, 'INC-12', 'a'), sub(11, 'INC-11', 'a'), sub(13, 'INC-13', 'b'), sub(14, 'INC-14', 'b')];
    const m = matchSubtasks([{ id: 'a' }, { id: 'b' }], { b: 'INC-14' }, issues, 'INC-1');
    expect(Object.fromEntries([...m].map(([k, v]) => [k, v.key]))).toStrictEqual({ a: 'INC-11', b: 'INC-14' });
  });

  it("falls back to the mapped key for a sub-task without the property, never to one that is another item's", () => {
    const issues = [sub(20, 'INC-20'), sub(21, 'INC-21', 'other')];
    const m = matchSubtasks([{ id: 'a' }, { id: 'b' }], { a: 'INC-20', b: 'INC-21' }, issues, 'INC-1');
    expect(Object.fromEntries([...m].map(([k, v]) => [k, v.key]))).toStrictEqual({ a: 'INC-20' });
  });

  it('ignores properties that name another incident', () => {
    expect(matchSubtasks([{ id: 'a' }], {}, [sub(30, 'INC-30', 'a', 'INC-2')], 'INC-1').size).toBe(0);
  });
});
