import type { Db } from '../db';

export type Space = 'kvs' | 'secret' | 'entity';

/** Where an item lives: plain KVS, secrets, or one custom entity. */
export interface ItemRef {
  space: Space;
  entityName: string; // '' unless space is 'entity'
  key: string;
}

export interface StoredItem extends ItemRef {
  value: unknown;
  createdAtMs: number;
  updatedAtMs: number;
  expireAtMs: number | null;
}

interface Row {
  space: Space;
  entity_name: string;
  key: string;
  value_json: string;
  created_at_ms: number;
  updated_at_ms: number;
  expire_at_ms: number | null;
}

const toItem = (r: Row): StoredItem => ({
  space: r.space,
  entityName: r.entity_name,
  key: r.key,
  value: JSON.parse(r.value_json) as unknown,
  createdAtMs: r.created_at_ms,
  updatedAtMs: r.updated_at_ms,
  expireAtMs: r.expire_at_ms,
});

const LIVE = '(expire_at_ms IS NULL OR expire_at_ms > @now)';

/** Row access for kvs_items. Expired items are invisible to every read. */
export class ItemStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  get(ref: ItemRef): StoredItem | undefined {
    const row = this.db
      .prepare(`SELECT * FROM kvs_items WHERE space = @space AND entity_name = @entityName AND key = @key AND ${LIVE}`)
      .get({ ...ref, now: this.now() }) as Row | undefined;
    return row ? toItem(row) : undefined;
  }

  /** Writes `value`; keeps createdAt of a live previous item; `ttlMs` undefined clears any expiry. */
  put(ref: ItemRef, value: unknown, ttlMs: number | undefined): StoredItem {
    const now = this.now();
    const previous = this.get(ref);
    const item: StoredItem = {
      ...ref,
      value,
      createdAtMs: previous?.createdAtMs ?? now,
      updatedAtMs: now,
      expireAtMs: ttlMs === undefined ? null : now + ttlMs,
    };
    this.db
      .prepare(
        `INSERT OR REPLACE INTO kvs_items (space, entity_name, key, value_json, created_at_ms, updated_at_ms, expire_at_ms)
         VALUES (@space, @entityName, @key, @valueJson, @createdAtMs, @updatedAtMs, @expireAtMs)`,
      )
      .run({
        space: item.space,
        entityName: item.entityName,
        key: item.key,
        valueJson: JSON.stringify(value),
        createdAtMs: item.createdAtMs,
        updatedAtMs: item.updatedAtMs,
        expireAtMs: item.expireAtMs,
      });
    return item;
  }

  delete(ref: ItemRef): void {
    this.db.prepare('DELETE FROM kvs_items WHERE space = @space AND entity_name = @entityName AND key = @key').run(ref);
  }

  /** Live plain-KVS items whose key starts with `prefix` and sorts after `afterKey`, in key order. */
  listKvsByPrefix(prefix: string, afterKey: string | undefined, limit: number): StoredItem[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM kvs_items
         WHERE space = 'kvs' AND entity_name = '' AND substr(key, 1, @prefixLength) = @prefix
           AND (@afterKey IS NULL OR key > @afterKey) AND ${LIVE}
         ORDER BY key LIMIT @limit`,
      )
      .all({ prefix, prefixLength: prefix.length, afterKey: afterKey ?? null, limit, now: this.now() }) as Row[];
    return rows.map(toItem);
  }

  /** Every live item of one custom entity (index queries are evaluated in memory). */
  listEntity(entityName: string): StoredItem[] {
    const rows = this.db
      .prepare(`SELECT * FROM kvs_items WHERE space = 'entity' AND entity_name = @entityName AND ${LIVE} ORDER BY key`)
      .all({ entityName, now: this.now() }) as Row[];
    return rows.map(toItem);
  }

  /** Runs `work` atomically (better-sqlite3 transaction: a throw rolls everything back). */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  purgeExpired(): void {
    this.db.prepare('DELETE FROM kvs_items WHERE expire_at_ms IS NOT NULL AND expire_at_ms <= ?').run(this.now());
  }
}
