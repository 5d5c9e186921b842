import api, { route } from '@forge/api';
import type { DocNode } from '@atlaskit/adf-schema/doc';
import type { ActionItemJira } from '../contract';
import { adfToText } from '../domain/adf-text';
import { isReminderText, type ReminderClaim } from '../domain/review-rhythm';
import { fetchSubtasks } from './action-items/subtask-discovery';
import { liveOf } from './action-items/subtask-live';
import type { KnownSubtask } from './action-items/subtask-sync';
import { createJiraRequest, upstreamFailure, type JiraRequest, type RequestJira } from './jira-request';
import { defaultRetryClock, type RetryClock } from '../http/retrying-request';

/**
 * Jira as the scheduled job sees it: as the app (there is no user in a scheduled trigger), so
 * every project the app is installed for. One retry budget for the whole run.
 */
export interface RestoredIncident {
  key: string;
  title: string;
  priority: string | null;
  /** Jira's resolution date: the restore time of an incident that has no review yet. */
  resolvedAt: string;
}

export interface RhythmJiraPort {
  /**
   * Sev1/Sev2 incidents (priority Highest or High) resolved in the last `windowDays` days, in key
   * order. `complete` is false when the page limit cut the list short.
   */
  restoredIncidents(): Promise<{ incidents: RestoredIncident[]; complete: boolean }>;
  /** The id of the app's reminder comment on the incident, or null when it carries none. */
  findReminder(incidentKey: string): Promise<string | null>;
  /**
   * Posts the reminder once (a POST is never retried: a lost answer must not become a second
   * comment). `posted: false` when Jira refused it; a network failure throws, outcome unknown.
   */
  postReminder(
    incidentKey: string,
    body: DocNode,
    claim: Pick<ReminderClaim, 'claimId' | 'dueAt'>,
  ): Promise<{ posted: true; commentId: string } | { posted: false; status: number }>;
  /** Live status, assignee and due date of the reviews' action-item sub-tasks, per review. */
  liveActionItems(
    reviews: readonly { incidentKey: string; known: Readonly<Record<string, KnownSubtask | undefined>> }[],
  ): Promise<Map<string, Record<string, ActionItemJira>>>;
}

/** The comment property naming the reminder: lets anyone (or a later version) find it by property. */
export const REMINDER_PROPERTY = 'pir.reminder';
const SEARCH_PAGE = 100;
const COMMENT_PAGE = 100;

interface SearchPage {
  issues?: { key: string; fields?: { summary?: string; priority?: { name?: string } | null; resolutiondate?: string | null } }[];
  nextPageToken?: string;
  isLast?: boolean;
}

interface CommentPage {
  comments?: { id: string; author?: { accountType?: string }; body?: unknown }[];
  total?: number;
}

export function restoredIncidentsJql(windowDays: number): string {
  return `issuetype = Incident AND priority in (Highest, High) AND resolution is not EMPTY AND resolved >= "-${windowDays}d" ORDER BY key ASC`;
}

export function createRhythmJira(
  request: JiraRequest,
  opts: { windowDays: number; maxSearchPages: number; maxCommentPages: number; siteUrl?: string },
): RhythmJiraPort {
  return {
    async restoredIncidents() {
      const incidents: RestoredIncident[] = [];
      let token: string | undefined;
      for (let n = 0; n < opts.maxSearchPages; n++) {
        const what = 'looking for restored Sev1 and Sev2 incidents';
        const reply = await request({
          path: route`/rest/api/3/search/jql`,
          body: {
            jql: restoredIncidentsJql(opts.windowDays),
            fields: ['summary', 'priority', 'resolutiondate'],
            maxResults: SEARCH_PAGE,
            ...(token ? { nextPageToken: token } : {}),
          },
          idempotent: true,
          what,
        });
        if (reply.status !== 200) throw upstreamFailure(reply, what);
        const page = reply.body as SearchPage;
        for (const issue of page.issues ?? []) {
          // Jira writes offsets without a colon (+0000); the app and the page keep plain UTC ISO instants.
          const resolvedMs = issue.fields?.resolutiondate ? parseJiraInstant(issue.fields.resolutiondate) : null;
          if (resolvedMs === null) continue;
          const resolvedAt = new Date(resolvedMs).toISOString();
          incidents.push({
            key: issue.key,
            title: issue.fields?.summary ?? '',
            priority: issue.fields?.priority?.name ?? null,
            resolvedAt,
          });
        }
        if (page.isLast !== false || !page.nextPageToken || page.nextPageToken === token) return { incidents, complete: true };
        token = page.nextPageToken;
      }
      return { incidents, complete: false };
    },

    async findReminder(incidentKey) {
      for (let n = 0; n < opts.maxCommentPages; n++) {
        const what = `looking for the review reminder on ${incidentKey}`;
        const startAt = n * COMMENT_PAGE;
        // Newest first: the reminder is posted after the incident is over, so it is near the top.
        const reply = await request({
          path: route`/rest/api/3/issue/${incidentKey}/comment?orderBy=-created&startAt=${startAt}&maxResults=${COMMENT_PAGE}`,
          what,
        });
        if (reply.status === 404) return null;
        if (reply.status !== 200) throw upstreamFailure(reply, what);
        const page = reply.body as CommentPage;
        const comments = page.comments ?? [];
        const found = comments.find((c) => c.author?.accountType === 'app' && isReminderText(adfToText(c.body)));
        if (found) return found.id;
        if (comments.length === 0 || startAt + comments.length >= (page.total ?? 0)) return null;
      }
      return null;
    },

    async postReminder(incidentKey, body, claim) {
      const reply = await request({
        path: route`/rest/api/3/issue/${incidentKey}/comment`,
        body: { body, properties: [{ key: REMINDER_PROPERTY, value: { incidentKey, dueAt: claim.dueAt, claimId: claim.claimId } }] },
        what: `posting the review reminder on ${incidentKey}`,
      });
      if (reply.status !== 201) return { posted: false, status: reply.status };
      const id = (reply.body as { id?: unknown } | null)?.id;
      return { posted: true, commentId: typeof id === 'string' || typeof id === 'number' ? String(id) : '' };
    },

    async liveActionItems(reviews) {
      const keys = [...new Set(reviews.flatMap((r) => Object.values(r.known).flatMap((k) => (k ? [k.key] : []))))];
      if (keys.length === 0) return new Map();
      // One bulk fetch per 100 sub-tasks: unlike `key in (...)`, it leaves out an issue that was
      // deleted instead of failing the whole query.
      const subtasks = await fetchSubtasks(request, keys, 'reading the status of countermeasures');
      // The index rows keep no URL, and a scheduled trigger is not told the site's address.
      const siteUrl = opts.siteUrl ?? '';
      return new Map(
        reviews.map((r) => [
          r.incidentKey,
          liveOf(
            r.known,
            subtasks.filter((s) => s.fields.parent?.key === r.incidentKey || Object.values(r.known).some((k) => k?.key === s.key)),
            siteUrl,
          ),
        ]),
      );
    },
  };
}

/** Production: Jira as the app through @forge/api, with the retries of createJiraRequest. */
export function createForgeRhythmJira(retry: RetryClock = defaultRetryClock()): RhythmJiraPort {
  const requestJira: RequestJira = (path, init) => api.asApp().requestJira(path, init);
  return createRhythmJira(createJiraRequest(requestJira, retry), { windowDays: 14, maxSearchPages: 5, maxCommentPages: 5 });
}

/** Epoch ms of a Jira timestamp (`2026-11-18T18:30:30.000+0000`), or null when unreadable. */
function parseJiraInstant(value: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (!m) return null;
  const offset = m[2] === 'Z' ? 'Z' : `${m[2].slice(0, 3)}:${m[2].slice(-2)}`;
  const ms = Date.parse(`${m[1]}${offset}`);
  return Number.isFinite(ms) ? ms : null;
}
