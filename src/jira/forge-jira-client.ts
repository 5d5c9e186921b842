import api, { route } from '@forge/api';
import { AppFailure } from '../domain/app-error';
import type { JiraPort } from './jira-port';
import { toIncidentOverview } from './jira-issue-transformer';
import { createJiraRequest, requestJiraJson, upstreamFailure } from './jira-request';
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
      const me = await requestJiraJson<JiraUser>(api.asUser().requestJira, {
        path: route`/rest/api/3/myself`,
        what: 'reading your Jira profile',
      });
      if (!me) throw new AppFailure('FORBIDDEN', 'Sign in to Jira to use Post-incident review.');
      return { accountId: me.accountId, displayName: me.displayName };
    },
    async getIncident(issueKey) {
      // Through the one retrying request path: a 429 or 503 on this first read is retried like any other.
      const what = `reading ${issueKey}`;
      const reply = await createJiraRequest(api.asUser().requestJira)({
        path: route`/rest/api/3/issue/${issueKey}?fields=${OVERVIEW_FIELDS}`,
        what,
      });
      if (reply.status === 404) return null;
      if (reply.status === 401 || reply.status === 403)
        throw new AppFailure('FORBIDDEN', 'You do not have permission to see this incident.');
      if (reply.status < 200 || reply.status >= 300) throw upstreamFailure(reply, what);
      return toIncidentOverview(reply.body as JiraIssue, siteUrl);
    },
  };
}
