/**
 * docs/DECISIONS.md#what-must-hold: reading or changing a review requires that the caller can browse the incident, and
 * identity comes from the invocation context only. Maya builds a full review of INC-1 (content,
 * sub-tasks, a manual entry, both published pages); Lena, who cannot browse INC, then calls every
 * resolver from every surface with INC-1 and with a key that does not exist (INC-999). She must
 * get the same refusal for both, find nothing of INC-1 in any answer, and change nothing.
 */
import type {
  ActionSyncResult,
  IncidentOverview,
  PublishResult,
  PublishState,
  ResolverKey,
  ReviewDoc,
  SummariesResult,
  TimelineChange,
  TimelineView,
} from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import {
  callFrom,
  registeredResolverKeys,
  SURFACE_NAMES,
  toInput,
  validPayloads,
  type Answer,
  type ReviewFixture,
  type Surface,
} from '../support/resolvers';
import { basicAuth, freshSite, invokeAs } from '../support/site';

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const maya = SEED_USERS.find((u) => u.email === MAYA)!;
const KEYS = registeredResolverKeys() as ResolverKey[];
/** Resolvers about no single incident: they list what the viewer may see. */
const LISTS: ResolverKey[] = ['summaries/list', 'summaries/csv', 'summaries/insights', 'summaries/search'];
/** The library search (issue 17) asks for words: these are in MKT-1's title and in INC-3's. */
const listPayload = (key: ResolverKey) => (key === 'summaries/search' ? { query: 'campaign dashboards monday' } : RANGE);
/** Site-wide settings: readable by anyone, changed by Jira administrators only (Lena is not one). */
const SETTINGS: ResolverKey[] = ['policy/get', 'policy/set'];
const RANGE = { from: '2026-01-01', to: '2026-12-31' };

/** The surface a resolver belongs to in the UI (all three modules share the one resolver function). */
function uiSurface(key: string): string {
  if (key.startsWith('publish/')) return 'publish';
  if (key === 'review/export/markdown') return 'export';
  if (key === 'macro/get') return 'macro';
  if (key.startsWith('summaries/') || key.startsWith('policy/')) return 'global page';
  return 'panel';
}

let site: RunningSite;
let fixture: ReviewFixture;
/** What only someone who can browse INC-1 may ever see, as patterns over an answer's JSON. */
const secrets: RegExp[] = [];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A text as it appears inside a JSON string. */
const inJson = (s: string) => new RegExp(escapeRegExp(JSON.stringify(s).slice(1, -1)));
let before: string;
/** Log positions around Maya's own reads, left out of the final check. */
let mayaWindow: [number, number] | null = null;
const lastSeq = () => site.log.list().at(-1)?.seq ?? 0;
const matrix: Record<string, Partial<Record<Surface, string>>> = {};
let cases = 0;

async function ok<T>(user: string, key: string, payload: unknown, issueKey = 'INC-1'): Promise<T> {
  const { answer } = await callFrom(site, user, key, payload, 'panel', issueKey);
  if (!answer.ok)
    throw new Error(`${key} failed: ${answer.error.code} ${answer.error.message} ${JSON.stringify(answer.error.fields ?? {})}`);
  return answer.data as T;
}

async function rest<T>(path: string): Promise<T> {
  const res = await fetch(`${site.url}${path}`, { headers: { authorization: basicAuth(MAYA), accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Everything about INC-1 a write could change, read as Maya (app state, Jira, Confluence). */
async function stateOfInc1(): Promise<string> {
  const timeline = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
  const doc = await ok<ReviewDoc>(MAYA, 'review/get', { issueKey: 'INC-1' });
  const publish = await ok<PublishState>(MAYA, 'publish/state', { issueKey: 'INC-1' });
  const issue = await rest<{ fields: { subtasks: { key: string }[]; updated: string } }>('/rest/api/3/issue/INC-1?fields=subtasks,updated');
  const links = await rest<unknown[]>('/rest/api/3/issue/INC-1/remotelink');
  const pages = await Promise.all(
    [publish.internal, publish.external].map(
      async (p) => p && (await rest<{ version: { number: number } }>(`/wiki/api/v2/pages/${p.pageId}`)).version.number,
    ),
  );
  const { entries, ...meta } = timeline;
  return JSON.stringify({ meta, entries: entries.map((e) => [e.id, e.text, e.annotation]), doc, publish, issue, links, pages });
}

/** The payload that would go through for Maya (current versions, real ids, the real target), about `issueKey`. */
function payloadFor(key: ResolverKey, issueKey: string): unknown {
  return validPayloads({ ...fixture, issueKey })[key];
}

function leaked(answer: unknown): string[] {
  const text = JSON.stringify(answer);
  return secrets.filter((s) => s.test(text)).map(String);
}

/** An answer with the asked-for key blanked, to compare the refusal for INC-1 with the one for INC-999. */
const normalised = (a: Answer) => JSON.stringify(a).replaceAll('INC-999', '<key>').replaceAll('INC-1', '<key>');

beforeAll(async () => {
  site = await freshSite();
  const incident = await ok<IncidentOverview>(MAYA, 'incident/get', { issueKey: 'INC-1' });
  await ok<TimelineView>(MAYA, 'review/start', { issueKey: 'INC-1' });
  const doc = await ok<ReviewDoc>(MAYA, 'review/get', { issueKey: 'INC-1' });
  const content = {
    ...doc.content,
    description: 'SECRET-DESCRIPTION the login service refused every session for forty minutes.',
    remediation: 'SECRET-REMEDIATION restarted the session store with a larger pool.',
    learnings: {
      learned: 'SECRET-LEARNED pool limits were never revisited.',
      wentWell: 'SECRET-WENT-WELL support escalated quickly.',
      surprised: '',
    },
    contributingFactors: [{ id: 'f1', text: 'SECRET-FACTOR the runbook was out of date.' }],
    tags: ['secret-tag-login'],
    externalSummary: { proximateCause: 'SECRET-CAUSE a pool limit.', resolution: 'SECRET-RESOLUTION a restart.' },
  };
  const actionItems = [
    {
      id: 'a1',
      summary: 'SECRET-ACTION alert on the login error rate',
      description: 'SECRET-ACTION-DETAIL page at 2%.',
      owner: null,
      dueDate: '2026-01-15',
      priority: 'High',
      question: 'know-sooner',
    },
    {
      id: 'a2',
      summary: 'SECRET-ACTION raise the session pool limit',
      description: '',
      owner: null,
      dueDate: null,
      priority: 'Medium',
      question: 'recover-sooner',
    },
  ];
  await ok<ReviewDoc>(MAYA, 'review/save', { issueKey: 'INC-1', content, actionItems, version: doc.version });
  const sync = await ok<ActionSyncResult>(MAYA, 'actions/sync', { issueKey: 'INC-1' });
  expect(sync.failed).toEqual([]);
  let timeline = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
  const entry = {
    at: '2026-10-14T09:30:00Z',
    manualKind: 'chat-excerpt',
    actorName: 'SECRET-ACTOR',
    text: 'SECRET-MANUAL rolled back the session store deploy.',
  };
  const added = await ok<TimelineChange>(MAYA, 'timeline/manual/add', { issueKey: 'INC-1', entry, version: timeline.version });
  const manual = added.changed.find((e) => e.source === 'manual')!;

  const [space] = await ok<{ id: string; key: string }[]>(MAYA, 'publish/spaces', { issueKey: 'INC-1', query: 'incident' });
  const [root] = await ok<{ id: string }[]>(MAYA, 'publish/pages', { issueKey: 'INC-1', spaceId: space.id, parentId: null });
  const target = { spaceId: space.id, spaceKey: space.key, parentId: root.id };
  let current = await ok<ReviewDoc>(MAYA, 'review/get', { issueKey: 'INC-1' });
  const internal = await ok<PublishResult>(MAYA, 'publish/internal', { issueKey: 'INC-1', target, version: current.version });
  const external = await ok<PublishResult>(MAYA, 'publish/external', { issueKey: 'INC-1', target, version: internal.doc.version });

  // Lena has a review of her own (MKT-1), so the global page has something to show her.
  await ok<TimelineView>(LENA, 'review/start', { issueKey: 'MKT-1' }, 'MKT-1');

  timeline = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
  current = await ok<ReviewDoc>(MAYA, 'review/get', { issueKey: 'INC-1' });
  const comment = timeline.entries.find((e) => e.source === 'comment')!;
  fixture = {
    issueKey: 'INC-1',
    timelineVersion: timeline.version,
    docVersion: current.version,
    jiraEntryId: comment.id,
    jiraEntryAt: comment.at,
    manualEntryId: manual.id,
    content: { ...current.content, description: 'Written by someone who cannot see the incident.' },
    actionItems: current.actionItems.map(toInput),
    target,
  };
  const subtaskKeys = current.actionItems.map((i) => i.jira?.key ?? '');
  expect(subtaskKeys.every((k) => /^INC-\d+$/.test(k))).toBe(true);
  const comments = timeline.entries.filter((e) => e.source === 'comment' && e.text.length >= 30).map((e) => e.text.slice(0, 30));
  secrets.push(
    ...[
      incident.summary,
      'SECRET-',
      maya.displayName,
      maya.accountId,
      internal.page.url,
      external.page.url,
      internal.page.title,
      manual.id,
      ...comments,
    ].map(inJson),
    ...subtaskKeys.map((k) => new RegExp(`\\b${k}(?!\\d)`)),
  );
  // From here on the log holds what the tests do; the last check (afterAll) reads it.
  before = await stateOfInc1();
  site.log.clear();
}, 120_000);

// After every test, in whatever order they ran: nothing was written (no Jira or Confluence write,
// no app storage write, INC-1 unchanged) by anything but the setup and Maya's reads.
afterAll(async () => {
  const log = site.log.list().filter((r) => !mayaWindow || r.seq <= mayaWindow[0] || r.seq > mayaWindow[1]);
  const lena = SEED_USERS.find((u) => u.email === LENA)!.accountId;
  const state = await stateOfInc1();
  await site.close();
  expect(log.filter((r) => r.kind !== 'kvs' && r.user === lena).length).toBeGreaterThan(0);
  const productWrites = log.filter((r) => r.kind !== 'kvs' && r.method !== 'GET' && !READ_ONLY_POSTS.some((p) => p.test(r.path)));
  expect(productWrites.map((r) => `${r.method} ${r.path} as ${r.user}`)).toEqual([]);
  const storageWrites = log.filter((r) => r.kind === 'kvs' && /\/(set|delete|transaction)$/.test(r.path.split('?')[0]));
  expect(storageWrites.map((r) => r.path)).toEqual([]);
  expect(state).toBe(before);
  const order = ['panel', 'export', 'publish', 'macro', 'global page'];
  const grouped = Object.entries(matrix).sort(([a], [b]) => order.indexOf(uiSurface(a)) - order.indexOf(uiSurface(b)));
  const rows = grouped.map(
    ([key, cells]) => `  ${uiSurface(key).padEnd(12)} ${key.padEnd(26)} ${SURFACE_NAMES.map((s) => (cells[s] ?? '-').padEnd(22)).join('')}`,
  );
  console.info(
    `permission matrix, Lena (no INC access) × INC-1 / INC-999:\n  ${'surface'.padEnd(12)} ${'resolver'.padEnd(26)} ${SURFACE_NAMES.map((s) => `from ${s}`.padEnd(22)).join('')}\n${rows.join('\n')}`,
  );
  console.info(
    `RELIABILITY-FIGURES ${JSON.stringify({ permissions: { resolvers: Object.keys(matrix).length, surfaces: SURFACE_NAMES.length, cases } })}`,
  );
});

describe('what there is to leak', () => {
  it('is all there for Maya, who may browse INC-1', async () => {
    const from = lastSeq();
    const answers = await Promise.all([
      ok<unknown>(MAYA, 'review/get', { issueKey: 'INC-1' }),
      ok<unknown>(MAYA, 'timeline/get', { issueKey: 'INC-1' }),
      ok<unknown>(MAYA, 'publish/state', { issueKey: 'INC-1' }),
      ok<unknown>(MAYA, 'incident/get', { issueKey: 'INC-1' }),
      ok<unknown>(MAYA, 'macro/get', { config: { issueKey: 'INC-1' } }),
    ]);
    const seen = new Set(answers.flatMap(leaked));
    expect(secrets.map(String).filter((s) => !seen.has(s))).toEqual([]);
    const list = await ok<SummariesResult>(MAYA, 'summaries/list', RANGE);
    expect(list.rows.map((r) => r.incidentKey)).toEqual(expect.arrayContaining(['INC-1', 'MKT-1']));
    mayaWindow = [from, lastSeq()];
  });
});

describe('Lena, who cannot browse INC-1, from every surface', () => {
  // From here on only Lena calls, until the last check reads the log and the state again.
  const perIncident = KEYS.filter((k) => !LISTS.includes(k) && !SETTINGS.includes(k));

  it('is asked about every resolver', () => {
    expect(perIncident.length + LISTS.length + SETTINGS.length).toBe(KEYS.length);
  });

  it('reads the countermeasure policy but may not change it, and learns nothing of INC-1', async () => {
    const read = await callFrom(site, LENA, 'policy/get', {}, 'panel', 'MKT-1');
    const write = await callFrom(
      site,
      LENA,
      'policy/set',
      { dueDays: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, expectedVersion: 0 },
      'panel',
      'MKT-1',
    );
    cases += 2;
    expect({ read: read.answer.ok && (read.answer.data as { canEdit: boolean }).canEdit, leaked: leaked(read.answer) }).toEqual({
      read: false,
      leaked: [],
    });
    expect(write.answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    matrix['policy/get'] = { panel: 'ok, canEdit false' };
    matrix['policy/set'] = { panel: 'FORBIDDEN (not a Jira admin)' };
  });

  it.each(perIncident)('%s: refused exactly as for an incident that does not exist, with nothing of INC-1 in the answer', async (key) => {
    for (const surface of SURFACE_NAMES) {
      const forbidden = await callFrom(site, LENA, key, payloadFor(key, 'INC-1'), surface, 'INC-1');
      const missing = await callFrom(site, LENA, key, payloadFor(key, 'INC-999'), surface, 'INC-999');
      cases += 2;
      const where = { key, surface };
      expect({ ...where, status: forbidden.status, leaked: leaked(forbidden.answer) }).toEqual({ ...where, status: 200, leaked: [] });
      if (key === 'macro/get') {
        expect({ ...where, answer: forbidden.answer }).toEqual({ ...where, answer: { ok: true, data: { state: 'no-access' } } });
      } else {
        expect({ ...where, code: forbidden.answer.ok ? 'ok' : forbidden.answer.error.code }).toEqual({
          ...where,
          code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
        });
      }
      expect({ ...where, answer: normalised(forbidden.answer) }).toEqual({ ...where, answer: normalised(missing.answer) });
      (matrix[key] ??= {})[surface] =
        `${forbidden.answer.ok ? (forbidden.answer.data as { state: string }).state : forbidden.answer.error.code} (= INC-999)`;
    }
  });

  it.each(LISTS)('%s: lists her own project only, with no INC incident in it', async (key) => {
    for (const surface of SURFACE_NAMES) {
      const { status, answer } = await callFrom(site, LENA, key, listPayload(key), surface, 'MKT-1');
      cases += 1;
      expect({ key, surface, status, ok: answer.ok }).toEqual({ key, surface, status: 200, ok: true });
      const text = JSON.stringify(answer);
      expect({ key, surface, inc: text.match(/INC-\d+/g), leaked: leaked(answer) }).toEqual({ key, surface, inc: null, leaked: [] });
      // Insights are aggregates: they name incidents only in the past-policy list.
      if (key !== 'summaries/insights') expect(text).toContain('MKT-1');
      (matrix[key] ??= {})[surface] = 'ok, MKT-1 only';
    }
  });

  it("sees no INC issue in her own review's timeline, though MKT-1 is linked to INC-3", async () => {
    const timeline = await callFrom(site, LENA, 'timeline/get', { issueKey: 'MKT-1' }, 'panel', 'MKT-1');
    cases += 1;
    expect(timeline.answer.ok).toBe(true);
    const entries = (timeline.answer as { data: TimelineView }).data.entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.issueKey.startsWith('INC-')).map((e) => e.id)).toEqual([]);
  });
});

describe('identity comes from the invocation context only', () => {
  const spoofs = { accountId: maya.accountId, user: { accountId: maya.accountId, email: MAYA }, principal: { accountId: maya.accountId } };

  it.each(KEYS)('%s: a payload naming Maya is refused, and Lena still learns nothing', async (key) => {
    for (const [field, value] of Object.entries(spoofs)) {
      const payload = { ...(payloadFor(key, 'INC-1') as Record<string, unknown>), [field]: value };
      const { status, answer } = await callFrom(site, LENA, key, payload, 'panel', 'INC-1');
      cases += 1;
      expect({ key, field, status, code: answer.ok ? 'ok' : answer.error.code, leaked: leaked(answer) }).toEqual({
        key,
        field,
        status: 200,
        code: 'VALIDATION',
        leaked: [],
      });
    }
    if (key === 'macro/get') {
      // The macro's config drops keys it does not know (a page editor may have saved anything): still no access.
      const { answer } = await callFrom(site, LENA, key, { config: { issueKey: 'INC-1', ...spoofs } }, 'panel', 'INC-1');
      cases += 1;
      expect(answer).toEqual({ ok: true, data: { state: 'no-access' } });
    }
  });

  it.each(KEYS.filter((k) => !LISTS.includes(k) && !SETTINGS.includes(k)))(
    '%s: an extension context naming Maya changes nothing',
    async (key) => {
      const extension = {
        type: 'jira:issuePanel',
        issue: { key: 'INC-1' },
        config: { issueKey: 'INC-1' },
        ...spoofs,
        accountId: maya.accountId,
      };
      const { status, result } = await invokeAs<Answer>(site, LENA, key, payloadFor(key, 'INC-1'), {
        moduleKey: 'pir-issue-panel',
        extension,
      });
      cases += 1;
      expect({ key, status, leaked: leaked(result) }).toEqual({ key, status: 200, leaked: [] });
      expect(result.ok ? (result.data as { state?: string }).state : result.error.code).toMatch(/^(NOT_FOUND|FORBIDDEN|no-access)$/);
    },
  );
});

/** Product POSTs that only read: the global page's bulk fetch takes its issue list in the body. */
const READ_ONLY_POSTS = [/^\/rest\/api\/3\/issue\/bulkfetch(\?|$)/];
