import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { AppFailure } from '../domain/app-error';
import { ConflictError } from './timeline-store';

/** Forge KVS keeps at most 240 KiB in one value (key and framing aside). */
export const MAX_VALUE_BYTES = 240 * 1024;
const LIMIT_FOR_VALUE = MAX_VALUE_BYTES - 1024;

interface Versioned {
  version: number;
}

export function isConditionFailure(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /CONDITION|CONFLICT/i.test(code);
}

/**
 * Writes `value` under `key` of a manifest entity only if the stored version is still
 * `expectedVersion` (null: the key must not exist yet), as one KVS transaction with a condition,
 * so two writers can never both win. A lost race throws ConflictError and writes nothing.
 */
export async function saveVersioned<T extends Versioned>(
  entityName: string,
  key: string,
  value: T,
  expectedVersion: number | null,
): Promise<void> {
  // Refused before the write, as a message the user can act on, instead of the store's error.
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > LIMIT_FOR_VALUE) {
    throw new AppFailure(
      'VALIDATION',
      `This is more than one review can hold (${Math.ceil(bytes / 1024)} KB of at most ${Math.floor(LIMIT_FOR_VALUE / 1024)} KB). Nothing was saved: shorten some texts or remove entries, then save again.`,
    );
  }
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
