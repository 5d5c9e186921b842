import type { Person } from '../contract';
import type { JiraIssue } from './jira-types';

/** What the use cases need from Jira, acting as the calling user. */
export interface JiraPort {
  /** The issue with the fields the overview shows, or null when it is missing or not visible. */
  getIncident(issueKey: string): Promise<JiraIssue | null>;
  /** The calling user as Jira names them. */
  myself(): Promise<Person>;
  /** The site's base URL, for links back to issues. */
  siteUrl(): string;
}
