import api, { route } from '@forge/api';
import type { Person } from '../contract';
import { requestJiraJson } from './jira-request';

interface JiraUserJson {
  accountId: string;
  displayName?: string;
  active?: boolean;
  accountType?: string;
}

/** Maps Jira's user list to people the review can name: active humans only, apps left out. */
export function toPeople(users: readonly JiraUserJson[]): Person[] {
  return users
    .filter((u) => u.active !== false && (u.accountType ?? 'atlassian') === 'atlassian')
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));
}

/** People who can be assigned in the incident's project (so they can own its sub-tasks), as the caller sees them. */
export async function searchAssignableUsers(issueKey: string, query: string): Promise<Person[]> {
  const users = await requestJiraJson<JiraUserJson[]>(api.asUser().requestJira, {
    path: route`/rest/api/3/user/assignable/search?issueKey=${issueKey}&query=${query}&maxResults=20`,
    what: `searching people for ${issueKey}`,
  });
  return toPeople(users ?? []);
}
