import { checkClauseValues, compileFilters, RANGE_CONDITIONS, satisfies } from './conditions';
import { decodeCursor, encodeCursor } from './cursor';
import type { EntityDefinition } from './entity-definitions';
import { comparePositions, findIndex, indexEntries } from './entity-index';
import { badRequest } from './errors';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './limits';
import { toWireItem, type WireItem } from './responses';
import type { ItemStore } from './store';
import { findEntity } from './validation';
import type { entityQueryRequest, queryRequest } from './wire';
import type { z } from 'zod';

export interface QueryResponse {
  data: WireItem[];
  cursor?: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** POST /api/v1/query: plain KVS keys in key order, optionally `where key BEGINS_WITH x`. */
export function runKvsQuery(store: ItemStore, request: z.infer<typeof queryRequest>): QueryResponse {
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  if (limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw badRequest('LIST_QUERY_LIMIT_EXCEEDED', `Query limit must be between 1 and ${MAX_QUERY_LIMIT}; got ${limit}`);
  }
  const where = request.where ?? [];
  if (where.length > 1) throw badRequest('QUERY_WHERE_INVALID', 'KVS queries take a single "where" clause');
  let prefix = '';
  const clause = where[0];
  if (clause) {
    if (clause.property !== 'key') {
      throw badRequest('QUERY_WHERE_FIELD_INVALID', `KVS queries can only filter on "key", not "${clause.property}"`);
    }
    if (clause.condition !== 'BEGINS_WITH') {
      throw badRequest('INVALID_FILTER_CONDITION', `KVS queries support only BEGINS_WITH, not ${clause.condition}`);
    }
    checkClauseValues(clause);
    prefix = String(clause.values[0]);
  }
  const afterKey = request.after === undefined ? undefined : decodeCursor(request.after, isString);
  const page = store.listKvsByPrefix(prefix, afterKey, limit + 1);
  const shown = page.slice(0, limit);
  const fields = request.options?.metadataFields ?? [];
  const last = shown[shown.length - 1];
  return {
    data: shown.map((item) => toWireItem(item, fields)),
    ...(page.length > limit && last ? { cursor: encodeCursor(last.key) } : {}),
  };
}

interface EntityPosition {
  range: unknown[];
  key: string;
}
const isPosition = (v: unknown): v is EntityPosition =>
  typeof v === 'object' && v !== null && Array.isArray((v as EntityPosition).range) && isString((v as EntityPosition).key);

/**
 * POST /api/v1/entity/query: one index of one entity. Partition values must all be given and
 * match exactly; `range` applies to the index's (first) range attribute; filters then narrow the
 * result; ordering is by range value then key, reversed for sort DESC; `limit` counts results
 * after filtering.
 */
export function runEntityQuery(
  store: ItemStore,
  entities: readonly EntityDefinition[],
  request: z.infer<typeof entityQueryRequest>,
): QueryResponse {
  const entity = findEntity(entities, request.entityName);
  const index = findIndex(entity, request.indexName);
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  if (limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw badRequest('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', `The page limit must be set between 1 and ${MAX_QUERY_LIMIT}; got ${limit}`);
  }
  const partition = request.partition ?? [];
  if (partition.length !== index.partition.length) {
    throw badRequest(
      'INVALID_PARTITION',
      `Index '${index.name}' of '${entity.name}' needs ${index.partition.length} partition value(s) (${index.partition.join(', ') || 'none'}); got ${partition.length}`,
    );
  }
  const range = request.range;
  if (range) {
    if (!RANGE_CONDITIONS.has(range.condition)) {
      throw badRequest('INVALID_FILTER_CONDITION', `${range.condition} cannot be used as an index range condition`);
    }
    checkClauseValues(range);
  }
  const filter = request.filters ? compileFilters(request.filters) : () => true;
  const descending = request.sort === 'DESC';
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, isPosition);

  const ordered = indexEntries(index, store.listEntity(entity.name))
    .filter((e) => e.partition.every((v, i) => v === partition[i]))
    .filter((e) => !range || satisfies(e.range[0], range))
    .filter((e) => filter(e.item.value as Record<string, unknown>))
    .map((e) => ({ item: e.item, position: { range: e.range, key: e.item.key } }))
    .sort((a, b) => comparePositions(a.position, b.position) * (descending ? -1 : 1))
    .filter((e) => !after || comparePositions(e.position, after) * (descending ? -1 : 1) > 0);

  const shown = ordered.slice(0, limit);
  const fields = request.options?.metadataFields ?? request.metadataFields ?? [];
  const last = shown[shown.length - 1];
  return {
    data: shown.map((e) => toWireItem(e.item, fields)),
    ...(ordered.length > limit && last ? { cursor: encodeCursor(last.position) } : {}),
  };
}
