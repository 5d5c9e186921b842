import type { Db } from '../db';
import { migrateUsers } from '../users';
import { ISSUE_TYPES, LINK_TYPES, PRIORITIES, STATUSES, STATUS_CATEGORIES } from './catalog';

/** Tables holding site data (emptied by `resetJira`); reference tables are kept. */
const DATA_TABLES = [
  'jira_issue_properties',
  'jira_remote_links',
  'jira_issue_links',
  'jira_changelog_items',
  'jira_changelogs',
  'jira_comments',
  'jira_issues',
  'jira_project_roles',
  'jira_project_browsers',
  'jira_projects',
] as const;

/** Creates the Jira emulator's tables (idempotent). Times are epoch milliseconds. */
export function migrateJira(db: Db): void {
  migrateUsers(db);
  db.exec(`
  CREATE TABLE IF NOT EXISTS jira_status_categories (id INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, color_name TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_statuses (id TEXT PRIMARY KEY, name TEXT NOT NULL, category_key TEXT NOT NULL, workflows TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_priorities (id TEXT PRIMARY KEY, name TEXT NOT NULL, status_color TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_issue_types (id TEXT PRIMARY KEY, name TEXT NOT NULL, subtask INTEGER NOT NULL, hierarchy_level INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_link_types (id TEXT PRIMARY KEY, name TEXT NOT NULL, inward TEXT NOT NULL, outward TEXT NOT NULL);

  CREATE TABLE IF NOT EXISTS jira_projects (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, lead_account_id TEXT,
    subtasks_enabled INTEGER NOT NULL DEFAULT 1);
  CREATE TABLE IF NOT EXISTS jira_project_browsers (
    project_id INTEGER NOT NULL REFERENCES jira_projects(id) ON DELETE CASCADE, account_id TEXT NOT NULL,
    PRIMARY KEY (project_id, account_id));
  CREATE TABLE IF NOT EXISTS jira_project_roles (
    project_id INTEGER NOT NULL REFERENCES jira_projects(id) ON DELETE CASCADE, role TEXT NOT NULL, account_id TEXT NOT NULL,
    PRIMARY KEY (project_id, role, account_id));
  CREATE TABLE IF NOT EXISTS jira_issues (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, project_id INTEGER NOT NULL REFERENCES jira_projects(id),
    num INTEGER NOT NULL, type_id TEXT NOT NULL, summary TEXT NOT NULL, description TEXT,
    status_id TEXT NOT NULL, priority_id TEXT NOT NULL, assignee TEXT, reporter TEXT, creator TEXT,
    created INTEGER NOT NULL, updated INTEGER NOT NULL, resolved INTEGER, status_changed INTEGER,
    duedate TEXT, labels TEXT NOT NULL DEFAULT '[]', parent_id INTEGER REFERENCES jira_issues(id),
    issue_key TEXT GENERATED ALWAYS AS (key) VIRTUAL,
    project_key TEXT GENERATED ALWAYS AS (substr(key, 1, instr(key, '-') - 1)) VIRTUAL);
  CREATE INDEX IF NOT EXISTS jira_issues_project ON jira_issues(project_id, num);
  CREATE INDEX IF NOT EXISTS jira_issues_parent ON jira_issues(parent_id);
  CREATE TABLE IF NOT EXISTS jira_comments (
    id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL REFERENCES jira_issues(id) ON DELETE CASCADE,
    author TEXT NOT NULL, update_author TEXT NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL,
    visibility_type TEXT, visibility_value TEXT);
  CREATE INDEX IF NOT EXISTS jira_comments_issue ON jira_comments(issue_id, created, id);
  CREATE TABLE IF NOT EXISTS jira_changelogs (
    id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL REFERENCES jira_issues(id) ON DELETE CASCADE,
    author TEXT, created INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS jira_changelogs_issue ON jira_changelogs(issue_id, created, id);
  CREATE TABLE IF NOT EXISTS jira_changelog_items (
    changelog_id INTEGER NOT NULL REFERENCES jira_changelogs(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
    field TEXT NOT NULL, field_id TEXT NOT NULL, fieldtype TEXT NOT NULL,
    from_value TEXT, from_string TEXT, to_value TEXT, to_string TEXT, PRIMARY KEY (changelog_id, seq));
  CREATE TABLE IF NOT EXISTS jira_issue_links (
    id INTEGER PRIMARY KEY, type_id TEXT NOT NULL,
    source_id INTEGER NOT NULL REFERENCES jira_issues(id) ON DELETE CASCADE,
    dest_id INTEGER NOT NULL REFERENCES jira_issues(id) ON DELETE CASCADE);
  CREATE INDEX IF NOT EXISTS jira_issue_links_source ON jira_issue_links(source_id);
  CREATE INDEX IF NOT EXISTS jira_issue_links_dest ON jira_issue_links(dest_id);
  CREATE TABLE IF NOT EXISTS jira_remote_links (
    id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL REFERENCES jira_issues(id) ON DELETE CASCADE,
    global_id TEXT, data TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS jira_remote_links_issue ON jira_remote_links(issue_id, global_id);
  CREATE TABLE IF NOT EXISTS jira_issue_properties (
    issue_id INTEGER NOT NULL REFERENCES jira_issues(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (issue_id, key));
  `);
  seedReferenceData(db);
}

function seedReferenceData(db: Db): void {
  db.transaction(() => {
    const cat = db.prepare('INSERT OR REPLACE INTO jira_status_categories VALUES (?, ?, ?, ?)');
    for (const c of STATUS_CATEGORIES) cat.run(c.id, c.key, c.name, c.colorName);
    const st = db.prepare('INSERT OR REPLACE INTO jira_statuses VALUES (?, ?, ?, ?)');
    for (const s of STATUSES) st.run(s.id, s.name, s.category, s.workflows.join(','));
    const pr = db.prepare('INSERT OR REPLACE INTO jira_priorities VALUES (?, ?, ?)');
    for (const p of PRIORITIES) pr.run(p.id, p.name, p.statusColor);
    const it = db.prepare('INSERT OR REPLACE INTO jira_issue_types VALUES (?, ?, ?, ?)');
    for (const t of ISSUE_TYPES) it.run(t.id, t.name, t.subtask ? 1 : 0, t.hierarchyLevel);
    const lt = db.prepare('INSERT OR REPLACE INTO jira_link_types VALUES (?, ?, ?, ?)');
    for (const l of LINK_TYPES) lt.run(l.id, l.name, l.inward, l.outward);
  })();
}

/** Deletes every project, issue and their dependants; keeps the schema and reference data. */
export function resetJira(db: Db): void {
  db.transaction(() => {
    for (const t of DATA_TABLES) db.prepare(`DELETE FROM ${t}`).run();
  })();
}

/** Next numeric id for a table whose ids start at 10000 (Jira style). */
export function nextId(db: Db, table: string): number {
  const row = db.prepare(`SELECT MAX(id) AS m FROM ${table}`).get() as { m: number | null };
  return row.m === null ? 10000 : row.m + 1;
}
