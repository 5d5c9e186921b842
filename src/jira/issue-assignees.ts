import api, { route } from '@forge/api';
import type { Person } from '../contract';
import { defaultRetryClock } from '../http/retrying-request';
import { createJiraRequest, upstreamFailure, type RequestJira } from './jira-request';
import { toPerson } from './jira-issue-transformer';
import type { JiraUser } from './jira-types';

/** Who is assigned the given issues now, asked of Jira as the caller (issues they cannot see are left out). */
export interface IssueAssigneesPort {
  assigneesOf(issueKeys: readonly string[]): Promise<Person[]>;
}

/** POST /issue/bulkfetch takes at most 100 keys. */
const BULK_ISSUES = 100;

interface BulkFetchReply {
  issues?: { key: string; fields?: { assignee?: JiraUser | null } }[];
}

export function createIssueAssignees(requestJira: RequestJira = api.asUser().requestJira): IssueAssigneesPort {
  const send = createJiraRequest(requestJira, defaultRetryClock());
  return {
    async assigneesOf(issueKeys) {
      const keys = [...new Set(issueKeys)];
      const people: Person[] = [];
      for (let i = 0; i < keys.length; i += BULK_ISSUES) {
        const reply = await send({
          path: route`/rest/api/3/issue/bulkfetch`,
          body: { issueIdsOrKeys: keys.slice(i, i + BULK_ISSUES), fields: ['assignee'] },
          idempotent: true,
          what: "reading who is assigned the incident's tickets",
        });
        if (reply.status !== 200) throw upstreamFailure(reply, "reading who is assigned the incident's tickets");
        for (const issue of (reply.body as BulkFetchReply).issues ?? []) {
          const person = toPerson(issue.fields?.assignee);
          if (person) people.push(person);
        }
      }
      return people;
    },
  };
}
