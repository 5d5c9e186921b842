import api, { route } from '@forge/api';
import { createBoundedPool } from '../http/bounded-pool';
import { createJiraRequest, upstreamFailure, type RequestJira } from './jira-request';
import { defaultRetryClock } from '../http/retrying-request';

/**
 * What the viewer of After Action Summaries may see, asked of Jira as the viewer, in batches:
 * one request per project in the index (not per incident) and one bulk fetch per page of rows.
 */
export interface SummaryAccessPort {
  /** The subset of `projectKeys` the viewer may browse. */
  browsableProjects(projectKeys: readonly string[]): Promise<Set<string>>;
  /** The subset of `issueKeys` the viewer may see, with their current summaries (issue-level security included). */
  visibleIssues(issueKeys: readonly string[]): Promise<Map<string, { summary: string }>>;
}

/** POST /issue/bulkfetch takes at most 100 keys; issues the caller cannot see are left out of `issues`. */
const BULK_ISSUES = 100;
const PROJECT_CHECKS_IN_FLIGHT = 8;

interface PermissionsReply {
  permissions?: Record<string, { havePermission?: boolean }>;
}

interface BulkFetchReply {
  issues?: { key: string; fields?: { summary?: string } }[];
}

export function createSummaryAccess(requestJira: RequestJira = api.asUser().requestJira): SummaryAccessPort {
  const retry = defaultRetryClock();
  const send = createJiraRequest(requestJira, retry);
  return {
    async browsableProjects(projectKeys) {
      const pool = createBoundedPool(PROJECT_CHECKS_IN_FLIGHT);
      const checks = await Promise.all(
        [...new Set(projectKeys)].map((key) =>
          pool.run(async () => {
            const reply = await send({
              path: route`/rest/api/3/mypermissions?projectKey=${key}&permissions=BROWSE_PROJECTS`,
              what: 'checking which projects you can browse',
            });
            // Jira answers 404 for a project the caller may not browse (or that no longer exists).
            if (reply.status === 404) return null;
            if (reply.status !== 200) throw upstreamFailure(reply, 'checking which projects you can browse');
            return (reply.body as PermissionsReply).permissions?.BROWSE_PROJECTS?.havePermission === true ? key : null;
          }),
        ),
      );
      return new Set(checks.filter((k): k is string => k !== null));
    },

    async visibleIssues(issueKeys) {
      const keys = [...new Set(issueKeys)];
      const seen = new Map<string, { summary: string }>();
      for (let i = 0; i < keys.length; i += BULK_ISSUES) {
        const reply = await send({
          path: route`/rest/api/3/issue/bulkfetch`,
          body: { issueIdsOrKeys: keys.slice(i, i + BULK_ISSUES), fields: ['summary'] },
          idempotent: true,
          what: 'checking which incidents you can see',
        });
        if (reply.status !== 200) throw upstreamFailure(reply, 'checking which incidents you can see');
        for (const issue of (reply.body as BulkFetchReply).issues ?? []) seen.set(issue.key, { summary: issue.fields?.summary ?? '' });
      }
      return seen;
    },
  };
}
