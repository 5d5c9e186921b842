import { randomUUID } from 'node:crypto';
import type {
  EntryKey,
  EntryPage,
  MacroResult,
  Result,
  TimelineChange,
  TimelineEntry,
  TimelineResult,
  TimelineView,
} from '../../src/contract';
import { compareEntries } from '../../src/domain/timeline-order';
import { reviewDeps } from '../../src/resolvers/wiring';
import { getTimeline } from '../../src/use-cases/timeline-review';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import { freshSite, invokeAs } from '../support/site';

/**
 * The large incident of docs/DECISIONS.md#performance (61 issues, ~16,500 entries, ~7 MB of entries) through the
 * resolvers: Forge runs functions on AWS Lambda, whose invocation answer is capped at 6 MB, so
 * every answer must stay small (here: at most 1 MiB) and the rest of the timeline come in pages.
 */
const MAYA = 'maya@example.com';
const MIB = 1024 * 1024;

let site: RunningSite;
let issueKey: string;
/** Serialised size of every answer, by resolver key. */
const sizes = new Map<string, number[]>();

async function call<T>(
  key: string,
  payload: unknown,
  user = MAYA,
  context?: { moduleKey: string; extension?: Record<string, unknown> },
): Promise<Result<T>> {
  const { result } = await invokeAs<Result<T>>(site, user, key, payload, context);
  sizes.set(key, [...(sizes.get(key) ?? []), Buffer.byteLength(JSON.stringify(result), 'utf8')]);
  return result;
}

async function ok<T>(
  key: string,
  payload: unknown,
  user = MAYA,
  context?: { moduleKey: string; extension?: Record<string, unknown> },
): Promise<T> {
  const r = await call<T>(key, payload, user, context);
  if (!r.ok) throw new Error(`${key} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const page = (version: number, from: EntryKey | null, to: EntryKey | null) =>
  ok<EntryPage>('timeline/entries', { issueKey, version, from, to });

/** The whole timeline as the panel assembles it: the view's first page, then every page range (two at a time), each to its end. */
async function readAll(view: TimelineView): Promise<TimelineEntry[]> {
  const starts = view.paging.pageStarts;
  const ranges = starts.map((from, i) => ({ from, to: starts[i + 1] ?? null }));
  const out: TimelineEntry[][] = [view.entries];
  for (let i = 0; i < ranges.length; i += 2) {
    const pages = await Promise.all(
      ranges.slice(i, i + 2).map(async ({ from, to }) => {
        const got: TimelineEntry[] = [];
        for (let cursor: EntryKey | null = from; cursor;) {
          const p = await page(view.version, cursor, to);
          got.push(...p.entries);
          cursor = p.next;
        }
        return got;
      }),
    );
    out.push(...pages);
  }
  return out.flat();
}

/** The whole timeline assembled in one piece, in-process, by the use case the reports read (the oracle). */
async function fullAssembly(): Promise<TimelineView> {
  const maya = SEED_USERS.find((u) => u.email === MAYA)!.accountId;
  const ctx = { accountId: maya, moduleKey: 'pir-issue-panel', siteUrl: site.url, extension: {} };
  const r: TimelineResult = await runInInvocation(
    { invocationId: randomUUID(), accountId: maya, moduleKey: ctx.moduleKey, deadlineMs: Date.now() + 25_000 },
    () => getTimeline(reviewDeps(ctx), issueKey),
  );
  if (!r.started) throw new Error('not started');
  return r;
}

const ids = (entries: readonly TimelineEntry[]) => entries.map((e) => e.id);

beforeAll(async () => {
  site = await freshSite();
  const seeded = (await (
    await fetch(`${site.url}/__admin/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'large' }),
    })
  ).json()) as { added: string[] };
  issueKey = seeded.added[0];
  await ok<TimelineView>('review/start', { issueKey });
}, 120_000);

afterAll(async () => {
  await site.close();
  const table = [...sizes].map(
    ([key, all]) => `  ${key.padEnd(24)} ${String(all.length).padStart(3)} answers, largest ${(Math.max(...all) / 1024).toFixed(0)} KiB`,
  );
  console.info(`answer sizes for the large incident:\n${table.join('\n')}`);
});

describe('the large incident, in answers of at most a megabyte', () => {
  it('opens with the first page, moments, metrics and people over every entry, and where the other pages start', async () => {
    const view = await ok<TimelineView>('timeline/get', { issueKey });
    const full = await fullAssembly();
    expect(view.paging.total).toBe(full.entries.length);
    expect(view.paging.total).toBeGreaterThan(61 * (150 + 100));
    expect(view.paging.pageStarts.length).toBeGreaterThan(3);
    expect(view.entries.length).toBeLessThan(view.paging.total);
    expect(ids(view.entries)).toStrictEqual(ids(full.entries.slice(0, view.entries.length)));
    // The view is worked out from the digest stored with the review (no chunk but the first read): the same as over every entry.
    const { entries: _a, paging: _b, annotated, ...head } = view;
    const { entries: _c, paging: _d, ...fullHead } = full;
    expect(head).toStrictEqual(fullHead);
    expect(annotated).toStrictEqual(
      full.entries.filter(
        (e) => e.annotation.kind || e.annotation.phase || e.annotation.impact || e.annotation.moments.length > 0 || e.annotation.internal,
      ),
    );
  }, 60_000);

  it('reads back, page by page, exactly the entries of the whole assembly: same ids, same order, same content', async () => {
    const view = await ok<TimelineView>('timeline/get', { issueKey });
    const paged = await readAll(view);
    const full = await fullAssembly();
    expect(paged.length).toBe(view.paging.total);
    expect(ids(paged)).toStrictEqual(ids(full.entries));
    expect(paged).toStrictEqual(full.entries);
    expect(paged.every((e, i) => i === 0 || compareEntries(paged[i - 1], e) < 0)).toBe(true);

    // A page reads only the stored chunks it spans (200 KiB each), not the whole timeline.
    const chunkReads = async (from: EntryKey | null, to: EntryKey | null) => {
      site.log.clear();
      await page(view.version, from, to);
      return site.log
        .list()
        .filter((r) => r.kind === 'kvs' && r.path.endsWith('/batch/get'))
        .reduce((n, r) => n + (Array.isArray(r.body) ? r.body.length : 0), 0);
    };
    const starts = view.paging.pageStarts;
    expect(starts.length).toBeGreaterThan(4);
    expect(await chunkReads(starts[2], starts[3])).toBeLessThanOrEqual(6);
    expect(await chunkReads(starts[starts.length - 1], null)).toBeLessThanOrEqual(6);
  }, 120_000);

  it('answers one range followed through `next` from the first entry to the end the same as the pages', async () => {
    const view = await ok<TimelineView>('timeline/get', { issueKey });
    const walked: TimelineEntry[] = [];
    let cursor: EntryKey | null = null;
    let answers = 0;
    do {
      const p: EntryPage = await page(view.version, cursor, null);
      walked.push(...p.entries);
      cursor = p.next;
      answers++;
    } while (cursor && answers < 100);
    expect(ids(walked)).toStrictEqual(ids(await readAll(view)));
  }, 120_000);

  it('annotates an entry on the last page: the answer carries it changed, and so does its page at the new version', async () => {
    const view = await ok<TimelineView>('timeline/get', { issueKey });
    const last = view.paging.pageStarts.at(-1)!;
    const onLast = (await page(view.version, last, null)).entries.at(-1)!;
    const change = await ok<TimelineChange>('timeline/annotate', {
      issueKey,
      entryId: onLast.id,
      version: view.version,
      patch: { impact: 'positive', phase: 'remediation' },
    });
    expect(change.version).toBe(view.version + 1);
    expect(change.removed).toStrictEqual([]);
    expect(change.changed).toStrictEqual([
      { ...onLast, annotation: { phase: 'remediation', impact: 'positive', moments: [], internal: false } },
    ]);
    expect(change.entries.some((e) => e.id === onLast.id)).toBe(false);
    const again = (await page(change.version, change.paging.pageStarts.at(-1)!, null)).entries.at(-1)!;
    expect(again).toStrictEqual(change.changed[0]);
  }, 60_000);

  it('adds a manual entry in the middle of pages already read: patching with the answer and reading on at the new version gives the whole assembly, nothing twice', async () => {
    const view = await ok<TimelineView>('timeline/get', { issueKey });
    const starts = view.paging.pageStarts;
    // The panel has read the first page and the first range; an entry lands in a later range.
    let here = [...view.entries, ...(await page(view.version, starts[0], starts[1])).entries];
    const laterAt = new Date(Date.parse(starts[2].at) + 1_000).toISOString();
    const change = await ok<TimelineChange>('timeline/manual/add', {
      issueKey,
      version: view.version,
      entry: { at: laterAt, manualKind: 'status-page-update', actorName: 'Comms', text: 'Status page: degraded checkout.' },
    });
    expect(change.changed).toHaveLength(1);
    expect(change.paging.total).toBe(view.paging.total + 1);
    const added = change.changed[0];
    here = [...here, added];
    for (let i = 1; i < starts.length; i++) {
      for (let cursor: EntryKey | null = starts[i]; cursor;) {
        const p = await page(change.version, cursor, starts[i + 1] ?? null);
        here.push(...p.entries);
        cursor = p.next;
      }
    }
    const byId = new Map(here.map((e) => [e.id, e]));
    const assembled = [...byId.values()].sort(compareEntries);
    expect(here.filter((e) => e.id === added.id)).toHaveLength(2); // once from the answer, once from its page: merged by id
    expect(ids(assembled)).toStrictEqual(ids((await fullAssembly()).entries));

    const removed = await ok<TimelineChange>('timeline/manual/remove', { issueKey, entryId: added.id, version: change.version });
    expect(removed).toMatchObject({ changed: [], removed: [added.id], paging: { total: view.paging.total } });
  }, 120_000);

  it('refuses a page at a version the review has left (CONFLICT), so pages of two versions are never mixed', async () => {
    const view = await ok<TimelineView>('timeline/get', { issueKey });
    const first = await page(view.version, view.paging.pageStarts[0], view.paging.pageStarts[1]);
    expect(first.version).toBe(view.version);
    const moved = await ok<TimelineChange>('severity/set', { issueKey, level: 1, version: view.version });
    expect(moved).toMatchObject({ changed: [], removed: [], severity: { level: 1 } });
    const stale = await call<EntryPage>('timeline/entries', { issueKey, version: view.version, from: view.paging.pageStarts[1], to: null });
    expect(stale).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('changed') } });
    const fresh = await page(moved.version, view.paging.pageStarts[1], null);
    expect(fresh.version).toBe(moved.version);
  }, 60_000);

  it('gives a page to no one who cannot browse the incident, and validates the range', async () => {
    const view = await ok<TimelineView>('timeline/get', { issueKey });
    const outsider = await call<EntryPage>(
      'timeline/entries',
      { issueKey, version: view.version, from: null, to: null },
      'lena@example.com',
    );
    expect(outsider).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    const bad = await call<EntryPage>('timeline/entries', {
      issueKey,
      version: view.version,
      from: { at: 'x'.repeat(65), id: 'comment:1\u0000' },
      to: null,
      pageSize: 10,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(Object.keys(bad.error.fields ?? {})).toEqual(expect.arrayContaining(['from.at', 'from.id']));
    }
  }, 60_000);

  it('keeps every timeline answer, and the macro, at most 1 MiB', async () => {
    let view = await ok<TimelineView>('timeline/refresh', { issueKey });
    const entry = { at: '2026-11-19T16:00:00Z', manualKind: 'note', actorName: 'On-call', text: 'Paged the payments team.' };
    let change = await ok<TimelineChange>('timeline/manual/add', { issueKey, entry, version: view.version });
    const id = change.changed[0].id;
    change = await ok<TimelineChange>('timeline/manual/update', {
      issueKey,
      entryId: id,
      entry: { ...entry, text: 'Paged payments.' },
      version: change.version,
    });
    change = await ok<TimelineChange>('timeline/manual/remove', { issueKey, entryId: id, version: change.version });
    change = await ok<TimelineChange>('moments/set', { issueKey, moment: 'restored', at: '2026-11-19T20:00:00Z', version: change.version });
    // Every kind of answer is asked for here, not left to the other tests (which may run after this one, or not at all):
    // a page, an annotation on the first page (the last page's is another test's) and the severity another test sets.
    view = await ok<TimelineView>('timeline/get', { issueKey });
    await page(view.version, view.paging.pageStarts[0], view.paging.pageStarts[1]);
    change = await ok<TimelineChange>('timeline/annotate', {
      issueKey,
      entryId: view.entries[0].id,
      version: view.version,
      patch: { kind: 'automation' },
    });
    change = await ok<TimelineChange>('severity/set', { issueKey, level: 1, version: change.version });
    view = await ok<TimelineView>('review/start', { issueKey });
    for (const macroView of ['full', 'timeline', 'summary', 'actions']) {
      const macro = await ok<MacroResult>('macro/get', { config: { issueKey, view: macroView } }, MAYA, {
        moduleKey: 'pir-review-macro',
        extension: { type: 'macro' },
      });
      expect(macro).toMatchObject({ state: 'ok', timeline: { paging: { total: view.paging.total } } });
    }
    const answered = [...sizes.keys()];
    for (const key of [
      'review/start',
      'timeline/get',
      'timeline/refresh',
      'timeline/entries',
      'timeline/annotate',
      'timeline/manual/add',
      'timeline/manual/update',
      'timeline/manual/remove',
      'moments/set',
      'severity/set',
      'macro/get',
    ]) {
      expect(answered).toContain(key);
    }
    const tooBig = [...sizes].filter(([, all]) => Math.max(...all) > MIB).map(([key, all]) => `${key}: ${Math.max(...all)} bytes`);
    expect(tooBig).toStrictEqual([]);
  }, 120_000);
});
