import type { z } from 'zod';
import type { EntityDefinition } from './entity-definitions';
import { badRequest, KvsError } from './errors';
import { getItem, refFor, setItem } from './item-operations';
import { MAX_BATCH_ITEMS } from './limits';
import type { ItemStore } from './store';
import type { batchDeleteRequest, batchGetRequest, batchSetRequest } from './wire';

/**
 * batch/set|get|delete: each item succeeds or fails on its own; the whole request fails (400)
 * only when it is empty, has more than 25 items, or names the same key twice (Forge docs,
 * "Executing batch operations").
 */
interface BatchKey {
  key: string;
  entityName?: string;
}
interface BatchFailure extends BatchKey {
  error: { code: string; message: string };
}

function checkBatch(items: readonly BatchKey[]): void {
  if (items.length === 0) throw badRequest('BAD_REQUEST', 'A batch needs at least one item');
  if (items.length > MAX_BATCH_ITEMS) {
    throw badRequest('BATCH_LIMIT_EXCEEDED', `A batch can contain at most ${MAX_BATCH_ITEMS} keys; got ${items.length}`);
  }
  const seen = new Set<string>();
  for (const item of items) {
    const id = JSON.stringify([item.entityName ?? '', item.key]);
    if (seen.has(id)) throw badRequest('DUPLICATE_KEYS', `Key '${item.key}' appears more than once in the batch`);
    seen.add(id);
  }
}

const identity = ({ key, entityName }: BatchKey): BatchKey => (entityName === undefined ? { key } : { key, entityName });

function runEach<I extends BatchKey, S>(items: readonly I[], run: (item: I) => S) {
  const successfulKeys: S[] = [];
  const failedKeys: BatchFailure[] = [];
  items.forEach((item) => {
    try {
      successfulKeys.push(run(item));
    } catch (e) {
      if (!(e instanceof KvsError)) throw e;
      failedKeys.push({ ...identity(item), error: { code: e.code, message: e.message } });
    }
  });
  return { successfulKeys, failedKeys };
}

const spaceOf = (item: BatchKey) => (item.entityName === undefined ? 'kvs' : 'entity');

export function batchSet(store: ItemStore, entities: readonly EntityDefinition[], items: z.infer<typeof batchSetRequest>) {
  checkBatch(items);
  return runEach(items, (item) => {
    setItem(store, refFor(entities, spaceOf(item), item.key, item.entityName), item.value, { ttl: item.options?.ttl });
    return identity(item);
  });
}

export function batchGet(store: ItemStore, entities: readonly EntityDefinition[], items: z.infer<typeof batchGetRequest>) {
  checkBatch(items);
  return runEach(items, (item) => {
    const { ref } = refFor(entities, spaceOf(item), item.key, item.entityName);
    const found = getItem(store, ref, item.options?.metadataFields);
    if (!found) throw new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return { ...identity(item), ...found };
  });
}

export function batchDelete(store: ItemStore, entities: readonly EntityDefinition[], items: z.infer<typeof batchDeleteRequest>) {
  checkBatch(items);
  return runEach(items, (item) => {
    store.delete(refFor(entities, spaceOf(item), item.key, item.entityName).ref);
    return identity(item);
  });
}
