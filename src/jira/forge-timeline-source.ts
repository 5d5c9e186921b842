import api from '@forge/api';
import type { IncidentSources } from '../domain/sources';
import { fetchIncidentSources } from './timeline-fetcher';

/** The timeline's Jira reads, as the calling user so Jira decides what they may see. */
export function createForgeTimelineSource(siteUrl: string): (issueKey: string) => Promise<IncidentSources | null> {
  return (issueKey) => fetchIncidentSources(issueKey, { requestJira: api.asUser().requestJira, siteUrl, now: () => new Date() });
}
