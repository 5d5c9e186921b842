import api, { route } from '@forge/api';
import type { SourceComment } from '../domain/sources';
import type { CommentLookupPort } from './comment-lookup-port';
import { createJiraRequest, upstreamFailure, type JiraRequest, type RequestJira } from './jira-request';
import type { JiraComment } from './jira-timeline-types';
import { toSourceComment } from './jira-timeline-transformer';
import type { ViewerAccessPort } from './viewer-access-port';

/** POST /issue/bulkfetch takes at most 100 keys; POST /comment/list at most 1,000 ids. */
const BULK_ISSUES = 100;
const COMMENT_IDS = 1000;

interface BulkFetchReply {
  issues?: { key: string }[];
}

interface CommentListReply {
  values?: JiraComment[];
  isLast?: boolean;
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Comment ids are Jira's int64s; anything else (a manual id, a mangled one) is never sent. */
const numericIds = (ids: readonly string[]) => [...new Set(ids)].filter((id) => /^\d{1,18}$/.test(id));

async function listComments(send: JiraRequest, ids: readonly string[], what: string): Promise<JiraComment[]> {
  const found: JiraComment[] = [];
  for (const batch of chunks(numericIds(ids), COMMENT_IDS)) {
    const reply = await send({ path: route`/rest/api/3/comment/list`, body: { ids: batch.map(Number) }, idempotent: true, what });
    if (reply.status !== 200) throw upstreamFailure(reply, what);
    found.push(...((reply.body as CommentListReply).values ?? []));
  }
  return found;
}

export function createViewerAccess(requestJira: RequestJira = api.asUser().requestJira): ViewerAccessPort {
  const send = createJiraRequest(requestJira);
  const issues = new Map<string, boolean>();
  const comments = new Map<string, boolean>();
  return {
    async visibility(issueKeys, restrictedCommentIds) {
      const askIssues = [...new Set(issueKeys)].filter((k) => !issues.has(k));
      for (const batch of chunks(askIssues, BULK_ISSUES)) {
        const what = 'checking which linked issues you can see';
        const reply = await send({
          path: route`/rest/api/3/issue/bulkfetch`,
          body: { issueIdsOrKeys: batch, fields: ['issuetype'] },
          idempotent: true,
          what,
        });
        if (reply.status !== 200) throw upstreamFailure(reply, what);
        // Issues the caller may not browse (or that are gone) are left out of `issues` (they are in `issueErrors`).
        const seen = new Set(((reply.body as BulkFetchReply).issues ?? []).map((i) => i.key));
        for (const key of batch) issues.set(key, seen.has(key));
      }
      const askComments = numericIds(restrictedCommentIds).filter((id) => !comments.has(id));
      if (askComments.length > 0) {
        const readable = new Set(
          (await listComments(send, askComments, 'checking which restricted comments you can read')).map((c) => c.id),
        );
        for (const id of askComments) comments.set(id, readable.has(id));
      }
      return {
        issues: new Set([...issues].filter(([, ok]) => ok).map(([k]) => k)),
        comments: new Set([...comments].filter(([, ok]) => ok).map(([k]) => k)),
      };
    },
  };
}

/** As the app: only for telling "deleted" from "not yours to see" on a refresh; nothing it reads is shown to anyone who may not see it. */
export function createAppCommentLookup(siteUrl: string, requestJira: RequestJira = api.asApp().requestJira): CommentLookupPort {
  const send = createJiraRequest(requestJira);
  return {
    async comments(issueKeyOf) {
      const found = await listComments(send, [...issueKeyOf.keys()], 'checking whether comments were deleted in Jira');
      const byId = new Map<string, SourceComment>();
      for (const c of found) {
        const issueKey = issueKeyOf.get(c.id);
        if (issueKey) byId.set(c.id, toSourceComment(issueKey, c, siteUrl));
      }
      return byId;
    },
  };
}
