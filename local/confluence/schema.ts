import type { Db } from '../db';

/** First ids handed out, shaped like a real site's numeric content ids. */
export const FIRST_SPACE_ID = 65537;
export const FIRST_PAGE_ID = 98305;

/** Creates the Confluence emulator's tables (idempotent). */
export function migrateConfluence(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS confluence_counters (
      name TEXT PRIMARY KEY,
      next_id INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS confluence_spaces (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      type TEXT NOT NULL DEFAULT 'global',
      status TEXT NOT NULL DEFAULT 'current',
      author_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      homepage_id INTEGER,
      description TEXT NOT NULL DEFAULT '',
      open_to_all INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE IF NOT EXISTS confluence_space_members (
      space_id INTEGER NOT NULL REFERENCES confluence_spaces(id) ON DELETE CASCADE,
      account_id TEXT NOT NULL,
      PRIMARY KEY (space_id, account_id)
    );
    CREATE TABLE IF NOT EXISTS confluence_pages (
      id INTEGER PRIMARY KEY,
      space_id INTEGER NOT NULL REFERENCES confluence_spaces(id) ON DELETE CASCADE,
      parent_id INTEGER,
      position INTEGER NOT NULL DEFAULT 0,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      author_id TEXT NOT NULL,
      owner_id TEXT,
      created_at TEXT NOT NULL,
      modified_at TEXT NOT NULL,
      version_number INTEGER NOT NULL,
      version_message TEXT NOT NULL DEFAULT '',
      version_minor_edit INTEGER NOT NULL DEFAULT 0,
      version_author_id TEXT NOT NULL,
      body_representation TEXT NOT NULL,
      body_value TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS confluence_pages_space ON confluence_pages(space_id, status);
    CREATE INDEX IF NOT EXISTS confluence_pages_parent ON confluence_pages(parent_id);
    CREATE UNIQUE INDEX IF NOT EXISTS confluence_pages_live_title
      ON confluence_pages(space_id, lower(title)) WHERE status IN ('current', 'archived');
    CREATE TABLE IF NOT EXISTS confluence_page_versions (
      page_id INTEGER NOT NULL REFERENCES confluence_pages(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT '',
      minor_edit INTEGER NOT NULL DEFAULT 0,
      author_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      body_representation TEXT NOT NULL,
      body_value TEXT NOT NULL,
      PRIMARY KEY (page_id, number)
    );
  `);
}

/** Empties every Confluence table and restarts the id counters. */
export function resetConfluence(db: Db): void {
  migrateConfluence(db);
  db.transaction(() => {
    db.exec(`
      DELETE FROM confluence_page_versions;
      DELETE FROM confluence_pages;
      DELETE FROM confluence_space_members;
      DELETE FROM confluence_spaces;
      DELETE FROM confluence_counters;
    `);
  })();
}

/** Hands out the next id of a sequence ('space' or 'page'). */
export function nextId(db: Db, name: 'space' | 'page'): number {
  const first = name === 'space' ? FIRST_SPACE_ID : FIRST_PAGE_ID;
  db.prepare('INSERT OR IGNORE INTO confluence_counters (name, next_id) VALUES (?, ?)').run(name, first);
  const row = db.prepare('UPDATE confluence_counters SET next_id = next_id + 1 WHERE name = ? RETURNING next_id - 1 AS id').get(name) as {
    id: number;
  };
  return row.id;
}
