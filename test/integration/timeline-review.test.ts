import type { Result, TimelineChange, TimelineResult, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { basicAuth, freshSite, invokeAs } from '../support/site';
import { adf, seedLargeIncident } from '../support/helpers';

let site: RunningSite;

/**
 * Each describe starts its own site, so none depends on what another left in it (or on running
 * after it): the whole file and each describe pass in any order (`jest --randomize`).
 */
function ownSite(): void {
  beforeAll(async () => {
    site = await freshSite();
  });
  afterAll(() => site.close());
}

const MAYA = 'maya@example.com';

async function call<T>(user: string, key: string, payload: unknown): Promise<Result<T>> {
  return (await invokeAs<Result<T>>(site, user, key, payload)).result;
}

async function ok<T>(user: string, key: string, payload: unknown): Promise<T> {
  const r = await call<T>(user, key, payload);
  if (!r.ok) throw new Error(`${key} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

async function jira(method: string, path: string, user: string, body?: unknown): Promise<Response> {
  return fetch(`${site.url}${path}`, {
    method,
    headers: { authorization: basicAuth(user), 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('before a review starts', () => {
  ownSite();

  it('says no review has started for an incident, with its overview', async () => {
    const r = await ok<TimelineResult>(MAYA, 'timeline/get', { issueKey: 'INC-3' });
    expect(r.started).toBe(false);
    expect(r.incident.key).toBe('INC-3');
  });

  it('rejects malformed writes with field errors', async () => {
    const r = await call<TimelineView>(MAYA, 'timeline/manual/add', {
      issueKey: 'INC-1',
      version: 1,
      entry: { at: 'yesterday', manualKind: 'tweet', actorName: 'x', text: '' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(Object.keys(r.error.fields ?? {})).toEqual(expect.arrayContaining(['entry.at', 'entry.manualKind', 'entry.text']));
    }
  });
});

describe('the timeline of a review, through the resolvers and the real Forge packages', () => {
  ownSite();
  /** INC-1's review as `review/start` answered it; every test below works on that review. */
  let started: TimelineView;
  beforeAll(async () => {
    started = await ok<TimelineView>(MAYA, 'review/start', { issueKey: 'INC-1' });
  });

  it('starts the review of INC-1 with entries from the incident and its linked issues, moments and metrics', () => {
    const v = started;
    expect(v.version).toBe(1);
    expect(v.entries.length).toBeGreaterThan(15);
    const sources = new Set(v.entries.map((e) => e.source));
    for (const s of ['created', 'comment', 'status', 'assignment']) expect(sources).toContain(s);
    expect(v.entries.some((e) => e.issueKey.startsWith('SUP-'))).toBe(true);
    expect(v.moments.detected).toMatchObject({ at: v.incident.created, source: 'derived' });
    expect(v.metrics.tta.known).toBe(true);
    expect(v.metrics.ttr.known).toBe(true);
    expect(v.severity.label).toBe('Sev2');
    expect(v.entries.every((e) => !/\{"type"/.test(e.text))).toBe(true);
    const times = v.entries.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('keeps an annotation and refuses a write made on a stale version, changing nothing', async () => {
    const v1 = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    const entry = v1.entries.find((e) => e.source === 'comment')!;
    const v2 = await ok<TimelineChange>(MAYA, 'timeline/annotate', {
      issueKey: 'INC-1',
      entryId: entry.id,
      at: entry.at,
      version: v1.version,
      patch: { kind: 'human-interaction', phase: 'response', impact: 'positive', internal: true },
    });
    expect(v2.version).toBe(v1.version + 1);
    // The answer carries what changed, not a page of entries again.
    expect(v2.entries).toStrictEqual([]);
    expect(v2.changed.map((e) => e.id)).toStrictEqual([entry.id]);
    expect(v2.changed[0].annotation).toStrictEqual({
      kind: 'human-interaction',
      phase: 'response',
      impact: 'positive',
      moments: [],
      internal: true,
    });
    const stale = await call<TimelineView>('daniel@example.com', 'timeline/annotate', {
      issueKey: 'INC-1',
      entryId: entry.id,
      version: v1.version,
      patch: { impact: 'negative' },
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    const after = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    expect(after.version).toBe(v2.version);
    expect(after.entries.find((e) => e.id === entry.id)!.annotation.impact).toBe('positive');
  });

  it('re-pulls from Jira: adds new comments, updates edited ones, marks deleted ones, keeps annotations and manual entries', async () => {
    let v = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    const added = await ok<TimelineChange>(MAYA, 'timeline/manual/add', {
      issueKey: 'INC-1',
      version: v.version,
      entry: {
        at: '2026-10-17T18:55:00+01:00',
        manualKind: 'status-page-update',
        actorName: 'Sofia (support)',
        text: 'Posted: we are investigating login failures.',
      },
    });
    const manual = added.changed.find((e) => e.source === 'manual')!;
    v = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    expect(manual).toMatchObject({ actorName: 'Sofia (support)', manualKind: 'status-page-update', at: '2026-10-17T17:55:00.000Z' });

    // Changes in Jira since the pull: one comment added, one edited, one deleted (each by its author).
    // Whatever other tests annotated stays as it was: the refresh changes no annotation.
    const internalBefore = v.entries.filter((e) => e.annotation.internal).length;
    const comments = v.entries.filter((e) => e.source === 'comment' && e.issueKey === 'INC-1');
    const mine = comments.filter((e) => e.actor?.accountId === '712020:4c1d2f6e-maya-okafor');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const [edited, deleted] = mine as [(typeof mine)[0], (typeof mine)[0]];
    v = await ok<TimelineView>(MAYA, 'timeline/annotate', {
      issueKey: 'INC-1',
      entryId: deleted.id,
      version: v.version,
      patch: { impact: 'negative' },
    });
    const commentId = (id: string) => id.replace(/^comment:/, '');
    expect(
      (
        await jira('PUT', `/rest/api/3/issue/INC-1/comment/${commentId(edited.id)}`, MAYA, {
          body: adf('Edited after the fact: restart order matters.'),
        })
      ).status,
    ).toBe(200);
    expect((await jira('DELETE', `/rest/api/3/issue/INC-1/comment/${commentId(deleted.id)}`, MAYA)).status).toBe(204);
    expect(
      (
        await jira('POST', '/rest/api/3/issue/INC-1/comment', 'daniel@example.com', {
          body: adf('Follow-up: added a CPU alert on web hosts.'),
        })
      ).status,
    ).toBe(201);

    const r = await ok<TimelineView>(MAYA, 'timeline/refresh', { issueKey: 'INC-1' });
    expect(r.entries.some((e) => e.text.includes('Follow-up: added a CPU alert'))).toBe(true);
    expect(r.entries.find((e) => e.id === edited.id)!.text).toContain('Edited after the fact');
    const kept = r.entries.find((e) => e.id === deleted.id)!;
    expect(kept.deletedInJira).toBe(true);
    expect(kept.annotation.impact).toBe('negative');
    expect(r.entries.find((e) => e.id === manual.id)).toMatchObject({ text: manual.text });
    expect(r.entries.filter((e) => e.annotation.internal)).toHaveLength(internalBefore);
  });

  it('lets the facilitator override a key moment, reports moments out of order, and resets', async () => {
    let v = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    const detected = v.moments.detected.at!;
    const before = new Date(new Date(detected).getTime() - 60_000).toISOString();
    v = await ok<TimelineView>(MAYA, 'moments/set', { issueKey: 'INC-1', moment: 'restored', at: before, version: v.version });
    expect(v.moments.restored).toMatchObject({ at: before, source: 'override' });
    expect(v.problems.length).toBeGreaterThan(0);
    expect(v.metrics.ttr).toMatchObject({ known: false, reason: 'out-of-order' });
    v = await ok<TimelineView>(MAYA, 'moments/set', { issueKey: 'INC-1', moment: 'restored', at: null, version: v.version });
    expect(v.moments.restored.source).not.toBe('override');
    expect(v.metrics.ttr.known).toBe(true);
  });

  it('overrides the severity and goes back to the priority mapping', async () => {
    let v = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    v = await ok<TimelineView>(MAYA, 'severity/set', { issueKey: 'INC-1', level: 1, version: v.version });
    expect(v.severity).toMatchObject({ level: 1, source: 'override' });
    v = await ok<TimelineView>(MAYA, 'severity/set', { issueKey: 'INC-1', level: null, version: v.version });
    expect(v.severity).toMatchObject({ level: 2, source: 'priority' });
  });

  it('gives a user who cannot browse the incident nothing, and lets her change nothing', async () => {
    const before = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    for (const [key, payload] of [
      ['timeline/get', { issueKey: 'INC-1' }],
      ['review/start', { issueKey: 'INC-1' }],
      ['timeline/refresh', { issueKey: 'INC-1' }],
      ['timeline/annotate', { issueKey: 'INC-1', entryId: before.entries[0].id, version: before.version, patch: { impact: 'negative' } }],
      ['severity/set', { issueKey: 'INC-1', level: 5, version: before.version }],
    ] as const) {
      const r = await call<unknown>('lena@example.com', key, payload);
      expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
    const after = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: 'INC-1' });
    expect(after.version).toBe(before.version);
  });
});

describe('the other seeded incidents and the large one', () => {
  ownSite();

  it.each(['INC-2', 'INC-3', 'INC-4'])('builds the timeline of seeded incident %s with its linked issues and known TTA', async (key) => {
    const v = await ok<TimelineView>(MAYA, 'review/start', { issueKey: key });
    expect(v.entries.filter((e) => e.relation === 'incident').length).toBeGreaterThan(3);
    expect(v.entries.some((e) => e.relation !== 'incident')).toBe(true);
    expect(v.moments.detected.at).toBe(v.incident.created);
    expect(v.metrics.tta.known).toBe(true);
  });

  it('stores and reloads the large incident (about 16,500 entries) split across KVS keys', async () => {
    const key = await seedLargeIncident(site);
    const started = await ok<TimelineView>(MAYA, 'review/start', { issueKey: key });
    expect(started.paging.total).toBeGreaterThan(61 * (150 + 100));
    await fetch(`${site.url}/__admin/requests`, { method: 'DELETE' });
    const again = await ok<TimelineView>(MAYA, 'timeline/get', { issueKey: key });
    // The answers carry the first page (test/integration/timeline-pages.test.ts reads them all).
    expect(again.paging).toStrictEqual(started.paging);
    expect(again.entries.map((e) => e.id)).toStrictEqual(started.entries.map((e) => e.id));
    const { requests } = (await (await fetch(`${site.url}/__admin/requests`)).json()) as { requests: { kind: string; path: string }[] };
    const batchGets = requests.filter((r) => r.kind === 'kvs' && r.path.endsWith('/batch/get'));
    expect(batchGets.length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
