import type { EntityDefinition } from './entity-definitions';
import { badRequest, keyConflict } from './errors';
import { toWireItem, type WireItem } from './responses';
import type { ItemRef, ItemStore, Space } from './store';
import { checkEntityValue, checkKey, checkValue, findEntity } from './validation';
import type { ExtendedSetOptions, MetadataField, Ttl } from './wire';

const UNIT_MS: Record<Ttl['unit'], number> = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};
export const ttlToMs = (ttl: Ttl | undefined): number | undefined => (ttl ? ttl.value * UNIT_MS[ttl.unit] : undefined);

/** Resolves and validates where an item lives; entity names must be declared in the manifest. */
export function refFor(
  entities: readonly EntityDefinition[],
  space: Space,
  key: string,
  entityName?: string,
): { ref: ItemRef; entity?: EntityDefinition } {
  const entity = space === 'entity' ? findEntity(entities, entityName ?? '') : undefined;
  checkKey(key, space);
  return { ref: { space, entityName: entity?.name ?? '', key }, entity };
}

export function checkWritable(ref: ItemRef, entity: EntityDefinition | undefined, value: unknown): void {
  checkValue(value, ref.space);
  if (entity) checkEntityValue(entity, value);
}

export function getItem(store: ItemStore, ref: ItemRef, fields: readonly MetadataField[] = []): WireItem | undefined {
  const item = store.get(ref);
  return item ? toWireItem(item, fields) : undefined;
}

/**
 * set / secret/set / entity/set. Returns the body to send: the previous or latest item when
 * `returnValue` asks for it, otherwise undefined (the package expects an empty 204 then).
 */
export function setItem(
  store: ItemStore,
  target: { ref: ItemRef; entity?: EntityDefinition },
  value: unknown,
  options: ExtendedSetOptions = {},
): WireItem | undefined {
  checkWritable(target.ref, target.entity, value);
  if (options.returnValue && options.keyPolicy === 'FAIL_IF_EXISTS') {
    throw badRequest('BAD_REQUEST', 'returnValue can only be used with keyPolicy OVERRIDE');
  }
  return store.atomically(() => {
    const previous = store.get(target.ref);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) throw keyConflict(target.ref.key);
    const latest = store.put(target.ref, value, ttlToMs(options.ttl));
    const fields = options.returnMetadataFields ?? [];
    if (options.returnValue === 'LATEST') return toWireItem(latest, fields);
    if (options.returnValue === 'PREVIOUS' && previous) return toWireItem(previous, fields);
    return undefined;
  });
}
