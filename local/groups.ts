import type { Db } from './db';
import type { Principal } from './principal';

/**
 * Site groups (Atlassian groups are site-wide, not per project): Jira comment visibility of
 * `type: 'group'` checks membership here, by the group's name or its `groupId` (the
 * `identifier` Jira returns, since a group's name may change).
 */
export interface SiteGroup {
  groupId: string;
  name: string;
  /** Member emails. */
  members: readonly string[];
}

/**
 * The people who respond to incidents out of hours. Deliberately unlike the INC `Developers`
 * role (Daniel is a developer but not a responder) so tests can tell a group from a role;
 * Sofia (support) and Lena (marketing) are in neither.
 */
export const INCIDENT_RESPONDERS: SiteGroup = {
  groupId: '5f2c9e1a-7b3d-4e8f-a6c1-0d9b8e7f6a51',
  name: 'incident-responders',
  members: ['maya@example.com', 'tomas@example.com', 'aiko@example.com'],
};

/**
 * Jira administrators: the group a site's Jira admin role grants the ADMINISTER global permission
 * (what /mypermissions answers for it). Maya runs the incident process and administers Jira.
 */
export const JIRA_ADMINS: SiteGroup = {
  groupId: '8d41c7b2-3e5f-4a96-b0d8-2c7e9f1a6b34',
  name: 'jira-admins',
  members: ['maya@example.com'],
};

export const SEED_GROUPS: readonly SiteGroup[] = [INCIDENT_RESPONDERS, JIRA_ADMINS];

export function migrateGroups(db: Db): void {
  db.exec(`
  CREATE TABLE IF NOT EXISTS site_groups (group_id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);
  CREATE TABLE IF NOT EXISTS site_group_members (
    group_id TEXT NOT NULL REFERENCES site_groups(group_id) ON DELETE CASCADE, account_id TEXT NOT NULL,
    PRIMARY KEY (group_id, account_id));
  `);
}

/** Replaces the groups with the seeded ones; members are resolved by email, so seed the users first. */
export function seedGroups(db: Db): void {
  db.transaction(() => {
    db.prepare('DELETE FROM site_groups').run();
    const insert = db.prepare('INSERT INTO site_groups (group_id, name) VALUES (?, ?)');
    const member = db.prepare(`INSERT INTO site_group_members (group_id, account_id)
      SELECT ?, account_id FROM users WHERE lower(email) = lower(?)`);
    for (const g of SEED_GROUPS) {
      insert.run(g.groupId, g.name);
      for (const email of g.members) {
        if (member.run(g.groupId, email).changes !== 1) throw new Error(`Group ${g.name} names unknown user ${email}`);
      }
    }
  })();
}

export interface GroupRow {
  group_id: string;
  name: string;
}

/** A group by name (case-insensitive, as Jira matches group names) or by groupId. */
export function findGroup(db: Db, nameOrId: string): GroupRow | undefined {
  return db.prepare('SELECT group_id, name FROM site_groups WHERE name = ? OR group_id = ?').get(nameOrId, nameOrId) as
    GroupRow | undefined;
}

export function isGroupMember(db: Db, groupId: string, accountId: string): boolean {
  return db.prepare('SELECT 1 FROM site_group_members WHERE group_id = ? AND account_id = ?').get(groupId, accountId) !== undefined;
}

/** Jira's ADMINISTER global permission: members of the admin group; never the app itself. */
export function isJiraAdmin(db: Db, principal: Principal): boolean {
  return principal.kind === 'user' && isGroupMember(db, JIRA_ADMINS.groupId, principal.accountId);
}
