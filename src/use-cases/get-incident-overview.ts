import type { IncidentOverview } from '../contract';
import { AppFailure } from '../domain/app-error';
import type { JiraPort } from '../jira/jira-port';

export async function getIncidentOverview(jira: JiraPort, issueKey: string): Promise<IncidentOverview> {
  const incident = await jira.getIncident(issueKey);
  // Same answer for "missing" and "not yours to see", as Jira gives: nothing leaks either way.
  if (!incident) throw new AppFailure('NOT_FOUND', "This incident doesn't exist or you don't have permission to see it.");
  return incident;
}
