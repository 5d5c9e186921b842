import { withOneCommander } from '../domain/incident-commander';
import type {
  ActionItem,
  ActionItemConflict,
  ActionItemInput,
  ActionItemJira,
  ActionSyncResult,
  BlamelessFinding,
  CheckedField,
  IncidentOverview,
  MeetingNotice,
  ReviewContent,
  ReviewDoc,
  ReviewStatus,
  TimelineResult,
} from '../contract';
import { meetingKey } from '../domain/meeting/meeting-key';
import { renderReviewMarkdown } from '../domain/markdown-export';
import { AppFailure } from '../domain/app-error';
import { isOverdue, mergeItem, type SyncedBase, type SyncedValues } from '../domain/action-items';
import { appValues, liveValues } from '../jira/action-items/subtask-fields';
import { checkBlameless, summarizeFindings } from '../domain/blameless/check';
import type { ActionItemsLivePort } from '../jira/action-items/subtask-live';
import type { ActionItemsSyncPort, ItemFlow } from '../jira/action-items/subtask-sync';
import { canMoveStatus, defaultContent, peopleNames, textFields } from '../domain/review-doc';
import type { JiraPort } from '../jira/jira-port';
import { ConflictError, savedOrConflict } from '../storage/timeline-store';
import type { ReviewDocStore, StoredReviewDoc } from '../storage/review-doc-store';
import { getIncidentOverview } from './get-incident-overview';
import type { SummaryIndexer } from './summary-indexer';
import type { LeasePort } from '../storage/lease-store';
import { utcDay } from '../domain/issue-key';
import { namesForCheck, type PeopleLookup } from './check-names';
import { withPolicyDueDates } from '../domain/countermeasure-policy';

export interface DocDeps {
  jira: JiraPort;
  docs: ReviewDocStore;
  now(): Date;
  accountId: string;
  actions: { sync: ActionItemsSyncPort; live: ActionItemsLivePort };
  /** Keeps the After Action Summaries index in step with saves. */
  summaries: SummaryIndexer;
  /** One sub-task sync per incident at a time (Jira has no conditional create). */
  leases: LeasePort;
  newId(): string;
  /**
   * The due date the site's countermeasure policy gives a sub-task created now for `incident`
   * (issue 17), or null; applied to items with none when their sub-task is created. Absent: no policy.
   */
  policyDueDate?(incident: IncidentOverview): Promise<string | null>;
}

const CONFLICT_MESSAGE =
  'Someone else saved this review while you were editing. We reloaded it: your text is kept in the form, check it and save again.';

export function emptyDoc(incident: IncidentOverview): StoredReviewDoc {
  return {
    incidentKey: incident.key,
    version: 0,
    updatedAt: 0,
    doc: { status: 'draft', content: defaultContent(incident), actionItems: [], sync: {}, syncErrors: {} },
  };
}

/**
 * The item as shown: fields changed only in Jira (since the base) flow in, fields changed on both
 * sides are conflicts beside the app's value. Overdue is worked out from the sub-task's live due
 * date and status when there is one. Without a base (a review stored before bases were kept and
 * not read from Jira since) the item shows as stored.
 */
function itemView(
  item: ActionItemInput,
  stored: StoredReviewDoc,
  live: Record<string, ActionItemJira>,
  bases: Record<string, SyncedBase | undefined>,
  today: string,
): ActionItem {
  const jira = live[item.id] ?? null;
  const base = bases[item.id];
  const view: ActionItem = { ...item, jira, overdue: false, syncError: stored.doc.syncErrors[item.id] ?? null, conflicts: [] };
  if (jira && base) {
    const app = appValues(item);
    const merge = mergeItem(base, app, liveValues(jira, { ...app, ...base }));
    Object.assign(view, flowOf(merge.outcomes, jira, merge.values));
    view.conflicts = merge.conflicts.map((field) => conflictOf(field, item, jira, merge.values));
  }
  view.overdue = isOverdue(jira ? jira.dueDate : item.dueDate, jira?.status.category ?? null, today);
  return view;
}

function flowOf(outcomes: ReturnType<typeof mergeItem>['outcomes'], jira: ActionItemJira, values: SyncedValues): ItemFlow {
  const flow: ItemFlow = {};
  if (outcomes.summary === 'from-jira') flow.summary = values.summary ?? '';
  if (outcomes.owner === 'from-jira') flow.owner = jira.assignee;
  if (outcomes.dueDate === 'from-jira') flow.dueDate = jira.dueDate;
  if (outcomes.priority === 'from-jira' && values.priority !== null) flow.priority = values.priority;
  return flow;
}

function conflictOf(field: keyof SyncedValues, item: ActionItemInput, jira: ActionItemJira, values: SyncedValues): ActionItemConflict {
  switch (field) {
    case 'summary':
      return { field, app: item.summary, jira: jira.summary ?? '' };
    case 'owner':
      return { field, app: item.owner, jira: jira.assignee };
    case 'dueDate':
      return { field, app: item.dueDate, jira: jira.dueDate };
    case 'priority':
      return { field, app: item.priority, jira: jira.priority ?? values.priority ?? '' };
  }
}

/** The last notice sent (a claim in flight shows the one before it); absent when there is none. */
function noticeOf(stored: StoredReviewDoc): { meetingNotice?: MeetingNotice } {
  const notice = stored.doc.notice;
  const sent = notice?.state === 'sent' ? notice : notice?.previous;
  if (!sent) return {};
  const { meetingKey: key, sentAt, sentBy, commentId, commentUrl, mentioned } = sent;
  return {
    meetingNotice: {
      meetingKey: key,
      sentAt,
      sentBy,
      commentId,
      commentUrl,
      mentioned,
      current: meetingKey(stored.doc.content.meeting) === key,
    },
  };
}

const storedBases = (stored: StoredReviewDoc): Record<string, SyncedBase | undefined> =>
  Object.fromEntries(Object.entries(stored.doc.sync).map(([id, s]) => [id, s.base]));

/** The people a saved review names: its meeting people and commander, and its action items' owners. */
function reviewNames(content: ReviewContent, items: readonly ActionItemInput[]): string[] {
  return [...new Set([...peopleNames(content), ...items.flatMap((i) => (i.owner ? [i.owner.displayName] : []))])];
}

export function toReviewDoc(
  stored: StoredReviewDoc,
  today: string,
  live: Record<string, ActionItemJira> = stored.doc.live ?? {},
  bases: Record<string, SyncedBase | undefined> = storedBases(stored),
): ReviewDoc {
  const { content, actionItems } = stored.doc;
  return {
    incidentKey: stored.incidentKey,
    status: stored.doc.status,
    content,
    actionItems: actionItems.map((i) => itemView(i, stored, live, bases, today)),
    findings: summarizeFindings(textFields(content, actionItems), { knownNames: reviewNames(content, actionItems) }),
    version: stored.version,
    updatedAt: stored.updatedAt ? new Date(stored.updatedAt).toISOString() : null,
    ...noticeOf(stored),
  };
}

/**
 * The stored review (or the default for the incident), after checking the caller can browse the
 * incident. A use case that has just read the incident as the caller passes it in (`checked`),
 * so one invocation asks Jira once.
 */
async function loadWithIncident(
  deps: DocDeps,
  issueKey: string,
  checked?: IncidentOverview,
): Promise<{ stored: StoredReviewDoc; incident: IncidentOverview }> {
  const incident = checked ?? (await getIncidentOverview(deps.jira, issueKey));
  return { stored: (await deps.docs.load(issueKey)) ?? emptyDoc(incident), incident };
}

export async function loadOrDefault(deps: DocDeps, issueKey: string, checked?: IncidentOverview): Promise<StoredReviewDoc> {
  return (await loadWithIncident(deps, issueKey, checked)).stored;
}

/** The review as the panel opens it, with each sub-task's live Jira status flowing back. */
export async function getReviewDoc(deps: DocDeps, issueKey: string, checked?: IncidentOverview): Promise<ReviewDoc> {
  const stored = await loadOrDefault(deps, issueKey, checked);
  const { live, bases } = await deps.actions.live(issueKey, stored.doc.actionItems, stored.doc.sync);
  return toReviewDoc(stored, utcDay(deps.now()), live, bases);
}

const SYNC_SAVE_ATTEMPTS = 3;

/**
 * Creates missing sub-tasks and updates changed ones, then records the mapping. The sync is
 * idempotent (sub-tasks carry the item id as an issue property), so when the mapping write
 * loses a race with an edit the review is re-read and written again; a later sync would
 * rediscover the sub-tasks anyway, so nothing is duplicated and nothing typed is lost.
 */
export async function syncActions(deps: DocDeps, issueKey: string): Promise<ActionSyncResult> {
  // Two people pressing "Create in Jira" at once: the second waits for the first, then finds its
  // sub-tasks by their item property instead of creating them again.
  // Authorised before the lease is touched: a caller who cannot browse the incident writes nothing.
  const incident = await getIncidentOverview(deps.jira, issueKey);
  const leased = await deps.leases.withLease(`actions-sync:${issueKey}`, deps.newId(), () => syncActionsHeld(deps, issueKey, incident));
  if (!leased.ran)
    throw new AppFailure('CONFLICT', 'Someone else is creating the sub-tasks of this review right now. Try again in a moment.');
  return leased.value;
}

async function syncActionsHeld(deps: DocDeps, issueKey: string, incident: IncidentOverview): Promise<ActionSyncResult> {
  // Read inside the lease: what a previous holder recorded is seen here.
  let stored = (await deps.docs.load(issueKey)) ?? emptyDoc(incident);
  // Items with no due date get the policy's when their sub-task is created, so Jira shows it too.
  const due = deps.policyDueDate ? await deps.policyDueDate(incident) : null;
  const synced = (doc: StoredReviewDoc['doc']) => new Set(Object.keys(doc.sync));
  const sent = withPolicyDueDates(stored.doc.actionItems, synced(stored.doc), due);
  const result = await deps.actions.sync(issueKey, sent, stored.doc.sync);
  const errors = Object.fromEntries(result.failed.map((f) => [f.itemId, f.message]));
  for (let attempt = 1; ; attempt++) {
    const next: StoredReviewDoc = {
      incidentKey: issueKey,
      version: stored.version + 1,
      updatedAt: deps.now().getTime(),
      doc: {
        ...stored.doc,
        actionItems: withFlows(withPolicyDueDates(stored.doc.actionItems, synced(stored.doc), due), sent, result.flowed),
        sync: { ...stored.doc.sync, ...result.mapping },
        syncErrors: errors,
        live: result.live,
      },
    };
    try {
      await deps.docs.save(next, stored.version === 0 ? null : stored.version);
      const doc = toReviewDoc(next, utcDay(deps.now()));
      await deps.summaries.docChanged(doc, incident);
      return { doc, created: result.created, updated: result.updated, failed: result.failed };
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= SYNC_SAVE_ATTEMPTS)
        throw e instanceof ConflictError ? new AppFailure('CONFLICT', CONFLICT_MESSAGE) : e;
      stored = (await deps.docs.load(issueKey)) ?? emptyDoc(incident);
    }
  }
}

/**
 * Jira's values flow into the items, each only where the item still has the value the sync
 * merged from: an edit saved while the sync ran (then retried here) is kept, and the next sync
 * merges it against Jira's value like any other.
 */
function withFlows(
  items: readonly ActionItemInput[],
  sent: readonly ActionItemInput[],
  flowed: Record<string, ItemFlow>,
): ActionItemInput[] {
  const before = new Map(sent.map((item) => [item.id, item]));
  return items.map((item) => {
    const flow = flowed[item.id];
    const was = before.get(item.id);
    if (!flow || !was) return item;
    const same = (f: keyof ItemFlow) => (f === 'owner' ? item.owner?.accountId === was.owner?.accountId : item[f] === was[f]);
    const keys = (Object.keys(flow) as (keyof ItemFlow)[]).filter(same);
    return { ...item, ...Object.fromEntries(keys.map((f) => [f, flow[f]])) };
  });
}

async function write(
  deps: DocDeps,
  current: StoredReviewDoc,
  incident: IncidentOverview,
  version: number,
  doc: StoredReviewDoc['doc'],
): Promise<ReviewDoc> {
  if (current.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  const next: StoredReviewDoc = { incidentKey: current.incidentKey, version: version + 1, updatedAt: deps.now().getTime(), doc };
  await savedOrConflict(() => deps.docs.save(next, version === 0 ? null : version), CONFLICT_MESSAGE);
  const view = toReviewDoc(next, utcDay(deps.now()));
  await deps.summaries.docChanged(view, incident);
  return view;
}

/** Saves what the facilitator typed; blameless findings are reported, never blocking. */
export async function saveReviewDoc(
  deps: DocDeps,
  issueKey: string,
  content: ReviewContent,
  items: ActionItemInput[],
  version: number,
): Promise<ReviewDoc> {
  const { stored: current, incident } = await loadWithIncident(deps, issueKey);
  // Who created the review is recorded by the first save, from Jira, never from the payload.
  const createdBy = current.version === 0 ? await deps.jira.myself() : current.doc.content.meeting.createdBy;
  const kept = new Set(items.map((i) => i.id));
  const sync = Object.fromEntries(Object.entries(current.doc.sync).filter(([id]) => kept.has(id)));
  return write(deps, current, incident, version, {
    ...current.doc,
    // The commander field and the participants' commander role name one person, whatever the payload says.
    content: withOneCommander({ ...content, meeting: { ...content.meeting, createdBy } }),
    actionItems: items,
    // An item removed from the review keeps its sub-task in Jira; the review just stops tracking it.
    sync,
  });
}

export async function setReviewStatus(deps: DocDeps, issueKey: string, status: ReviewStatus, version: number): Promise<ReviewDoc> {
  const { stored: current, incident } = await loadWithIncident(deps, issueKey);
  if (!canMoveStatus(current.doc.status, status)) {
    throw new AppFailure(
      'VALIDATION',
      status === 'published'
        ? 'A review is published by publishing it to Confluence.'
        : `A ${current.doc.status} review cannot move to ${status}.`,
    );
  }
  return write(deps, current, incident, version, { ...current.doc, status });
}

/**
 * Checks one text as it is typed. Names come from the saved review (people and owners), from the
 * form as typed now (`typed`, not saved yet), and, for a capitalised subject of a failure still
 * unknown, from Jira as the caller sees it (`lookup`).
 */
export async function checkText(
  deps: DocDeps,
  issueKey: string,
  text: string,
  field: CheckedField,
  typed: readonly string[] = [],
  lookup?: PeopleLookup,
): Promise<BlamelessFinding[]> {
  const current = await loadOrDefault(deps, issueKey);
  const saved = reviewNames(current.doc.content, current.doc.actionItems);
  const knownNames = await namesForCheck(issueKey, text, { knownNames: [...new Set([...saved, ...typed])], field }, lookup);
  return checkBlameless(text, { knownNames, field });
}

/** The whole review as Markdown: document, timeline (when started), incident and its tickets. */
export async function exportMarkdown(
  deps: DocDeps,
  timeline: (issueKey: string) => Promise<TimelineResult>,
  issueKey: string,
  timeZone: string,
): Promise<{ filename: string; markdown: string }> {
  const result = await timeline(issueKey);
  const stored = (await deps.docs.load(issueKey)) ?? emptyDoc(result.incident);
  return renderReviewMarkdown({
    doc: toReviewDoc(stored, utcDay(deps.now())),
    timeline: result.started ? result : null,
    incident: result.incident,
    timeZone,
    generatedAt: deps.now().toISOString(),
  });
}

const SETTLE_STALE = 'This conflict changed since you saw it (the action item or Jira moved on). We reloaded the review: check it again.';

/**
 * Settles one conflict the way the user chose, as they saw it. Keeping theirs records Jira's value
 * as agreed, so the next sync writes the review's value over exactly that value (and, should Jira
 * have moved on again, shows a new conflict instead). Taking Jira's puts it in the item, so both
 * sides agree. Refused (CONFLICT) when the item no longer holds the value the user saw.
 */
export async function settleConflict(
  deps: DocDeps,
  issueKey: string,
  itemId: string,
  conflict: ActionItemConflict,
  keep: 'mine' | 'jira',
  version: number,
): Promise<ReviewDoc> {
  const { stored: current, incident } = await loadWithIncident(deps, issueKey);
  const item = current.doc.actionItems.find((i) => i.id === itemId);
  const sync = current.doc.sync[itemId];
  if (!item || !sync) throw new AppFailure('NOT_FOUND', 'This action item has no sub-task in Jira to settle with.');
  const field = conflict.field;
  const appNow = appValues(item)[field];
  const appSeen = appValues({ ...item, [field]: conflict.app })[field];
  // The item moved on, or it agrees with Jira again (a sync recorded the agreement since).
  if (appNow !== appSeen || sync.base?.[field] === appNow) throw new AppFailure('CONFLICT', SETTLE_STALE);
  const jiraSeen = appValues({ ...item, [field]: conflict.jira })[field];
  const doc: StoredReviewDoc['doc'] =
    keep === 'mine'
      ? { ...current.doc, sync: { ...current.doc.sync, [itemId]: { ...sync, base: { ...sync.base, [field]: jiraSeen } } } }
      : { ...current.doc, actionItems: current.doc.actionItems.map((i) => (i.id === itemId ? { ...i, [field]: conflict.jira } : i)) };
  if (keep === 'jira' && !sync.base) {
    // Without a base (a review stored before bases were kept) the agreement starts here.
    doc.sync = { ...doc.sync, [itemId]: { ...sync, base: { [field]: jiraSeen } } };
  }
  await write(deps, current, incident, version, doc);
  // Answered as an open would (one search): the stored Jira state may predate the value the user saw.
  return getReviewDoc(deps, issueKey, incident);
}
