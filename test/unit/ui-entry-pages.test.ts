import fc from 'fast-check';
import type { EntryKey, EntryPage, TimelineEntry } from '../../src/contract';
import { entryRange, firstPage, keyOf } from '../../src/domain/timeline-page';
import { compareEntries as backendOrder, sortEntries } from '../../src/domain/timeline-order';
import {
  compareEntries,
  fetchRange,
  loadRanges,
  mergeEntries,
  pageRanges,
  PARALLEL_PAGES,
  remainingCount,
  type FetchPage,
  type PageRange,
} from '../../static/app/src/timeline-model/entry-pages';

const T0 = Date.parse('2026-11-19T15:00:00.000Z');

function entry(id: string, minute: number, text = `text of ${id}`): TimelineEntry {
  return {
    id,
    at: new Date(T0 + minute * 60_000).toISOString(),
    source: 'comment',
    issueKey: 'INC-6',
    relation: 'incident',
    actor: null,
    text,
    annotation: { moments: [], internal: false },
  };
}

const many = (n: number) => Array.from({ length: n }, (_, i) => entry(`comment:${1000 + i}`, i, 'x'.repeat(200)));
const BUDGET = { first: 2_000, rest: 4_000 };

/** The backend's 'timeline/entries' over `entries` at `version` (CONFLICT at any other), recording every call. */
function backend(entries: () => readonly TimelineEntry[], version: () => number) {
  const calls: { version: number; from: EntryKey; to: EntryKey | null }[] = [];
  const fetchPage: FetchPage = (v, from, to) => {
    calls.push({ version: v, from, to });
    if (v !== version()) return Promise.reject(Object.assign(new Error('stale'), { code: 'CONFLICT' }));
    return Promise.resolve({ ...entryRange(entries(), from, to, BUDGET.rest), version: v });
  };
  return { calls, fetchPage };
}

describe('the UI timeline order', () => {
  it('is the backend order, for any times (offsets, unreadable ones) and ids', () => {
    const key = fc.record({
      at: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('2026-11-19T16:00:00+01:00', 'not a time', ''),
      ),
      id: fc.string({ maxLength: 6 }),
    });
    fc.assert(fc.property(key, key, (a, b) => Math.sign(compareEntries(a, b)) === Math.sign(backendOrder(a, b))));
  });
});

describe('mergeEntries', () => {
  it('replaces an entry by id, adds new ones in timeline order, and takes removed ones out', () => {
    const [a, b, c] = [entry('a', 1), entry('b', 2), entry('c', 3)];
    const annotated = { ...b, annotation: { moments: [], internal: true } };
    const moved = { ...entry('manual:1', 0) };
    expect(mergeEntries([a, b, c], [annotated, moved], ['c'])).toStrictEqual([moved, a, annotated]);
  });

  it('never repeats an entry that arrives twice (a write patched it, then its page came)', () => {
    const entries = many(5);
    expect(mergeEntries(entries, entries.slice(2))).toStrictEqual(entries);
  });
});

describe('pageRanges and remainingCount', () => {
  it('turn page starts into consecutive ranges, the last open-ended', () => {
    const [s1, s2] = [
      { at: 'x', id: '1' },
      { at: 'y', id: '2' },
    ];
    expect(pageRanges({ total: 9, pageStarts: [s1, s2] })).toStrictEqual([
      { from: s1, to: s2 },
      { from: s2, to: null },
    ]);
    expect(pageRanges({ total: 3, pageStarts: [] })).toStrictEqual([]);
  });

  it('say 0 only when no page is left, never a negative or zero count while one is', () => {
    expect(remainingCount(100, 40, 2)).toBe(60);
    expect(remainingCount(100, 100, 1)).toBe(1);
    expect(remainingCount(100, 101, 0)).toBe(0);
  });
});

describe('fetchRange', () => {
  it('follows `next` until the range is done (a range that grew past a page since the view was read)', async () => {
    const entries = many(60);
    const api = backend(
      () => entries,
      () => 4,
    );
    const got = await fetchRange(api.fetchPage, { from: keyOf(entries[10]), to: keyOf(entries[50]) }, 4);
    expect(got.map((e) => e.id)).toStrictEqual(entries.slice(10, 50).map((e) => e.id));
    expect(api.calls.length).toBeGreaterThan(1);
    expect(api.calls.every((c) => c.version === 4 && c.to?.id === entries[50].id)).toBe(true);
  });

  it('rejects with CONFLICT an answer at another version, never mixing it in', async () => {
    const page: EntryPage = { entries: many(2), version: 5, next: null };
    await expect(fetchRange(() => Promise.resolve(page), { from: keyOf(page.entries[0]), to: null }, 4)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('stops on a `next` that does not move forward instead of asking forever', async () => {
    const entries = many(3);
    const back: FetchPage = (v) => Promise.resolve({ entries: [entries[1]], version: v, next: keyOf(entries[0]) });
    await expect(fetchRange(back, { from: keyOf(entries[1]), to: null }, 1)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('loadRanges', () => {
  it('loads every page after the first, two at a time, each step through `step`, into exactly the whole timeline', async () => {
    const entries = many(80);
    const first = firstPage(entries, BUDGET);
    const api = backend(
      () => entries,
      () => 1,
    );
    let here: TimelineEntry[] = first.entries;
    let steps = 0;
    let inFlight = 0;
    let most = 0;
    const counting: FetchPage = async (...args) => {
      most = Math.max(most, ++inFlight);
      try {
        return await api.fetchPage(...args);
      } finally {
        inFlight--;
      }
    };
    const lefts: number[] = [];
    await loadRanges(pageRanges(first.paging), {
      fetchPage: counting,
      version: () => 1,
      live: () => true,
      step: (run) => {
        steps++;
        return run();
      },
      onStep: (more, left) => {
        here = mergeEntries(here, more);
        lefts.push(left.length);
      },
    });
    expect(here.map((e) => e.id)).toStrictEqual(entries.map((e) => e.id));
    expect(most).toBe(PARALLEL_PAGES);
    expect(steps).toBe(Math.ceil(first.paging.pageStarts.length / PARALLEL_PAGES));
    expect(lefts.at(-1)).toBe(0);
  });

  it("asks each step at the version the review is at then: the user's own write between steps patches what is here, nothing is lost or repeated", async () => {
    let entries = many(80);
    let version = 1;
    const first = firstPage(entries, BUDGET);
    const api = backend(
      () => entries,
      () => version,
    );
    let here: TimelineEntry[] = first.entries;
    let step = 0;
    await loadRanges(pageRanges(first.paging), {
      fetchPage: api.fetchPage,
      version: () => version,
      live: () => true,
      step: async (run) => {
        if (++step === 2) {
          // A write lands between steps: a manual entry far ahead, an annotation on the last entry.
          const added = entry('manual:x', 75.5);
          const annotated = { ...entries[79], annotation: { moments: [], internal: false, impact: 'positive' as const } };
          entries = sortEntries([...entries.slice(0, 79), annotated, added]);
          version = 2;
          here = mergeEntries(here, [added, annotated]);
        }
        return run();
      },
      onStep: (more) => {
        here = mergeEntries(here, more);
      },
    });
    expect(here).toStrictEqual(entries);
    expect(api.calls.filter((c) => c.version === 1).length).toBeGreaterThan(0);
    expect(new Set(api.calls.slice(-1).map((c) => c.version))).toStrictEqual(new Set([2]));
  });

  it('stops without reporting anything once a newer load replaced it', async () => {
    const entries = many(80);
    const first = firstPage(entries, BUDGET);
    const api = backend(
      () => entries,
      () => 1,
    );
    let live = true;
    const onStep = jest.fn();
    await loadRanges(pageRanges(first.paging), {
      fetchPage: (...args) => {
        live = false;
        return api.fetchPage(...args);
      },
      version: () => 1,
      live: () => live,
      step: (run) => run(),
      onStep,
    });
    expect(onStep).not.toHaveBeenCalled();
    expect(api.calls.length).toBeLessThanOrEqual(PARALLEL_PAGES);
  });

  it('rejects when a page meets another version, leaving the ranges of the last good step', async () => {
    const entries = many(80);
    const first = firstPage(entries, BUDGET);
    let version = 1;
    const api = backend(
      () => entries,
      () => version,
    );
    let left: readonly PageRange[] = pageRanges(first.paging);
    const load = loadRanges(left, {
      fetchPage: api.fetchPage,
      version: () => 1,
      live: () => true,
      step: (run) => run(),
      onStep: (_, rest) => {
        left = rest;
        version = 2; // someone else writes after the first step
      },
    });
    await expect(load).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(left.length).toBe(pageRanges(first.paging).length - PARALLEL_PAGES);
  });
});
