import { route } from '@forge/api';
import type { ActionItemInput } from '../../contract';
import { upstreamFailure, type JiraRequest } from '../jira-request';
import type { JiraStatus, JiraUser } from '../jira-types';
import { ACTION_ITEM_PROPERTY, type ActionItemProperty } from './subtask-fields';

/** A sub-task as the sync reads it: live fields and the action-item property. */
export interface LiveSubtask {
  id: string;
  key: string;
  fields: {
    summary?: string;
    priority?: { name: string } | null;
    status?: JiraStatus;
    assignee?: JiraUser | null;
    duedate?: string | null;
    parent?: { key: string };
    created?: string;
    resolutiondate?: string | null;
  };
  properties?: Record<string, unknown>;
}

// `created` and `resolutiondate` date each countermeasure for After Action Summaries' insights.
export const LIVE_FIELDS = ['summary', 'status', 'assignee', 'duedate', 'priority', 'parent', 'created', 'resolutiondate'];
/** search/jql pages of up to 100 issues when fields are asked for. */
const SEARCH_PAGE = 100;
const MAX_SEARCH_PAGES = 50;
/** POST /issue/bulkfetch takes up to 100 keys. */
export const BULK_FETCH = 100;

/** The action-item property of a sub-task, when it carries a well-formed one. */
export function propertyOf(
  issue: LiveSubtask,
): (Partial<ActionItemProperty> & Pick<ActionItemProperty, 'itemId' | 'incidentKey'>) | undefined {
  const v = issue.properties?.[ACTION_ITEM_PROPERTY];
  if (typeof v !== 'object' || v === null) return undefined;
  const p = v as Record<string, unknown>;
  if (typeof p.itemId !== 'string' || typeof p.incidentKey !== 'string') return undefined;
  return {
    itemId: p.itemId,
    incidentKey: p.incidentKey,
    ...(typeof p.fingerprint === 'string' ? { fingerprint: p.fingerprint } : {}),
    ...(typeof p.syncedAt === 'string' ? { syncedAt: p.syncedAt } : {}),
  };
}

/**
 * Every sub-task of the incident with its live fields and property, in one POST /search/jql
 * (`parent = KEY`, more pages only past 100 sub-tasks). Idempotent, so retried on 429.
 */
export async function searchSubtasks(request: JiraRequest, incidentKey: string): Promise<LiveSubtask[]> {
  const out: LiveSubtask[] = [];
  let token: string | undefined;
  for (let n = 0; n < MAX_SEARCH_PAGES; n++) {
    const what = `looking up the sub-tasks of ${incidentKey}`;
    const reply = await request({
      path: route`/rest/api/3/search/jql`,
      body: {
        jql: `parent = "${incidentKey}" ORDER BY created ASC`,
        fields: LIVE_FIELDS,
        properties: [ACTION_ITEM_PROPERTY],
        maxResults: SEARCH_PAGE,
        ...(token ? { nextPageToken: token } : {}),
      },
      idempotent: true,
      what,
    });
    if (reply.status !== 200) throw upstreamFailure(reply, what);
    const page = reply.body as { issues?: LiveSubtask[]; nextPageToken?: string; isLast?: boolean };
    out.push(...(page.issues ?? []));
    if (page.isLast !== false || !page.nextPageToken || page.nextPageToken === token) break;
    token = page.nextPageToken;
  }
  return out;
}

/** The given issues with live fields and property, by POST /issue/bulkfetch (missing or hidden ones are left out). */
export async function fetchSubtasks(request: JiraRequest, keys: readonly string[], what: string): Promise<LiveSubtask[]> {
  const pages = await Promise.all(
    chunk(keys, BULK_FETCH).map(async (issueIdsOrKeys) => {
      const reply = await request({
        path: route`/rest/api/3/issue/bulkfetch`,
        body: { issueIdsOrKeys, fields: LIVE_FIELDS, properties: [ACTION_ITEM_PROPERTY] },
        idempotent: true,
        what,
      });
      if (reply.status !== 200) throw upstreamFailure(reply, what);
      return (reply.body as { issues?: LiveSubtask[] }).issues ?? [];
    }),
  );
  return pages.flat();
}

/**
 * Which sub-task is each item's: the one whose property names the item (and this incident),
 * else the one the stored mapping names if it carries no other item's property. When an earlier
 * race left two sub-tasks for one item, the mapped one wins, else the oldest, so every later
 * sync settles on the same one.
 */
export function matchSubtasks(
  items: readonly Pick<ActionItemInput, 'id'>[],
  knownKeys: Readonly<Record<string, string | undefined>>,
  issues: readonly LiveSubtask[],
  incidentKey: string,
): Map<string, LiveSubtask> {
  const byItem = new Map<string, LiveSubtask[]>();
  const byKey = new Map<string, LiveSubtask>();
  for (const issue of issues) {
    byKey.set(issue.key, issue);
    const p = propertyOf(issue);
    if (p && p.incidentKey === incidentKey) byItem.set(p.itemId, [...(byItem.get(p.itemId) ?? []), issue]);
  }
  const out = new Map<string, LiveSubtask>();
  const taken = new Set<string>();
  for (const item of items) {
    const knownKey = knownKeys[item.id];
    const candidates = [...(byItem.get(item.id) ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
    const mapped = knownKey === undefined ? undefined : byKey.get(knownKey);
    const mappedIsFree = mapped !== undefined && (propertyOf(mapped)?.itemId ?? item.id) === item.id;
    const pick = candidates.find((c) => c.key === knownKey) ?? candidates[0] ?? (mappedIsFree ? mapped : undefined);
    if (pick && !taken.has(pick.key)) {
      out.set(item.id, pick);
      taken.add(pick.key);
    }
  }
  return out;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
