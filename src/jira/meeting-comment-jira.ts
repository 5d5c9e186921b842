import api, { route } from '@forge/api';
import type { DocNode } from '@atlaskit/adf-schema/doc';
import { AppFailure } from '../domain/app-error';
import { adfMentionIds, matchesClaim, type CommentSeen, type NoticeClaim } from '../domain/meeting/posted-notice';
import { createJiraRequest, upstreamFailure, type JiraReply, type JiraRequest } from './jira-request';

/** Posting the meeting notice, as the user who presses "Notify participants" (Jira shows them as its author). */
export interface MeetingCommentPort {
  /** Posts once: a POST is never retried, so a lost answer never becomes a second comment. */
  post(incidentKey: string, body: DocNode, notice: { meetingKey: string }): Promise<{ commentId: string }>;
  /**
   * The notice an earlier, dead claim already posted, if any (newest comments first, back to the
   * claim): so taking over a stale claim never becomes a second comment.
   */
  findPosted(incidentKey: string, claim: NoticeClaim): Promise<{ commentId: string } | null>;
}

/** Comments read per page while looking back to a stale claim; a notice is posted within 25 s of its claim. */
const LOOKBACK_PAGE = 50;
const LOOKBACK_PAGES = 4;

function commentSeen(raw: unknown): CommentSeen | null {
  const c = raw as { id?: unknown; author?: { accountId?: unknown }; created?: unknown; body?: unknown } | null;
  const created = typeof c?.created === 'string' ? Date.parse(c.created) : Number.NaN;
  if (!c || (typeof c.id !== 'string' && typeof c.id !== 'number') || Number.isNaN(created)) return null;
  return {
    id: String(c.id),
    authorId: typeof c.author?.accountId === 'string' ? c.author.accountId : null,
    created,
    mentionIds: adfMentionIds(c.body),
  };
}

/** The comment property that names the notice, so it can be found by property later. */
export const NOTICE_PROPERTY = 'pir.meeting-notice';

/** Jira's own words for a refused comment, shortened: they name the missing permission or the bad field. */
function jiraMessage(reply: JiraReply): string | null {
  const body = reply.body as { errorMessages?: unknown; errors?: unknown } | null;
  const messages = Array.isArray(body?.errorMessages) ? body.errorMessages.filter((m): m is string => typeof m === 'string') : [];
  const fields =
    body?.errors && typeof body.errors === 'object' ? Object.values(body.errors).filter((m): m is string => typeof m === 'string') : [];
  const text = [...messages, ...fields].join(' ').trim();
  return text ? text.slice(0, 300) : null;
}

export function createMeetingComments(request: JiraRequest): MeetingCommentPort {
  return {
    async post(incidentKey, body, notice) {
      const what = `posting the meeting notice on ${incidentKey}`;
      const reply = await request({
        path: route`/rest/api/3/issue/${incidentKey}/comment`,
        body: { body, properties: [{ key: NOTICE_PROPERTY, value: { meetingKey: notice.meetingKey } }] },
        what,
      });
      if (reply.status === 201 || reply.status === 200) {
        const id = (reply.body as { id?: unknown } | null)?.id;
        return { commentId: typeof id === 'string' || typeof id === 'number' ? String(id) : '' };
      }
      const said = jiraMessage(reply);
      if (reply.status === 403 || reply.status === 401) {
        throw new AppFailure(
          'FORBIDDEN',
          `Jira did not let you comment on ${incidentKey}${said ? `: ${said}` : '.'} Ask a Jira admin for the Add Comments permission, or ask someone who has it to notify the participants.`,
        );
      }
      if (reply.status === 404) throw new AppFailure('NOT_FOUND', `${incidentKey} was not found in Jira, or you can no longer see it.`);
      if (reply.status === 400)
        throw new AppFailure('UPSTREAM', `Jira refused the meeting notice on ${incidentKey}${said ? `: ${said}` : '.'}`);
      throw upstreamFailure(reply, what);
    },
    async findPosted(incidentKey, claim) {
      const what = `looking for the meeting notice on ${incidentKey}`;
      for (let page = 0; page < LOOKBACK_PAGES; page++) {
        const reply = await request({
          path: route`/rest/api/3/issue/${incidentKey}/comment?orderBy=-created&startAt=${String(page * LOOKBACK_PAGE)}&maxResults=${String(LOOKBACK_PAGE)}`,
          what,
        });
        if (reply.status === 404) throw new AppFailure('NOT_FOUND', `${incidentKey} was not found in Jira, or you can no longer see it.`);
        if (reply.status !== 200) throw upstreamFailure(reply, what);
        const body = reply.body as { comments?: unknown[]; total?: unknown } | null;
        const seen = (body?.comments ?? []).map(commentSeen).filter((c): c is CommentSeen => c !== null);
        const found = seen.find((c) => matchesClaim(c, claim));
        if (found) return { commentId: found.id };
        // Newest first: once a page reaches back before the claim, nothing older can be its comment.
        const oldest = seen.at(-1);
        if (!oldest || oldest.created < claim.since - 60_000 || seen.length < LOOKBACK_PAGE) return null;
      }
      return null;
    },
  };
}

/** Production: Jira as the calling user through @forge/api. */
export function createForgeMeetingComments(): MeetingCommentPort {
  return createMeetingComments(createJiraRequest(api.asUser().requestJira));
}
