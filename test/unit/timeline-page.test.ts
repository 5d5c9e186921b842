import fc from 'fast-check';
import type { EntryKey, TimelineEntry } from '../../src/contract';
import { chunksForRange, entryBytes, entryRange, firstPage, keyOf, utf8Length, type PageBudget } from '../../src/domain/timeline-page';
import { compareEntries, sortEntries } from '../../src/domain/timeline-order';

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

/** Timelines as the domain keeps them: unique ids, sorted by (time, id); texts of any size and script. */
const timelines = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9:]{1,12}$/),
      minute: fc.integer({ min: 0, max: 300 }),
      text: fc.string({ unit: 'binary', maxLength: 400 }),
    }),
    { selector: (r) => r.id, maxLength: 120 },
  )
  .map((rows) => sortEntries(rows.map((r) => entry(r.id, r.minute, r.text))));

const budgets = fc.record({ first: fc.integer({ min: 1, max: 4_000 }), rest: fc.integer({ min: 1, max: 8_000 }) });

/** Every page as the UI reads it: the first from the view, then each range followed through `next`. */
function readAll(entries: readonly TimelineEntry[], budget: PageBudget): TimelineEntry[][] {
  const first = firstPage(entries, budget);
  const pages = [first.entries];
  first.paging.pageStarts.forEach((from, i) => {
    let cursor: EntryKey | null = from;
    while (cursor) {
      const page = entryRange(entries, cursor, first.paging.pageStarts[i + 1] ?? null, budget.rest);
      pages.push(page.entries);
      cursor = page.next;
    }
  });
  return pages;
}

const bytesOf = (page: readonly TimelineEntry[]) => page.reduce((sum, e) => sum + entryBytes(e), 0);

describe('utf8Length', () => {
  it('counts the bytes UTF-8 gives, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Length(text) === Buffer.byteLength(text, 'utf8')));
  });
});

describe('firstPage and entryRange', () => {
  it('read back every entry exactly once, in timeline order, whatever the budget', () => {
    fc.assert(
      fc.property(timelines, budgets, (entries, budget) => {
        expect(
          readAll(entries, budget)
            .flat()
            .map((e) => e.id),
        ).toStrictEqual(entries.map((e) => e.id));
      }),
    );
  });

  it('keep every page within its byte budget unless one entry alone is bigger, and never answer an empty page', () => {
    fc.assert(
      fc.property(timelines, budgets, (entries, budget) => {
        readAll(entries, budget).forEach((page, i) => {
          if (entries.length > 0) expect(page.length).toBeGreaterThan(0);
          if (page.length > 1) expect(bytesOf(page)).toBeLessThanOrEqual(i === 0 ? budget.first : budget.rest);
        });
      }),
    );
  });

  it('count the whole timeline, and say nothing more is to come when it fits the first page', () => {
    const entries = [entry('a', 1), entry('b', 2), entry('c', 3)];
    expect(firstPage(entries)).toStrictEqual({ entries, paging: { total: 3, pageStarts: [] } });
    const small = firstPage(entries, { first: entryBytes(entries[0]), rest: 1 });
    expect(small.entries.map((e) => e.id)).toStrictEqual(['a']);
    expect(small.paging).toStrictEqual({ total: 3, pageStarts: [keyOf(entries[1]), keyOf(entries[2])] });
  });

  it('cut the same pages from the same entries (pages can be fetched one by one or side by side)', () => {
    fc.assert(
      fc.property(timelines, budgets, (entries, budget) => {
        const first = firstPage(entries, budget);
        expect(first).toStrictEqual(firstPage([...entries], budget));
        const starts = first.paging.pageStarts;
        expect(first.paging.total).toBe(entries.length);
        // Each later page is one range [start_i, start_i+1), fetched on its own (last page first,
        // as side by side fetches may land): each comes back whole in one answer.
        const later = starts
          .map((from, i) => ({ i, from }))
          .reverse()
          .map(({ i, from }) => ({ i, page: entryRange(entries, from, starts[i + 1] ?? null, budget.rest) }))
          .sort((a, b) => a.i - b.i)
          .map(({ page }) => {
            expect(page.next).toBeNull();
            expect(page.entries.length).toBeGreaterThan(0);
            return page.entries;
          });
        // The page starts are where the pages really start, and the pages cover the timeline once, in order.
        expect(later.map((page) => keyOf(page[0]))).toStrictEqual(starts);
        expect(entryRange(entries, null, starts[0] ?? null, Number.MAX_SAFE_INTEGER).entries.map((e) => e.id)).toStrictEqual(
          first.entries.map((e) => e.id),
        );
        expect([first.entries, ...later].flat().map((e) => e.id)).toStrictEqual(entries.map((e) => e.id));
      }),
    );
  });

  it('find by key, not by position: entries added or removed after the page starts were read land in exactly one range', () => {
    fc.assert(
      fc.property(timelines, budgets, timelines, fc.array(fc.nat(), { maxLength: 10 }), (before, budget, added, drops) => {
        const { paging } = firstPage(before, budget);
        const dropped = new Set(drops.map((i) => before[i % Math.max(before.length, 1)]?.id));
        const ids = new Set(before.map((e) => e.id));
        const now = sortEntries([...before.filter((e) => !dropped.has(e.id)), ...added.filter((e) => !ids.has(e.id))]);
        const bounds: (EntryKey | null)[] = [null, ...paging.pageStarts, null];
        const read = bounds.slice(0, -1).flatMap((from, i) => {
          const out: TimelineEntry[] = [];
          let cursor = from;
          for (;;) {
            const page = entryRange(now, cursor, bounds[i + 1], budget.rest);
            out.push(...page.entries);
            if (!page.next) return out;
            cursor = page.next;
          }
        });
        expect(read.map((e) => e.id)).toStrictEqual(now.map((e) => e.id));
      }),
    );
  });

  it('answer an empty range, not an error, for a range the entries have left', () => {
    const entries = [entry('a', 1), entry('b', 5)];
    expect(entryRange(entries, keyOf(entry('x', 2)), keyOf(entry('y', 3)))).toStrictEqual({ entries: [], next: null });
    expect(entryRange(entries, keyOf(entry('z', 9)), null)).toStrictEqual({ entries: [], next: null });
    expect(entryRange(entries, keyOf(entry('b', 5)), keyOf(entry('a', 1)))).toStrictEqual({ entries: [], next: null });
  });

  it('order entries at the same instant by id, as the timeline does', () => {
    const entries = sortEntries([entry('b', 1), entry('a', 1), entry('c', 1)]);
    expect(entries.map((e) => e.id)).toStrictEqual(['a', 'b', 'c']);
    expect(entryRange(entries, keyOf(entries[1]), null).entries.map((e) => e.id)).toStrictEqual(['b', 'c']);
    expect(compareEntries(keyOf(entries[0]), { at: entries[0].at, id: 'a' })).toBe(0);
  });

  it('keep the large incident far below the 6 MB invocation limit: 16,500 entries of about 400 bytes in pages of at most 768 KiB', () => {
    const entries = Array.from({ length: 16_500 }, (_, i) => entry(`comment:${100_000 + i}`, i / 50, 'x'.repeat(250)));
    const { entries: first, paging } = firstPage(entries);
    expect(bytesOf(first)).toBeLessThanOrEqual(384 * 1024);
    expect(paging.pageStarts.length).toBeGreaterThan(5);
    const pages = readAll(entries, { first: 384 * 1024, rest: 768 * 1024 });
    expect(pages.length).toBe(paging.pageStarts.length + 1);
    expect(Math.max(...pages.map(bytesOf))).toBeLessThanOrEqual(768 * 1024);
  });
});

describe('chunksForRange', () => {
  const k = (min: number, id = 'a') => ({ at: new Date(Date.UTC(2026, 9, 17, 18, min)).toISOString(), id });
  // Four chunks of consecutive stretches: [0..9], [10..19], [20..29], [30..39] minutes.
  const bounds = [0, 10, 20, 30].map((m) => ({ first: k(m), last: k(m + 9) }));

  it('takes the chunks a closed range overlaps, and none past its end', () => {
    expect(chunksForRange(bounds, k(12), k(25), 5)).toEqual({ chunks: [1, 2], cutAt: null });
    expect(chunksForRange(bounds, k(10), k(20), 5)).toEqual({ chunks: [1], cutAt: null });
    expect(chunksForRange(bounds, null, k(5), 5)).toEqual({ chunks: [0], cutAt: null });
    expect(chunksForRange(bounds, k(50), null, 5)).toEqual({ chunks: [], cutAt: null });
  });

  it('bounds an open range and says where the next page must start', () => {
    expect(chunksForRange(bounds, k(5), null, 2)).toEqual({ chunks: [0, 1], cutAt: k(20) });
    expect(chunksForRange(bounds, k(25), null, 2)).toEqual({ chunks: [2, 3], cutAt: null });
  });
});
