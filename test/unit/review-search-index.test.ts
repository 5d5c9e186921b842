import fc from 'fast-check';
import type { ReviewSearchQuery } from '../../src/contract';
import { AppFailure } from '../../src/domain/app-error';
import {
  CELL_BUDGET_BYTES,
  DOC_GROUPS,
  TERM_BUCKETS,
  bucketOf,
  bucketsOf,
  cellBytes,
  cellId,
  groupOf,
  highlight,
  searchText,
  updateCell,
  type CellData,
  type SearchDoc,
} from '../../src/domain/search-index';
import type { SummaryAccessPort } from '../../src/jira/summary-access';
import { ConflictError } from '../../src/storage/timeline-store';
import type { SearchIndexStore, StoredCell } from '../../src/storage/search-store';
import { indexReview } from '../../src/use-cases/search-indexer';
import { searchReviews } from '../../src/use-cases/review-search';

/** Forge storage as the store sees it: versioned cells (a stale `expected` is a lost race), records, reads counted. */
function memoryStore() {
  const cells = new Map<string, StoredCell>();
  const docs = new Map<string, SearchDoc>();
  const counts = { cellReads: 0, cellWrites: 0 };
  const store: SearchIndexStore = {
    async readCells(ids) {
      counts.cellReads += ids.length;
      return new Map(ids.filter((id) => cells.has(id)).map((id) => [id, structuredClone(cells.get(id)!)]));
    },
    async writeCells(writes) {
      for (const w of writes) if ((cells.get(w.id)?.version ?? null) !== w.expected) throw new ConflictError(w.id);
      for (const w of writes) cells.set(w.id, { version: (w.expected ?? 0) + 1, cell: structuredClone(w.cell) });
      counts.cellWrites += writes.length;
    },
    async readDocs(keys) {
      return new Map(keys.filter((k) => docs.has(k)).map((k) => [k, structuredClone(docs.get(k)!)]));
    },
    async writeDoc(doc) {
      docs.set(doc.incidentKey, structuredClone(doc));
    },
    async deleteDoc(key) {
      docs.delete(key);
    },
    readFormat: async () => 1,
    writeFormat: async () => undefined,
    readCursor: async () => null,
    writeCursor: async () => undefined,
  };
  return { store, cells, docs, counts };
}

/** Jira as a viewer who may browse every project but `hidden`. */
function viewer(hidden: readonly string[] = []): SummaryAccessPort {
  return {
    browsableProjects: async (keys) => new Set(keys.filter((k) => !hidden.includes(k))),
    visibleIssues: async (keys) => new Map(keys.filter((k) => !hidden.includes(k.split('-')[0])).map((k) => [k, { summary: '' }])),
  };
}

function review(incidentKey: string, over: Partial<Parameters<typeof searchText>[0]> & Partial<Omit<SearchDoc, 'text'>> = {}): SearchDoc {
  const parts = {
    title: over.title ?? `Incident ${incidentKey}`,
    learnings: over.learnings ?? { learned: '', wentWell: '', surprised: '' },
    factors: over.factors ?? [],
    actions: over.actions ?? [],
    services: over.services ?? [],
    tags: over.tags ?? [],
  };
  return {
    incidentKey,
    title: parts.title,
    severityLevel: over.severityLevel ?? 3,
    impactStartedAt: over.impactStartedAt ?? '2026-10-01T10:00:00.000Z',
    services: [...parts.services],
    factorCategories: over.factorCategories ?? [...new Set(parts.factors.map((f) => f.category))],
    text: searchText(parts),
  };
}

const search = (store: SearchIndexStore, q: ReviewSearchQuery, access = viewer()) => searchReviews({ store, access }, q);
const keys = async (store: SearchIndexStore, query: string) => (await search(store, { query })).results.map((r) => r.incidentKey);

describe('the review library index', () => {
  it('finds a review by a word of its learnings once it is added, with the field and a highlighted snippet', async () => {
    const { store } = memoryStore();
    await indexReview(store, 'INC-1', () =>
      review('INC-1', { learnings: { learned: 'The connection pool ran dry under the retry storm.', wentWell: '', surprised: '' } }),
    );
    const res = await search(store, { query: 'connection pool' });
    expect(res.results.map((r) => r.incidentKey)).toStrictEqual(['INC-1']);
    expect(res.results[0].fields).toStrictEqual(['learnings']);
    const [h] = res.results[0].highlights;
    expect(h.field).toBe('learnings');
    expect(h.ranges.map(([s, e]) => h.text.slice(s, e))).toStrictEqual(['connection', 'pool']);
  });

  it('matches word prefixes and small typos inside a word', async () => {
    const { store } = memoryStore();
    await indexReview(store, 'INC-1', () => review('INC-1', { actions: [{ summary: 'Alert on database replication lag' }] }));
    expect(await keys(store, 'datab')).toStrictEqual(['INC-1']);
    expect(await keys(store, 'replicaton')).toStrictEqual(['INC-1']);
  });

  it('forgets the old words of a review when it is saved again, and keeps the new ones', async () => {
    const { store } = memoryStore();
    await indexReview(store, 'INC-1', () =>
      review('INC-1', { learnings: { learned: 'Scheduler switched off by hand', wentWell: '', surprised: '' } }),
    );
    await indexReview(store, 'INC-1', () =>
      review('INC-1', { learnings: { learned: 'Backups silently stopped', wentWell: '', surprised: '' } }),
    );
    expect(await keys(store, 'scheduler')).toStrictEqual([]);
    expect(await keys(store, 'backups')).toStrictEqual(['INC-1']);
  });

  it('takes a removed review out of every cell and its record away', async () => {
    const { store, docs, cells } = memoryStore();
    await indexReview(store, 'INC-1', () => review('INC-1', { services: ['checkout-api'], tags: ['payments'] }));
    await indexReview(store, 'INC-1', () => null);
    expect(await keys(store, 'checkout')).toStrictEqual([]);
    expect(docs.has('INC-1')).toBe(false);
    for (const { cell } of cells.values()) expect(cell.documentCount).toBe(0);
  });

  it('ranks reviews matching more of the words first, then title matches above body matches', async () => {
    const { store } = memoryStore();
    await indexReview(store, 'INC-1', () =>
      review('INC-1', { learnings: { learned: 'The login page timed out.', wentWell: '', surprised: '' } }),
    );
    await indexReview(store, 'INC-2', () =>
      review('INC-2', { title: 'Login outage', learnings: { learned: 'Nothing about it here.', wentWell: '', surprised: '' } }),
    );
    await indexReview(store, 'INC-3', () =>
      review('INC-3', {
        title: 'Login outage from CPU saturation',
        factors: [{ text: 'A runaway process pegged the CPU', category: 'capacity' }],
      }),
    );
    expect(await keys(store, 'login cpu')).toStrictEqual(['INC-3', 'INC-2', 'INC-1']);
  });

  it('searches the factor category by its label', async () => {
    const { store } = memoryStore();
    await indexReview(store, 'INC-1', () =>
      review('INC-1', { factors: [{ text: 'The uplink cable was unplugged', category: 'hardware-network' }] }),
    );
    expect(await keys(store, 'hardware')).toStrictEqual(['INC-1']);
  });

  it('a save touches only its own group and the buckets of its old and new words', async () => {
    const { store, counts } = memoryStore();
    const doc = review('INC-7', { learnings: { learned: 'Queue depth alert was missing', wentWell: '', surprised: '' } });
    await indexReview(store, 'INC-7', () => doc);
    expect(counts.cellReads).toBe(bucketsOf(doc.text).size);
    expect(counts.cellReads).toBeLessThan(TERM_BUCKETS * DOC_GROUPS);
    counts.cellReads = 0;
    counts.cellWrites = 0;
    // Only the severity changed: no word moved, so no cell is read or written.
    await indexReview(store, 'INC-7', () => ({ ...doc, severityLevel: 1 }));
    expect(counts).toStrictEqual({ cellReads: 0, cellWrites: 0 });
  });

  it('a save that lost a race on a cell applies itself again to the newer cell: neither review is lost', async () => {
    const { store } = memoryStore();
    // Two reviews in the same group, so they share cells.
    const a = 'INC-1';
    let n = 2;
    while (groupOf(`INC-${n}`) !== groupOf(a)) n++;
    const b = `INC-${n}`;
    let raced = false;
    const racing: SearchIndexStore = {
      ...store,
      async writeCells(writes) {
        if (!raced) {
          raced = true;
          // Another save lands between this one's read and its write.
          await indexReview(store, b, () =>
            review(b, { learnings: { learned: 'Shared words: deploy rollback', wentWell: '', surprised: '' } }),
          );
        }
        return store.writeCells(writes);
      },
    };
    await indexReview(racing, a, () => review(a, { learnings: { learned: 'Shared words: deploy freeze', wentWell: '', surprised: '' } }));
    expect((await keys(store, 'deploy')).sort()).toStrictEqual([a, b].sort());
  });

  it('never names a review of a project the viewer may not browse, nor counts it', async () => {
    const { store } = memoryStore();
    await indexReview(store, 'INC-1', () =>
      review('INC-1', { learnings: { learned: 'Disk filled with logs', wentWell: '', surprised: '' } }),
    );
    await indexReview(store, 'SEC-1', () =>
      review('SEC-1', { learnings: { learned: 'Disk filled with audit logs', wentWell: '', surprised: '' } }),
    );
    const res = await search(store, { query: 'disk' }, viewer(['SEC']));
    expect(res.results.map((r) => r.incidentKey)).toStrictEqual(['INC-1']);
    expect(res.total).toBe(1);
  });

  it('filters by severity, service, factor category and date', async () => {
    const { store } = memoryStore();
    const text = { learned: 'Cache stampede after deploy', wentWell: '', surprised: '' };
    await indexReview(store, 'INC-1', () =>
      review('INC-1', {
        learnings: text,
        severityLevel: 1,
        services: ['Cache'],
        factors: [{ text: 'x', category: 'change' }],
        impactStartedAt: '2026-03-02T10:00:00Z',
      }),
    );
    await indexReview(store, 'INC-2', () =>
      review('INC-2', {
        learnings: text,
        severityLevel: 2,
        services: ['Web'],
        factors: [{ text: 'y', category: 'capacity' }],
        impactStartedAt: '2026-05-02T10:00:00Z',
      }),
    );
    const only = async (q: Omit<ReviewSearchQuery, 'query'>) =>
      (await search(store, { query: 'cache', ...q })).results.map((r) => r.incidentKey);
    expect(await only({ severity: 2 })).toStrictEqual(['INC-2']);
    expect(await only({ service: 'cache' })).toStrictEqual(['INC-1']);
    expect(await only({ factorCategory: 'capacity' })).toStrictEqual(['INC-2']);
    expect(await only({ from: '2026-04-01', to: '2026-05-02' })).toStrictEqual(['INC-2']);
    expect(await only({ to: '2026-03-02' })).toStrictEqual(['INC-1']);
  });

  it('pages ten results at a time', async () => {
    const { store } = memoryStore();
    for (let i = 1; i <= 23; i++) await indexReview(store, `INC-${i}`, () => review(`INC-${i}`, { tags: ['latency'] }));
    const p3 = await search(store, { query: 'latency', page: 3 });
    expect([p3.total, p3.pages, p3.results.length]).toStrictEqual([23, 3, 3]);
  });

  it('answers a query of stop words only with a VALIDATION error naming the query', async () => {
    const { store } = memoryStore();
    await expect(search(store, { query: 'the a' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { query: expect.any(String) } });
    await expect(search(store, { query: 'the a' })).rejects.toBeInstanceOf(AppFailure);
  });
});

describe('highlights', () => {
  it('are offsets into the snippet, never markup, whatever the text holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (before, after) => {
        const text = `${before} Outage ${after}`;
        const h = highlight('learnings', text, new Set(['outage']));
        expect(h).not.toBeNull();
        for (const [s, e] of h!.ranges) {
          expect(h!.text.slice(s, e).toLowerCase()).toBe('outage');
        }
        // The snippet is a slice of the text (with ellipses), not a rewrite of it.
        expect(text).toContain(h!.text.replace(/^…/, '').replace(/…$/, ''));
      }),
    );
  });
});

describe('cells', () => {
  it('each cell stays under the storage budget, for arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ learned: fc.string({ maxLength: 5_000 }), unicode: fc.string({ unit: 'binary', maxLength: 2_000 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (reviews) => {
          const cells = new Map<string, CellData>();
          for (const [i, r] of reviews.entries()) {
            const key = `INC-${i + 1}`;
            const doc = review(key, { learnings: { learned: r.learned, wentWell: r.unicode, surprised: '' } });
            for (const b of bucketsOf(doc.text)) {
              const id = cellId(b, groupOf(key));
              const cell = await updateCell(b, cells.get(id) ?? null, key, doc.text);
              cells.set(id, cell);
              expect(cellBytes(cell)).toBeLessThanOrEqual(CELL_BUDGET_BYTES);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a term always falls in the bucket of its first three letters', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{3,12}$/), (word) => expect(bucketOf(word)).toBe(bucketOf(word.slice(0, 3)))));
  });
});
