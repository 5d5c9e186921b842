import type { StoredItem } from './store';
import type { MetadataField } from './wire';

/**
 * createdAt/updatedAt go out as Unix epoch seconds (the package's own tests use 1718236800 for a
 * get response); expireTime as an ISO-8601 string ('2025-01-12T13:00:00Z' in those tests).
 */
export const toWireTimestamp = (ms: number): number => Math.floor(ms / 1000);
export const toWireExpireTime = (ms: number): string => new Date(ms).toISOString();

export interface WireItem {
  key: string;
  value: unknown;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

/** The GetResponse / SetResponse / query `data[]` element, with only the requested metadata. */
export function toWireItem(item: StoredItem, fields: readonly MetadataField[] = []): WireItem {
  const wire: WireItem = { key: item.key, value: item.value };
  if (fields.includes('CREATED_AT')) wire.createdAt = toWireTimestamp(item.createdAtMs);
  if (fields.includes('UPDATED_AT')) wire.updatedAt = toWireTimestamp(item.updatedAtMs);
  if (fields.includes('EXPIRE_TIME') && item.expireAtMs !== null) wire.expireTime = toWireExpireTime(item.expireAtMs);
  return wire;
}
