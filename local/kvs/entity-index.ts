import { compareScalars } from './conditions';
import type { EntityDefinition, EntityIndex } from './entity-definitions';
import { badRequest } from './errors';
import type { StoredItem } from './store';

/** An item's place in one index: its partition and range attribute values plus its key. */
export interface IndexEntry {
  item: StoredItem;
  partition: unknown[];
  range: unknown[];
}

export function findIndex(entity: EntityDefinition, indexName: string): EntityIndex {
  const index = entity.indexes.find((i) => i.name === indexName);
  if (!index) {
    throw badRequest('INVALID_ENTITY_INDEX', `Entity '${entity.name}' has no index '${indexName}' in the manifest`);
  }
  return index;
}

/** Items lacking any indexed attribute are not in the index (sparse, as in Forge). */
export function indexEntries(index: EntityIndex, items: readonly StoredItem[]): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const item of items) {
    const value = item.value as Record<string, unknown>;
    const partition = index.partition.map((a) => value[a]);
    const range = index.range.map((a) => value[a]);
    if ([...partition, ...range].some((v) => v === undefined)) continue;
    entries.push({ item, partition, range });
  }
  return entries;
}

/** Ascending index order: range values, then key. */
export function comparePositions(a: { range: unknown[]; key: string }, b: { range: unknown[]; key: string }): number {
  for (let i = 0; i < Math.max(a.range.length, b.range.length); i++) {
    const c = compareScalars(a.range[i], b.range[i]) ?? compareMixed(a.range[i], b.range[i]);
    if (c !== 0) return c;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Attributes typed `any` may mix kinds: order numbers < strings < booleans < others, stably. */
function compareMixed(a: unknown, b: unknown): number {
  const rank = (v: unknown) => ['number', 'string', 'boolean'].indexOf(typeof v) + 1 || 4;
  return rank(a) - rank(b) || (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);
}
