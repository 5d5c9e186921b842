import { route } from '@forge/api';
import type { ActionItemInput, ActionItemJira } from '../../contract';
import { mergeItem, type SyncedBase } from '../../domain/action-items';
import { AppFailure } from '../../domain/app-error';
import { ISSUE_KEY_PATTERN } from '../../vocabulary';
import { createBoundedPool } from '../../http/bounded-pool';
import { issueUrl, toPerson, toStatus } from '../jira-issue-transformer';
import { upstreamFailure, type JiraReply, type JiraRequest } from '../jira-request';
import { defaultRetryClock, isRetryableStatus, MAX_RETRIES, retryDelayMs, type RetryClock } from '../../http/retrying-request';
import { chunk, fetchSubtasks, matchSubtasks, propertyOf, searchSubtasks, type LiveSubtask } from './subtask-discovery';
import {
  appValues,
  descriptionKey,
  fingerprintOf,
  JIRA_FIELD,
  liveValues,
  itemProblem,
  itemProperty,
  missingRequired,
  subtaskFields,
  toCreateBody,
  toEditBody,
  type EditField,
  type ItemField,
  type SubtaskFields,
  type SubtaskTarget,
} from './subtask-fields';
import { createSubtaskMetaCache, type SubtaskMeta, type SubtaskMetaCache } from './subtask-meta';

/** What the app stored about an item's sub-task after the last sync. */
export interface KnownSubtask {
  key: string;
  fingerprint: string;
  syncedAt?: string;
  /** The synced fields last agreed with the sub-task; absent in reviews stored before it was kept. */
  base?: SyncedBase;
  /** descriptionKey of the description last written. */
  description?: string;
}

export interface SyncedSubtask {
  key: string;
  /** fingerprintOf the fields the sub-task has from the app (an older one when its update failed). */
  fingerprint: string;
  syncedAt: string;
  base: SyncedBase;
  description?: string;
}

/** Values of an item's fields that changed only in Jira, to flow into the review. */
export type ItemFlow = Partial<Pick<ActionItemInput, 'summary' | 'owner' | 'dueDate' | 'priority'>>;

export interface ActionItemsSync {
  /** Every item that has a sub-task, whether or not it was written in this run. */
  mapping: Record<string, SyncedSubtask>;
  /** Item ids whose sub-task this run created, in item order. */
  created: string[];
  /** Item ids whose sub-task this run updated. */
  updated: string[];
  /** Items that could not be created or updated, with why; the others went through. */
  failed: { itemId: string; message: string }[];
  /** Jira's status, assignee and due date of every mapped item, for the flow back into the review. */
  live: Record<string, ActionItemJira>;
  /** Per item, the fields changed only in Jira (their Jira values), for the review to take. */
  flowed: Record<string, ItemFlow>;
}

export interface ActionItemsSyncDeps {
  /** Jira as the calling user, with the retries of createJiraRequest. */
  request: JiraRequest;
  siteUrl: string;
  now: () => Date;
  /** The invocation's retry budget, for the waits between bulk-create rounds; the default clock when left out. */
  retry?: RetryClock;
  /** createmeta remembered per project; a fresh one (this call only) when left out. */
  metaCache?: SubtaskMetaCache;
}

/** The sync as a use case receives it (production: createForgeActionItemsSync). */
export type ActionItemsSyncPort = (
  incidentKey: string,
  items: readonly ActionItemInput[],
  known: Readonly<Record<string, KnownSubtask | undefined>>,
) => Promise<ActionItemsSync>;

/** POST /issue/bulk takes at most 50 issues. */
export const BULK_CREATE = 50;
/** Sub-task edits in flight at once (each is a different issue, so per-issue write limits do not bite). */
const EDIT_CONCURRENCY = 5;

interface Plan {
  item: ActionItemInput;
  fields: SubtaskFields;
  fingerprint: string;
}

interface EditPlan extends Plan {
  key: string;
  /** Only these fields are written. */
  changed: EditField[];
  /** The base once the write went through (the one already in the mapping stays when it fails). */
  baseAfter: SyncedBase;
}

/**
 * What the item last agreed with its sub-task. Reviews stored before the base was kept: when the
 * item still has the fingerprint last written, its values are exactly what was written, so they
 * are the base; otherwise the item was edited since and what was written is not known, so the
 * base is unknown and a field where the two sides differ is a conflict for the user (never a
 * silent write either way); the description, which Jira's side is not compared for, is written.
 */
export function baseOf(
  item: ActionItemInput,
  known: KnownSubtask | undefined,
  fingerprint: string,
  incidentKey: string,
  siteUrl: string,
): { base: SyncedBase; description?: string } {
  if (known?.base) return { base: known.base, ...(known.description ? { description: known.description } : {}) };
  const fields = subtaskFields(item, incidentKey, siteUrl);
  if (fingerprint !== '' && fingerprintOf(fields) === fingerprint) return { base: appValues(item), description: descriptionKey(fields) };
  return { base: {} };
}

/** The item with Jira's values of the fields that changed only in Jira. */
function withFlow(item: ActionItemInput, flow: ItemFlow): ActionItemInput {
  return { ...item, ...flow };
}

/**
 * Makes the incident's sub-tasks match its action items: creates the missing ones, updates those
 * whose fields changed, and reads back Jira's status, assignee and due date. As the caller, so
 * Jira's permissions apply.
 *
 * Idempotent, including after a failure half-way: the sub-tasks are found again by the issue
 * property `pir.actionItem` ({itemId, incidentKey, fingerprint, syncedAt}), written in the same
 * create call, with one `parent = KEY` search before anything is created. A create whose answer
 * was lost, or an app storage write that failed afterwards, is therefore found next time, not
 * repeated. Bulk create is never re-sent blindly: after a 429, 5xx or lost answer the sub-tasks
 * are searched again and only the still-missing ones are sent, at most MAX_RETRIES more times
 * within the retry budget. An item is updated (PUT, idempotent) only when the fingerprint of its
 * fields differs from the one on its sub-task, so edits made in Jira stay until the item changes.
 *
 * Requests for n items in a fresh project: GET incident ∥ one search, createmeta (2), ⌈n/50⌉
 * bulk creates, one bulk fetch to read back; a second run with nothing changed: GET ∥ search.
 */
export async function syncActionItems(
  incidentKey: string,
  items: readonly ActionItemInput[],
  known: Readonly<Record<string, KnownSubtask | undefined>>,
  deps: ActionItemsSyncDeps,
): Promise<ActionItemsSync> {
  if (!ISSUE_KEY_PATTERN.test(incidentKey)) throw new AppFailure('VALIDATION', `"${incidentKey}" is not a Jira issue key.`);
  const { request, siteUrl } = deps;
  const retry = deps.retry ?? defaultRetryClock();
  const metaCache = deps.metaCache ?? createSubtaskMetaCache();
  const syncedAt = deps.now().toISOString();

  // Both need only the key: one round. For a caller who cannot see the incident the search
  // fails too (JQL names an issue they cannot see); the incident's 404 is the answer then.
  const [incidentRead, searched] = await Promise.allSettled([readIncident(request, incidentKey), searchSubtasks(request, incidentKey)]);
  if (incidentRead.status === 'rejected') throw incidentRead.reason;
  const project = incidentRead.value;
  if (searched.status === 'rejected') throw searched.reason;
  const subtasks = [...searched.value, ...(await mappedOutsideSearch(request, incidentKey, items, known, searched.value))];

  const result: ActionItemsSync = { mapping: {}, created: [], updated: [], failed: [], live: {}, flowed: {} };
  const liveIssues = new Map<string, LiveSubtask>();
  const matched = matchSubtasks(items, keysOf(known), subtasks, incidentKey);
  const toCreate: Plan[] = [];
  const toUpdate: EditPlan[] = [];
  for (const item of items) {
    const existing = matched.get(item.id);
    if (!existing) {
      const problem = itemProblem(item);
      if (problem) result.failed.push({ itemId: item.id, message: problem });
      else toCreate.push(planOf(item, incidentKey, siteUrl));
      continue;
    }
    const p = propertyOf(existing);
    const last = p?.fingerprint ?? known[item.id]?.fingerprint ?? '';
    const { base, description } = baseOf(item, known[item.id], last, incidentKey, siteUrl);
    result.mapping[item.id] = {
      key: existing.key,
      fingerprint: last,
      syncedAt: p?.syncedAt ?? known[item.id]?.syncedAt ?? syncedAt,
      base,
      ...(description ? { description } : {}),
    };
    liveIssues.set(item.id, existing);
    const live = toLive(existing, siteUrl, syncedAt);
    const app = appValues(item);
    const merge = live ? mergeItem(base, app, liveValues(live, { ...app, ...base })) : null;
    const flow: ItemFlow = {};
    if (merge && live) {
      result.mapping[item.id].base = merge.base;
      for (const f of ['summary', 'owner', 'dueDate', 'priority'] as const) {
        if (merge.outcomes[f] !== 'from-jira') continue;
        if (f === 'owner') flow.owner = live.assignee;
        else if (f === 'dueDate') flow.dueDate = live.dueDate;
        else flow[f] = merge.values[f] as string;
      }
      if (Object.keys(flow).length > 0) result.flowed[item.id] = flow;
    }
    const merged = withFlow(item, flow);
    const problem = itemProblem(merged);
    if (problem) {
      result.failed.push({ itemId: item.id, message: problem });
      continue;
    }
    const plan = planOf(merged, incidentKey, siteUrl);
    const descriptionNow = descriptionKey(plan.fields);
    const changed: EditField[] = [
      ...(merge?.toJira ?? []).map((f) => JIRA_FIELD[f]),
      ...(descriptionNow !== description ? ['description' as const] : []),
    ];
    if (changed.length === 0) {
      if (result.mapping[item.id].description === undefined) result.mapping[item.id].description = descriptionNow;
      continue;
    }
    const baseAfter = { ...result.mapping[item.id].base, ...Object.fromEntries((merge?.toJira ?? []).map((f) => [f, app[f]])) };
    toUpdate.push({ ...plan, key: existing.key, changed, baseAfter });
  }

  if (toCreate.length > 0 || toUpdate.length > 0) {
    const meta = await metaCache.get(request, project.key, incidentKey);
    const fillable = <P extends Plan>(plans: P[]): P[] =>
      plans.filter((plan) => {
        const missing = missingRequired(plan.fields, meta.required);
        if (missing.length > 0) result.failed.push({ itemId: plan.item.id, message: requiredMessage(missing, meta) });
        return missing.length === 0;
      });
    const target: SubtaskTarget = { incidentKey, siteUrl, projectId: project.id, issueTypeId: meta.issueTypeId };
    const created = await createMissing(fillable(toCreate), target, meta, syncedAt, request, retry, result);
    const written = [...created, ...(await updateChanged(fillable(toUpdate), meta, incidentKey, syncedAt, request, result))];
    for (const issue of await readBack(
      request,
      incidentKey,
      written.map((w) => w.key),
    )) {
      const w = written.find((x) => x.key === issue.key);
      if (w) liveIssues.set(w.itemId, issue);
    }
    // A new sub-task agrees with what Jira made of it (a field its screen does not take keeps
    // Jira's default), else with what was sent.
    for (const { itemId } of created) {
      const item = toCreate.find((plan) => plan.item.id === itemId)!;
      const live = liveIssues.has(itemId) ? toLive(liveIssues.get(itemId)!, siteUrl, syncedAt) : null;
      const app = appValues(item.item);
      result.mapping[itemId] = {
        ...result.mapping[itemId],
        base: live ? liveValues(live, app) : app,
        description: descriptionKey(item.fields),
      };
    }
  }

  for (const [itemId, issue] of liveIssues) {
    const live = toLive(issue, siteUrl, result.mapping[itemId]?.syncedAt ?? syncedAt);
    if (live) result.live[itemId] = live;
  }
  const order = new Map(items.map((item, i) => [item.id, i]));
  const byItemOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  result.created.sort(byItemOrder);
  result.updated.sort(byItemOrder);
  result.failed.sort((a, b) => byItemOrder(a.itemId, b.itemId));
  return result;
}

/** The incident's project; NOT_FOUND when it is missing or hidden from the caller (Jira's 404). */
async function readIncident(request: JiraRequest, incidentKey: string): Promise<{ id: string; key: string }> {
  const what = `reading ${incidentKey}`;
  const reply = await request({ path: route`/rest/api/3/issue/${incidentKey}?fields=project,issuetype`, what });
  if (reply.status === 404) throw new AppFailure('NOT_FOUND', `${incidentKey} does not exist or you do not have permission to see it.`);
  if (reply.status !== 200) throw upstreamFailure(reply, what);
  const issue = reply.body as { fields: { project: { id: string; key: string }; issuetype?: { subtask?: boolean } } };
  if (issue.fields.issuetype?.subtask) {
    throw new AppFailure(
      'VALIDATION',
      `${incidentKey} is itself a sub-task, and Jira cannot nest sub-tasks: start the review from its parent.`,
    );
  }
  return issue.fields.project;
}

/**
 * Sub-tasks the stored mapping names that the search did not return: Jira's search is only
 * eventually consistent, so a sub-task created moments ago may be missing from it. Bulk fetch
 * reads them directly before anything is created again; one that is gone, or moved to another
 * parent, is created anew.
 */
async function mappedOutsideSearch(
  request: JiraRequest,
  incidentKey: string,
  items: readonly ActionItemInput[],
  known: Readonly<Record<string, KnownSubtask | undefined>>,
  searched: readonly LiveSubtask[],
): Promise<LiveSubtask[]> {
  const seen = new Set(searched.map((s) => s.key));
  const keys = items.flatMap((item) => {
    const key = known[item.id]?.key;
    return key !== undefined && !seen.has(key) ? [key] : [];
  });
  if (keys.length === 0) return [];
  const issues = await fetchSubtasks(request, [...new Set(keys)], `checking the sub-tasks of ${incidentKey}`);
  return issues.filter((i) => i.fields.parent?.key === incidentKey);
}

interface Written {
  itemId: string;
  key: string;
}

/**
 * Creates the planned sub-tasks, ≤ 50 per POST /issue/bulk. A bulk create is not idempotent, so
 * when its outcome is unknown (429, 5xx, lost answer) the sub-tasks are searched again and only
 * the missing ones are sent again, after Retry-After or a jittered backoff, within the budget.
 */
async function createMissing(
  plans: Plan[],
  target: SubtaskTarget,
  meta: SubtaskMeta,
  syncedAt: string,
  request: JiraRequest,
  retry: RetryClock,
  result: ActionItemsSync,
): Promise<Written[]> {
  const written: Written[] = [];
  const done = (plan: Plan, key: string, fingerprint: string, at: string) => {
    result.mapping[plan.item.id] = { key, fingerprint, syncedAt: at, base: appValues(plan.item), description: descriptionKey(plan.fields) };
    result.created.push(plan.item.id);
    written.push({ itemId: plan.item.id, key });
  };
  let pending = plans;
  for (let round = 0; pending.length > 0; round++) {
    const unsure: Plan[] = [];
    let lastReply: JiraReply | null = null;
    for (const batch of chunk(pending, BULK_CREATE)) {
      const outcome = await bulkCreate(request, batch, target, meta, syncedAt);
      for (const { plan, key } of outcome.created) done(plan, key, plan.fingerprint, syncedAt);
      for (const { plan, message } of outcome.failed) result.failed.push({ itemId: plan.item.id, message });
      unsure.push(...outcome.unsure);
      lastReply = outcome.reply ?? lastReply;
    }
    if (unsure.length === 0) break;

    const delay = round < MAX_RETRIES ? retryDelayMs(round, lastReply?.retryAfter ?? null, () => retry.random()) : null;
    let found: Map<string, LiveSubtask> | null = null;
    if (delay !== null && delay <= retry.budgetLeftMs()) {
      await retry.sleep(delay);
      found = await searchSubtasks(request, target.incidentKey).then(
        (issues) =>
          matchSubtasks(
            unsure.map((p) => p.item),
            {},
            issues,
            target.incidentKey,
          ),
        () => null,
      );
    }
    if (!found) {
      const why = lastReply
        ? upstreamFailure(lastReply, `creating the sub-tasks of ${target.incidentKey}`).message
        : `Jira did not confirm the sub-task of this action item.`;
      for (const plan of unsure) {
        result.failed.push({ itemId: plan.item.id, message: `${why} Creating again will not duplicate it.` });
      }
      break;
    }
    pending = [];
    for (const plan of unsure) {
      const issue = found.get(plan.item.id);
      const p = issue ? propertyOf(issue) : undefined;
      if (issue) done(plan, issue.key, p?.fingerprint ?? plan.fingerprint, p?.syncedAt ?? syncedAt);
      else pending.push(plan);
    }
  }
  return written;
}

interface BulkOutcome {
  created: { plan: Plan; key: string }[];
  failed: { plan: Plan; message: string }[];
  /** Created or not: Jira's answer does not say. */
  unsure: Plan[];
  reply: JiraReply | null;
}

/** Jira's error body: messages, and field id → message. */
interface ErrorCollection {
  errorMessages?: string[];
  errors?: Record<string, string>;
}

interface CreatedIssues {
  issues?: { id: string; key: string }[];
  errors?: { failedElementNumber?: number; elementErrors?: ErrorCollection }[];
}

async function bulkCreate(
  request: JiraRequest,
  batch: Plan[],
  target: SubtaskTarget,
  meta: SubtaskMeta,
  syncedAt: string,
): Promise<BulkOutcome> {
  const body = {
    issueUpdates: batch.map((plan) =>
      toCreateBody(plan.fields, target, meta.fields, itemProperty(plan.item.id, target.incidentKey, plan.fingerprint, syncedAt)),
    ),
  };
  let reply: JiraReply;
  try {
    reply = await request({ path: route`/rest/api/3/issue/bulk`, body, what: `creating the sub-tasks of ${target.incidentKey}` });
  } catch {
    return { created: [], failed: [], unsure: batch, reply: null }; // the answer was lost, not necessarily the sub-tasks
  }
  if (isRetryableStatus(reply.status) || reply.status >= 500) return { created: [], failed: [], unsure: batch, reply };
  const answer = (reply.body ?? {}) as CreatedIssues;
  if (reply.status !== 201 && reply.status !== 400) {
    const message = upstreamFailure(reply, `creating the sub-tasks of ${target.incidentKey}`).message;
    return { created: [], failed: batch.map((plan) => ({ plan, message })), unsure: [], reply };
  }
  const errors = answer.errors ?? [];
  const perElement = new Map<number, string>();
  for (const e of errors)
    if (typeof e.failedElementNumber === 'number') perElement.set(e.failedElementNumber, elementMessage(e.elementErrors, meta));
  if (reply.status === 400 && perElement.size === 0) {
    // The request as a whole was refused: every element fails with Jira's words.
    const message = errors.map((e) => elementMessage(e.elementErrors, meta)).join(' ') || 'Jira refused the sub-tasks.';
    return { created: [], failed: batch.map((plan) => ({ plan, message })), unsure: [], reply };
  }
  // Jira lists the created issues in request order, without the failed elements.
  const succeeded = batch.filter((_, i) => !perElement.has(i));
  const issues = answer.issues ?? [];
  const created = succeeded.slice(0, issues.length).map((plan, i) => ({ plan, key: issues[i].key }));
  return {
    created,
    failed: batch.flatMap((plan, i) => (perElement.has(i) ? [{ plan, message: perElement.get(i)! }] : [])),
    // More successes claimed than issues returned: find the rest by property rather than guess.
    unsure: succeeded.slice(issues.length),
    reply,
  };
}

function elementMessage(e: ErrorCollection | undefined, meta: SubtaskMeta): string {
  const parts = [...(e?.errorMessages ?? []), ...Object.entries(e?.errors ?? {}).map(([f, m]) => `${meta.names[f] ?? f}: ${m}`)];
  return parts.length > 0 ? `Jira refused the sub-task: ${parts.join(' ')}` : 'Jira refused the sub-task.';
}

const ITEM_WORDS: Record<ItemField, string> = {
  description: 'a description',
  assignee: 'an owner',
  duedate: 'a due date',
  priority: 'a priority',
  labels: 'labels',
};

function requiredMessage(missing: readonly ItemField[], meta: SubtaskMeta): string {
  const what = missing.map((f) => ITEM_WORDS[f]).join(' and ');
  return `Project ${meta.projectKey} requires ${what} on a ${meta.issueTypeName}: add it to this action item, then create it again.`;
}

/** PUT /issue/{key} for each changed item (idempotent, so retried on 429), the property's fingerprint in the same write. */
async function updateChanged(
  plans: EditPlan[],
  meta: SubtaskMeta,
  incidentKey: string,
  syncedAt: string,
  request: JiraRequest,
  result: ActionItemsSync,
): Promise<Written[]> {
  const pool = createBoundedPool(EDIT_CONCURRENCY);
  const outcomes = await Promise.all(
    plans.map((plan) =>
      pool.run(async () => {
        const what = `updating ${plan.key}`;
        const body = toEditBody(
          plan.fields,
          meta.fields,
          itemProperty(plan.item.id, incidentKey, plan.fingerprint, syncedAt),
          plan.changed,
        );
        if (body === null) return { plan, ok: true as const, sent: false };
        try {
          const reply = await request({ path: route`/rest/api/3/issue/${plan.key}`, method: 'PUT', body, what });
          if (reply.status === 204 || reply.status === 200) return { plan, ok: true as const, sent: true };
          if (reply.status === 404)
            return { plan, ok: false as const, message: `${plan.key} no longer exists or you cannot see it any more.` };
          if (reply.status === 400) return { plan, ok: false as const, message: elementMessage(reply.body as ErrorCollection, meta) };
          return { plan, ok: false as const, message: upstreamFailure(reply, what).message };
        } catch (e) {
          return { plan, ok: false as const, message: e instanceof AppFailure ? e.message : `Jira could not be reached while ${what}.` };
        }
      }),
    ),
  );
  const written: Written[] = [];
  for (const o of outcomes) {
    if (o.ok && o.sent) {
      result.mapping[o.plan.item.id] = {
        key: o.plan.key,
        fingerprint: o.plan.fingerprint,
        syncedAt,
        base: o.plan.baseAfter,
        description: descriptionKey(o.plan.fields),
      };
      result.updated.push(o.plan.item.id);
      written.push({ itemId: o.plan.item.id, key: o.plan.key });
    } else if (!o.ok) {
      result.failed.push({ itemId: o.plan.item.id, message: o.message });
    }
  }
  return written;
}

/**
 * The written sub-tasks' live fields, by bulk fetch (not search: it is strongly consistent, and
 * one request for up to 100). Everything not written this run was just read by the search. A
 * failed read-back costs only the status display of those items, never the sync.
 */
async function readBack(request: JiraRequest, incidentKey: string, keys: readonly string[]): Promise<LiveSubtask[]> {
  if (keys.length === 0) return [];
  return fetchSubtasks(request, keys, `reading back the sub-tasks of ${incidentKey}`).catch(() => []);
}

export function toLive(issue: LiveSubtask, siteUrl: string, syncedAt: string): ActionItemJira | null {
  const f = issue.fields;
  if (!f.status) return null;
  return {
    key: issue.key,
    url: issueUrl(siteUrl, issue.key),
    status: toStatus(f.status),
    assignee: toPerson(f.assignee),
    dueDate: f.duedate ?? null,
    // Left out when Jira did not answer them, so a merge counts them as unchanged rather than cleared.
    ...(f.summary !== undefined ? { summary: f.summary } : {}),
    ...(f.priority !== undefined ? { priority: f.priority?.name ?? null } : {}),
    ...(typeof f.created === 'string' ? { createdAt: f.created } : {}),
    ...(f.resolutiondate !== undefined ? { resolvedAt: f.resolutiondate ?? null } : {}),
    syncedAt,
  };
}

const keysOf = (known: Readonly<Record<string, KnownSubtask | undefined>>): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(known).map(([id, k]) => [id, k?.key]));

function planOf(item: ActionItemInput, incidentKey: string, siteUrl: string): Plan {
  const fields = subtaskFields(item, incidentKey, siteUrl);
  return { item, fields, fingerprint: fingerprintOf(fields) };
}
