/**
 * A review is shared; what it quotes is not (docs/DECISIONS.md#what-must-hold, issue 11). A permission matrix over
 * (user × surface × source kind): Lena may browse SUP but not INC; Sofia may browse INC but is not
 * in its Developers role; Maya may see everything. Each surface that shows or exports timeline
 * content is read as each of them, and nothing they may not see in Jira may be in the answer.
 */
import type { EntryPage, MacroResult, PublishResult, PublishState, ReviewDoc, SpaceSummary, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { basicAuth, callAs, freshSite, jiraAs, okAs } from '../support/site';

const MAYA = 'maya@example.com';
const SOFIA = 'sofia@example.com';
const LENA = 'lena@example.com';

interface JiraComment {
  id: string;
  visibility?: { type: string; value: string };
  body: unknown;
}

let site: RunningSite;
/** Texts only someone who may browse INC-1 may see, and the ids of the entries that carry them. */
let inc1Summary: string;
let inc1CommentIds: string[];
/** Ids of INC-1's restricted comments (Sofia is not admitted). */
let restrictedIds: string[];

const panel = (key: string) => ({ moduleKey: 'pir-issue-panel', extension: { type: 'jira:issuePanel', issue: { key } } });
const macroCtx = (issueKey: string, view: string) => ({
  moduleKey: 'pir-review-macro',
  extension: { type: 'macro', config: { issueKey, view } },
});

/** Every surface that shows or exports timeline content, as `user`, on the review of `issueKey`: all answers as one JSON text. */
async function everySurface(user: string, issueKey: string): Promise<{ text: string; entryIds: Set<string>; view: TimelineView }> {
  const view = await okAs<TimelineView>(site, user, 'timeline/get', { issueKey }, panel(issueKey));
  const answers: unknown[] = [view];
  const entryIds = new Set(view.entries.map((e) => e.id));
  for (const [i, from] of view.paging.pageStarts.entries()) {
    const page = await okAs<EntryPage>(site, user, 'timeline/entries', {
      issueKey,
      version: view.version,
      from,
      to: view.paging.pageStarts[i + 1] ?? null,
    });
    page.entries.forEach((e) => entryIds.add(e.id));
    answers.push(page);
  }
  // The whole timeline as one range, too (a caller may ask for any range).
  const whole = await okAs<EntryPage>(site, user, 'timeline/entries', { issueKey, version: view.version, from: null, to: null });
  whole.entries.forEach((e) => entryIds.add(e.id));
  answers.push(whole);
  for (const v of ['full', 'timeline', 'summary', 'actions'])
    answers.push(await okAs<MacroResult>(site, user, 'macro/get', { config: { issueKey, view: v } }, macroCtx(issueKey, v)));
  answers.push(await okAs(site, user, 'review/export/markdown', { issueKey }));
  answers.push(
    await okAs(
      site,
      user,
      'summaries/incident',
      { issueKey },
      { moduleKey: 'pir-after-action-summaries', extension: { type: 'jira:globalPage' } },
    ),
  );
  answers.push(await okAs(site, user, 'publish/state', { issueKey }));
  return { text: JSON.stringify(answers), entryIds, view };
}

// A site of its own for every test: refreshes, annotations, deleted and added comments stay with the test that made them
// (the file runs in random order).
beforeEach(async () => {
  site = await freshSite();
  const inc1 = await jiraAs<{ fields: { summary: string } }>(site, MAYA, 'GET', '/issue/INC-1?fields=summary');
  inc1Summary = inc1.fields.summary;
  const comments = await jiraAs<{ comments: JiraComment[] }>(site, MAYA, 'GET', '/issue/INC-1/comment?maxResults=100');
  inc1CommentIds = comments.comments.map((c) => c.id);
  restrictedIds = comments.comments.filter((c) => c.visibility).map((c) => c.id);
  // A colleague who sees everything starts both reviews: one on the incident, one on a support ticket linked to it.
  await okAs(site, MAYA, 'review/start', { issueKey: 'INC-1' });
  await okAs(site, MAYA, 'review/start', { issueKey: 'SUP-1' });
}, 30_000);
afterEach(() => site.close());

describe('the seed gives the matrix its cases', () => {
  it('has a restricted comment on INC-1 and SUP-1 linked to INC-1', async () => {
    expect(restrictedIds.length).toBeGreaterThan(0);
    const sofiaSees = await jiraAs<{ comments: JiraComment[] }>(site, SOFIA, 'GET', '/issue/INC-1/comment?maxResults=100');
    expect(sofiaSees.comments.map((c) => c.id)).not.toContain(restrictedIds[0]);
    const res = await fetch(`${site.url}/rest/api/3/issue/INC-1`, { headers: { authorization: basicAuth(LENA) } });
    expect(res.status).toBe(404);
    const maya = await everySurface(MAYA, 'SUP-1');
    expect([...maya.entryIds].some((id) => id === 'created:INC-1')).toBe(true);
  });
});

describe('a user who cannot browse the incident, on a ticket linked to it', () => {
  it('sees nothing of INC-1 on any surface of the SUP-1 review', async () => {
    const { text, entryIds, view } = await everySurface(LENA, 'SUP-1');
    expect(text).not.toContain(inc1Summary);
    expect(text).not.toContain('INC-1');
    for (const id of inc1CommentIds) expect(entryIds.has(`comment:${id}`)).toBe(false);
    expect(view.entries.every((e) => !e.issueKey.startsWith('INC-'))).toBe(true);
    // Counts are of what she sees.
    expect(view.paging.total).toBe(entryIds.size);
  });

  it('gets the metrics, with a moment marked on an INC-1 entry said to come from an entry she cannot see', async () => {
    // Maya marks INC-1's creation as "identified" on the SUP-1 review.
    const before = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'SUP-1' });
    const created = (
      await okAs<EntryPage>(site, MAYA, 'timeline/entries', { issueKey: 'SUP-1', version: before.version, from: null, to: null })
    ).entries.find((e) => e.id === 'created:INC-1')!;
    await okAs(site, MAYA, 'timeline/annotate', {
      issueKey: 'SUP-1',
      entryId: created.id,
      at: created.at,
      patch: { moments: ['identified'] },
      version: before.version,
    });
    const maya = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'SUP-1' });
    const lena = await okAs<TimelineView>(site, LENA, 'timeline/get', { issueKey: 'SUP-1' });
    expect(maya.moments.identified).toStrictEqual({ at: created.at, source: 'marked', entryId: 'created:INC-1' });
    expect(lena.moments.identified).toStrictEqual({ at: created.at, source: 'marked', hiddenEntry: true });
    expect(lena.metrics).toStrictEqual(maya.metrics);
    // Nor does the recovery plot's list of annotated entries name it.
    expect(maya.annotated?.map((e) => e.id)).toContain('created:INC-1');
    expect(lena.annotated?.map((e) => e.id) ?? []).not.toContain('created:INC-1');
  });

  it('refreshing never marks what she cannot see as deleted, for anyone', async () => {
    const before = await everySurface(MAYA, 'SUP-1');
    await okAs(site, LENA, 'timeline/refresh', { issueKey: 'SUP-1' });
    const after = await everySurface(MAYA, 'SUP-1');
    expect([...after.entryIds].sort()).toStrictEqual([...before.entryIds].sort());
    const page = await okAs<EntryPage>(site, MAYA, 'timeline/entries', {
      issueKey: 'SUP-1',
      version: after.view.version,
      from: null,
      to: null,
    });
    expect(page.entries.filter((e) => e.deletedInJira)).toStrictEqual([]);
  });

  it('cannot annotate an entry of INC-1 by guessing its id', async () => {
    const view = await okAs<TimelineView>(site, LENA, 'timeline/get', { issueKey: 'SUP-1' });
    const r = await callAs(site, LENA, 'timeline/annotate', {
      issueKey: 'SUP-1',
      entryId: 'created:INC-1',
      patch: { impact: 'negative' },
      version: view.version,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('publishes a report that quotes nothing of INC-1', async () => {
    const spaces = await okAs<SpaceSummary[]>(site, LENA, 'publish/spaces', { issueKey: 'SUP-1', query: '' });
    expect(spaces.length).toBeGreaterThan(0);
    const doc = await okAs<ReviewDoc>(site, LENA, 'review/get', { issueKey: 'SUP-1' });
    const r = await okAs<PublishResult>(site, LENA, 'publish/internal', {
      issueKey: 'SUP-1',
      target: { spaceId: spaces[0].id, spaceKey: spaces[0].key, parentId: null },
      version: doc.version,
    });
    const res = await fetch(`${site.url}/wiki/api/v2/pages/${r.page.pageId}?body-format=storage`, {
      headers: { authorization: basicAuth(MAYA) },
    });
    const storage = ((await res.json()) as { body: { storage: { value: string } } }).body.storage.value;
    expect(storage).not.toContain(inc1Summary);
    expect(storage).not.toContain('INC-1');
  });
});

describe('a restricted comment', () => {
  it('is shown to a member of its role and to nobody else, on every surface', async () => {
    const maya = await everySurface(MAYA, 'INC-1');
    const sofia = await everySurface(SOFIA, 'INC-1');
    for (const id of restrictedIds) {
      expect(maya.entryIds.has(`comment:${id}`)).toBe(true);
      expect(sofia.entryIds.has(`comment:${id}`)).toBe(false);
      expect(sofia.text).not.toContain(`comment:${id}`);
    }
    const text = (
      await okAs<EntryPage>(site, MAYA, 'timeline/entries', { issueKey: 'INC-1', version: maya.view.version, from: null, to: null })
    ).entries
      .filter((e) => e.restricted)
      .map((e) => e.text);
    for (const t of text) expect(sofia.text).not.toContain(t.slice(0, 60));
    expect(sofia.view.paging.total).toBe(maya.view.paging.total - restrictedIds.length);
  });

  it('survives a refresh by someone outside its role, unmarked', async () => {
    await okAs(site, SOFIA, 'timeline/refresh', { issueKey: 'INC-1' });
    const view = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-1' });
    const page = await okAs<EntryPage>(site, MAYA, 'timeline/entries', { issueKey: 'INC-1', version: view.version, from: null, to: null });
    for (const id of restrictedIds) expect(page.entries.find((e) => e.id === `comment:${id}`)).toMatchObject({ restricted: true });
    expect(page.entries.filter((e) => e.deletedInJira)).toStrictEqual([]);
  });

  it('once deleted in Jira, is shown to nobody: Jira can no longer say who may read it', async () => {
    const [id] = restrictedIds;
    const before = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-1' });
    const res = await fetch(`${site.url}/rest/api/3/issue/INC-1/comment/${id}`, {
      method: 'DELETE',
      headers: { authorization: basicAuth(MAYA) },
    });
    expect(res.status).toBe(204);
    await okAs(site, SOFIA, 'timeline/refresh', { issueKey: 'INC-1' });
    for (const user of [MAYA, SOFIA]) {
      const { entryIds, text } = await everySurface(user, 'INC-1');
      expect(entryIds.has(`comment:${id}`)).toBe(false);
      expect(text).not.toContain(`comment:${id}`);
    }
    const after = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-1' });
    expect(after.paging.total).toBe(before.paging.total - 1);
  });
});

describe('publishing to a space with its own audience', () => {
  it('tells the publisher what comes from other projects and restricted comments, and leaves restricted ones out unless asked', async () => {
    const extra = await jiraAs<{ id: string }>(site, MAYA, 'POST', '/issue/INC-1/comment', {
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Developers only: the rotation secret lives in the vault path ops/web.' }] },
        ],
      },
      visibility: { type: 'role', value: 'Developers' },
    });
    await okAs(site, MAYA, 'timeline/refresh', { issueKey: 'INC-1' });
    const state = await okAs<PublishState>(site, MAYA, 'publish/state', { issueKey: 'INC-1' });
    expect(state.audience).toMatchObject({
      otherProjects: expect.arrayContaining(['SUP']),
      restrictions: expect.arrayContaining([{ type: 'role', name: 'Developers' }]),
    });
    expect(state.audience!.restrictedEntries).toBeGreaterThanOrEqual(1);
    expect(state.audience!.otherProjectEntries).toBeGreaterThan(0);
    const sofiaState = await okAs<PublishState>(site, SOFIA, 'publish/state', { issueKey: 'INC-1' });
    expect(sofiaState.audience!.restrictedEntries).toBe(0);

    const spaces = await okAs<SpaceSummary[]>(site, MAYA, 'publish/spaces', { issueKey: 'INC-1', query: '' });
    const target = { spaceId: spaces[0].id, spaceKey: spaces[0].key, parentId: null };
    const storageOf = async (r: PublishResult) => {
      const res = await fetch(`${site.url}/wiki/api/v2/pages/${r.page.pageId}?body-format=storage`, {
        headers: { authorization: basicAuth(MAYA) },
      });
      return ((await res.json()) as { body: { storage: { value: string } } }).body.storage.value;
    };
    let doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-1' });
    const without = await okAs<PublishResult>(site, MAYA, 'publish/internal', { issueKey: 'INC-1', target, version: doc.version });
    expect(await storageOf(without)).not.toContain('rotation secret');
    doc = without.doc;
    const withThem = await okAs<PublishResult>(site, MAYA, 'publish/internal', {
      issueKey: 'INC-1',
      target,
      version: doc.version,
      includeRestricted: true,
    });
    expect(await storageOf(withThem)).toContain('rotation secret');
    expect(extra.id).toBeTruthy();
  });
});
