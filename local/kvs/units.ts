/**
 * Forge's storage quota units for one KVS / Custom Entity Store call, the one place they are
 * counted (the request log and the benchmarks read them from here).
 *
 * The rule, from developer.atlassian.com/platform/forge/limits-kvs-ce ("Operation limits per
 * installation"): an installation may use 4,000 read and 4,000 write units a minute; "Request
 * sizes are rounded up to the nearest 10KB. Requests that are 10KB or smaller are counted as 1
 * request … a request with a payload of 65KB will be rounded up to 70KB, resulting in a count of 7".
 * How the call is split:
 *  - Per request, not per item: a batch is one request of its whole size ("10 individual writes of
 *    1KB each will be counted as 100KB of limit use. However, if set in a single batch operation, it
 *    will count as 10KB", same page); a transaction is "treated as a single Write operation"
 *    (storage-reference/transactions), its `check`s included, so it costs write units only.
 *  - A read (get, query, batch/get, their entity and secret forms) is sized by what it returns, the
 *    data read; a write (set, delete, batch/set|delete, transaction) by what it sends.
 *  - Every call costs at least one unit: an empty read and a failed call included.
 * "10KB" is taken as 10 × 1024 bytes, as bench/summaries.ts and issue 13's figures count it
 * (with 10,000 bytes the counts would rise by at most 2.4%).
 */
export const STORAGE_UNIT_BYTES = 10 * 1024;

const READS = new Set(['get', 'query', 'batch/get', 'entity/get', 'entity/query', 'secret/get']);
const WRITES = new Set([
  'set',
  'delete',
  'batch/set',
  'batch/delete',
  'transaction',
  'entity/set',
  'entity/delete',
  'secret/set',
  'secret/delete',
]);

export interface StorageUnits {
  /** The KVS operation (`get`, `batch/set`, `entity/query`…), or null when the path is none. */
  operation: string | null;
  readUnits: number;
  writeUnits: number;
}

const units = (bytes: number) => Math.max(1, Math.ceil(bytes / STORAGE_UNIT_BYTES));

/** Units of one call to `…/api/v1/<operation>` that sent `requestBytes` and got `responseBytes` back. */
export function storageUnits(path: string, requestBytes: number, responseBytes: number): StorageUnits {
  const operation = /\/api\/v1\/([a-z/]+?)\/?(?:\?|$)/.exec(path)?.[1] ?? null;
  if (operation !== null && READS.has(operation)) return { operation, readUnits: units(responseBytes), writeUnits: 0 };
  if (operation !== null && WRITES.has(operation)) return { operation, readUnits: 0, writeUnits: units(requestBytes) };
  return { operation: null, readUnits: 0, writeUnits: 0 };
}
