import type { Db } from '../db';
import { findUser } from '../users';
import { APP_USER } from './catalog';

/** Jira user objects (UserDetails / User) for account ids of the site. */
export interface UserBean {
  self: string;
  accountId: string;
  emailAddress?: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  accountType: 'atlassian' | 'app';
  avatarUrls: Record<'16x16' | '24x24' | '32x32' | '48x48', string>;
}

function avatarUrls(base: string, accountId: string): UserBean['avatarUrls'] {
  const at = (size: number) => `${base}/avatars/user/${encodeURIComponent(accountId)}.png?size=${size}`;
  return { '48x48': at(48), '24x24': at(24), '16x16': at(16), '32x32': at(32) };
}

export function userBean(db: Db, base: string, accountId: string): UserBean {
  const self = `${base}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`;
  if (accountId === APP_USER.accountId) {
    return {
      self,
      accountId,
      displayName: APP_USER.displayName,
      active: true,
      timeZone: APP_USER.timeZone,
      accountType: 'app',
      avatarUrls: avatarUrls(base, accountId),
    };
  }
  const u = findUser(db, accountId);
  return {
    self,
    accountId,
    emailAddress: u?.email,
    displayName: u?.displayName ?? 'Former user',
    active: u?.active ?? false,
    timeZone: u?.timeZone ?? 'UTC',
    accountType: 'atlassian',
    avatarUrls: avatarUrls(base, accountId),
  };
}

export function nullableUser(db: Db, base: string, accountId: string | null): UserBean | null {
  return accountId ? userBean(db, base, accountId) : null;
}

export function displayNameOf(db: Db, accountId: string | null): string | null {
  if (!accountId) return null;
  if (accountId === APP_USER.accountId) return APP_USER.displayName;
  return findUser(db, accountId)?.displayName ?? accountId;
}
