/**
 * What per-viewer filtering costs (issue 11): Jira requests and storage calls of one panel open
 * (`timeline/get`) and one Confluence page view of the macro (`macro/get`, full view), with the
 * filter and without it (the baseline: the same use cases with an access port that lets
 * everything through, which is how the app read timelines before), in the same run.
 * Run: `npx tsx bench/viewer-access.ts`. Target: the filter adds at most 2 Jira calls per open.
 *
 * Starts the local site on a temporary data dir, seeds the large incident (one bulk fetch of its
 * 60 linked issues) and uses INC-1 (linked issues and a restricted comment: one bulk fetch and one
 * comment list), starts both reviews as Maya, then reads them as Maya (in the comment's role)
 * and Sofia (not in it) through the real @forge/api inside an invocation scope.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MacroResult, TimelineResult } from '../src/contract';
import type { ViewerAccessPort } from '../src/jira/viewer-access-port';
import { docDeps, reviewDeps } from '../src/resolvers/wiring';
import { macroData } from '../src/use-cases/macro';
import { openTimeline, startReview } from '../src/use-cases/timeline-review';
import { runInInvocation } from '../local/runner/forge-globals';
import { startSite, type RunningSite } from '../local/site';
import { SEED_USERS } from '../local/users';
import { writeBenchResults } from './results-file';

const MAX_ADDED_JIRA_CALLS = 2;
const user = (email: string) => SEED_USERS.find((u) => u.email === email)!;

/** The baseline: every source visible, nothing asked of Jira (the app before issue 11). */
const everything: ViewerAccessPort = { visibility: async (issues, comments) => ({ issues: new Set(issues), comments: new Set(comments) }) };

interface Row {
  incident: string;
  entries: number;
  surface: 'panel open' | 'macro view';
  viewer: string;
  filtered: boolean;
  jira: number;
  jiraCalls: string[];
  kvs: number;
  shownEntries: number;
}

async function admin(site: RunningSite, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${site.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}`);
  return res.status === 204 ? null : res.json();
}

function as<T>(
  site: RunningSite,
  email: string,
  moduleKey: string,
  fn: (ctx: { accountId: string; moduleKey: string; siteUrl: string; extension: Record<string, unknown> }) => Promise<T>,
): Promise<T> {
  const { accountId } = user(email);
  return runInInvocation({ invocationId: randomUUID(), accountId, moduleKey, deadlineMs: Date.now() + 120_000 }, () =>
    fn({ accountId, moduleKey, siteUrl: site.url, extension: {} }),
  );
}

async function measure(
  site: RunningSite,
  incident: string,
  entries: number,
  surface: Row['surface'],
  viewer: string,
  filtered: boolean,
): Promise<Row> {
  await admin(site, 'DELETE', '/__admin/requests');
  const shown = await as(site, viewer, surface === 'panel open' ? 'pir-issue-panel' : 'pir-review-macro', async (ctx) => {
    const deps = filtered ? reviewDeps(ctx) : { ...reviewDeps(ctx), access: everything };
    if (surface === 'panel open') {
      const t: TimelineResult = await openTimeline(deps, incident);
      return t.started ? t.paging.total : 0;
    }
    const m: MacroResult = await macroData(docDeps(ctx), (key) => openTimeline(deps, key), { issueKey: incident, view: 'full' });
    return m.state === 'ok' && m.timeline ? m.timeline.paging.total : 0;
  });
  const { requests } = (await admin(site, 'GET', '/__admin/requests')) as { requests: { kind: string; method: string; path: string }[] };
  const jira = requests.filter((r) => r.kind === 'jira');
  return {
    incident,
    entries,
    surface,
    viewer: user(viewer).displayName,
    filtered,
    jira: jira.length,
    jiraCalls: jira.map((r) => `${r.method} ${r.path.split('?')[0]}`),
    kvs: requests.filter((r) => r.kind === 'kvs').length,
    shownEntries: shown,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pir-bench-viewer-'));
  const site = await startSite({ dataDir, port: 0 });
  try {
    const seeded = (await admin(site, 'POST', '/__admin/seed', { scenario: 'large' })) as { added: string[] };
    const large = seeded.added[0];
    const sizes: Record<string, number> = {};
    for (const key of ['INC-1', large]) {
      const view = await as(site, 'maya@example.com', 'pir-issue-panel', (ctx) => startReview(reviewDeps(ctx), key));
      sizes[key] = view.paging.total;
    }
    const rows: Row[] = [];
    for (const key of ['INC-1', large])
      for (const surface of ['panel open', 'macro view'] as const)
        for (const viewer of ['maya@example.com', 'sofia@example.com'])
          for (const filtered of [false, true]) {
            const row = await measure(site, key, sizes[key], surface, viewer, filtered);
            rows.push(row);
            console.info(
              `${key} ${surface} as ${row.viewer} ${filtered ? 'filtered' : 'baseline'}: ${row.jira} Jira, ${row.kvs} KVS, ${row.shownEntries} entries shown`,
            );
          }
    const added = rows
      .filter((r) => r.filtered)
      .map((r) => {
        const base = rows.find((b) => !b.filtered && b.incident === r.incident && b.surface === r.surface && b.viewer === r.viewer)!;
        return { ...r, added: r.jira - base.jira, addedCalls: r.jiraCalls.filter((c) => !base.jiraCalls.includes(c)) };
      });
    const worst = Math.max(...added.map((a) => a.added));
    const met = worst <= MAX_ADDED_JIRA_CALLS;
    const table = added
      .map((a) => {
        const base = rows.find((b) => !b.filtered && b.incident === a.incident && b.surface === a.surface && b.viewer === a.viewer)!;
        return `| ${a.incident} (${a.entries.toLocaleString('en-US')} entries) | ${a.surface} | ${a.viewer} | ${base.jira} | ${a.jira} | **+${a.added}** (${[...new Set(a.addedCalls)].join(', ') || 'none'}) | ${base.kvs} / ${a.kvs} | ${base.shownEntries.toLocaleString('en-US')} / ${a.shownEntries.toLocaleString('en-US')} |`;
      })
      .join('\n');
    const section =
      '## Per-viewer visibility\n\n' +
      'One panel open (`timeline/get`) and one page view of the macro (`macro/get`, full view) through the real `@forge/api` against the local site, as Maya (in the Developers role) and as Sofia (not in it). ' +
      "*Baseline* is the same use case with an access port that lets every entry through, as the app read timelines before issue 11; *filtered* asks Jira as the viewer. Figures from the site's request log.\n\n" +
      '| incident | surface | viewer | Jira calls, baseline | Jira calls, filtered | added | KVS calls (baseline / filtered) | entries shown (baseline / filtered) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n' +
      `${table}\n\n` +
      `- **At most ${worst} added Jira call${worst === 1 ? '' : 's'} per open** (target ≤ ${MAX_ADDED_JIRA_CALLS}): one \`POST /issue/bulkfetch\` per 100 source issues and one \`POST /comment/list\` per 1,000 restricted comments, none when there is nothing to ask (a timeline with no other issue and no restricted comment costs nothing more). ${met ? 'Target met.' : 'TARGET MISSED.'}\n` +
      '- No storage call is added: the filter works on the entries the view already reads.\n\n' +
      `Date: ${new Date().toISOString()}.\n\nReproduce: \`npx tsx bench/viewer-access.ts\` (under a minute; exits non-zero when the target is missed).\n`;
    writeBenchResults('viewerAccess', { rows, worstAdded: worst, targetMet: met }, '## Per-viewer visibility', section);
    if (!met) process.exitCode = 1;
  } finally {
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
