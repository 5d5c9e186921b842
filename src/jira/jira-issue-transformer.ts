import { isValid, parseISO } from 'date-fns';
import type { IncidentOverview, IssueStatus, LinkedIssue, Person, StatusCategory } from '../contract';
import { severityFor } from '../domain/severity';
import type { JiraIssue, JiraStatus, JiraUser } from './jira-types';

export function toStatus(s: JiraStatus): IssueStatus {
  const key = s.statusCategory.key;
  const category: StatusCategory = key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new';
  return { name: s.name, category };
}

export function toPerson(u: JiraUser | null | undefined): Person | null {
  return u ? { accountId: u.accountId, displayName: u.displayName } : null;
}

/** Jira writes `2026-10-14T19:42:11.000+0000`; the app passes instants around as ISO-8601 UTC. */
export function toInstant(jiraTime: string): string {
  const d = parseISO(jiraTime);
  if (!isValid(d)) throw new RangeError(`Not a Jira timestamp: ${jiraTime}`);
  return d.toISOString();
}

export function issueUrl(siteUrl: string, key: string): string {
  return `${siteUrl.replace(/\/$/, '')}/browse/${encodeURIComponent(key)}`;
}

/** Maps Jira's issue JSON to the panel's overview; link wording is from the incident's side. */
export function toIncidentOverview(issue: JiraIssue, siteUrl: string): IncidentOverview {
  const f = issue.fields;
  const priority = f.priority?.name ?? null;
  const linkedIssues: LinkedIssue[] = (f.issuelinks ?? []).flatMap((link) => {
    const other = link.outwardIssue ?? link.inwardIssue;
    if (!other) return [];
    return [
      {
        key: other.key,
        summary: other.fields.summary,
        issueType: other.fields.issuetype.name,
        status: toStatus(other.fields.status),
        relation: link.outwardIssue ? link.type.outward : link.type.inward,
        url: issueUrl(siteUrl, other.key),
      },
    ];
  });
  return {
    key: issue.key,
    summary: f.summary,
    url: issueUrl(siteUrl, issue.key),
    issueType: f.issuetype.name,
    status: toStatus(f.status),
    priority,
    severity: severityFor(priority),
    assignee: toPerson(f.assignee),
    reporter: toPerson(f.reporter),
    created: toInstant(f.created),
    resolved: f.resolutiondate ? toInstant(f.resolutiondate) : null,
    linkedIssues,
  };
}
