import type { SummaryRow } from '../../src/contract';
import { SEARCH_FORMAT, searchText, type SearchDoc } from '../../src/domain/search-index';
import { shardOf } from '../../src/domain/summary-index';
import type { StoredReviewDoc } from '../../src/storage/review-doc-store';
import type { RebuildCursor, SearchIndexStore, StoredCell } from '../../src/storage/search-store';
import { searchReviews } from '../../src/use-cases/review-search';
import { rebuildSearchStep } from '../../src/use-cases/search-rebuild';

function memory() {
  const cells = new Map<string, StoredCell>();
  const docs = new Map<string, SearchDoc>();
  const state: { format: number | null; cursor: RebuildCursor | null } = { format: null, cursor: null };
  const store: SearchIndexStore = {
    readCells: async (ids) => new Map(ids.filter((id) => cells.has(id)).map((id) => [id, cells.get(id)!])),
    async writeCells(writes) {
      for (const w of writes) cells.set(w.id, { version: (w.expected ?? 0) + 1, cell: w.cell });
    },
    readDocs: async (keys) => new Map(keys.filter((k) => docs.has(k)).map((k) => [k, docs.get(k)!])),
    writeDoc: async (d) => void docs.set(d.incidentKey, d),
    deleteDoc: async (k) => void docs.delete(k),
    readFormat: async () => state.format,
    async writeFormat(f) {
      state.format = f;
      state.cursor = null;
    },
    readCursor: async () => state.cursor,
    writeCursor: async (c) => void (state.cursor = c),
  };
  return { store, docs, state };
}

const row = (n: number, impactStartedAt: string | null): SummaryRow => ({
  incidentKey: `INC-${n}`,
  projectKey: 'INC',
  title: `Outage ${n}`,
  severityLevel: 2,
  impactStartedAt,
  ttaMs: null,
  ttrMs: null,
  impactMs: null,
  customerImpact: null,
  status: 'draft',
  actionsOpen: 0,
  actionsOverdue: 0,
  actionsClosed: 0,
  openItems: [],
  openDueDates: [],
  docVersion: 1,
  tags: [],
  pageUrl: null,
  updatedAt: 0,
  services: [],
  factorCategories: [],
  countermeasures: [],
});

const storedDoc = (key: string, learned: string): StoredReviewDoc =>
  ({
    incidentKey: key,
    version: 1,
    updatedAt: 0,
    doc: {
      status: 'draft',
      content: {
        servicesImpacted: ['Billing'],
        learnings: { learned, wentWell: '', surprised: '' },
        contributingFactors: [{ id: 'f', text: 'Pool limit', category: 'capacity' }],
        tags: [],
      },
      actionItems: [{ summary: 'Raise the pool limit' }],
      sync: {},
      syncErrors: {},
    },
  }) as unknown as StoredReviewDoc;

describe('building the library from the summary index', () => {
  const rows = [row(1, '2025-03-02T10:00:00Z'), row(2, '2026-07-20T10:00:00Z'), row(3, null)];
  const summaries = {
    readShards: async (ids: readonly string[]) => ({ rows: rows.filter((r) => ids.includes(shardOf(r))), keysRead: ids.length }),
  };
  const docs = { load: async (key: string) => (key === 'INC-2' ? null : storedDoc(key, `Connection pool exhausted in ${key}`)) };
  const access = {
    browsableProjects: async (k: readonly string[]) => new Set(k),
    visibleIssues: async (k: readonly string[]) => new Map(k.map((x) => [x, { summary: '' }])),
  };

  it('indexes every review in bounded steps, resuming from its cursor, then records the format', async () => {
    const m = memory();
    const deps = { search: m.store, summaries, docs, now: () => new Date('2026-12-06T12:00:00Z') };
    const first = await rebuildSearchStep(deps, { reviews: 1, ms: 60_000 });
    expect(first).toStrictEqual({ indexed: 1, done: false });
    expect(m.state.cursor).not.toBeNull();
    expect((await searchReviews({ store: m.store, access }, { query: 'pool' })).indexing).toBe(true);

    let steps = 1;
    while (!(await rebuildSearchStep(deps, { reviews: 1, ms: 60_000 })).done) steps += 1;
    expect(steps).toBeGreaterThanOrEqual(2);
    expect(m.state).toStrictEqual({ format: SEARCH_FORMAT, cursor: null });
    expect([...m.docs.keys()].sort()).toStrictEqual(['INC-1', 'INC-2', 'INC-3']);
    // Facts from the row (severity, impact start), text from the review document; a review without one keeps its title.
    expect(m.docs.get('INC-1')).toMatchObject({
      severityLevel: 2,
      impactStartedAt: '2025-03-02T10:00:00Z',
      services: ['Billing'],
      factorCategories: ['capacity'],
    });
    expect(m.docs.get('INC-2')?.text).toStrictEqual(
      searchText({
        title: 'Outage 2',
        learnings: { learned: '', wentWell: '', surprised: '' },
        factors: [],
        actions: [],
        services: [],
        tags: [],
      }),
    );

    const found = await searchReviews({ store: m.store, access }, { query: 'pool' });
    expect(found.indexing).toBe(false);
    expect(found.results.map((r) => r.incidentKey).sort()).toStrictEqual(['INC-1', 'INC-3']);
  });

  it('does nothing but read the format once the library is complete', async () => {
    const m = memory();
    m.state.format = SEARCH_FORMAT;
    let reads = 0;
    const counted = { readShards: async (ids: readonly string[]) => ((reads += 1), summaries.readShards(ids)) };
    expect(
      await rebuildSearchStep({ search: m.store, summaries: counted, docs, now: () => new Date() }, { reviews: 10, ms: 1_000 }),
    ).toStrictEqual({ indexed: 0, done: true });
    expect(reads).toBe(0);
  });
});
