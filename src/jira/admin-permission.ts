import api, { route } from '@forge/api';
import { createJiraRequest, upstreamFailure, type RequestJira } from './jira-request';
import { defaultRetryClock } from '../http/retrying-request';

/** Whether the calling user is a Jira administrator, asked of Jira as that user. */
export type AdminCheck = () => Promise<boolean>;

interface PermissionsReply {
  permissions?: Record<string, { havePermission?: boolean }>;
}

/**
 * ADMINISTER is Jira's global "Administer Jira" permission: the one that lets someone change
 * site-wide settings, so it is the one that may change the countermeasure policy. Asked with
 * GET /rest/api/3/mypermissions as the user (never as the app, which would answer for itself).
 */
export function createAdminCheck(requestJira: RequestJira = api.asUser().requestJira): AdminCheck {
  const send = createJiraRequest(requestJira, defaultRetryClock());
  return async () => {
    const what = 'checking whether you administer Jira';
    const reply = await send({ path: route`/rest/api/3/mypermissions?permissions=ADMINISTER`, what });
    if (reply.status !== 200) throw upstreamFailure(reply, what);
    return (reply.body as PermissionsReply).permissions?.ADMINISTER?.havePermission === true;
  };
}
