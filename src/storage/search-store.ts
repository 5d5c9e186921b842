import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { CELL_BUDGET_BYTES, SEARCH_FORMAT, cellBytes, type CellData, type SearchDoc } from '../domain/search-index';
import { ConflictError } from './timeline-store';
import { isConditionFailure } from './versioned-entity';

/**
 * The review library's index in Forge storage (issue 17):
 *   entity `search-cell`, key `<format>:<bucket>.<group>` → { version, cell }: one MiniSearch cell
 *       (src/domain/search-index.ts), each at most 200 KiB; written in transactions of at most 25
 *       cells, each guarded by its version, so two saves in one group never drop each other's terms;
 *   `search-doc:<format>:<incidentKey>` → the review's searched text and facts (filters, result rows,
 *       highlights), read only for the results shown;
 *   `search-format` → the format the whole library was indexed in (absent: not built yet);
 *   `search-rebuild` → where a rebuild from the summary index has got to (search-rebuild.ts).
 * A search reads one batch per 25 cells of its words' buckets, then the records of the results it shows.
 */
export interface StoredCell {
  version: number;
  cell: CellData;
}

/** Where a rebuild from the summary index has got to (src/use-cases/search-rebuild.ts). */
export interface RebuildCursor {
  format: number;
  /** The last day whose shard is listed, fixed when the rebuild starts (later reviews are indexed by their saves). */
  until: string;
  /** Index of the group of SHARDS_PER_READ shards being worked on. */
  shard: number;
  /** Rows of that group (in incident-key order) already indexed. */
  row: number;
}

export interface SearchIndexStore {
  readCells(ids: readonly string[]): Promise<Map<string, StoredCell>>;
  /** All or nothing per 25 cells; ConflictError when a cell changed since it was read (`expected` null: it must not exist). */
  writeCells(writes: readonly { id: string; expected: number | null; cell: CellData }[]): Promise<void>;
  readDocs(incidentKeys: readonly string[]): Promise<Map<string, SearchDoc>>;
  writeDoc(doc: SearchDoc): Promise<void>;
  deleteDoc(incidentKey: string): Promise<void>;
  readFormat(): Promise<number | null>;
  /** Records the library complete in `format`, and drops the rebuild's cursor. */
  writeFormat(format: number): Promise<void>;
  readCursor(): Promise<RebuildCursor | null>;
  writeCursor(cursor: RebuildCursor): Promise<void>;
}

export const CELL_ENTITY = 'search-cell';
const BATCH = 25;
const FORMAT_KEY = 'search-format';
const CURSOR_KEY = 'search-rebuild';
// The format is part of every key: a new format starts from empty cells and records, never reads an old one.
export const docKey = (incidentKey: string) => `search-doc:${SEARCH_FORMAT}:${incidentKey}`;
const cellKey = (id: string) => `${SEARCH_FORMAT}:${id}`;

function keyNotFound(f: { error?: { code?: string } }): boolean {
  return f.error?.code === 'KEY_NOT_FOUND';
}

async function batchRead<T>(keys: readonly string[], entityName?: string): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const res = await kvs.batchGet<T>(keys.slice(i, i + BATCH).map((key) => (entityName ? { key, entityName } : { key })));
    // A cell or record nobody has written is KEY_NOT_FOUND: no review has words there yet.
    const failed = res.failedKeys.filter((f) => !keyNotFound(f));
    if (failed.length > 0)
      throw new Error(`The search index could not be read (${failed.length} key(s) failed: ${failed[0].error?.code ?? 'unknown'})`);
    for (const item of res.successfulKeys) found.set(item.key, item.value);
  }
  return found;
}

export function createKvsSearchStore(): SearchIndexStore {
  return {
    async readCells(ids) {
      const found = await batchRead<StoredCell>([...new Set(ids)].map(cellKey), CELL_ENTITY);
      return new Map([...found.entries()].map(([key, cell]) => [key.slice(key.indexOf(':') + 1), cell]));
    },

    async writeCells(writes) {
      for (const w of writes) {
        const bytes = cellBytes(w.cell);
        // The domain keeps cells far below this (DOC_GROUPS); refusing here beats the store's opaque error.
        if (bytes > CELL_BUDGET_BYTES) throw new RangeError(`Search cell ${w.id} would hold ${bytes} bytes (at most ${CELL_BUDGET_BYTES})`);
      }
      for (let i = 0; i < writes.length; i += BATCH) {
        let tx = kvs.transact();
        for (const w of writes.slice(i, i + BATCH)) {
          const conditions =
            w.expected === null
              ? new Filter<StoredCell>().and('version', FilterConditions.notExists())
              : new Filter<StoredCell>().and('version', FilterConditions.equalTo(w.expected));
          tx = tx.set(cellKey(w.id), { version: (w.expected ?? 0) + 1, cell: w.cell }, { entityName: CELL_ENTITY, conditions });
        }
        try {
          await tx.execute();
        } catch (e) {
          if (isConditionFailure(e)) throw new ConflictError(`search cells ${i / BATCH}`);
          throw e;
        }
      }
    },

    async readDocs(incidentKeys) {
      const found = await batchRead<SearchDoc>([...new Set(incidentKeys)].map(docKey));
      return new Map([...found.values()].map((d) => [d.incidentKey, d]));
    },

    writeDoc: (doc) => kvs.set(docKey(doc.incidentKey), doc),

    deleteDoc: (incidentKey) => kvs.delete(docKey(incidentKey)),

    async readFormat() {
      return (await kvs.get<{ format: number }>(FORMAT_KEY))?.format ?? null;
    },

    async writeFormat(format) {
      await kvs.set(FORMAT_KEY, { format });
      await kvs.delete(CURSOR_KEY);
    },

    readCursor: async () => (await kvs.get<RebuildCursor>(CURSOR_KEY)) ?? null,

    writeCursor: (cursor) => kvs.set(CURSOR_KEY, cursor),
  };
}
