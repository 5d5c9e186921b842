import type { ActionItem, ActionItemInput, ActionItemJira, ActionSyncResult, BlamelessFinding, CheckedField, IncidentOverview, ReviewContent, ReviewDoc, ReviewStatus, TimelineResult } from '../contract';
import { renderReviewMarkdown } from '../domain/markdown-export';
import { AppFailure } from '../domain/app-error';
import { isOverdue } from '../domain/action-items';
import { checkBlameless, summarizeFindings } from '../domain/blameless/check';
import type { ActionItemsLivePort } from '../jira/action-items/subtask-live';
import type { ActionItemsSyncPort } from '../jira/action-items/subtask-sync';
import { canMoveStatus, defaultContent, peopleNames, textFields } from '../domain/review-doc';
import type { JiraPort } from '../jira/jira-port';
import { ConflictError, savedOrConflict } from '../storage/review-store';
import type { ReviewDocStore, StoredReviewDoc } from '../storage/review-doc-store';
import { getIncidentOverview } from './get-incident-overview';
import type { SummaryIndexer } from './summary-indexer';
import type { LeasePort } from '../storage/lease-store';
import { utcDay } from '../domain/issue-key';

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
}

const CONFLICT_MESSAGE = 'Someone else saved this review while you were editing. We reloaded it: your text is kept in the form, check it and save again.';

function emptyDoc(incident: IncidentOverview): StoredReviewDoc {
  return {
    incidentKey: incident.key,
    version: 0,
    updatedAt: 0,
    doc: { status: 'draft', content: defaultContent(incident), actionItems: [], sync: {}, syncErrors: {} },
  };
}

function itemView(item: ActionItemInput, stored: StoredReviewDoc, live: Record<string, ActionItemJira>, today: string): ActionItem {
  const jira = live[item.id] ?? null;
  const dueDate = jira?.dueDate ?? item.dueDate;
  return { ...item, jira, overdue: isOverdue(dueDate, jira?.status.category ?? null, today), syncError: stored.doc.syncErrors[item.id] ?? null };
}

export function toReviewDoc(stored: StoredReviewDoc, today: string, live: Record<string, ActionItemJira> = stored.doc.live ?? {}): ReviewDoc {
  const { content, actionItems } = stored.doc;
  return {
    incidentKey: stored.incidentKey,
    status: stored.doc.status,
    content,
    actionItems: actionItems.map((i) => itemView(i, stored, live, today)),
    findings: summarizeFindings(textFields(content, actionItems), { knownNames: peopleNames(content) }),
    version: stored.version,
    updatedAt: stored.updatedAt ? new Date(stored.updatedAt).toISOString() : null,
  };
}

/**
 * The stored review (or the default for the incident), after checking the caller can browse the
 * incident. A use case that has just read the incident as the caller passes it in (`checked`),
 * so one invocation asks Jira once.
 */
async function loadWithIncident(deps: DocDeps, issueKey: string, checked?: IncidentOverview): Promise<{ stored: StoredReviewDoc; incident: IncidentOverview }> {
  const incident = checked ?? (await getIncidentOverview(deps.jira, issueKey));
  return { stored: (await deps.docs.load(issueKey)) ?? emptyDoc(incident), incident };
}

export async function loadOrDefault(deps: DocDeps, issueKey: string, checked?: IncidentOverview): Promise<StoredReviewDoc> {
  return (await loadWithIncident(deps, issueKey, checked)).stored;
}


/** The review as the panel opens it, with each sub-task's live Jira status flowing back. */
export async function getReviewDoc(deps: DocDeps, issueKey: string, checked?: IncidentOverview): Promise<ReviewDoc> {
  const stored = await loadOrDefault(deps, issueKey, checked);
  const live = await deps.actions.live(issueKey, stored.doc.sync);
  return toReviewDoc(stored, utcDay(deps.now()), live);
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
  if (!leased.ran) throw new AppFailure('CONFLICT', 'Someone else is creating the sub-tasks of this review right now. Try again in a moment.');
  return leased.value;
}

async function syncActionsHeld(deps: DocDeps, issueKey: string, incident: IncidentOverview): Promise<ActionSyncResult> {
  // Read inside the lease: what a previous holder recorded is seen here.
  let stored = (await deps.docs.load(issueKey)) ?? emptyDoc(incident);
  const result = await deps.actions.sync(issueKey, stored.doc.actionItems, stored.doc.sync);
  const errors = Object.fromEntries(result.failed.map((f) => [f.itemId, f.message]));
  for (let attempt = 1; ; attempt++) {
    const next: StoredReviewDoc = {
      incidentKey: issueKey,
      version: stored.version + 1,
      updatedAt: deps.now().getTime(),
      doc: { ...stored.doc, sync: { ...stored.doc.sync, ...result.mapping }, syncErrors: errors, live: result.live },
    };
    try {
      await deps.docs.save(next, stored.version === 0 ? null : stored.version);
      const doc = toReviewDoc(next, utcDay(deps.now()));
      await deps.summaries.docChanged(doc, incident);
      return { doc, created: result.created, updated: result.updated, failed: result.failed };
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= SYNC_SAVE_ATTEMPTS) throw e instanceof ConflictError ? new AppFailure('CONFLICT', CONFLICT_MESSAGE) : e;
      stored = (await deps.docs.load(issueKey)) ?? emptyDoc(incident);
    }
  }
}

async function write(deps: DocDeps, current: StoredReviewDoc, incident: IncidentOverview, version: number, doc: StoredReviewDoc['doc']): Promise<ReviewDoc> {
  if (current.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  const next: StoredReviewDoc = { incidentKey: current.incidentKey, version: version + 1, updatedAt: deps.now().getTime(), doc };
  await savedOrConflict(() => deps.docs.save(next, version === 0 ? null : version), CONFLICT_MESSAGE);
  const view = toReviewDoc(next, utcDay(deps.now()));
  await deps.summaries.docChanged(view, incident);
  return view;
}

/** Saves what the facilitator typed; blameless findings are reported, never blocking. */
export async function saveReviewDoc(deps: DocDeps, issueKey: string, content: ReviewContent, items: ActionItemInput[], version: number): Promise<ReviewDoc> {
  const { stored: current, incident } = await loadWithIncident(deps, issueKey);
  // Who created the review is recorded by the first save, from Jira, never from the payload.
  const createdBy = current.version === 0 ? await deps.jira.myself() : current.doc.content.meeting.createdBy;
  const kept = new Set(items.map((i) => i.id));
  const sync = Object.fromEntries(Object.entries(current.doc.sync).filter(([id]) => kept.has(id)));
  return write(deps, current, incident, version, {
    ...current.doc,
    content: { ...content, meeting: { ...content.meeting, createdBy } },
    actionItems: items,
    // An item removed from the review keeps its sub-task in Jira; the review just stops tracking it.
    sync,
  });
}

export async function setReviewStatus(deps: DocDeps, issueKey: string, status: ReviewStatus, version: number): Promise<ReviewDoc> {
  const { stored: current, incident } = await loadWithIncident(deps, issueKey);
  if (!canMoveStatus(current.doc.status, status)) {
    throw new AppFailure('VALIDATION', status === 'published' ? 'A review is published by publishing it to Confluence.' : `A ${current.doc.status} review cannot move to ${status}.`);
  }
  return write(deps, current, incident, version, { ...current.doc, status });
}

export async function checkText(deps: DocDeps, issueKey: string, text: string, field: CheckedField): Promise<BlamelessFinding[]> {
  const current = await loadOrDefault(deps, issueKey);
  return checkBlameless(text, { knownNames: peopleNames(current.doc.content), field });
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
