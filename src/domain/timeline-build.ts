import type { TimelineEntry } from '../contract';
import { adfToText } from './adf-text';
import { boundedText } from './entry-text';
import { changeIds, readChange } from './change-entry';
import type { IncidentSources, SourceChange, SourceComment, SourceIssue, SourceRemoteLink } from './sources';
import { sortEntries } from './timeline-order';

/** An entry as pulled from Jira (or typed in, for manual ones), before the facilitator's annotations. */
export type PulledEntry = Omit<TimelineEntry, 'annotation'>;

/**
 * One timeline entry per thing that happened in Jira around the incident: each issue's
 * creation, each comment, each changelog item and each remote link, sorted by (time, id).
 * Ids are stable across pulls (`created:<issueKey>`, `comment:<commentId>`,
 * `change:<historyId>:<field>`, `remotelink:<issueKey>:<linkId>`), which is what lets a re-pull
 * keep annotations (see timeline-merge.ts).
 */
export function buildEntries(sources: IncidentSources): PulledEntry[] {
  const issues = new Map([sources.incident, ...sources.related].map((i) => [i.key, i]));
  const origin = (issueKey: string) => {
    const issue = issues.get(issueKey);
    return issue ? { issueKey, relation: issue.relation, url: issue.url } : { issueKey, relation: 'related' };
  };
  const ids = changeIds(sources.changes);
  return sortEntries([
    ...[...issues.values()].map((issue) => createdEntry(issue, issue.key === sources.incident.key)),
    ...sources.comments.map((c) => commentEntry(c, origin(c.issueKey))),
    ...sources.changes.map((c, i): PulledEntry => ({
      id: ids[i],
      at: c.at,
      ...readChange(c),
      ...origin(c.issueKey),
      actor: c.author,
      from: c.from,
      to: c.to,
    })),
    ...sources.remoteLinks.map((link) =>
      remoteLinkEntry(link, sources.changes, issues.get(link.issueKey)?.created ?? sources.pulledAt, origin(link.issueKey)),
    ),
  ]);
}

/** One comment as a timeline entry (its text bounded, see entry-text.ts). */
export function commentEntry(c: SourceComment, origin: Pick<PulledEntry, 'issueKey' | 'relation'>): PulledEntry {
  return {
    id: `comment:${c.id}`,
    at: c.created,
    source: 'comment',
    issueKey: origin.issueKey,
    relation: origin.relation,
    actor: c.author,
    ...boundedText(adfToText(c.body)),
    url: c.url,
    restricted: c.restricted,
    ...(c.restricted && c.restriction && { restriction: c.restriction }),
  };
}

function createdEntry(issue: SourceIssue, isIncident: boolean): PulledEntry {
  return {
    id: `created:${issue.key}`,
    at: issue.created,
    source: 'created',
    issueKey: issue.key,
    relation: issue.relation,
    actor: issue.reporter,
    text: isIncident ? `Created ${issue.issueType} ${issue.key}: ${issue.summary}` : `${issue.key} created: ${issue.summary}`,
    url: issue.url,
  };
}

/**
 * Jira gives remote links no time. A link is placed at the latest RemoteIssueLink changelog item
 * of its issue that added it (the item's `toId` is the link id, or its text names the link's
 * URL), with that item's author; failing that, at its issue's creation time with no actor.
 * A link whose issue is unknown (not in the pull) falls back to the pull time.
 */
function remoteLinkEntry(
  link: SourceRemoteLink,
  changes: readonly SourceChange[],
  fallbackAt: string,
  origin: Pick<PulledEntry, 'issueKey' | 'relation' | 'url'>,
): PulledEntry {
  const added = changes
    .filter((c) => c.issueKey === link.issueKey && c.field === 'RemoteIssueLink')
    .filter((c) => c.toId === link.id || (c.to?.includes(link.url) ?? false))
    .reduce<SourceChange | undefined>((latest, c) => (!latest || Date.parse(c.at) >= Date.parse(latest.at) ? c : latest), undefined);
  return {
    id: `remotelink:${link.issueKey}:${link.id}`,
    at: added?.at ?? fallbackAt,
    source: 'remote-link',
    ...origin,
    actor: added?.author ?? null,
    text: link.title === link.url ? `Remote link: ${link.url}` : `Remote link: ${link.title}`,
    url: link.url,
  };
}
