import api from '@forge/api';
import { createJiraRequest } from '../jira-request';
import { defaultRetryClock } from '../../http/retrying-request';
import { syncActionItems, type ActionItemsSyncPort } from './subtask-sync';

/**
 * Production wiring of the action-item sync: Jira as the calling user (so Jira's permissions
 * decide), one retry budget for the whole invocation, createmeta cached for this call only.
 */
export function createForgeActionItemsSync(siteUrl: string): ActionItemsSyncPort {
  return (incidentKey, items, known) => {
    const retry = defaultRetryClock();
    return syncActionItems(incidentKey, items, known, {
      request: createJiraRequest(api.asUser().requestJira, retry),
      retry,
      siteUrl,
      now: () => new Date(),
    });
  };
}
