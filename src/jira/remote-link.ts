import api, { route } from '@forge/api';
import { AppFailure } from '../domain/app-error';
import { createJiraRequest, upstreamFailure, type RequestJira } from './jira-request';

export interface RemoteLinkInput {
  /** Stable per incident and purpose: Jira updates the link with this id in place. */
  globalId: string;
  url: string;
  title: string;
  summary: string;
}

/** Creates or updates (by globalId) a remote link on an issue, as the calling user. */
export type RemoteLinkPort = (issueKey: string, link: RemoteLinkInput) => Promise<void>;

export function createForgeRemoteLinks(requestJira: RequestJira = api.asUser().requestJira): RemoteLinkPort {
  const send = createJiraRequest(requestJira);
  return async (issueKey, link) => {
    const what = `linking ${issueKey} to the Confluence page`;
    const reply = await send({
      path: route`/rest/api/3/issue/${issueKey}/remotelink`,
      // With a globalId the POST replaces the link in place (fields left out are nulled, so
      // every field is sent each time): sending it again is harmless, so it may be retried.
      idempotent: true,
      body: {
        globalId: link.globalId,
        application: { type: 'com.atlassian.confluence', name: 'Confluence' },
        relationship: 'Post-incident review',
        object: { url: link.url, title: link.title, summary: link.summary },
      },
      what,
    });
    if (reply.status === 200 || reply.status === 201) return;
    if (reply.status === 403 || reply.status === 404) {
      throw new AppFailure(
        'FORBIDDEN',
        `The page was published, but Jira did not let you add a link to it on ${issueKey}. Ask for permission to link issues, then publish again.`,
      );
    }
    throw upstreamFailure(reply, what);
  };
}
