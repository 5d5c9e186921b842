import api, { route } from '@forge/api';
import { requestJiraJson } from './jira-request';

/** Whether the calling user holds Jira's ADMINISTER global permission, asked of Jira as them. */
export type AdminCheck = () => Promise<boolean>;

interface MyPermissions {
  permissions?: Record<string, { havePermission?: boolean } | undefined>;
}

export function createForgeAdminCheck(): AdminCheck {
  return async () => {
    const answer = await requestJiraJson<MyPermissions>(api.asUser().requestJira, {
      path: route`/rest/api/3/mypermissions?permissions=ADMINISTER`,
      what: 'checking your Jira admin permission',
    });
    return answer?.permissions?.ADMINISTER?.havePermission === true;
  };
}
