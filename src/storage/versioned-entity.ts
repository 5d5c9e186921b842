import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { ConflictError } from './review-store';

interface Versioned {
  version: number;
}

function isConditionFailure(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /CONDITION|CONFLICT/i.test(code);
}

/**
 * Writes `value` under `key` of a manifest entity only if the stored version is still
 * `expectedVersion` (null: the key must not exist yet), as one KVS transaction with a condition,
 * so two writers can never both win. A lost race throws ConflictError and writes nothing.
 */
export async function saveVersioned<T extends Versioned>(entityName: string, key: string, value: T, expectedVersion: number | null): Promise<void> {
  const conditions =
    expectedVersion === null
      ? new Filter<T>().and('version', FilterConditions.notExists())
      : new Filter<T>().and('version', FilterConditions.equalTo(expectedVersion));
  try {
    await kvs.transact().set(key, value, { entityName, conditions }).execute();
  } catch (e) {
    if (isConditionFailure(e)) throw new ConflictError(key);
    throw e;
  }
}
