/**
 * Publishing the review to Confluence through the resolvers and the real @forge/api, @forge/kvs
 * packages against the local site: page create / update in place / re-create, the remote link on
 * the incident, the remembered target, the external summary, and a user who may not see the
 * incident.
 */
import { randomUUID } from 'node:crypto';
import api from '@forge/api';
import type {
  ExternalSummary,
  IncidentOverview,
  PageSummary,
  PublishResult,
  PublishState,
  PublishTarget,
  ReviewContent,
  ReviewDoc,
  SpaceSummary,
  TimelineView,
} from '../../src/contract';
import { createForgeConfluenceClient } from '../../src/confluence/forge-confluence-client';
import type { RequestConfluence } from '../../src/confluence/confluence-request';
import { internalPageTitle } from '../../src/domain/report/internal-report';
import { publishDeps } from '../../src/resolvers/wiring';
import { publishInternal, reportLinkGlobalId } from '../../src/use-cases/publish';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import { assertLoggedRequestsMatchContract, clearRequestLog, loggedProductRequests } from '../contract/app-traffic';
import { basicAuth, callAs, freshSite, okAs } from '../support/site';

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const GLOBAL_ID = reportLinkGlobalId('INC-1');

let site: RunningSite;

/** A product REST call as Maya with basic auth, outside the app. */
async function rest<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${site.url}${path}`, {
    method,
    headers: {
      authorization: basicAuth(MAYA),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
}

interface PageJson {
  id: string;
  title: string;
  spaceId: string;
  parentId?: string;
  status: string;
  version: { number: number };
  body: { storage?: { value: string } };
}
interface RemoteLinkJson {
  globalId?: string;
  object: { url: string; title: string };
}

const page = async (id: string) => (await rest<PageJson>('GET', `/wiki/api/v2/pages/${id}?body-format=storage`)).body;
const remoteLinks = async () => (await rest<RemoteLinkJson[]>('GET', '/rest/api/3/issue/INC-1/remotelink')).body;
const reportLinks = async () => (await remoteLinks()).filter((l) => l.globalId === GLOBAL_ID);
const review = () => okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-1' });

/** Bumps the page to the next version as Maya, the way a colleague editing it would. */
async function bumpPage(id: string): Promise<number> {
  const current = await page(id);
  const next = current.version.number + 1;
  const res = await rest<PageJson>('PUT', `/wiki/api/v2/pages/${id}`, {
    id,
    status: 'current',
    title: current.title,
    body: { representation: 'storage', value: current.body.storage?.value ?? '' },
    version: { number: next },
  });
  if (res.status !== 200) throw new Error(`bumping page ${id} answered ${res.status}`);
  return next;
}

let target: PublishTarget;
let parent: PageSummary;
const PROXIMATE = 'A batch job exhausted the process limit on the web hosts.';
const RESOLUTION = 'The web service was restarted and the job was moved off the web tier.';

/** Where the tests publish: the IR space, under its "Post-incident reviews" page (the first test shows the way there). */
async function irTarget(): Promise<{ target: PublishTarget; parent: PageSummary }> {
  const ir = (await okAs<SpaceSummary[]>(site, MAYA, 'publish/spaces', { issueKey: 'INC-1', query: 'incident' })).find(
    (s) => s.key === 'IR',
  );
  if (!ir) throw new Error('The seed has no IR space');
  const [root] = await okAs<PageSummary[]>(site, MAYA, 'publish/pages', { issueKey: 'INC-1', spaceId: ir.id, parentId: null });
  const under = (await okAs<PageSummary[]>(site, MAYA, 'publish/pages', { issueKey: 'INC-1', spaceId: ir.id, parentId: root.id })).find(
    (p) => p.title === 'Post-incident reviews',
  );
  if (!under) throw new Error('The seed has no "Post-incident reviews" page in IR');
  return { target: { spaceId: ir.id, spaceKey: ir.key, parentId: under.id }, parent: under };
}

/** The internal report of INC-1 published now, as Maya, to the target. */
const publishInternalNow = async () =>
  okAs<PublishResult>(site, MAYA, 'publish/internal', { issueKey: 'INC-1', target, version: (await review()).version });

// A site of its own for every test, with INC-1's review started and filled in: pages, links and publish records stay
// with the test that made them, so each test passes alone and in any order (the file runs in random order).
beforeEach(async () => {
  site = await freshSite();
  await okAs<TimelineView>(site, MAYA, 'review/start', { issueKey: 'INC-1' });
  const doc = await review();
  const person = (email: string) => {
    const u = SEED_USERS.find((s) => s.email === email)!;
    return { accountId: u.accountId, displayName: u.displayName };
  };
  const content: ReviewContent = {
    ...doc.content,
    description: 'Customers could not sign in for about forty minutes.',
    meeting: {
      ...doc.content.meeting,
      facilitator: person('sofia@example.com'),
      participants: [{ ...person('daniel@example.com'), role: 'first-responder' }],
    },
    incidentCommander: person('tomas@example.com'),
    servicesImpacted: ['Login', 'Web'],
    learnings: { learned: 'Process limits were set years ago and never revisited.', wentWell: 'Support escalated quickly.', surprised: '' },
    contributingFactors: [{ id: 'f1', text: 'The runbook for production access was out of date.', category: 'other' }],
    tags: ['login', 'capacity'],
  };
  await okAs<ReviewDoc>(site, MAYA, 'review/save', {
    issueKey: 'INC-1',
    content,
    actionItems: [
      {
        id: 'a1',
        summary: 'Alert on login error rate',
        description: '',
        owner: person('daniel@example.com'),
        dueDate: '2026-12-01',
        priority: 'High',
        question: 'know-sooner',
      },
    ],
    version: doc.version,
  });
  ({ target, parent } = await irTarget());
}, 30_000);
afterEach(() => site.close());

describe('choosing where to publish', () => {
  it('finds spaces by name or key and lists root pages, then the children of a page', async () => {
    const spaces = await okAs<SpaceSummary[]>(site, MAYA, 'publish/spaces', { issueKey: 'INC-1', query: 'incident' });
    expect(spaces.map((s) => s.key)).toEqual(['IR']);
    expect(await okAs<SpaceSummary[]>(site, MAYA, 'publish/spaces', { issueKey: 'INC-1', query: 'eng' })).toEqual([
      expect.objectContaining({ key: 'ENG', name: 'Engineering' }),
    ]);
    expect((await okAs<SpaceSummary[]>(site, MAYA, 'publish/spaces', { issueKey: 'INC-1', query: '' })).length).toBeGreaterThanOrEqual(2);
    const ir = spaces[0];
    const roots = await okAs<PageSummary[]>(site, MAYA, 'publish/pages', { issueKey: 'INC-1', spaceId: ir.id, parentId: null });
    expect(roots.map((p) => p.title)).toEqual(['Incident Reviews']);
    const children = await okAs<PageSummary[]>(site, MAYA, 'publish/pages', { issueKey: 'INC-1', spaceId: ir.id, parentId: roots[0].id });
    expect(children.map((p) => p.title)).toEqual(['Post-incident reviews', 'Runbooks']);
    expect(target).toStrictEqual({ spaceId: ir.id, spaceKey: ir.key, parentId: children[0].id });
  });

  it('remembers nothing before the first publish', async () => {
    expect(await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' })).toEqual({
      confluence: 'available',
      target: null,
      targetParentTitle: null,
      internal: null,
      external: null,
      // What the report would quote that a space's readers may not see in Jira (Maya may read both restricted comments).
      audience: {
        otherProjectEntries: expect.any(Number),
        otherProjects: ['OPS', 'SUP'],
        restrictedEntries: 2,
        restrictions: [
          { type: 'group', name: 'incident-responders' },
          { type: 'role', name: 'Developers' },
        ],
      },
    });
  });

  it('rejects ids that are not Confluence ids and oversized text', async () => {
    const bad = await callAs<PublishResult>(site, MAYA, 'publish/internal', {
      issueKey: 'INC-1',
      target: { spaceId: '../1', spaceKey: 'IR', parentId: 'x' },
      version: 1,
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'target.spaceId': expect.any(String), 'target.parentId': expect.any(String) } },
    });
    const doc = await review();
    const long = await callAs<ReviewDoc>(site, MAYA, 'review/save', {
      issueKey: 'INC-1',
      content: { ...doc.content, externalSummary: { proximateCause: 'x'.repeat(5_001), resolution: '' } },
      actionItems: [],
      version: doc.version,
    });
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'content.externalSummary.proximateCause': expect.any(String) } },
    });
    // The text lives with the review: the publish calls take none (a payload carrying it is refused, not half-used).
    const extra = await callAs<ExternalSummary>(site, MAYA, 'publish/external/preview', {
      issueKey: 'INC-1',
      proximateCause: 'x',
      resolution: '',
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('publishing the internal report', () => {
  it('creates the page under the chosen parent with the report and the live macro, links it from the incident and marks the review published', async () => {
    await clearRequestLog(site);
    const doc = await review();
    const first = await okAs<PublishResult>(site, MAYA, 'publish/internal', { issueKey: 'INC-1', target, version: doc.version });
    expect(first.outcome).toBe('created');
    expect(first.page).toMatchObject({ version: 1, title: expect.stringMatching(/^INC-1: /) });
    expect(first.doc).toMatchObject({ status: 'published', version: doc.version + 1 });
    expect((await review()).status).toBe('published');

    const created = await page(first.page.pageId);
    expect(created).toMatchObject({ spaceId: target.spaceId, parentId: parent.id, status: 'current', title: first.page.title });
    const storage = created.body.storage?.value ?? '';
    for (const heading of [
      'Goals',
      'Key metrics',
      'Timeline',
      'Learnings',
      'Contributing factors',
      'Action items',
      'Meeting details',
      'Tags',
    ]) {
      expect(storage).toContain(`<h2>${heading}</h2>`);
    }
    expect(storage).toContain('The runbook for production access was out of date.');
    expect(storage).toMatch(
      /<ac:adf-extension>.*<ac:adf-attribute key="extension-key">[0-9a-f-]+\/[^/<]+\/static\/pir-review-macro<\/ac:adf-attribute>/s,
    );
    expect(storage).toContain('<ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>');
    expect(first.page.url).toBe(
      `${site.url}/wiki/spaces/IR/pages/${first.page.pageId}/${encodeURIComponent(first.page.title).replace(/%20/g, '+')}`,
    );

    // The site renders the page with this app's macro in its frame: the extension key names this app and environment.
    const html = await (await fetch(first.page.url)).text();
    const frame = /src="\/__app\/frame\?m=pir-review-macro&amp;l=[^&]+&amp;x=([A-Za-z0-9_-]+)"/.exec(html);
    expect(frame).not.toBeNull();
    expect(JSON.parse(Buffer.from(frame![1], 'base64url').toString('utf8'))).toMatchObject({
      type: 'macro',
      config: { issueKey: 'INC-1', view: 'full' },
    });

    expect(await reportLinks()).toEqual([
      expect.objectContaining({ object: expect.objectContaining({ url: first.page.url, title: first.page.title }) }),
    ]);
    expect(await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' })).toEqual({
      confluence: 'available',
      target: { spaceId: target.spaceId, spaceKey: 'IR', parentId: parent.id },
      // Named for the form ("Publishes under “…”"), as Maya sees the page in Confluence.
      targetParentTitle: parent.title,
      internal: first.page,
      external: null,
      audience: expect.objectContaining({ restrictedEntries: 2 }),
    });

    const traffic = await assertLoggedRequestsMatchContract(site);
    const creates = traffic.filter((r) => r.kind === 'confluence' && r.method === 'POST');
    expect(creates).toHaveLength(1);
    expect(
      traffic.some(
        (r) => r.kind === 'confluence' && r.method === 'GET' && r.path.startsWith('/wiki/api/v2/pages?') && r.path.includes('title='),
      ),
    ).toBe(true);
  });

  it('re-publishes in place: the same page at version 2 and still one remote link', async () => {
    const first = await publishInternalNow();
    const linksBefore = (await remoteLinks()).length;
    const again = await okAs<PublishResult>(site, MAYA, 'publish/internal', {
      issueKey: 'INC-1',
      target,
      version: (await review()).version,
    });
    expect(again.outcome).toBe('updated');
    expect(again.page).toMatchObject({ pageId: first.page.pageId, version: 2, url: first.page.url });
    expect((await page(first.page.pageId)).version.number).toBe(2);
    expect(await reportLinks()).toHaveLength(1);
    expect(await remoteLinks()).toHaveLength(linksBefore);
  });

  it('refuses a publish from a stale review version and sends nothing to Confluence', async () => {
    const first = await publishInternalNow();
    const pageVersion = (await page(first.page.pageId)).version.number;
    const doc = await review();
    await clearRequestLog(site);
    const stale = await callAs<PublishResult>(site, MAYA, 'publish/internal', { issueKey: 'INC-1', target, version: doc.version - 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await loggedProductRequests(site)).filter((r) => r.kind === 'confluence')).toEqual([]);
    expect((await page(first.page.pageId)).version.number).toBe(pageVersion);
  });

  it("writes the page's times in the publisher's time zone, and refuses one that does not exist", async () => {
    const r = await okAs<PublishResult>(site, MAYA, 'publish/internal', {
      issueKey: 'INC-1',
      target,
      version: (await review()).version,
      timeZone: 'Asia/Tokyo',
    });
    expect((await page(r.page.pageId)).body.storage?.value).toContain('(Asia/Tokyo)');
    const bad = await callAs<PublishResult>(site, MAYA, 'publish/internal', {
      issueKey: 'INC-1',
      target,
      version: (await review()).version,
      timeZone: 'Mars/Olympus',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('writes on top of a version someone saved meanwhile', async () => {
    const first = await publishInternalNow();
    const bumped = await bumpPage(first.page.pageId);
    const r = await okAs<PublishResult>(site, MAYA, 'publish/internal', { issueKey: 'INC-1', target, version: (await review()).version });
    expect(r.page).toMatchObject({ pageId: first.page.pageId, version: bumped + 1 });
  });

  it('re-reads once and retries when a concurrent save makes its version stale (409)', async () => {
    const first = await publishInternalNow();
    const pageId = first.page.pageId;
    const before = (await page(pageId)).version.number;
    let bumped = 0;
    // A colleague saves the page between the app's read and its write: the app's PUT gets 409.
    const racing =
      (send: RequestConfluence): RequestConfluence =>
      async (path, init) => {
        if (init?.method === 'PUT' && bumped === 0) bumped = await bumpPage(pageId);
        return send(path, init);
      };
    const maya = SEED_USERS.find((u) => u.email === MAYA)!.accountId;
    const ctx = { accountId: maya, moduleKey: 'pir-issue-panel', siteUrl: site.url, extension: {} };
    const version = (await review()).version;
    await clearRequestLog(site);
    const r = await runInInvocation(
      { invocationId: randomUUID(), accountId: maya, moduleKey: ctx.moduleKey, deadlineMs: Date.now() + 25_000 },
      () => {
        const deps = {
          ...publishDeps(ctx),
          confluence: createForgeConfluenceClient(racing((p, i) => api.asUser().requestConfluence(p, i))),
        };
        return publishInternal(deps, 'INC-1', target, version);
      },
    );
    expect(bumped).toBe(before + 1);
    expect(r).toMatchObject({ outcome: 'updated', page: { pageId, version: bumped + 1 } });
    const puts = (await loggedProductRequests(site)).filter(
      (q) => q.kind === 'confluence' && q.method === 'PUT' && q.user !== null && q.user !== 'app',
    );
    expect(puts.map((q) => q.status)).toEqual([200, 409, 200]); // the colleague's, the app's stale one, the app's retry
    expect(await reportLinks()).toHaveLength(1);
  });

  it('creates the page again when it was deleted, records it and moves the remote link to it', async () => {
    const first = await publishInternalNow();
    const del = await rest<null>('DELETE', `/wiki/api/v2/pages/${first.page.pageId}`);
    expect(del.status).toBe(204);
    const r = await okAs<PublishResult>(site, MAYA, 'publish/internal', { issueKey: 'INC-1', target, version: (await review()).version });
    expect(r.outcome).toBe('created');
    expect(r.page.pageId).not.toBe(first.page.pageId);
    expect(r.page.version).toBe(1);
    expect((await page(r.page.pageId)).parentId).toBe(parent.id);
    expect((await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' })).internal).toEqual(r.page);
    expect(await reportLinks()).toEqual([expect.objectContaining({ object: expect.objectContaining({ url: r.page.url }) })]);
  });
});

describe('publishing after a publish that failed half-way', () => {
  it('adopts the page it created but never recorded instead of making a duplicate', async () => {
    const incident = await okAs<IncidentOverview>(site, MAYA, 'incident/get', { issueKey: 'INC-2' });
    // What a publish leaves behind when it dies after POST /pages: the page, and no record of it.
    const orphan = await rest<PageJson>('POST', '/wiki/api/v2/pages', {
      spaceId: target.spaceId,
      status: 'current',
      title: internalPageTitle(incident),
      parentId: target.parentId,
      body: { representation: 'storage', value: '<p>half-way</p>' },
    });
    expect(orphan.status).toBe(200);
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-2' });
    await clearRequestLog(site);
    const r = await okAs<PublishResult>(site, MAYA, 'publish/internal', { issueKey: 'INC-2', target, version: doc.version });
    expect(r).toMatchObject({
      outcome: 'updated',
      page: { pageId: orphan.body.id, version: 2 },
      doc: { status: 'published', version: doc.version + 1 },
    });
    expect((await loggedProductRequests(site)).filter((q) => q.kind === 'confluence' && q.method === 'POST')).toEqual([]);
    expect((await page(orphan.body.id)).body.storage?.value).toContain('<h2>Timeline</h2>');
  });
});

describe('the external summary', () => {
  /** The two fields only the external summary asks for, saved with the review as the form saves them. */
  async function saveExternal(proximateCause: string, resolution: string): Promise<ReviewDoc> {
    const doc = await review();
    const { actionItems } = doc;
    return okAs<ReviewDoc>(site, MAYA, 'review/save', {
      issueKey: 'INC-1',
      content: { ...doc.content, externalSummary: { proximateCause, resolution } },
      actionItems: actionItems.map(({ id, summary, description, owner, dueDate, priority, question }) => ({
        id,
        summary,
        description,
        owner,
        dueDate,
        priority,
        question,
      })),
      version: doc.version,
    });
  }

  it('keeps the proximate cause and resolution with the review, so they are there after a reload', async () => {
    const saved = await saveExternal(PROXIMATE, RESOLUTION);
    expect(saved.content.externalSummary).toStrictEqual({ proximateCause: PROXIMATE, resolution: RESOLUTION });
    expect((await review()).content.externalSummary).toStrictEqual({ proximateCause: PROXIMATE, resolution: RESOLUTION });
  });

  it("previews a summary with no person's name and no comment text", async () => {
    await saveExternal(PROXIMATE, RESOLUTION);
    const preview = await okAs<ExternalSummary>(site, MAYA, 'publish/external/preview', { issueKey: 'INC-1' });
    expect(preview).toMatchObject({
      proximateCause: PROXIMATE,
      resolution: RESOLUTION,
      servicesImpacted: ['Login', 'Web'],
      countermeasures: ['Alert on login error rate'],
    });
    const text = JSON.stringify(preview);
    for (const u of SEED_USERS) expect(text).not.toContain(u.displayName);
    const timeline = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-1' });
    const comments = timeline.entries.filter((e) => e.source === 'comment' && e.text.trim().length >= 20);
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(text).not.toContain(c.text.trim().slice(0, 40));
  });

  it('publishes exactly the preview to its own page, without a second remote link and without touching the review', async () => {
    // The internal report is out already (its remote link is the one there must still be only one of).
    await saveExternal(PROXIMATE, RESOLUTION);
    await publishInternalNow();
    const preview = await okAs<ExternalSummary>(site, MAYA, 'publish/external/preview', { issueKey: 'INC-1' });
    const before = await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' });
    const doc = await review();
    const r = await okAs<PublishResult>(site, MAYA, 'publish/external', { issueKey: 'INC-1', target, version: doc.version });
    expect(r.outcome).toBe('created');
    expect(r.page.pageId).not.toBe(before.internal?.pageId);
    expect(r.page.title).toBe(preview.title);
    expect(r.doc.version).toBe(doc.version);
    const storage = (await page(r.page.pageId)).body.storage?.value ?? '';
    for (const u of SEED_USERS) expect(storage).not.toContain(u.displayName);
    expect(storage).toContain(PROXIMATE);
    expect(storage).toContain(RESOLUTION);
    expect(await reportLinks()).toHaveLength(1);
    const state = await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' });
    expect(state).toEqual({ ...before, external: r.page });

    // Re-published later, from a reloaded panel: the stored text is published again, never "Not stated".
    const reloaded = await review();
    expect(reloaded.content.externalSummary).toStrictEqual({ proximateCause: PROXIMATE, resolution: RESOLUTION });
    const again = await okAs<PublishResult>(site, MAYA, 'publish/external', { issueKey: 'INC-1', target, version: reloaded.version });
    expect(again).toMatchObject({ outcome: 'updated', page: { pageId: r.page.pageId, version: 2 } });
    const republished = (await page(r.page.pageId)).body.storage?.value ?? '';
    expect(republished).toContain(`<h2>Proximate cause</h2><p>${PROXIMATE}</p>`);
    expect(republished).toContain(`<h2>Resolution</h2><p>${RESOLUTION}</p>`);
  });

  it('publishes what was saved last: an edited resolution replaces the old one on the page', async () => {
    // Published once with the first resolution, so there is an old one on the page to replace.
    const before = await saveExternal(PROXIMATE, RESOLUTION);
    await okAs<PublishResult>(site, MAYA, 'publish/external', { issueKey: 'INC-1', target, version: before.version });
    const saved = await saveExternal(PROXIMATE, 'Moved the export job to one host.');
    const r = await okAs<PublishResult>(site, MAYA, 'publish/external', { issueKey: 'INC-1', target, version: saved.version });
    const storage = (await page(r.page.pageId)).body.storage?.value ?? '';
    expect(storage).toContain('Moved the export job to one host.');
    expect(storage).not.toContain(RESOLUTION);
  });
});

describe('a user who may not see the incident', () => {
  it('gets NOT_FOUND from every publish resolver, and nothing is written anywhere', async () => {
    const stateBefore = await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' });
    const linksBefore = await remoteLinks();
    await clearRequestLog(site);
    const calls: [string, unknown][] = [
      ['publish/spaces', { issueKey: 'INC-1', query: '' }],
      ['publish/pages', { issueKey: 'INC-1', spaceId: target.spaceId, parentId: null }],
      ['publish/state', { issueKey: 'INC-1' }],
      ['publish/internal', { issueKey: 'INC-1', target, version: 0 }],
      ['publish/external/preview', { issueKey: 'INC-1' }],
      ['publish/external', { issueKey: 'INC-1', target, version: 0 }],
    ];
    for (const [key, payload] of calls) {
      expect({ key, r: await callAs<unknown>(site, LENA, key, payload) }).toEqual({
        key,
        r: { ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) },
      });
    }
    const traffic = await loggedProductRequests(site);
    expect(traffic.filter((r) => r.kind === 'confluence')).toEqual([]);
    expect(traffic.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' })).toEqual(stateBefore);
    expect(await remoteLinks()).toEqual(linksBefore);
  });
});
