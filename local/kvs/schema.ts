import type { Db } from '../db';

/**
 * One table holds every stored item. `space` separates plain KVS keys ('kvs'), secrets
 * ('secret') and custom entities ('entity', with `entity_name`), as Forge keeps them apart.
 * Times are epoch milliseconds; `expire_at_ms` is NULL when no TTL was set.
 */
export function migrateKvs(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS kvs_items (
    space TEXT NOT NULL CHECK (space IN ('kvs', 'secret', 'entity')),
    entity_name TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL,
    value_json TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    expire_at_ms INTEGER,
    PRIMARY KEY (space, entity_name, key)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS kvs_items_expiry ON kvs_items (expire_at_ms) WHERE expire_at_ms IS NOT NULL;`);
}

/** Empties the store (tests, "reset site"); keeps the table. */
export function resetKvs(db: Db): void {
  db.prepare('DELETE FROM kvs_items').run();
}
