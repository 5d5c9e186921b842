import api, { route } from '@forge/api';
import { AppFailure } from '../domain/app-error';
import type { JiraPort } from './jira-port';
import { requestJiraJson } from './jira-request';
import type { JiraIssue, JiraUser } from './jira-types';

const OVERVIEW_FIELDS = 'summary,status,issuetype,priority,assignee,reporter,created,resolutiondate,issuelinks';

/**
 * Jira through @forge/api as the user, so Jira's own permissions decide what the caller sees
 * (a user who may not browse the project gets 404, which we report as NOT_FOUND).
 */
export function createForgeJiraClient(siteUrl: string): JiraPort {
  return {
    siteUrl: () => siteUrl,
    async myself() {
      const me = await requestJiraJson<JiraUser>(api.asUser().requestJira, { path: route`/rest/api/3/myself`, what: 'reading your Jira profile' });
      if (!me) throw new AppFailure('FORBIDDEN', 'Sign in to Jira to use Post-incident review.');
      return { accountId: me.accountId, displayName: me.displayName };
    },
    async getIncident(issueKey) {
      const res = await api.asUser().requestJira(route`/rest/api/3/issue/${issueKey}?fields=${OVERVIEW_FIELDS}`, {
        headers: { Accept: 'application/json' },
      });
      if (res.status === 404) return null;
      if (res.status === 401 || res.status === 403) throw new AppFailure('FORBIDDEN', 'You do not have permission to see this incident.');
      if (!res.ok) throw new AppFailure('UPSTREAM', `Jira answered ${res.status} while reading ${issueKey}. Try again in a moment.`);
      return (await res.json()) as JiraIssue;
    },
  };
}
