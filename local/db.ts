import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the local site's embedded database. `dataDir` of ':memory:' gives a throw-away
 * database for tests; anything else is a folder holding `site.db`, so data survives restarts.
 */
export function openDb(dataDir: string): Db {
  const file = dataDir === ':memory:' ? ':memory:' : join(ensureDir(dataDir), 'site.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
