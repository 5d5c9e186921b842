/**
 * The obvious way to pull a timeline, kept as the benchmark's baseline: GET the incident, then
 * for it and each linked issue / sub-task in turn, GET the issue, every comment page, every
 * changelog page (GET /issue/{key}/changelog) and its remote links, one request at a time.
 * It maps with the same pure functions as the real fetcher, so the two results can be compared.
 */
import { route } from '@forge/api';
import type { IncidentSources, SourceChange, SourceComment, SourceIssue, SourceRemoteLink } from '../src/domain/sources';
import { requestJiraJson, type RequestJira } from '../src/jira/jira-request';
import {
  relatedRefsOf,
  sortChanges,
  sortComments,
  toSourceChanges,
  toSourceComment,
  toSourceIssue,
  toSourceRemoteLink,
} from '../src/jira/jira-timeline-transformer';
import type { JiraCommentPage, JiraHistory, JiraRemoteLink, JiraTimelineIssue } from '../src/jira/jira-timeline-types';

const FIELDS = 'summary,status,issuetype,priority,assignee,reporter,created,resolutiondate,issuelinks,subtasks';

interface ChangelogPage {
  startAt: number;
  maxResults: number;
  total: number;
  isLast?: boolean;
  values: JiraHistory[];
}

export async function naiveIncidentSources(
  issueKey: string,
  deps: { requestJira: RequestJira; siteUrl: string; now: () => Date },
): Promise<IncidentSources | null> {
  const get = <T>(path: ReturnType<typeof route>) => requestJiraJson<T>(deps.requestJira, { path, what: 'the naive pull' });
  const incident = await get<JiraTimelineIssue>(route`/rest/api/3/issue/${issueKey}?fields=${FIELDS}`);
  if (!incident) return null;

  const related: SourceIssue[] = [];
  const comments: SourceComment[] = [];
  const changes: SourceChange[] = [];
  const remoteLinks: SourceRemoteLink[] = [];
  const issues = [{ key: incident.key, relation: 'incident' }, ...relatedRefsOf(incident)];
  for (const { key, relation } of issues) {
    const issue = key === incident.key ? incident : await get<JiraTimelineIssue>(route`/rest/api/3/issue/${key}?fields=${FIELDS}`);
    if (!issue) continue;
    if (key !== incident.key) related.push(toSourceIssue(issue, relation, deps.siteUrl));

    for (let startAt = 0; ;) {
      const page = await get<JiraCommentPage>(route`/rest/api/3/issue/${key}/comment?startAt=${startAt}&maxResults=100`);
      if (!page || page.comments.length === 0) break;
      comments.push(...page.comments.map((c) => toSourceComment(key, c, deps.siteUrl)));
      startAt += page.comments.length;
      if (startAt >= page.total) break;
    }
    for (let startAt = 0; ;) {
      const page = await get<ChangelogPage>(route`/rest/api/3/issue/${key}/changelog?startAt=${startAt}&maxResults=100`);
      if (!page || page.values.length === 0) break;
      changes.push(...page.values.flatMap((h) => toSourceChanges(key, h)));
      startAt += page.values.length;
      if (page.isLast ?? startAt >= page.total) break;
    }
    const links = await get<JiraRemoteLink[]>(route`/rest/api/3/issue/${key}/remotelink`);
    remoteLinks.push(...(links ?? []).flatMap((l) => toSourceRemoteLink(key, l) ?? []));
  }

  return {
    incident: toSourceIssue(incident, 'incident', deps.siteUrl),
    related,
    comments: sortComments(comments),
    changes: sortChanges(changes),
    remoteLinks,
    pulledAt: deps.now().toISOString(),
  };
}
