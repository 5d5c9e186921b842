import type { IncidentOverview, Person } from '../contract';

/** What the use cases need from Jira, acting as the calling user. */
export interface JiraPort {
  /**
   * The incident as the overview shows it (translated from Jira's JSON in the adapter), or null
   * when it is missing or not visible.
   */
  getIncident(issueKey: string): Promise<IncidentOverview | null>;
  /** The calling user as Jira names them. */
  myself(): Promise<Person>;
  /** The site's base URL, for links back to issues. */
  siteUrl(): string;
}
