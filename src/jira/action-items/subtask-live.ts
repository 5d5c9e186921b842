import api from '@forge/api';
import type { ActionItemInput, ActionItemJira } from '../../contract';
import type { SyncedBase } from '../../domain/action-items';
import { createJiraRequest } from '../jira-request';
import { defaultRetryClock } from '../../http/retrying-request';
import { propertyOf, searchSubtasks, type LiveSubtask } from './subtask-discovery';
import { baseOf, toLive, type KnownSubtask } from './subtask-sync';

/** The sub-tasks' live state, and each item's base for the merge (worked out for reviews stored before bases were kept). */
export interface ActionItemsLive {
  live: Record<string, ActionItemJira>;
  bases: Record<string, SyncedBase | undefined>;
}

/** Reads the live summary, status, assignee, due date and priority of an incident's action-item sub-tasks. */
export type ActionItemsLivePort = (
  incidentKey: string,
  items: readonly ActionItemInput[],
  known: Readonly<Record<string, KnownSubtask | undefined>>,
) => Promise<ActionItemsLive>;

/**
 * The flow back into the review on every open: one search (`parent = KEY`, one page per 100
 * sub-tasks, never a request per item), writing nothing. A sub-task is matched to its item by its
 * `pir.actionItem` property, else by the stored key.
 */
export function createForgeActionItemsLive(siteUrl: string): ActionItemsLivePort {
  return async (incidentKey, items, known) => {
    const entries = Object.entries(known).filter((e): e is [string, KnownSubtask] => e[1] !== undefined);
    if (entries.length === 0) return { live: {}, bases: {} };
    const subtasks = await searchSubtasks(createJiraRequest(api.asUser().requestJira, defaultRetryClock()), incidentKey);
    const live = liveOf(known, subtasks, siteUrl);
    const bases: Record<string, SyncedBase | undefined> = {};
    for (const item of items) {
      const k = known[item.id];
      if (!k) continue;
      // The fingerprint on the sub-task is the one last written; the stored one may lag a lost write.
      const issue = subtasks.find((s) => propertyOf(s)?.itemId === item.id) ?? subtasks.find((s) => s.key === k.key);
      bases[item.id] = baseOf(item, k, (issue && propertyOf(issue)?.fingerprint) ?? k.fingerprint, incidentKey, siteUrl).base;
    }
    return { live, bases };
  };
}

/**
 * Each known item's live state among `subtasks` (the incident's, however they were read): the
 * sub-task whose property names the item, else the one with the stored key. Items whose sub-task
 * is not among them are left out (deleted in Jira, or not visible to whoever read them).
 */
export function liveOf(
  known: Readonly<Record<string, KnownSubtask | undefined>>,
  subtasks: readonly LiveSubtask[],
  siteUrl: string,
): Record<string, ActionItemJira> {
  const out: Record<string, ActionItemJira> = {};
  for (const [itemId, k] of Object.entries(known)) {
    if (k === undefined) continue;
    const issue = subtasks.find((s) => propertyOf(s)?.itemId === itemId) ?? subtasks.find((s) => s.key === k.key);
    const live = issue ? toLive(issue, siteUrl, k.syncedAt ?? '') : null;
    if (live) out[itemId] = live;
  }
  return out;
}
