import type { CommentRestriction } from '../contract';
import type { SourceChange, SourceComment, SourceIssue, SourceRemoteLink } from '../domain/sources';
import { issueUrl, toInstant, toPerson, toStatus } from './jira-issue-transformer';
import type { JiraChangeItem, JiraComment, JiraHistory, JiraRemoteLink, JiraTimelineIssue } from './jira-timeline-types';

/** Pure mappings from the timeline's Jira JSON to the domain's source types (src/domain/sources.ts). */

/** An issue around the incident, known from the incident's own JSON before it is fetched. */
export interface RelatedRef {
  id: string;
  key: string;
  /** From the incident's side: 'sub-task' or the link wording; several links to one issue are joined with ", ". */
  relation: string;
}

/**
 * The linked issues (either direction, any link type) and sub-tasks of the incident, in Jira's
 * order, one per key. A link holding `outwardIssue` reads "incident <type.outward> other"
 * (INC-1 blocks SUP-2), one holding `inwardIssue` reads "incident <type.inward> other"
 * (INC-1 is caused by OPS-1).
 */
export function relatedRefsOf(incident: JiraTimelineIssue): RelatedRef[] {
  const byKey = new Map<string, { id: string; key: string; relations: string[] }>();
  const add = (id: string, key: string, relation: string) => {
    if (key === incident.key) return;
    const entry = byKey.get(key) ?? { id, key, relations: [] };
    if (!entry.relations.includes(relation)) entry.relations.push(relation);
    byKey.set(key, entry);
  };
  for (const link of incident.fields.issuelinks ?? []) {
    if (link.outwardIssue) add(link.outwardIssue.id, link.outwardIssue.key, link.type.outward);
    else if (link.inwardIssue) add(link.inwardIssue.id, link.inwardIssue.key, link.type.inward);
  }
  for (const sub of incident.fields.subtasks ?? []) add(sub.id, sub.key, 'sub-task');
  return [...byKey.values()].map(({ id, key, relations }) => ({ id, key, relation: relations.join(', ') }));
}

const JIRA_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?(?:Z|([+-])(\d\d):?(\d\d))$/;

/**
 * Jira's `2026-10-14T19:42:11.000+0000` as an ISO UTC instant; the same answer as `toInstant`,
 * about three times faster, which counts for the ~20,000 times of a large incident. Anything
 * else (or an impossible date) goes through `toInstant`, which throws for what it cannot read.
 */
export function jiraInstant(value: string): string {
  const m = JIRA_TIME.exec(value);
  if (!m) return toInstant(value);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, m[7] ? Number(m[7].padEnd(3, '0')) : 0);
  const d = new Date(local);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return toInstant(value);
  }
  const offsetMinutes = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

export function toSourceIssue(issue: JiraTimelineIssue, relation: string, siteUrl: string): SourceIssue {
  const f = issue.fields;
  return {
    key: issue.key,
    id: issue.id,
    summary: f.summary,
    issueType: f.issuetype.name,
    status: toStatus(f.status),
    priority: f.priority?.name ?? null,
    created: jiraInstant(f.created),
    resolved: f.resolutiondate ? jiraInstant(f.resolutiondate) : null,
    reporter: toPerson(f.reporter),
    assignee: toPerson(f.assignee),
    relation,
    url: issueUrl(siteUrl, issue.key),
  };
}

/** Jira's comment permalink: the issue view scrolled to the comment. */
export function commentUrl(siteUrl: string, issueKey: string, commentId: string): string {
  return `${issueUrl(siteUrl, issueKey)}?focusedCommentId=${encodeURIComponent(commentId)}`;
}

export function toSourceComment(issueKey: string, c: JiraComment, siteUrl: string): SourceComment {
  const created = jiraInstant(c.created);
  return {
    id: c.id,
    issueKey,
    author: toPerson(c.author),
    created,
    updated: !c.updated || c.updated === c.created ? created : jiraInstant(c.updated),
    body: c.body ?? null,
    restricted: Boolean(c.visibility?.type),
    restriction: restrictionOf(c.visibility),
    url: commentUrl(siteUrl, issueKey, c.id),
  };
}

/** `visibility` names a role by `value`, a group by `value` (its mutable name) or `identifier` (its id). */
function restrictionOf(v: JiraComment['visibility']): CommentRestriction | null {
  if (v?.type !== 'role' && v?.type !== 'group') return null;
  const name = v.value ?? v.identifier;
  return name ? { type: v.type, name } : null;
}

/**
 * Changelog times: the bulk fetch sends epoch milliseconds (a number, sometimes a numeric
 * string), GET /issue/{key}/changelog Jira's `2026-10-14T19:42:11.000+0000`.
 */
export function changelogInstant(created: string | number): string {
  if (typeof created === 'number' || /^\d+$/.test(created)) {
    const d = new Date(Number(created));
    if (Number.isNaN(d.getTime())) throw new RangeError(`Not a Jira timestamp: ${created}`);
    return d.toISOString();
  }
  return jiraInstant(created);
}

/** Some servers send `toString: ''` for "no value": the domain sees null for both. */
const display = (s: string | null | undefined): string | null => (s === undefined || s === null || s === '' ? null : s);

/** One SourceChange per changed field of the history. */
export function toSourceChanges(issueKey: string, h: JiraHistory): SourceChange[] {
  const at = changelogInstant(h.created);
  const author = toPerson(h.author);
  return h.items.map((it: JiraChangeItem) => ({
    historyId: String(h.id),
    issueKey,
    author,
    at,
    field: it.field,
    from: display(it.fromString),
    to: display(it.toString),
    fromId: display(it.from),
    toId: display(it.to),
  }));
}

/** A remote link without a URL cannot be shown as a link: null. */
export function toSourceRemoteLink(issueKey: string, l: JiraRemoteLink): SourceRemoteLink | null {
  const url = l.object?.url;
  if (!url) return null;
  return { id: String(l.id), issueKey, title: l.object?.title || url, url, globalId: l.globalId ?? null };
}

export interface CommentPageRequest {
  startAt: number;
  maxResults: number;
}

/** Largest page GET /issue/{key}/comment returns. */
export const COMMENT_PAGE_SIZE = 100;

/**
 * The pages to ask for when `fields.comment` holds `have` of `total` comments. Jira Cloud embeds
 * the newest comments (while reporting `startAt: 0`), so the missing ones are the oldest
 * `total - have`: positions [0, total - have) in created order. None when the page is complete.
 */
export function missingCommentPages(total: number, have: number, pageSize = COMMENT_PAGE_SIZE): CommentPageRequest[] {
  return pagesCovering(0, Math.max(0, total - have), pageSize);
}

/** Every page of [0, total): the fallback when the embedded page was not the newest comments. */
export function allCommentPages(total: number, pageSize = COMMENT_PAGE_SIZE): CommentPageRequest[] {
  return pagesCovering(0, total, pageSize);
}

function pagesCovering(from: number, to: number, pageSize: number): CommentPageRequest[] {
  const pages: CommentPageRequest[] = [];
  for (let startAt = from; startAt < to; startAt += pageSize) pages.push({ startAt, maxResults: Math.min(pageSize, to - startAt) });
  return pages;
}

/** Code-unit order: ISO UTC instants of one format sort as strings, and it is locale-free (and fast). */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ids are numeric strings in Jira: compare them as numbers when they are, so 10010 follows 9999. */
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : compareStrings(a, b);
}

/** Oldest first, then by issue and id: the same order whatever order the concurrent requests finished in. */
export function sortComments(comments: readonly SourceComment[]): SourceComment[] {
  return [...comments].sort(
    (a, b) => compareStrings(a.created, b.created) || compareStrings(a.issueKey, b.issueKey) || compareIds(a.id, b.id),
  );
}

export function sortChanges(changes: readonly SourceChange[]): SourceChange[] {
  // Stable sort: items of one history keep Jira's item order.
  return [...changes].sort(
    (a, b) => compareStrings(a.at, b.at) || compareStrings(a.issueKey, b.issueKey) || compareIds(a.historyId, b.historyId),
  );
}
