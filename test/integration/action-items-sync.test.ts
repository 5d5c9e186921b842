/**
 * Action items → Jira sub-tasks through the real @forge/api against the local site, as a user
 * inside an invocation scope (so `asUser()` acts as that user and Jira's permissions apply).
 */
import api from '@forge/api';
import { randomUUID } from 'node:crypto';
import type { ActionItem, ActionItemInput, ActionSyncResult, ReviewDoc } from '../../src/contract';
import { AppFailure } from '../../src/domain/app-error';
import { isOverdue } from '../../src/domain/action-items';
import { actionItemDescription, ACTION_ITEM_PROPERTY } from '../../src/jira/action-items/subtask-fields';
import { syncActionItems, type ActionItemsSync, type KnownSubtask } from '../../src/jira/action-items/subtask-sync';
import { createJiraRequest, type RequestJira } from '../../src/jira/jira-request';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import { assertLoggedRequestsMatchContract, clearRequestLog, loggedProductRequests } from '../contract/app-traffic';
import { callAs, closeIssueAs, freshSite, jiraAs, okAs } from '../support/site';
import { accountIdOf, setFaults } from '../support/helpers';

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const NOW = new Date('2026-11-21T09:00:00.000Z');

const person = (email: string) => {
  const u = SEED_USERS.find((s) => s.email === email)!;
  return { accountId: u.accountId, displayName: u.displayName };
};

const ITEMS: ActionItemInput[] = [
  {
    id: 'a1',
    summary: 'Alert on login error rate',
    description: 'Page the on-call engineer when the login error rate passes 2%.\n\nUse the existing dashboard.',
    owner: person('daniel@example.com'),
    dueDate: '2026-12-01',
    priority: 'High',
    question: 'know-sooner',
  },
  {
    id: 'a2',
    summary: 'Put production access docs in the runbook',
    description: 'Including who to call.',
    owner: person('sofia@example.com'),
    dueDate: '2026-12-15',
    priority: 'Medium',
    question: 'recover-sooner',
  },
  {
    id: 'a3',
    summary: 'Review process limits on web hosts',
    description: '',
    owner: null,
    dueDate: null,
    priority: 'Low',
    question: 'other',
  },
];

let site: RunningSite;
// A site of its own for every test: sub-tasks, issue properties and stored mappings stay with the test that made them
// (the file runs in random order).
beforeEach(async () => {
  site = await freshSite();
});
afterEach(() => site.close());

function syncAs(
  email: string,
  issueKey: string,
  items: readonly ActionItemInput[],
  known: Record<string, KnownSubtask> = {},
  wrap: (r: RequestJira) => RequestJira = (r) => r,
): Promise<ActionItemsSync> {
  return runInInvocation(
    { invocationId: randomUUID(), accountId: accountIdOf(email), moduleKey: 'pir-issue-panel', deadlineMs: Date.now() + 25_000 },
    () =>
      syncActionItems(issueKey, items, known, {
        request: createJiraRequest(wrap((path, init) => api.asUser().requestJira(path, init))),
        siteUrl: site.url,
        now: () => NOW,
      }),
  );
}

interface SubtaskJson {
  key: string;
  fields: {
    summary: string;
    parent: { key: string };
    project: { key: string };
    issuetype: { name: string; subtask: boolean };
    assignee: { accountId: string } | null;
    duedate: string | null;
    priority: { name: string };
    labels: string[];
    description: unknown;
    status: { statusCategory: { key: string } };
    created?: string;
  };
  properties?: Record<string, { itemId: string; incidentKey: string }>;
}

async function subtasksOf(key: string): Promise<SubtaskJson[]> {
  const page = await jiraAs<{ issues: SubtaskJson[] }>(site, MAYA, 'POST', '/search/jql', {
    jql: `parent = ${key} ORDER BY key ASC`,
    maxResults: 100,
    properties: [ACTION_ITEM_PROPERTY],
    fields: ['summary', 'parent', 'project', 'issuetype', 'assignee', 'duedate', 'priority', 'labels', 'description', 'status', 'created'],
  });
  return page.issues;
}

async function reseed(): Promise<void> {
  const res = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo' }),
  });
  if (!res.ok) throw new Error(`seed answered ${res.status}`);
}

const bulkCreates = async () =>
  (await loggedProductRequests(site)).filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issue/bulk');
const knownOf = (r: ActionItemsSync): Record<string, KnownSubtask> => r.mapping;
/** The three items created as sub-tasks of INC-1 by a first run, for the tests about the runs after it. */
const createdOnce = () => syncAs(MAYA, 'INC-1', ITEMS);

describe('action items → sub-tasks of the incident, as the user', () => {
  it('creates one sub-task per item in the incident project, under the incident, with the item fields, in one bulk create', async () => {
    await clearRequestLog(site);
    const first = await syncAs(MAYA, 'INC-1', ITEMS);
    expect(first.failed).toStrictEqual([]);
    expect(first.created).toStrictEqual(['a1', 'a2', 'a3']);
    expect(first.updated).toStrictEqual([]);
    expect(await bulkCreates()).toHaveLength(1);
    await assertLoggedRequestsMatchContract(site);

    const subtasks = await subtasksOf('INC-1');
    expect(subtasks).toHaveLength(3);
    const byItem = new Map(subtasks.map((s) => [s.properties![ACTION_ITEM_PROPERTY].itemId, s]));
    for (const item of ITEMS) {
      const s = byItem.get(item.id)!;
      expect(first.mapping[item.id].key).toBe(s.key);
      expect(s.properties![ACTION_ITEM_PROPERTY]).toMatchObject({ itemId: item.id, incidentKey: 'INC-1', syncedAt: NOW.toISOString() });
      expect(s.fields).toMatchObject({
        summary: item.summary,
        parent: { key: 'INC-1' },
        project: { key: 'INC' },
        issuetype: { name: 'Sub-task', subtask: true },
        assignee: item.owner ? { accountId: item.owner.accountId } : null,
        duedate: item.dueDate,
        priority: { name: item.priority },
      });
      expect([...s.fields.labels].sort()).toStrictEqual(['pir-inc-1', 'post-incident-review']);
      expect(s.fields.description).toStrictEqual(actionItemDescription(item, 'INC-1', site.url));
      expect(first.live[item.id]).toStrictEqual({
        key: s.key,
        url: `${site.url}/browse/${s.key}`,
        status: { name: 'To Do', category: 'new' },
        assignee: item.owner,
        dueDate: item.dueDate,
        summary: item.summary,
        priority: item.priority,
        syncedAt: NOW.toISOString(),
        // Jira's own dates of the sub-task (issue 17: time to close, backlog over time).
        createdAt: s.fields.created,
        resolvedAt: null,
      });
    }
  });

  it('creates nothing on a second run, with or without the stored mapping (found again by the issue property)', async () => {
    const first = await createdOnce();
    for (const known of [knownOf(first), {}]) {
      await clearRequestLog(site);
      const again = await syncAs(MAYA, 'INC-1', ITEMS, known);
      expect(again).toMatchObject({ created: [], updated: [], failed: [] });
      expect(again.mapping).toStrictEqual(first.mapping);
      expect(again.live).toStrictEqual(first.live);
      expect(await bulkCreates()).toStrictEqual([]);
      const writes = (await loggedProductRequests(site)).filter((r) => r.method !== 'GET' && !/search\/jql|bulkfetch/.test(r.path));
      expect(writes).toStrictEqual([]);
    }
    expect(await subtasksOf('INC-1')).toHaveLength(3);
  });

  it('updates only the sub-task of the edited item', async () => {
    const first = await createdOnce();
    const edited = ITEMS.map((i) =>
      i.id === 'a2'
        ? {
            ...i,
            summary: 'Put production access docs and phone numbers in the runbook',
            dueDate: '2026-12-20',
            owner: person('tomas@example.com'),
          }
        : i,
    );
    await clearRequestLog(site);
    const result = await syncAs(MAYA, 'INC-1', edited, knownOf(first));
    expect(result).toMatchObject({ created: [], updated: ['a2'], failed: [] });
    const puts = (await loggedProductRequests(site)).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toStrictEqual([`/rest/api/3/issue/${first.mapping.a2.key}`]);
    expect(await bulkCreates()).toStrictEqual([]);
    await assertLoggedRequestsMatchContract(site);
    expect(result.mapping.a2.fingerprint).not.toBe(first.mapping.a2.fingerprint);
    expect(result.mapping.a1).toStrictEqual(first.mapping.a1);
    expect(result.live.a2).toMatchObject({ assignee: person('tomas@example.com'), dueDate: '2026-12-20' });

    const s = (await subtasksOf('INC-1')).find((x) => x.key === first.mapping.a2.key)!;
    expect(s.fields).toMatchObject({ summary: 'Put production access docs and phone numbers in the runbook', duedate: '2026-12-20' });
    expect([...s.fields.labels].sort()).toStrictEqual(['pir-inc-1', 'post-incident-review']);

    // Run again with the edit: nothing left to do.
    await clearRequestLog(site);
    expect(await syncAs(MAYA, 'INC-1', edited, knownOf(result))).toMatchObject({ created: [], updated: [], failed: [] });
    expect((await loggedProductRequests(site)).filter((r) => r.method === 'PUT')).toStrictEqual([]);
  });

  it('flows a sub-task moved to Done in Jira back as its live status, and it is no longer overdue', async () => {
    const first = await createdOnce();
    const key = first.mapping.a1.key;
    await closeIssueAs(site, MAYA, key);

    const result = await syncAs(
      MAYA,
      'INC-1',
      ITEMS.map((i) => (i.id === 'a2' ? { ...i } : i)),
      knownOf(first),
    );
    expect(result.live.a1.status.category).toBe('done');
    expect(result.live.a3.status.category).toBe('new');
    expect(isOverdue(result.live.a1.dueDate, result.live.a1.status.category, '2027-01-01')).toBe(false);
    expect(isOverdue(result.live.a3.dueDate, result.live.a3.status.category, '2027-01-01')).toBe(false);
  });

  it('finds sub-tasks whose create answer was lost instead of creating them again', async () => {
    const items = ITEMS.slice(0, 2).map((i) => ({ ...i, id: `lost-${i.id}` }));
    const dropBulkAnswer =
      (r: RequestJira): RequestJira =>
      async (path, init) => {
        const res = await r(path, init);
        if (init?.method === 'POST' && path.value === '/rest/api/3/issue/bulk') throw new TypeError('fetch failed: socket hang up');
        return res;
      };
    await clearRequestLog(site);
    const result = await syncAs(MAYA, 'INC-3', items, {}, dropBulkAnswer);
    expect(result).toMatchObject({ created: ['lost-a1', 'lost-a2'], failed: [] });
    expect(await bulkCreates()).toHaveLength(1);
    expect(await subtasksOf('INC-3')).toHaveLength(2);
  }, 30_000);

  it('reports an item Jira refuses (an owner who cannot be assigned in INC) and creates the others', async () => {
    const items = [
      { ...ITEMS[0], id: 'ok-1' },
      { ...ITEMS[1], id: 'refused', owner: person(LENA) },
    ];
    const result = await syncAs(MAYA, 'INC-4', items);
    expect(result.created).toStrictEqual(['ok-1']);
    expect(result.failed).toStrictEqual([
      { itemId: 'refused', message: `Jira refused the sub-task: Assignee: User '${accountIdOf(LENA)}' cannot be assigned issues.` },
    ]);
    expect(Object.keys(result.mapping)).toStrictEqual(['ok-1']);
    expect(await subtasksOf('INC-4')).toHaveLength(1);
  });

  it('reports sub-tasks turned off in OPS clearly and creates nothing', async () => {
    await clearRequestLog(site);
    const failure = await syncAs(MAYA, 'OPS-1', ITEMS).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('VALIDATION');
    expect((failure as AppFailure).message).toMatch(
      /^Project OPS has sub-tasks turned off, so action items cannot become sub-tasks of OPS-1\./,
    );
    expect(await bulkCreates()).toStrictEqual([]);
    expect(await subtasksOf('OPS-1')).toStrictEqual([]);
  });

  it('answers NOT_FOUND to a user who cannot see the incident and creates nothing', async () => {
    await createdOnce(); // Maya's three, which must still be all there are
    await clearRequestLog(site);
    const failure = await syncAs(
      LENA,
      'INC-1',
      ITEMS.map((i) => ({ ...i, id: `lena-${i.id}` })),
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).toAppError()).toStrictEqual({
      code: 'NOT_FOUND',
      message: 'INC-1 does not exist or you do not have permission to see it.',
    });
    const logged = await loggedProductRequests(site);
    expect(logged.filter((r) => r.method !== 'GET' && !r.path.includes('search/jql'))).toStrictEqual([]);
    expect(await subtasksOf('INC-1')).toHaveLength(3);
  });

  it('ends with exactly three sub-tasks through a 429 storm (30%, Retry-After 1 s), running again when a run reports failures', async () => {
    await reseed();
    await clearRequestLog(site);
    await setFaults(site, { rate429: 0.3, retryAfterS: 1, seed: 7 });
    const runs: ActionItemsSync[] = [];
    try {
      let known: Record<string, KnownSubtask> = {};
      for (let run = 0; run < 3; run++) {
        const result = await syncAs(MAYA, 'INC-1', ITEMS, known).catch((e: unknown) => e);
        if (result instanceof AppFailure) continue; // e.g. the search itself outlived its retries: run again
        runs.push(result as ActionItemsSync);
        known = { ...known, ...(result as ActionItemsSync).mapping };
        if ((result as ActionItemsSync).failed.length === 0 && Object.keys(known).length === 3) break;
      }
    } finally {
      await setFaults(site, null);
    }
    const log = await loggedProductRequests(site);
    expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    const last = runs[runs.length - 1];
    expect(last.failed).toStrictEqual([]);
    const subtasks = await subtasksOf('INC-1');
    expect(subtasks).toHaveLength(3);
    expect(subtasks.map((s) => s.properties![ACTION_ITEM_PROPERTY].itemId).sort()).toStrictEqual(['a1', 'a2', 'a3']);
    expect(Object.fromEntries(Object.entries(last.mapping).map(([id, m]) => [id, m.key]))).toStrictEqual(
      Object.fromEntries(subtasks.map((s) => [s.properties![ACTION_ITEM_PROPERTY].itemId, s.key])),
    );
  }, 120_000);

  it('re-discovers instead of re-sending blindly when the bulk create itself is rate limited, and loses nothing', async () => {
    await reseed();
    await clearRequestLog(site);
    // Seed 7 at 50% on /issue/bulk…: the first two bulk creates get 429, the third goes through.
    await setFaults(site, { rate429: 0.5, retryAfterS: 1, pathPrefix: '/rest/api/3/issue/bulk', seed: 7 });
    let result: ActionItemsSync;
    try {
      result = await syncAs(MAYA, 'INC-1', ITEMS);
    } finally {
      await setFaults(site, null);
    }
    expect(result).toMatchObject({ created: ['a1', 'a2', 'a3'], failed: [] });
    const log = await loggedProductRequests(site);
    const creates = log.filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issue/bulk');
    expect(creates.map((r) => r.status)).toStrictEqual([429, 429, 201]);
    // Each re-send came after a search that found nothing created yet, at least Retry-After later.
    const searches = log.filter((r) => r.path === '/rest/api/3/search/jql');
    expect(searches).toHaveLength(3);
    expect(creates[1].startMs - creates[0].endMs).toBeGreaterThanOrEqual(1000);
    expect(await subtasksOf('INC-1')).toHaveLength(3);
  }, 60_000);
});

describe('action items sync both ways through the resolvers, without clobbering', () => {
  const DANIEL = 'daniel@example.com';
  const KEY = 'INC-2';
  const PAST = '2020-03-01';
  const LATER = '2030-06-30';
  const items: ActionItemInput[] = [
    {
      id: 'w1',
      summary: 'Alert when backups stop',
      description: 'Page on a missed backup.',
      owner: person(DANIEL),
      dueDate: PAST,
      priority: 'High',
      question: 'know-sooner',
    },
    {
      id: 'w2',
      summary: 'Check migrations against the source',
      description: '',
      owner: person('sofia@example.com'),
      dueDate: '2030-01-15',
      priority: 'Medium',
      question: 'recover-sooner',
    },
  ];
  let subtaskKey: string;
  let doc: ReviewDoc;

  const get = () => okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: KEY });
  const save = (actionItems: ActionItemInput[], version: number) =>
    okAs<ReviewDoc>(site, MAYA, 'review/save', { issueKey: KEY, content: doc.content, actionItems, version });
  const sync = () => okAs<ActionSyncResult>(site, MAYA, 'actions/sync', { issueKey: KEY });
  const subtask = async (key: string) =>
    (
      await jiraAs<{
        fields: { summary: string; duedate: string | null; assignee: { accountId: string } | null; priority: { name: string } };
      }>(site, MAYA, 'GET', `/issue/${key}?fields=summary,duedate,assignee,priority`)
    ).fields;
  const inputOf = (i: ActionItem): ActionItemInput => ({
    id: i.id,
    summary: i.summary,
    description: i.description,
    owner: i.owner,
    dueDate: i.dueDate,
    priority: i.priority,
    question: i.question,
  });
  const w1 = (d: ReviewDoc) => d.actionItems.find((i) => i.id === 'w1')!;
  const puts = async () =>
    (await loggedProductRequests(site)).filter((r) => r.method === 'PUT' && r.path === `/rest/api/3/issue/${subtaskKey}`);

  beforeEach(async () => {
    await reseed();
    doc = await get();
    doc = await save(items, doc.version);
    const created = await sync();
    expect(created).toMatchObject({ created: ['w1', 'w2'], failed: [] });
    subtaskKey = w1(created.doc).jira!.key;
    expect(w1(created.doc).overdue).toBe(true);
  });

  // The tests below tell one story; each replays the steps before its own (these, without their checks), so it
  // passes alone and in any order.
  /** Daniel moves w1's due date and owner in Jira; the review is opened again. */
  const jiraMovesDueAndOwner = async () => {
    await jiraAs(site, DANIEL, 'PUT', `/issue/${subtaskKey}`, {
      fields: { duedate: LATER, assignee: { accountId: accountIdOf('tomas@example.com') } },
    });
    doc = await get();
  };
  /** w1's description edited in a form opened before Jira's change, saved and synced twice. */
  const descriptionEditedAndSynced = async () => {
    doc = await save(
      items.map((i) => (i.id === 'w1' ? { ...i, description: 'Page on a missed backup, and on a short one.' } : i)),
      doc.version,
    );
    await sync();
    doc = await get();
    doc = (await sync()).doc;
  };
  /** w1's due date and priority changed both in the review and in Jira. */
  const bothSidesChangeW1 = async () => {
    doc = await save(
      doc.actionItems.map((i) => (i.id === 'w1' ? { ...inputOf(i), priority: 'Low', dueDate: '2031-01-01' } : inputOf(i))),
      doc.version,
    );
    await jiraAs(site, DANIEL, 'PUT', `/issue/${subtaskKey}`, { fields: { priority: { name: 'Highest' }, duedate: '2032-02-02' } });
  };
  /** The priority kept as in the review, the due date as in Jira, and synced. */
  const conflictsSettled = async () => {
    doc = await get();
    const [due, priority] = w1(doc).conflicts!;
    doc = await okAs<ReviewDoc>(site, MAYA, 'actions/settle', {
      issueKey: KEY,
      itemId: 'w1',
      conflict: priority,
      keep: 'mine',
      version: doc.version,
    });
    doc = await okAs<ReviewDoc>(site, MAYA, 'actions/settle', {
      issueKey: KEY,
      itemId: 'w1',
      conflict: due,
      keep: 'jira',
      version: doc.version,
    });
    await sync();
  };

  it('shows a due date and owner changed in Jira on open, and no overdue flag for a future date', async () => {
    await jiraAs(site, DANIEL, 'PUT', `/issue/${subtaskKey}`, {
      fields: { duedate: LATER, assignee: { accountId: accountIdOf('tomas@example.com') } },
    });
    doc = await get();
    expect(w1(doc)).toMatchObject({ dueDate: LATER, owner: person('tomas@example.com'), overdue: false, conflicts: [] });
    expect(w1(doc).jira).toMatchObject({ dueDate: LATER, assignee: person('tomas@example.com') });
  });

  it('never writes the old owner and due date back when only the description is edited (even from a form opened before)', async () => {
    await jiraMovesDueAndOwner();
    const stale = items.map((i) => (i.id === 'w1' ? { ...i, description: 'Page on a missed backup, and on a short one.' } : i));
    doc = await save(stale, doc.version);
    await clearRequestLog(site);
    const synced = await sync();
    expect(synced).toMatchObject({ updated: ['w1'], failed: [] });
    const sent = await puts();
    expect(sent).toHaveLength(1);
    expect(Object.keys((sent[0].body as { fields: object }).fields)).toStrictEqual(['description']);
    expect(await subtask(subtaskKey)).toMatchObject({ duedate: LATER, assignee: { accountId: accountIdOf('tomas@example.com') } });
    // Jira's values flowed into the stored item: the next open and the next sync agree with Jira.
    doc = await get();
    expect(w1(doc)).toMatchObject({
      dueDate: LATER,
      owner: person('tomas@example.com'),
      description: 'Page on a missed backup, and on a short one.',
      conflicts: [],
    });
    await clearRequestLog(site);
    const again = await sync();
    expect(again).toMatchObject({ created: [], updated: [], failed: [] });
    expect(await puts()).toStrictEqual([]);
    doc = again.doc;
  });

  it('shows a field changed on both sides as a conflict and overwrites neither side', async () => {
    await jiraMovesDueAndOwner();
    await descriptionEditedAndSynced();
    doc = await save(
      doc.actionItems.map((i) => (i.id === 'w1' ? { ...inputOf(i), priority: 'Low', dueDate: '2031-01-01' } : inputOf(i))),
      doc.version,
    );
    await jiraAs(site, DANIEL, 'PUT', `/issue/${subtaskKey}`, { fields: { priority: { name: 'Highest' }, duedate: '2032-02-02' } });
    doc = await get();
    expect(w1(doc).conflicts).toStrictEqual([
      { field: 'dueDate', app: '2031-01-01', jira: '2032-02-02' },
      { field: 'priority', app: 'Low', jira: 'Highest' },
    ]);
    expect(w1(doc)).toMatchObject({ dueDate: '2031-01-01', priority: 'Low' });

    await clearRequestLog(site);
    const synced = await sync();
    expect(synced.updated).toStrictEqual([]);
    expect(await puts()).toStrictEqual([]);
    expect(w1(synced.doc).conflicts).toHaveLength(2);
    expect(await subtask(subtaskKey)).toMatchObject({ duedate: '2032-02-02', priority: { name: 'Highest' } });
    expect(w1(await get())).toMatchObject({ dueDate: '2031-01-01', priority: 'Low' });
  });

  it('settles a conflict either way, and the next sync makes both sides agree', async () => {
    await jiraMovesDueAndOwner();
    await descriptionEditedAndSynced();
    await bothSidesChangeW1();
    doc = await get();
    const [due, priority] = w1(doc).conflicts!;
    doc = await okAs<ReviewDoc>(site, MAYA, 'actions/settle', {
      issueKey: KEY,
      itemId: 'w1',
      conflict: priority,
      keep: 'mine',
      version: doc.version,
    });
    doc = await okAs<ReviewDoc>(site, MAYA, 'actions/settle', {
      issueKey: KEY,
      itemId: 'w1',
      conflict: due,
      keep: 'jira',
      version: doc.version,
    });
    expect(w1(doc)).toMatchObject({ dueDate: '2032-02-02', priority: 'Low', conflicts: [] });

    await clearRequestLog(site);
    const synced = await sync();
    expect(synced).toMatchObject({ updated: ['w1'], failed: [] });
    const sent = await puts();
    expect(Object.keys((sent[0].body as { fields: object }).fields)).toStrictEqual(['priority']);
    expect(await subtask(subtaskKey)).toMatchObject({ duedate: '2032-02-02', priority: { name: 'Low' } });
    doc = await get();
    expect(w1(doc)).toMatchObject({ dueDate: '2032-02-02', priority: 'Low', conflicts: [] });
    expect(await sync()).toMatchObject({ updated: [], failed: [] });
  });

  it('refuses to settle a conflict that is no longer there', async () => {
    await jiraMovesDueAndOwner();
    await descriptionEditedAndSynced();
    await bothSidesChangeW1();
    await conflictsSettled();
    doc = await get();
    const stale = await callAs<ReviewDoc>(site, MAYA, 'actions/settle', {
      issueKey: KEY,
      itemId: 'w1',
      conflict: { field: 'priority', app: 'Low', jira: 'Highest' },
      keep: 'jira',
      version: doc.version,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(w1(await get()).priority).toBe('Low');
  });

  it('reads the live sub-tasks on open in one search, not one request per item', async () => {
    await clearRequestLog(site);
    await get();
    const jira = (await loggedProductRequests(site)).filter((r) => r.kind === 'jira' && !r.path.startsWith(`/rest/api/3/issue/${KEY}?`));
    expect(jira.map((r) => `${r.method} ${r.path}`)).toStrictEqual(['POST /rest/api/3/search/jql']);
  });
});
