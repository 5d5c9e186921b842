/**
 * Forge KVS / Custom Entity Store limits enforced by the local service.
 * The @forge/kvs package (1.6.5) declares none of these in its types; the numbers come from
 * Forge's published documentation (developer.atlassian.com/platform/forge/...):
 *  - limits-kvs-ce: key length 500, key regex, value size 240 KiB.
 *  - storage-reference/handling-errors-kvs|customentities: max object depth 32, list query limit 100,
 *    complex (entity) query page limit 1..100, entity name 3..60 chars.
 *  - runtime-reference/storage-api-secret: secret values up to 128 KiB.
 *  - storage-reference/entities-batch: at most 25 keys per batch, no duplicates, not empty.
 *  - storage-reference/transactions: at most 25 operations, each key once, payload 4 MB.
 */
export const MAX_KEY_LENGTH = 500;
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_SECRET_VALUE_BYTES = 128 * 1024;
export const MAX_OBJECT_DEPTH = 32;
export const MAX_QUERY_LIMIT = 100;
/** Page size when the caller gives no limit (Forge documents a default of 10 for list queries). */
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPERATIONS = 25;
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
export const ENTITY_NAME_MIN = 3;
export const ENTITY_NAME_MAX = 60;
