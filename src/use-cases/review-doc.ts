import type { ActionItem, ActionItemInput, BlamelessFinding, CheckedField, IncidentOverview, ReviewContent, ReviewDoc, ReviewStatus, TimelineResult } from '../contract';
import { renderReviewMarkdown } from '../domain/markdown-export';
import { AppFailure } from '../domain/app-error';
import { checkBlameless, summarizeFindings } from '../domain/blameless/check';
import { canMoveStatus, defaultContent, peopleNames, textFields } from '../domain/review-doc';
import type { JiraPort } from '../jira/jira-port';
import { ConflictError } from '../storage/review-store';
import type { ReviewDocStore, StoredReviewDoc } from '../storage/review-doc-store';
import { getIncidentOverview } from './get-incident-overview';

export interface DocDeps {
  jira: JiraPort;
  docs: ReviewDocStore;
  now(): Date;
  accountId: string;
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

function itemView(item: ActionItemInput, stored: StoredReviewDoc): ActionItem {
  return { ...item, jira: null, overdue: false, syncError: stored.doc.syncErrors[item.id] ?? null };
}

export function toReviewDoc(stored: StoredReviewDoc): ReviewDoc {
  const { content, actionItems } = stored.doc;
  return {
    incidentKey: stored.incidentKey,
    status: stored.doc.status,
    content,
    actionItems: actionItems.map((i) => itemView(i, stored)),
    findings: summarizeFindings(textFields(content, actionItems), { knownNames: peopleNames(content) }),
    version: stored.version,
    updatedAt: stored.updatedAt ? new Date(stored.updatedAt).toISOString() : null,
  };
}

async function loadOrDefault(deps: DocDeps, issueKey: string): Promise<StoredReviewDoc> {
  const incident = await getIncidentOverview(deps.jira, issueKey);
  return (await deps.docs.load(issueKey)) ?? emptyDoc(incident);
}

export async function getReviewDoc(deps: DocDeps, issueKey: string): Promise<ReviewDoc> {
  return toReviewDoc(await loadOrDefault(deps, issueKey));
}

async function write(deps: DocDeps, current: StoredReviewDoc, version: number, doc: StoredReviewDoc['doc']): Promise<ReviewDoc> {
  if (current.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  const next: StoredReviewDoc = { incidentKey: current.incidentKey, version: version + 1, updatedAt: deps.now().getTime(), doc };
  try {
    await deps.docs.save(next, version === 0 ? null : version);
  } catch (e) {
    if (e instanceof ConflictError) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
    throw e;
  }
  return toReviewDoc(next);
}

/** Saves what the facilitator typed; blameless findings are reported, never blocking. */
export async function saveReviewDoc(deps: DocDeps, issueKey: string, content: ReviewContent, items: ActionItemInput[], version: number): Promise<ReviewDoc> {
  const current = await loadOrDefault(deps, issueKey);
  // Who created the review is recorded by the first save, from Jira, never from the payload.
  const createdBy = current.version === 0 ? await deps.jira.myself() : current.doc.content.meeting.createdBy;
  const kept = new Set(items.map((i) => i.id));
  const sync = Object.fromEntries(Object.entries(current.doc.sync).filter(([id]) => kept.has(id)));
  return write(deps, current, version, {
    ...current.doc,
    content: { ...content, meeting: { ...content.meeting, createdBy } },
    actionItems: items,
    // An item removed from the review keeps its sub-task in Jira; the review just stops tracking it.
    sync,
  });
}

export async function setReviewStatus(deps: DocDeps, issueKey: string, status: ReviewStatus, version: number): Promise<ReviewDoc> {
  const current = await loadOrDefault(deps, issueKey);
  if (!canMoveStatus(current.doc.status, status)) {
    throw new AppFailure('VALIDATION', status === 'published' ? 'A review is published by publishing it to Confluence.' : `A ${current.doc.status} review cannot move to ${status}.`);
  }
  return write(deps, current, version, { ...current.doc, status });
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
    doc: toReviewDoc(stored),
    timeline: result.started ? result : null,
    incident: result.incident,
    timeZone,
    generatedAt: deps.now().toISOString(),
  });
}
