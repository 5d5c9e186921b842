import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { migrateGroups, seedGroups } from './groups';
import type { SiteUser } from './principal';

/** The site's people, shared by the Jira and Confluence emulators. */
export const SEED_USERS: readonly SiteUser[] = [
  {
    accountId: '712020:4c1d2f6e-maya-okafor',
    email: 'maya@example.com',
    displayName: 'Maya Okafor',
    timeZone: 'Europe/London',
    active: true,
  },
  {
    accountId: '712020:8e3b9a10-daniel-reyes',
    email: 'daniel@example.com',
    displayName: 'Daniel Reyes',
    timeZone: 'America/Chicago',
    active: true,
  },
  {
    accountId: '712020:1f7c4b22-sofia-lindqvist',
    email: 'sofia@example.com',
    displayName: 'Sofia Lindqvist',
    timeZone: 'Europe/Stockholm',
    active: true,
  },
  {
    accountId: '712020:9a2e6d34-tomas-herrera',
    email: 'tomas@example.com',
    displayName: 'Tomás Herrera',
    timeZone: 'America/New_York',
    active: true,
  },
  { accountId: '712020:3d8f1c46-aiko-tanaka', email: 'aiko@example.com', displayName: 'Aiko Tanaka', timeZone: 'Asia/Tokyo', active: true },
  {
    accountId: '712020:6b5a0e58-lena-fischer',
    email: 'lena@example.com',
    displayName: 'Lena Fischer',
    timeZone: 'Europe/Berlin',
    active: true,
  },
];

/** Lena works in marketing: she has no access to the incident project (INC). */
export const NO_INCIDENT_ACCESS_EMAIL = 'lena@example.com';

export function migrateUsers(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS users (
    account_id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
  )`);
  migrateGroups(db);
}

export function seedUsers(db: Db): void {
  const insert = db.prepare('INSERT OR REPLACE INTO users (account_id, email, display_name, time_zone, active) VALUES (?, ?, ?, ?, ?)');
  for (const u of SEED_USERS) insert.run(u.accountId, u.email, u.displayName, u.timeZone, u.active ? 1 : 0);
  // Groups hold people, so they are (re)seeded with them.
  seedGroups(db);
}

interface UserRow {
  account_id: string;
  email: string;
  display_name: string;
  time_zone: string;
  active: number;
}

const toUser = (r: UserRow): SiteUser => ({
  accountId: r.account_id,
  email: r.email,
  displayName: r.display_name,
  timeZone: r.time_zone,
  active: r.active === 1,
});

// Looked up for every author of every comment and change: prepare once per database.
const lookups = new WeakMap<Db, Statement<[string, string]>>();

export function findUser(db: Db, emailOrAccountId: string): SiteUser | undefined {
  let stmt = lookups.get(db);
  if (!stmt) {
    stmt = db.prepare('SELECT * FROM users WHERE account_id = ? OR lower(email) = lower(?)');
    lookups.set(db, stmt);
  }
  const row = stmt.get(emailOrAccountId, emailOrAccountId) as UserRow | undefined;
  return row ? toUser(row) : undefined;
}

export function listUsers(db: Db): SiteUser[] {
  return (db.prepare('SELECT * FROM users ORDER BY display_name').all() as UserRow[]).map(toUser);
}
