import api from '@forge/api';
import type { ActionItemJira } from '../../contract';
import { createJiraRequest } from '../jira-request';
import { defaultRetryClock } from '../retrying-request';
import { propertyOf, searchSubtasks, type LiveSubtask } from './subtask-discovery';
import { toLive, type KnownSubtask } from './subtask-sync';

/** Reads the live status, assignee and due date of an incident's action-item sub-tasks. */
export type ActionItemsLivePort = (incidentKey: string, known: Readonly<Record<string, KnownSubtask | undefined>>) => Promise<Record<string, ActionItemJira>>;

/**
 * The flow back into the review on every open: one search (`parent = KEY`), writing nothing.
 * A sub-task is matched to its item by its `pir.actionItem` property, else by the stored key.
 */
export function createForgeActionItemsLive(siteUrl: string): ActionItemsLivePort {
  return async (incidentKey, known) => {
    const entries = Object.entries(known).filter((e): e is [string, KnownSubtask] => e[1] !== undefined);
    if (entries.length === 0) return {};
    const subtasks = await searchSubtasks(createJiraRequest(api.asUser().requestJira, defaultRetryClock()), incidentKey);
    return liveOf(known, subtasks, siteUrl);
  };
}

/**
 * Each known item's live state among `subtasks` (the incident's, however they were read): the
 * sub-task whose property names the item, else the one with the stored key. Items whose sub-task
 * is not among them are left out (deleted in Jira, or not visible to whoever read them).
 */
export function liveOf(known: Readonly<Record<string, KnownSubtask | undefined>>, subtasks: readonly LiveSubtask[], siteUrl: string): Record<string, ActionItemJira> {
  const out: Record<string, ActionItemJira> = {};
  for (const [itemId, k] of Object.entries(known)) {
    if (k === undefined) continue;
    const issue = subtasks.find((s) => propertyOf(s)?.itemId === itemId) ?? subtasks.find((s) => s.key === k.key);
    const live = issue ? toLive(issue, siteUrl, k.syncedAt ?? '') : null;
    if (live) out[itemId] = live;
  }
  return out;
}
