import { route } from '@forge/api';
import type { IncidentSources, SourceChange, SourceComment, SourceRemoteLink } from '../domain/sources';
import { createBoundedPool, type Pace } from '../http/bounded-pool';
import { requestJiraJson, type JiraCall, type RequestJira } from './jira-request';
import { defaultRetryClock, type RetryClock } from '../http/retrying-request';
import {
  allCommentPages,
  missingCommentPages,
  relatedRefsOf,
  sortChanges,
  sortComments,
  toSourceChanges,
  toSourceComment,
  toSourceIssue,
  toSourceRemoteLink,
  type CommentPageRequest,
  type RelatedRef,
} from './jira-timeline-transformer';
import type {
  JiraBulkChangelogResponse,
  JiraBulkFetchResponse,
  JiraComment,
  JiraCommentPage,
  JiraHistory,
  JiraRemoteLink,
  JiraTimelineIssue,
} from './jira-timeline-types';

export interface TimelineFetchDeps {
  /** `api.asUser().requestJira`: every read is as the caller, so Jira hides what they may not see. */
  requestJira: RequestJira;
  /** The site's base URL, for links back to issues and comments. */
  siteUrl: string;
  now: () => Date;
  /** Requests in flight at once; DEFAULT_CONCURRENCY when left out. */
  concurrency?: number;
  /** The retry budget of the invocation (retrying-request.ts); the default clock when left out. */
  retry?: RetryClock;
  /** Request starts per window; PULL_PACE when left out. */
  pace?: Pace;
}

/**
 * At most 16 requests in flight. Jira Cloud's burst limits are token buckets per tenant, per
 * endpoint and per HTTP method (`RateLimit-Reason: jira-burst-based`) that tolerate short
 * bursts; Atlassian publishes no figures. A pull is a one-off burst of 1 + ⌈n/100⌉ + 1 + c + r
 * requests (n related issues, c of them with more comments than Jira embeds, r sub-tasks) over
 * five endpoints, and the only fan-out is the comment pages, one endpoint: 16 at once keeps that
 * burst small while letting the 60 comment pages of the large incident finish in four waves, so
 * the whole pull stays within six sequential rounds (bench/RESULTS.md). A 429 is still possible
 * on a busy tenant: `requestJiraJson` retries it honouring Retry-After (every read here is
 * idempotent, the two bulk-fetch POSTs included).
 */
export const DEFAULT_CONCURRENCY = 16;

/**
 * And at most 90 request starts in any second: Jira's burst limit is about 100 requests a second
 * per site (shared with everyone else on it), so a pull of any size paces itself under it. The
 * large incident's pull (65 requests) never meets the pace; four times that does, and waits.
 */
export const PULL_PACE = { max: 90, windowMs: 1000 } as const;

const INCIDENT_FIELDS = 'summary,status,issuetype,priority,assignee,reporter,created,resolutiondate,issuelinks,subtasks,comment';
const RELATED_FIELDS = ['summary', 'status', 'issuetype', 'priority', 'assignee', 'reporter', 'created', 'resolutiondate', 'comment'];
/** POST /issue/bulkfetch takes up to 100 keys. */
const BULK_ISSUES = 100;
/** POST /changelog/bulkfetch takes up to 1000 issues... */
const BULK_CHANGELOG_ISSUES = 1000;
/** ...and pages of up to 10,000 histories (the default, 1000, would take 8 sequential pages for the large incident). */
const CHANGELOG_PAGE = 10_000;
/** A guard against a server that keeps answering with a token: far beyond any real incident. */
const MAX_CHANGELOG_PAGES = 200;

/**
 * Everything an incident's timeline needs from Jira, read as the caller, in the fewest sequential
 * rounds; null when the incident is missing or not visible to the caller (Jira's 404).
 *
 * Round trip plan (each round starts when what it needs has arrived; all requests share one
 * bounded pool):
 * 1. GET /issue/{key} with issuelinks, subtasks and the embedded comment page, and, at the same
 *    time, GET /issue/{key}/remotelink of the incident (needs nothing but the key).
 * 2. From the links and sub-tasks now known: POST /issue/bulkfetch (≤100 keys a call) with the
 *    embedded comment pages; POST /changelog/bulkfetch for the incident and all related issues
 *    (one token chain per 1000 issues); the incident's missing comment pages; remote links of
 *    the sub-tasks.
 *    A changelog page cut short by the server is followed by its token within this round.
 * 3. For each related issue whose embedded comment page is incomplete (`total` larger than what
 *    came back): the missing pages of GET /issue/{key}/comment (offset paging, so no page waits
 *    for another), in waves of 16: ⌈pages / 16⌉ rounds, four for the large incident.
 *
 * Remote links are read for the incident and its sub-tasks only. Jira has no bulk read for them
 * (no issue field, no bulk endpoint), so each issue costs one request: for the large incident,
 * links on all 60 linked issues would double the fan-out of round 3 and add about four rounds,
 * past the six-round target. The incident's and sub-tasks' links are the response's own
 * artefacts (status page, chat thread, dashboards); linked issues belong to other teams, and the
 * moment a link was added to one of them is still on the timeline through its changelog
 * (`RemoteIssueLink` items).
 */
export async function fetchIncidentSources(issueKey: string, deps: TimelineFetchDeps): Promise<IncidentSources | null> {
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  const pool = createBoundedPool(concurrency, deps.pace ?? PULL_PACE);
  const retry = deps.retry ?? defaultRetryClock();
  const send = <T>(call: JiraCall): Promise<T | null> => pool.run(() => requestJiraJson<T>(deps.requestJira, call, retry));
  const { siteUrl } = deps;

  const remoteLinksOf = async (key: string): Promise<SourceRemoteLink[]> => {
    const links = await send<JiraRemoteLink[]>({
      path: route`/rest/api/3/issue/${key}/remotelink`,
      what: `reading the remote links of ${key}`,
    });
    return (links ?? []).flatMap((l) => toSourceRemoteLink(key, l) ?? []);
  };

  /**
   * GET /issue/{key}/comment pages in waves of at most `concurrency`, each wave after the previous
   * one completed: the pages need nothing from one another, so a wave is one round trip and the
   * fan-out costs exactly ⌈pages / concurrency⌉ rounds. A continuous pool would let a page of a
   * later wave start while its wave-mates still run and end up as one more link in the chain.
   */
  const commentPages = async (requests: { key: string; page: CommentPageRequest }[]) => {
    const out: { key: string; page: JiraCommentPage | null }[] = [];
    for (const wave of chunk(requests, concurrency)) {
      const answers = await Promise.all(
        wave.map(async ({ key, page }) => ({
          key,
          page: await send<JiraCommentPage>({
            path: route`/rest/api/3/issue/${key}/comment?startAt=${page.startAt}&maxResults=${page.maxResults}&orderBy=created`,
            what: `reading the comments of ${key}`,
          }),
        })),
      );
      out.push(...answers);
    }
    return out;
  };

  /** The issues' comments: each embedded page, completed from GET /issue/{key}/comment only where it is short. */
  const commentsOf = async (issues: { key: string; embedded: JiraCommentPage | undefined }[]): Promise<SourceComment[]> => {
    const state = new Map(
      issues.map(({ key, embedded }) => {
        const byId = new Map<string, JiraComment>((embedded?.comments ?? []).map((c) => [c.id, c]));
        return [key, { byId, have: byId.size, total: embedded?.total ?? 0 }];
      }),
    );
    const take = (answers: { key: string; page: JiraCommentPage | null }[]) => {
      for (const { key, page } of answers) {
        const s = state.get(key);
        if (!s || !page) continue; // the issue went away during the pull: keep what we have
        s.total = page.total;
        for (const c of page.comments) s.byId.set(c.id, c);
      }
    };
    take(await commentPages([...state].flatMap(([key, s]) => missingCommentPages(s.total, s.have).map((page) => ({ key, page })))));
    // An embedded page that was not the newest comments after all: read the other end once.
    // Comments added during the pull may still be missing; the next refresh picks them up.
    const rest = [...state].flatMap(([key, s]) =>
      s.byId.size < s.total
        ? allCommentPages(s.total)
            .filter((p) => p.startAt + p.maxResults > s.have)
            .map((page) => ({ key, page }))
        : [],
    );
    if (rest.length > 0) take(await commentPages(rest));
    return [...state].flatMap(([key, s]) => [...s.byId.values()].map((c) => toSourceComment(key, c, siteUrl)));
  };

  /** One token chain of POST /changelog/bulkfetch; histories with the issue id they belong to. */
  const changelogOf = async (keys: string[]): Promise<{ issueId: string; history: JiraHistory }[]> => {
    const out: { issueId: string; history: JiraHistory }[] = [];
    let token: string | undefined;
    const seen = new Set<string>();
    for (let n = 0; n < MAX_CHANGELOG_PAGES; n++) {
      const page = await send<JiraBulkChangelogResponse>({
        path: route`/rest/api/3/changelog/bulkfetch`,
        body: { issueIdsOrKeys: keys, maxResults: CHANGELOG_PAGE, ...(token ? { nextPageToken: token } : {}) },
        idempotent: true,
        what: `reading the change history of ${issueKey}`,
      });
      for (const log of page?.issueChangeLogs ?? []) {
        for (const history of log.changeHistories ?? []) out.push({ issueId: log.issueId, history });
      }
      token = page?.nextPageToken ?? undefined;
      if (!token || seen.has(token)) break;
      seen.add(token);
    }
    return out;
  };

  // Round 1: the incident, and its remote links alongside (a 404 there is answered as [] and dropped with the incident).
  const [incident, incidentLinks] = await Promise.all([
    send<JiraTimelineIssue>({ path: route`/rest/api/3/issue/${issueKey}?fields=${INCIDENT_FIELDS}`, what: `reading ${issueKey}` }),
    remoteLinksOf(issueKey),
  ]);
  if (!incident) return null;

  // Round 2: everything that needs only the keys the incident named.
  const refs = relatedRefsOf(incident);
  const related = Promise.all(
    chunk(
      refs.map((r) => r.key),
      BULK_ISSUES,
    ).map((keys) =>
      send<JiraBulkFetchResponse>({
        path: route`/rest/api/3/issue/bulkfetch`,
        body: { issueIdsOrKeys: keys, fields: RELATED_FIELDS },
        idempotent: true,
        what: `reading the issues linked to ${issueKey}`,
      }),
    ),
  ).then((pages) => pages.flatMap((p) => p?.issues ?? []));
  const histories = Promise.all(chunk([incident.key, ...refs.map((r) => r.key)], BULK_CHANGELOG_ISSUES).map(changelogOf)).then((c) =>
    c.flat(),
  );
  const incidentComments = commentsOf([{ key: incident.key, embedded: incident.fields.comment }]);
  const subTaskLinks = Promise.all(refs.filter(isSubTask).map((r) => remoteLinksOf(r.key))).then((l) => l.flat());
  const [relatedIssues, allHistories, ownComments, subLinks] = await Promise.all([related, histories, incidentComments, subTaskLinks]);

  // Round 3: the missing comment pages of the related issues. It waits for the whole of round 2
  // so its waves have the whole pool: 60 pages go in four waves of 16, where a changelog still
  // holding a slot would make it waves of 15 and add a round.
  const otherComments = await commentsOf(relatedIssues.map((i) => ({ key: i.key, embedded: i.fields.comment })));

  const keyOfId = new Map<string, string>([[incident.id, incident.key], ...refs.map((r): [string, string] => [r.id, r.key])]);
  for (const i of relatedIssues) keyOfId.set(i.id, i.key);
  const changes: SourceChange[] = allHistories.flatMap(({ issueId, history }) => {
    const key = keyOfId.get(issueId);
    return key ? toSourceChanges(key, history) : [];
  });

  return {
    incident: toSourceIssue(incident, 'incident', siteUrl),
    // Issues Jira did not return (not visible to the caller, deleted meanwhile) are left out.
    related: inRefOrder(refs, relatedIssues).map(({ ref, issue }) => toSourceIssue(issue, ref.relation, siteUrl)),
    comments: sortComments([...ownComments, ...otherComments]),
    changes: sortChanges(changes),
    remoteLinks: [...incidentLinks, ...subLinks],
    pulledAt: deps.now().toISOString(),
  };
}

const isSubTask = (r: RelatedRef): boolean => r.relation.split(', ').includes('sub-task');

/**
 * The fetched issues in the incident's order (links, then sub-tasks). Bulk fetch answers in id
 * order, and with the new key for an issue moved since it was linked: match by key, then by id.
 */
function inRefOrder(refs: readonly RelatedRef[], issues: readonly JiraTimelineIssue[]): { ref: RelatedRef; issue: JiraTimelineIssue }[] {
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const byId = new Map(issues.map((i) => [i.id, i]));
  return refs.flatMap((ref) => {
    const issue = byKey.get(ref.key) ?? byId.get(ref.id);
    return issue ? [{ ref, issue }] : [];
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
