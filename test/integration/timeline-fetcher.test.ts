/**
 * The timeline pull through the real @forge/api against the local site, as a user inside an
 * invocation scope (so `asUser()` acts as that user and Jira's permissions decide what comes back).
 */
import api from '@forge/api';
import { randomUUID } from 'node:crypto';
import type { IncidentSources } from '../../src/domain/sources';
import { fetchIncidentSources } from '../../src/jira/timeline-fetcher';
import { LINK_TYPES } from '../../local/jira/catalog';
import { runInInvocation } from '../../local/runner/forge-globals';
import { demoScenario } from '../../local/seed/incidents';
import { LARGE_CHANGES_PER_ISSUE, LARGE_COMMENTS_PER_ISSUE, LARGE_LINKED_ISSUES } from '../../local/seed/large';
import type { SeedIssue } from '../../local/seed/types';
import type { RunningSite } from '../../local/site';
import { freshSite } from '../support/site';
import { accountIdOf } from '../support/helpers';

const MAYA = 'maya@example.com';
const SOFIA = 'sofia@example.com';
const LENA = 'lena@example.com';
const PULLED_AT = new Date('2026-11-21T09:00:00.000Z');
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

interface LoggedRequest {
  method: string;
  path: string;
  user: string | null;
  status: number;
}

function pullAs(email: string, issueKey: string): Promise<IncidentSources | null> {
  return runInInvocation(
    { invocationId: randomUUID(), accountId: accountIdOf(email), moduleKey: 'pir-issue-panel', deadlineMs: Date.now() + 25_000 },
    () =>
      fetchIncidentSources(issueKey, {
        requestJira: (path, init) => api.asUser().requestJira(path, init),
        siteUrl: site.url,
        now: () => PULLED_AT,
      }),
  );
}

async function clearLog(): Promise<void> {
  await fetch(`${site.url}/__admin/requests`, { method: 'DELETE' });
}

async function jiraLog(): Promise<LoggedRequest[]> {
  const body = (await (await fetch(`${site.url}/__admin/requests`)).json()) as { requests: (LoggedRequest & { kind: string })[] };
  return body.requests.filter((r) => r.kind === 'jira');
}

const seedIssue = (key: string): SeedIssue => demoScenario.issues.find((i) => i.key === key)!;

/** What Jira should say from the incident's side, straight from the seed's links and parents. */
function expectedRelations(incidentKey: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const link of demoScenario.links) {
    const type = LINK_TYPES.find((t) => t.name === link.type)!;
    if (link.outward === incidentKey) out[link.inward] = type.outward;
    if (link.inward === incidentKey) out[link.outward] = type.inward;
  }
  for (const issue of demoScenario.issues) if (issue.parent === incidentKey) out[issue.key] = 'sub-task';
  return out;
}

const countBy = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {});

/** Histories per issue: one seed change is one changelog history (with one or more items). */
const historiesPerIssue = (s: IncidentSources): Record<string, number> =>
  countBy([...new Map(s.changes.map((c) => [c.historyId, c])).values()], (c) => c.issueKey);

describe('fetchIncidentSources against the local site, as the user', () => {
  it.each(['INC-1', 'INC-2', 'INC-3', 'INC-4'])('pulls %s with every linked issue, comment and change the seed holds', async (key) => {
    const s = (await pullAs(MAYA, key))!;
    expect(s).not.toBeNull();
    expect(s.incident).toMatchObject({ key, relation: 'incident', url: `${site.url}/browse/${key}`, issueType: 'Incident' });
    expect(s.incident.summary).toBe(seedIssue(key).summary);
    expect(s.pulledAt).toBe(PULLED_AT.toISOString());

    const relations = expectedRelations(key);
    expect(Object.fromEntries(s.related.map((r) => [r.key, r.relation]))).toStrictEqual(relations);

    const keys = [key, ...Object.keys(relations)];
    // Maya is in every project's Developers role: she sees every comment, restricted or not.
    expect(countBy(s.comments, (c) => c.issueKey)).toStrictEqual(
      Object.fromEntries(keys.map((k) => [k, seedIssue(k).comments.length]).filter(([, n]) => n !== 0)),
    );
    expect(historiesPerIssue(s)).toStrictEqual(
      Object.fromEntries(keys.map((k) => [k, seedIssue(k).changes.length]).filter(([, n]) => n !== 0)),
    );
    expect(s.remoteLinks.filter((l) => l.issueKey === key).map((l) => l.url)).toStrictEqual(
      (seedIssue(key).remoteLinks ?? []).map((r) => r.url),
    );

    for (const t of [
      s.incident.created,
      ...s.related.map((r) => r.created),
      ...s.comments.flatMap((c) => [c.created, c.updated]),
      ...s.changes.map((c) => c.at),
    ]) {
      expect(t).toMatch(ISO_UTC);
    }
  });

  it('writes the link wording from the incident side in both directions', async () => {
    const s = (await pullAs(MAYA, 'INC-1'))!;
    const relation = Object.fromEntries(s.related.map((r) => [r.key, r.relation]));
    // Seed: "OPS-1 causes INC-1" and "INC-1 blocks SUP-2".
    expect(relation['OPS-1']).toBe('is caused by');
    expect(relation['SUP-2']).toBe('blocks');
    const inc3 = (await pullAs(MAYA, 'INC-3'))!;
    // Seed: "SUP-4 duplicates INC-3".
    expect(inc3.related.find((r) => r.key === 'SUP-4')?.relation).toBe('is duplicated by');
  });

  it('converts every Jira time to the same instant in ISO UTC', async () => {
    const s = (await pullAs(MAYA, 'INC-1'))!;
    const seed = seedIssue('INC-1');
    expect(s.incident.created).toBe(new Date(seed.created).toISOString());
    const firstComment = s.comments.find((c) => c.issueKey === 'INC-1')!;
    expect(firstComment.created).toBe(new Date(seed.comments[0].at).toISOString());
    const firstChangeAt = [...seed.changes].map((c) => new Date(c.at).getTime()).sort((a, b) => a - b)[0];
    expect(s.changes.find((c) => c.issueKey === 'INC-1')!.at).toBe(new Date(firstChangeAt).toISOString());
  });

  it("shows INC-1's Developers-only comment to Maya (Developers) and not to Sofia (not in INC's Developers role)", async () => {
    // One comment for the Developers role, one for the incident-responders group: Maya is in both, Sofia in neither.
    const restrictedSeed = seedIssue('INC-1').comments.filter((c) => c.visibility);
    expect(restrictedSeed.map((c) => c.visibility?.type).sort()).toStrictEqual(['group', 'role']);
    const restrictedTimes = restrictedSeed.map((c) => new Date(c.at).toISOString()).sort();

    const maya = (await pullAs(MAYA, 'INC-1'))!;
    const sofia = (await pullAs(SOFIA, 'INC-1'))!;
    const mayaOwn = maya.comments.filter((c) => c.issueKey === 'INC-1');
    const sofiaOwn = sofia.comments.filter((c) => c.issueKey === 'INC-1');
    expect(
      mayaOwn
        .filter((c) => c.restricted)
        .map((c) => c.created)
        .sort(),
    ).toStrictEqual(restrictedTimes);
    expect(sofiaOwn).toHaveLength(mayaOwn.length - restrictedSeed.length);
    expect(sofiaOwn.some((c) => c.restricted || restrictedTimes.includes(c.created))).toBe(false);
    expect(JSON.stringify(sofia)).not.toContain('web-prod-ssh');
  });

  it("pulls INC-2's sub-task with relation 'sub-task', its comments, changes and remote links", async () => {
    await clearLog();
    const s = (await pullAs(MAYA, 'INC-2'))!;
    // Remote links are read for the incident and its sub-tasks (not for linked issues).
    expect(
      (await jiraLog())
        .map((r) => r.path)
        .filter((p) => p.endsWith('/remotelink'))
        .sort(),
    ).toStrictEqual(['/rest/api/3/issue/INC-2/remotelink', '/rest/api/3/issue/INC-5/remotelink']);
    const sub = s.related.find((r) => r.key === 'INC-5');
    expect(sub).toMatchObject({ key: 'INC-5', relation: 'sub-task', issueType: 'Sub-task', summary: seedIssue('INC-5').summary });
    expect(s.comments.filter((c) => c.issueKey === 'INC-5')).toHaveLength(seedIssue('INC-5').comments.length);
    expect(s.changes.filter((c) => c.issueKey === 'INC-5').map((c) => [c.field, c.from, c.to])).toStrictEqual([
      ['status', 'To Do', 'In Progress'],
    ]);
    expect(s.remoteLinks.filter((l) => l.issueKey === 'INC-5').map((l) => l.url)).toStrictEqual(
      (seedIssue('INC-5').remoteLinks ?? []).map((r) => r.url),
    );
  });

  it('reads only as the user and asks for comment pages only where the embedded page is incomplete', async () => {
    await clearLog();
    await pullAs(MAYA, 'INC-1');
    const log = await jiraLog();
    expect(new Set(log.map((r) => r.user))).toStrictEqual(new Set([accountIdOf(MAYA)]));
    // No demo issue has more comments than Jira embeds: one GET, its remote links, one bulk fetch, one changelog bulk fetch.
    expect(log.map((r) => `${r.method} ${r.path.split('?')[0]}`).sort()).toStrictEqual(
      [
        'GET /rest/api/3/issue/INC-1',
        'GET /rest/api/3/issue/INC-1/remotelink',
        'POST /rest/api/3/changelog/bulkfetch',
        'POST /rest/api/3/issue/bulkfetch',
      ].sort(),
    );
  });

  it('answers null for a missing incident and for a user who may not browse it, asking Jira nothing more', async () => {
    await clearLog();
    expect(await pullAs(MAYA, 'INC-9999')).toBeNull();
    expect(await pullAs(LENA, 'INC-1')).toBeNull();
    const log = await jiraLog();
    expect(log.every((r) => r.status === 404 && r.method === 'GET')).toBe(true);
    expect(log.map((r) => r.path.split('?')[0]).sort()).toStrictEqual([
      '/rest/api/3/issue/INC-1',
      '/rest/api/3/issue/INC-1/remotelink',
      '/rest/api/3/issue/INC-9999',
      '/rest/api/3/issue/INC-9999/remotelink',
    ]);
  });

  it('pulls the large incident completely: 61 issues, 150 comments and 120 changes each', async () => {
    const seeded = (await (
      await fetch(`${site.url}/__admin/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: 'large' }),
      })
    ).json()) as { added: string[] };
    const [key] = seeded.added;
    await clearLog();
    const s = (await pullAs(MAYA, key))!;
    expect(s.related).toHaveLength(LARGE_LINKED_ISSUES);
    const keys = [key, ...s.related.map((r) => r.key)];
    expect(new Set(keys).size).toBe(LARGE_LINKED_ISSUES + 1);
    expect(countBy(s.comments, (c) => c.issueKey)).toStrictEqual(Object.fromEntries(keys.map((k) => [k, LARGE_COMMENTS_PER_ISSUE])));
    expect(new Set(s.comments.map((c) => `${c.issueKey}/${c.id}`)).size).toBe(keys.length * LARGE_COMMENTS_PER_ISSUE);
    expect(historiesPerIssue(s)).toStrictEqual(Object.fromEntries(keys.map((k) => [k, LARGE_CHANGES_PER_ISSUE])));
    expect(s.remoteLinks.map((l) => l.issueKey)).toStrictEqual([key, key, key]);

    const log = await jiraLog();
    const comments = log.filter((r) => /\/comment\?/.test(r.path));
    // One page of the 50 oldest comments per issue; the 100 newest came embedded.
    expect(comments).toHaveLength(keys.length);
    expect(comments.every((r) => r.path.includes('startAt=0&maxResults=50'))).toBe(true);
    expect(log.filter((r) => r.path.includes('/changelog/bulkfetch'))).toHaveLength(1);
    expect(log.filter((r) => r.path.includes('/issue/bulkfetch'))).toHaveLength(1);
    expect(log).toHaveLength(keys.length + 4);
  });
});
