/**
 * Storage cost per action (issue 13): Forge KVS read and write units, KVS calls and bytes of each
 * thing a user does, for the typical incident (INC-1) and the large one at 1x, 2x and 4x
 * (~16.5k, ~33k, ~66k entries), with today's backend as the baseline measured in the same run.
 *
 * Run: `npm run bench:storage` (builds the current backend first), or
 *   `npx tsx bench/storage-units.ts [--current <dir>] [--base <commit>] [--scales 1,2,4] [--no-baseline]`
 *  - `--current` (or PIR_BENCH_CURRENT_BACKEND): the built backend to measure, default `.build/backend`.
 *  - `--base` (or PIR_BENCH_BASE_COMMIT): the commit whose backend is the baseline, default
 *    BASE_COMMIT; its `src/` is taken with `git archive` (no worktree is made) and bundled as
 *    scripts/build-backend.ts bundles it, into `.build/bench-baseline-<commit>/` (kept as a cache).
 *  - `--scales`: which multiples of the large incident to measure (default 1,2,4).
 *
 * Each backend gets its own local site (startSite's `backendDir`) on a fresh data dir with the
 * same data: the demo, then the large incident seeded at each scale in the same order, so the
 * keys are equal. Per incident, as Maya, through the site's `/__forge/invoke` (the path the
 * Custom UI takes): start the review (the first pull, shown for information), then the measured
 * actions, each alone in the site's request log (`GET /__admin/requests`), whose KVS entries carry
 * Forge's units (local/kvs/units.ts: per request, 10 KB rounded up, reads by bytes returned,
 * writes by bytes sent). Setup calls between actions (a Jira comment, review/get) are not counted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoggedRequest } from '../local/admin/request-log';
import { STORAGE_UNIT_BYTES } from '../local/kvs/units';
import { startSite, type RunningSite } from '../local/site';
import { bundleBackend } from '../scripts/backend-bundle';
import { writeBenchResults } from './results-file';

/** The commit h-units started from (`git merge-base HEAD main` on 2026-12-06): today's behaviour. */
export const BASE_COMMIT = '908247afb61c784664e232539366b1312419e49a';

const ROOT = resolve(__dirname, '..');
const MAYA = 'maya@example.com';
const READ_UNITS_PER_MINUTE = 4000;

type Action =
  | 'start review (first pull)'
  | 'panel open'
  | 'first page of entries'
  | 'annotate one entry'
  | 'macro page view'
  | 'refresh, no change'
  | 'refresh, one new comment'
  | 'publish';
const ACTIONS: readonly Action[] = [
  'start review (first pull)',
  'panel open',
  'first page of entries',
  'annotate one entry',
  'macro page view',
  'refresh, no change',
  'refresh, one new comment',
  'publish',
];

/** Issue 13's targets on the large incident, each also to stay flat (within 20%) from 1x to 4x. */
const TARGETS: readonly { action: Action; side: 'readUnits' | 'writeUnits'; max: number }[] = [
  { action: 'panel open', side: 'readUnits', max: 50 },
  { action: 'annotate one entry', side: 'readUnits', max: 25 },
  { action: 'annotate one entry', side: 'writeUnits', max: 5 },
  { action: 'macro page view', side: 'readUnits', max: 50 },
  { action: 'refresh, no change', side: 'writeUnits', max: 10 },
];
const FLAT_RATIO = 1.2;

interface Cost {
  ok: boolean;
  /** The resolver's error code or the site's message when the call failed. */
  error?: string;
  kvsCalls: number;
  kvsRequestBytes: number;
  kvsResponseBytes: number;
  readUnits: number;
  writeUnits: number;
  jiraCalls: number;
  confluenceCalls: number;
  /** Bytes of the resolver's answer to the UI. */
  answerBytes: number;
  wallMs: number;
}

interface Row extends Cost {
  backend: 'baseline' | 'current';
  incident: string;
  scale: number | null;
  entries: number | null;
  action: Action;
}

interface Backend {
  name: Row['backend'];
  dir: string;
  /** sha256 of the bundle, first 12 hex digits: which build was measured. */
  bundle: string;
}

// ---- building the baseline ---------------------------------------------------------------------

async function buildBaseline(commit: string): Promise<string> {
  const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', `${commit}^{commit}`], { encoding: 'utf8' }).trim();
  const out = join(ROOT, '.build', `bench-baseline-${sha.slice(0, 12)}`);
  if (existsSync(join(out, 'index.js'))) return out;
  const src = mkdtempSync(join(tmpdir(), 'pir-base-'));
  try {
    const tar = join(src, 'src.tar');
    execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', '-o', tar, sha, 'src', 'tsconfig.json']);
    execFileSync('tar', ['-xf', tar, '-C', src]);
    // As scripts/build-backend.ts does; the bundle sits under ROOT so its packages resolve to this checkout's node_modules.
    await bundleBackend(join(src, 'src', 'index.ts'), join(out, 'index.js'));
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  return out;
}

const bundleHash = (dir: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'index.js')))
    .digest('hex')
    .slice(0, 12);

// ---- talking to the site -----------------------------------------------------------------------

async function http(
  site: RunningSite,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${site.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function admin<T>(site: RunningSite, method: string, path: string, body?: unknown): Promise<T> {
  const res = await http(site, method, path, body);
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; error: string };

/** One resolver call as Maya through the bridge's transport; the answer kept loose so a contract change does not break the bench. */
async function invoke(
  site: RunningSite,
  functionKey: string,
  payload: unknown,
  moduleKey = 'pir-issue-panel',
  extension: Record<string, unknown> = {},
): Promise<{ answer: Answer; bytes: number }> {
  const res = await http(
    site,
    'POST',
    '/__forge/invoke',
    { functionKey, payload, context: { moduleKey, extension } },
    { 'x-local-user': MAYA },
  );
  const text = await res.text();
  const bytes = Buffer.byteLength(text, 'utf8');
  if (!res.ok) return { answer: { ok: false, error: `${res.status} ${text.slice(0, 200)}` }, bytes };
  const { result } = JSON.parse(text) as {
    result: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } } | null;
  };
  if (result?.ok && result.data) return { answer: { ok: true, data: result.data }, bytes };
  return { answer: { ok: false, error: result?.error ? `${result.error.code}: ${result.error.message}` : 'no result' }, bytes };
}

/** How the site's function runner answers a call past Forge's 25 s invocation limit. */
const TIMED_OUT = '504';
const QUIET_MS = 8_000;
const QUIET_MAX_MS = 180_000;

/**
 * Waits until the site's log has been still for QUIET_MS. The local runner answers 504 at 25 s as
 * Forge does, but the handler runs on in the background (on Forge it would be stopped), still
 * reading and writing storage; what it does belongs to the call that timed out, not to the next one.
 */
async function quiet(site: RunningSite): Promise<void> {
  const until = Date.now() + QUIET_MAX_MS;
  let seen = -1;
  while (Date.now() < until && site.log.list().length !== seen) {
    seen = site.log.list().length;
    await new Promise((ok) => setTimeout(ok, QUIET_MS));
  }
}

/**
 * Runs `call` alone in the request log and adds up what it cost. A call that timed out is charged
 * what it did until it went quiet (see `quiet`) and stays marked failed.
 */
async function measured(
  site: RunningSite,
  call: () => Promise<{ answer: Answer; bytes: number }>,
): Promise<{ cost: Cost; answer: Answer }> {
  await admin(site, 'DELETE', '/__admin/requests');
  const t0 = performance.now();
  const { answer, bytes } = await call();
  const wallMs = Math.round(performance.now() - t0);
  if (!answer.ok && answer.error.startsWith(TIMED_OUT)) await quiet(site);
  const { requests } = await admin<{ requests: LoggedRequest[] }>(site, 'GET', '/__admin/requests');
  const kvs = requests.filter((r) => r.kind === 'kvs');
  const sum = (f: (r: LoggedRequest) => number) => kvs.reduce((a, r) => a + f(r), 0);
  return {
    answer,
    cost: {
      ok: answer.ok,
      ...(answer.ok ? {} : { error: answer.error }),
      kvsCalls: kvs.length,
      kvsRequestBytes: sum((r) => r.requestBytes),
      kvsResponseBytes: sum((r) => r.responseBytes),
      readUnits: sum((r) => r.storage?.readUnits ?? 0),
      writeUnits: sum((r) => r.storage?.writeUnits ?? 0),
      jiraCalls: requests.filter((r) => r.kind === 'jira').length,
      confluenceCalls: requests.filter((r) => r.kind === 'confluence').length,
      answerBytes: bytes,
      wallMs,
    },
  };
}

// ---- reading answers loosely -------------------------------------------------------------------

interface EntryRef {
  id: string;
  at?: string;
}

const entriesOf = (data: Record<string, unknown>): EntryRef[] => (Array.isArray(data.entries) ? (data.entries as EntryRef[]) : []);
const versionOf = (data: Record<string, unknown>): number | null => (typeof data.version === 'number' ? data.version : null);
const pageStartsOf = (data: Record<string, unknown>): EntryRef[] => {
  const paging = data.paging as { pageStarts?: unknown } | undefined;
  return Array.isArray(paging?.pageStarts) ? (paging.pageStarts as EntryRef[]) : [];
};
const totalOf = (data: Record<string, unknown>): number | null => {
  const total = (data.paging as { total?: unknown } | undefined)?.total;
  return typeof total === 'number' ? total : null;
};

// ---- one incident --------------------------------------------------------------------------------

async function measureIncident(site: RunningSite, backend: Backend, incident: string, scale: number | null): Promise<Row[]> {
  const rows: Row[] = [];
  let entries: number | null = null;
  const record = (action: Action, cost: Cost) => {
    rows.push({ backend: backend.name, incident, scale, entries, action, ...cost });
    const units = cost.ok
      ? `${cost.readUnits} read / ${cost.writeUnits} write units, ${cost.kvsCalls} KVS calls, ${mb(cost.kvsRequestBytes + cost.kvsResponseBytes)} MB`
      : cost.error?.startsWith('n/a')
        ? cost.error
        : `FAILED ${cost.error}${cost.kvsCalls > 0 ? ` (${cost.readUnits} read / ${cost.writeUnits} write units, ${cost.kvsCalls} KVS calls by its end)` : ''}`;
    console.info(`  ${backend.name} ${incident}${scale ? ` (${scale}x)` : ''} ${action}: ${units}, ${cost.wallMs} ms`);
  };
  const skipped = (why: string): Cost => ({
    ok: false,
    error: why,
    kvsCalls: 0,
    kvsRequestBytes: 0,
    kvsResponseBytes: 0,
    readUnits: 0,
    writeUnits: 0,
    jiraCalls: 0,
    confluenceCalls: 0,
    answerBytes: 0,
    wallMs: 0,
  });
  const panel = (key: string, payload: unknown) => () => invoke(site, key, payload);

  const start = await measured(site, panel('review/start', { issueKey: incident }));
  if (start.answer.ok) entries = totalOf(start.answer.data) ?? entriesOf(start.answer.data).length;
  record('start review (first pull)', start.cost);

  // After a pull that timed out but finished in the background the review is there: measure the rest on it.
  const open = await measured(site, panel('timeline/get', { issueKey: incident }));
  const view = open.answer.ok && open.answer.data.started !== false ? open.answer.data : start.answer.ok ? start.answer.data : null;
  if (!view) {
    record('panel open', open.answer.ok ? skipped('no review: the first pull failed') : open.cost);
    for (const action of ACTIONS.slice(2)) record(action, skipped('no review: the first pull failed'));
    return rows;
  }
  entries ??= totalOf(view) ?? entriesOf(view).length;
  for (const row of rows) row.entries ??= entries;
  record('panel open', open.cost);
  let version = versionOf(view);

  // The UI's first 'timeline/entries' call: the page after the first answer (none when the first answer held everything).
  const starts = pageStartsOf(view);
  let target: EntryRef | undefined = entriesOf(view)[0];
  const total = totalOf(view);
  if (starts.length === 0 && (total === null || total > entriesOf(view).length)) {
    record('first page of entries', skipped('no page starts in the answer (has the paging contract changed?)'));
  } else if (starts.length === 0) {
    record('first page of entries', skipped('n/a: the first answer held the whole timeline'));
  } else {
    const page = await measured(site, panel('timeline/entries', { issueKey: incident, version, from: starts[0], to: starts[1] ?? null }));
    record('first page of entries', page.cost);
    if (page.answer.ok) target = entriesOf(page.answer.data)[0] ?? target;
  }

  if (!target) {
    record('annotate one entry', skipped('no entry to annotate'));
  } else {
    const patch = { kind: 'task', phase: 'response', impact: 'positive' };
    // A contract may name the entry's place (`at`) beside its id; one that does not know `at` refuses it as a validation error, so try without.
    let annotate = await measured(
      site,
      panel('timeline/annotate', { issueKey: incident, entryId: target.id, ...(target.at ? { at: target.at } : {}), patch, version }),
    );
    if (!annotate.answer.ok && target.at && annotate.answer.error.startsWith('VALIDATION')) {
      annotate = await measured(site, panel('timeline/annotate', { issueKey: incident, entryId: target.id, patch, version }));
    }
    record('annotate one entry', annotate.cost);
    if (annotate.answer.ok) version = versionOf(annotate.answer.data) ?? version;
  }

  const macro = await measured(site, () =>
    invoke(site, 'macro/get', { config: { issueKey: incident, view: 'full' } }, 'pir-review-macro', { type: 'macro' }),
  );
  record('macro page view', macro.cost);

  record('refresh, no change', (await measured(site, panel('timeline/refresh', { issueKey: incident }))).cost);

  const comment = {
    body: {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Benchmark: one more comment after the review started.' }] }],
    },
  };
  const added = await http(site, 'POST', `/rest/api/3/issue/${incident}/comment`, comment, {
    authorization: `Basic ${Buffer.from(`${MAYA}:token`).toString('base64')}`,
  });
  if (!added.ok) throw new Error(`adding a comment to ${incident} answered ${added.status}`);
  record('refresh, one new comment', (await measured(site, panel('timeline/refresh', { issueKey: incident }))).cost);

  const spaces = await invoke(site, 'publish/spaces', { issueKey: incident, query: '' });
  const doc = await invoke(site, 'review/get', { issueKey: incident });
  const space = spaces.answer.ok ? (spaces.answer.data as unknown as { id: string; key: string }[])[0] : undefined;
  if (!space || !doc.answer.ok) {
    record('publish', skipped('no space or no review document to publish'));
  } else {
    const payload = {
      issueKey: incident,
      target: { spaceId: space.id, spaceKey: space.key, parentId: null },
      version: versionOf(doc.answer.data),
    };
    record('publish', (await measured(site, panel('publish/internal', payload))).cost);
  }
  return rows;
}

async function measureBackend(backend: Backend, scales: readonly number[]): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), `pir-bench-units-${backend.name}-`));
  const site = await startSite({ dataDir, port: 0, backendDir: backend.dir });
  try {
    const large: { key: string; scale: number }[] = [];
    for (const scale of scales) {
      const seeded = await admin<{ added: string[] }>(site, 'POST', '/__admin/seed', { scenario: 'large', scale });
      large.push({ key: seeded.added[0], scale });
    }
    console.info(
      `${backend.name} backend (${backend.dir}, bundle ${backend.bundle}): INC-1, ${large.map((l) => `${l.key} (${l.scale}x)`).join(', ')}`,
    );
    const rows = await measureIncident(site, backend, 'INC-1', null);
    for (const l of large) rows.push(...(await measureIncident(site, backend, l.key, l.scale)));
    return rows;
  } finally {
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- targets and the report ----------------------------------------------------------------------

interface Verdict {
  backend: Row['backend'];
  action: Action;
  side: 'readUnits' | 'writeUnits';
  max: number;
  /** The figure at 1x (the target applies to it) and at every scale measured. */
  at1x: number | null;
  byScale: Record<string, number | null>;
  withinTarget: boolean;
  /** Largest ≤ ceil(1.2 × smallest) over the scales: a 20% spread, rounded to whole units. */
  flat: boolean;
  met: boolean;
}

function verdicts(rows: readonly Row[], backend: Row['backend']): Verdict[] {
  return TARGETS.map(({ action, side, max }) => {
    const at = rows.filter((r) => r.backend === backend && r.action === action && r.scale !== null);
    const byScale = Object.fromEntries(at.map((r) => [`${r.scale}x`, r.ok ? r[side] : null]));
    const values = at.map((r) => (r.ok ? r[side] : null));
    const known = values.filter((v): v is number => v !== null);
    const at1x = at.find((r) => r.scale === 1);
    const first = at1x?.ok ? at1x[side] : null;
    const withinTarget = first !== null && first <= max;
    const flat = known.length === values.length && known.length > 0 && Math.max(...known) <= Math.ceil(FLAT_RATIO * Math.min(...known));
    return { backend, action, side, max, at1x: first, byScale, withinTarget, flat, met: withinTarget && flat };
  });
}

const n = (v: number) => v.toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
const caseName = (r: Pick<Row, 'incident' | 'scale' | 'entries'>) =>
  `${r.incident}${r.scale ? ` (large ${r.scale}x)` : ' (typical)'}${r.entries !== null ? `, ${n(r.entries)} entries` : ''}`;
const unitsCell = (r: Row | undefined) => {
  if (!r) return '–';
  if (r.ok) return `${n(r.readUnits)} / ${n(r.writeUnits)}`;
  if (r.error?.startsWith('n/a')) return 'n/a';
  if (r.error?.startsWith(TIMED_OUT)) return `timed out at 25 s (${n(r.readUnits)} / ${n(r.writeUnits)} by its end)`;
  return `failed (${(r.error ?? '').slice(0, 60)})`;
};
const callsCell = (r: Row | undefined) =>
  !r || (!r.ok && !r.error?.startsWith(TIMED_OUT)) ? '–' : `${r.kvsCalls}, ${mb(r.kvsRequestBytes + r.kvsResponseBytes)} MB`;

function report(
  rows: readonly Row[],
  backends: readonly Backend[],
  scales: readonly number[],
  baseCommit: string,
  totalMs: number,
): string {
  const hasBaseline = backends.some((b) => b.name === 'baseline');
  const cases = [...new Map(rows.filter((r) => r.backend === 'current').map((r) => [r.incident, r])).values()];
  const find = (backend: Row['backend'], incident: string, action: Action) =>
    rows.find((r) => r.backend === backend && r.incident === incident && r.action === action);
  const header = hasBaseline
    ? '| incident | action | read / write units, baseline | read / write units, current | KVS calls, MB moved (baseline) | KVS calls, MB moved (current) | Jira calls (current) |\n| --- | --- | --- | --- | --- | --- | --- |'
    : '| incident | action | read / write units, current | KVS calls, MB moved (current) | Jira calls (current) |\n| --- | --- | --- | --- | --- |';
  const lines = cases.flatMap((c) =>
    ACTIONS.map((action) => {
      const b = find('baseline', c.incident, action);
      const cur = find('current', c.incident, action);
      const jira = cur?.ok ? String(cur.jiraCalls) : '–';
      return hasBaseline
        ? `| ${caseName(c)} | ${action} | ${unitsCell(b)} | **${unitsCell(cur)}** | ${callsCell(b)} | ${callsCell(cur)} | ${jira} |`
        : `| ${caseName(c)} | ${action} | **${unitsCell(cur)}** | ${callsCell(cur)} | ${jira} |`;
    }),
  );
  const targetLine = (v: Verdict) => {
    const figures = Object.entries(v.byScale)
      .map(([s, x]) => `${s} ${x === null ? 'failed' : n(x)}`)
      .join(', ');
    const side = v.side === 'readUnits' ? 'read' : 'write';
    return `| ${v.backend} | ${v.action}: ${side} units ≤ ${v.max} | ${figures} | ${v.withinTarget ? 'met' : '**missed**'} | ${v.flat ? 'flat' : '**not flat**'} | ${v.met ? 'MET' : '**MISSED**'} |`;
  };
  const allVerdicts = backends.flatMap((b) => verdicts(rows, b.name));
  const current = verdicts(rows, 'current');
  const openAt1x = rows.find((r) => r.backend === 'current' && r.scale === 1 && r.action === 'panel open');
  return (
    '## Storage units per action\n\n' +
    'Forge meters KVS use in units of 10 KB per request, rounded up: 4,000 read and 4,000 write units a minute per installation, shared by every user and incident ' +
    "(developer.atlassian.com/platform/forge/limits-kvs-ce). Counted by `local/kvs/units.ts` from the sizes in the local site's request log: one request (a batch or a transaction included) is one count of its whole size; " +
    "reads by the bytes they return, writes by the bytes they send; at least one unit per call. Each action is one resolver call as Maya through the site's `/__forge/invoke` (the Custom UI's path), alone in the log. " +
    `*Baseline* is the backend of commit \`${baseCommit.slice(0, 12)}\` (today's behaviour), *current* the backend under test; each on its own fresh site with the same data (the demo, then the large incident seeded at ${scales.map((s) => `${s}x`).join(', ')}).\n\n` +
    `${header}\n${lines.join('\n')}\n\n` +
    'Targets (issue 13, on the large incident; *flat* = the largest figure over the scales is at most 20% above the smallest, rounded up to whole units):\n\n' +
    '| backend | target | figures by scale | at 1x | 1x → largest | verdict |\n| --- | --- | --- | --- | --- | --- |\n' +
    `${allVerdicts.map(targetLine).join('\n')}\n\n` +
    `- **Current: ${current.filter((v) => v.met).length} of ${current.length} targets met.** ` +
    (openAt1x?.ok
      ? `A panel open of the large incident costs ${n(openAt1x.readUnits)} read units: ${Math.floor(READ_UNITS_PER_MINUTE / Math.max(1, openAt1x.readUnits))} opens a minute fill the installation's read quota.`
      : '') +
    '\n- *panel open* is the one `timeline/get` call; issue 13\'s "21 KVS calls, 1,335 read units" for opening the panel also counts the pages today\'s UI then loads eagerly (each like *first page of entries*).' +
    "\n- *first page of entries* is the UI's first `timeline/entries` call (the page after the first answer, at the view's version); n/a when the first answer held the whole timeline. *annotate* patches the first entry of that page (or of the first answer). " +
    "*refresh, one new comment* follows a comment added to the incident in Jira (not counted). *publish* is `publish/internal` to the first space's root. *MB moved* = KVS request plus response bytes.\n" +
    "- *timed out*: the local runner answers 504 at Forge's 25 s invocation limit while the handler runs on (Forge would stop it half-way); the bench waits until the request log is still and charges the call what it did by then. " +
    "A pull that timed out but finished in the background leaves a review, so the later actions are still measured. Wall times, and so which calls time out, depend on the machine's load (below); the units do not.\n" +
    `- Backends measured: ${backends.map((b) => `${b.name} \`${b.dir.replace(`${ROOT}/`, '')}\` (bundle sha256 ${b.bundle})`).join('; ')}. Unit size ${n(STORAGE_UNIT_BYTES)} bytes.\n\n` +
    `Machine: ${cpus().length} CPUs, Node ${process.version}; 1-minute load average ${loadavg()[0].toFixed(2)}. Run time ${Math.round(totalMs / 1000)} s. Date: ${new Date().toISOString()}.\n\n` +
    'Reproduce: `npm run bench:storage` (builds the current backend, then `npx tsx bench/storage-units.ts`; `--current <dir>` measures another build, `--base <commit>` another baseline, `--scales 1,2` skips 4x, `--no-baseline` the baseline). Exits non-zero when a target is missed.\n'
  );
}

/**
 * Measures one backend in a process of its own: the Forge globals are per process, and a handler
 * past the 25 s limit runs on in the background, so a site in the same process as the next one
 * could have a stray call reach the next site.
 */
function runInChild(backend: Backend, scales: readonly number[]): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'pir-bench-rows-'));
  try {
    const out = join(dir, 'rows.json');
    // process.execArgv carries tsx's loader, so the child runs this file as the parent does.
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, __filename, '--worker', backend.name, '--dir', backend.dir, '--out', out, '--scales', scales.join(',')],
      {
        stdio: 'inherit',
      },
    );
    if (child.status !== 0 || !existsSync(out))
      throw new Error(`measuring the ${backend.name} backend failed (exit ${child.status ?? child.signal})`);
    return JSON.parse(readFileSync(out, 'utf8')) as Row[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- main ------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      current: { type: 'string', default: process.env.PIR_BENCH_CURRENT_BACKEND ?? join(ROOT, '.build', 'backend') },
      base: { type: 'string', default: process.env.PIR_BENCH_BASE_COMMIT ?? BASE_COMMIT },
      scales: { type: 'string', default: '1,2,4' },
      'no-baseline': { type: 'boolean', default: false },
      // Internal: one backend measured in a child process (see runInChild).
      worker: { type: 'string' },
      dir: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const scales = values.scales.split(',').map(Number);
  if (scales.some((s) => !Number.isInteger(s) || s < 1) || !scales.includes(1))
    throw new Error('--scales takes whole numbers from 1, and 1 among them (the targets are on 1x)');
  if (values.worker && values.dir && values.out) {
    const dir = values.dir;
    const rows = await measureBackend(
      { name: values.worker === 'baseline' ? 'baseline' : 'current', dir, bundle: bundleHash(dir) },
      scales,
    );
    writeFileSync(values.out, JSON.stringify(rows));
    // Exit now: a handler that timed out may still be running in the background.
    process.exit(0);
  }
  const currentDir = resolve(values.current);
  if (!existsSync(join(currentDir, 'index.js')))
    throw new Error(`No built backend at ${currentDir} (run npm run build:backend, or pass --current)`);

  const t0 = performance.now();
  const backends: Backend[] = [];
  if (!values['no-baseline']) {
    const dir = await buildBaseline(values.base);
    backends.push({ name: 'baseline', dir, bundle: bundleHash(dir) });
  }
  backends.push({ name: 'current', dir: currentDir, bundle: bundleHash(currentDir) });

  const rows: Row[] = [];
  for (const backend of backends) rows.push(...runInChild(backend, scales));
  const totalMs = performance.now() - t0;

  const section = report(rows, backends, scales, values.base, totalMs);
  console.info(`\n${section}`);
  const current = verdicts(rows, 'current');
  writeBenchResults(
    'storageUnits',
    {
      date: new Date().toISOString(),
      command: 'npx tsx bench/storage-units.ts',
      unitBytes: STORAGE_UNIT_BYTES,
      baseCommit: values.base,
      backends,
      scales,
      rows,
      verdicts: backends.flatMap((b) => verdicts(rows, b.name)),
      targetsMet: current.every((v) => v.met),
      runMs: Math.round(totalMs),
    },
    '## Storage units per action',
    section,
  );
  if (!current.every((v) => v.met)) process.exitCode = 1;
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
