import type { IncidentOverview } from '../contract';
import { AppFailure } from '../domain/app-error';
import type { JiraPort } from '../jira/jira-port';
import { toIncidentOverview } from '../jira/jira-issue-transformer';

export async function getIncidentOverview(jira: JiraPort, issueKey: string): Promise<IncidentOverview> {
  const issue = await jira.getIncident(issueKey);
  // Same answer for "missing" and "not yours to see", as Jira gives: nothing leaks either way.
  if (!issue) throw new AppFailure('NOT_FOUND', "This incident doesn't exist or you don't have permission to see it.");
  return toIncidentOverview(issue, jira.siteUrl());
}
