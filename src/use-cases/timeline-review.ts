import type {
  AnnotationPatch,
  EntryKey,
  EntryPage,
  IncidentOverview,
  KeyMomentName,
  ManualEntryInput,
  SeverityLevel,
  TimelineChange,
  TimelineResult,
  TimelineView,
} from '../contract';
import { AppFailure } from '../domain/app-error';
import type { IncidentSources } from '../domain/sources';
import { buildEntries, commentEntry, type PulledEntry } from '../domain/timeline-build';
import { applyAnnotationPatch, assembleTimeline, manualEntry, missingComments, reconcilePull } from '../domain/timeline-merge';
import { accessQuestions, commentIdOf, visibleEntries, type Visibility } from '../domain/visibility';
import { chunksForRange, entryRange } from '../domain/timeline-page';
import { compareEntries } from '../domain/timeline-order';
import { ConflictError, savedOrConflict, type ReviewState, type StoredReview } from '../storage/review-store';
import { getIncidentOverview } from './get-incident-overview';
import type { ReviewDeps } from './review-deps';
import { firstPageOf, toTimelineView } from './timeline-view';
import { projectOf } from '../domain/issue-key';

const CONFLICT_MESSAGE = 'Someone else changed this review while you were editing. We reloaded it: check and apply your change again.';
/** A refresh re-reads and retries its meta write this often when an edit lands in between. */
const REFRESH_WRITE_ATTEMPTS = 3;

function issueTypesOf(sources: IncidentSources): Record<string, string> {
  return Object.fromEntries([sources.incident, ...sources.related].map((i) => [i.key, i.issueType]));
}

async function pull(deps: ReviewDeps, issueKey: string): Promise<IncidentSources> {
  const sources = await deps.fetchSources(issueKey);
  if (!sources) throw new AppFailure('NOT_FOUND', "This incident doesn't exist or you don't have permission to see it.");
  return sources;
}

/** What the caller may see of these entries, asked of Jira as the caller (batched, cached for the invocation). */
async function visibilityOf(deps: ReviewDeps, reviewKey: string, entries: readonly PulledEntry[]): Promise<Visibility> {
  const { issueKeys, restrictedCommentIds } = accessQuestions(entries, reviewKey);
  return deps.access.visibility(issueKeys, restrictedCommentIds);
}

/** The view as the caller may see it. */
async function viewFor(deps: ReviewDeps, review: StoredReview, pulled: readonly PulledEntry[], incident: IncidentOverview): Promise<TimelineView> {
  return toTimelineView(review, pulled, incident, await visibilityOf(deps, review.incidentKey, pulled));
}

async function loadView(deps: ReviewDeps, review: StoredReview, incident: IncidentOverview): Promise<TimelineView> {
  return viewFor(deps, review, await deps.store.loadPulled(review.incidentKey, review.state.pulled), incident);
}

/** Every read and write starts here: the caller must be able to browse the incident (as themselves). */
async function authorise(deps: ReviewDeps, issueKey: string): Promise<IncidentOverview> {
  return getIncidentOverview(deps.jira, issueKey);
}

/**
 * The whole timeline, every entry in `entries`: for use cases that read it all (publishing, the
 * Markdown export, the incident summary). Too big for an answer on a large incident: a resolver
 * answers `openTimeline`.
 */
export async function getTimeline(deps: ReviewDeps, issueKey: string): Promise<TimelineResult> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  return review ? loadView(deps, review, incident) : { started: false, incident };
}

/** The timeline as the panel and the macro open it: the first page, and where the others start. */
export async function openTimeline(deps: ReviewDeps, issueKey: string): Promise<TimelineResult> {
  const result = await getTimeline(deps, issueKey);
  return result.started ? firstPageOf(result) : result;
}

const STALE_PAGE_MESSAGE = 'This review changed while its timeline was loading. Reload it to see the latest version.';

/**
 * A range of the timeline at the version the caller opened (see `entryRange`). A review at another
 * version answers CONFLICT: a page of one version is never mixed into the pages of another.
 */
export async function timelineEntries(deps: ReviewDeps, issueKey: string, version: number, from: EntryKey | null, to: EntryKey | null): Promise<EntryPage> {
  await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  if (!review) throw new AppFailure('NOT_FOUND', 'There is no review for this incident yet. Start one first.');
  if (review.version !== version) throw new AppFailure('CONFLICT', STALE_PAGE_MESSAGE);
  const { state } = review;
  // Only the stored chunks the range spans (a page of the large incident reads ~1 MB, not all 7).
  const plan = state.pulled.bounds ? chunksForRange(state.pulled.bounds, from, to, OPEN_RANGE_CHUNKS) : null;
  const pulled = await deps.store.loadPulled(issueKey, state.pulled, plan?.chunks);
  const cutAt = plan?.cutAt ?? null;
  const visibility = await visibilityOf(deps, issueKey, pulled);
  const assembled = visibleEntries(assembleTimeline(pulled, state.manual, state.annotations), issueKey, visibility);
  // Past the last chunk read, entries are left for the next page (even manual ones, which are always at hand).
  const entries = cutAt ? assembled.filter((e) => compareEntries(e, cutAt) < 0) : assembled;
  const range = entryRange(entries, from, to);
  return { ...range, next: range.next ?? cutAt, version };
}

/** An open-ended page reads at most this many stored chunks (200 KiB each; a page is at most 768 KiB). */
const OPEN_RANGE_CHUNKS = 5;

/**
 * Pulls from Jira and merges into what is stored: new entries are added, edited ones updated,
 * vanished ones kept and marked; annotations and manual entries are untouched because they
 * live apart from the pulled entries. The new pull becomes visible with one versioned write.
 */
async function pullAndStore(deps: ReviewDeps, issueKey: string, incident: IncidentOverview): Promise<TimelineView> {
  const sources = await pull(deps, issueKey);
  const fresh = buildEntries(sources);
  const pulledIssues = new Set([sources.incident.key, ...sources.related.map((i) => i.key)]);
  for (let attempt = 1; ; attempt++) {
    const existing = await deps.store.load(issueKey);
    const previous = existing ? await deps.store.loadPulled(issueKey, existing.state.pulled) : [];
    const merged = reconcilePull(previous, fresh, pulledIssues, await commentsStillInJira(deps, previous, fresh, pulledIssues));
    const ref = await deps.store.savePulled(issueKey, deps.newId(), merged, existing?.state.pulled ?? null);
    const now = deps.now();
    const state: ReviewState = existing
      ? { ...existing.state, pulledAt: sources.pulledAt, pulled: ref, issueTypes: issueTypesOf(sources) }
      : {
          createdAt: now.toISOString(),
          createdBy: deps.accountId,
          pulledAt: sources.pulledAt,
          pulled: ref,
          issueTypes: issueTypesOf(sources),
          momentOverrides: {},
          severityOverride: null,
          manual: [],
          annotations: {},
        };
    const next: StoredReview = {
      incidentKey: issueKey,
      projectKey: projectOf(issueKey),
      status: existing?.status ?? 'draft',
      version: (existing?.version ?? 0) + 1,
      updatedAt: now.getTime(),
      state,
    };
    try {
      await deps.store.save(next, existing?.version ?? null);
    } catch (e) {
      await deps.store.deletePulled(issueKey, ref);
      if (e instanceof ConflictError && attempt < REFRESH_WRITE_ATTEMPTS) continue;
      if (e instanceof ConflictError) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
      throw e;
    }
    await deps.store.retirePulled(issueKey, ref, existing?.state.pulled ?? null);
    await deps.summaries.timelineChanged(toTimelineView(next, merged, incident));
    return firstPageOf(await viewFor(deps, next, merged, incident));
  }
}

/**
 * Comments a pull left out on issues it did read: asked of Jira as the app, the only identity that
 * can tell "deleted" from "restricted from whoever refreshed". Usually none, and then no request.
 */
async function commentsStillInJira(
  deps: ReviewDeps,
  previous: readonly PulledEntry[],
  fresh: readonly PulledEntry[],
  pulledIssues: ReadonlySet<string>,
): Promise<Map<string, PulledEntry>> {
  const missing = missingComments(previous, fresh, pulledIssues);
  if (missing.length === 0) return new Map();
  const byCommentId = new Map(missing.flatMap((e) => { const id = commentIdOf(e); return id ? [[id, e] as const] : []; }));
  const found = await deps.comments.comments(new Map([...byCommentId].map(([id, e]) => [id, e.issueKey])));
  const kept = new Map<string, PulledEntry>();
  for (const [id, c] of found) {
    const before = byCommentId.get(id);
    if (before) kept.set(before.id, commentEntry(c, before));
  }
  return kept;
}

export async function startReview(deps: ReviewDeps, issueKey: string): Promise<TimelineView> {
  const incident = await authorise(deps, issueKey);
  return pullAndStore(deps, issueKey, incident);
}

export async function refreshTimeline(deps: ReviewDeps, issueKey: string): Promise<TimelineView> {
  const incident = await authorise(deps, issueKey);
  if (!(await deps.store.load(issueKey))) throw new AppFailure('NOT_FOUND', 'Start the review before refreshing its timeline.');
  return pullAndStore(deps, issueKey, incident);
}

/** The entries an edit touches, by id: the answer carries them so the UI patches the pages it has. */
interface Touched {
  changed?: string[];
  removed?: string[];
}

/** A facilitator's edit: applied to the version the user saw, or refused with CONFLICT. */
async function edit(
  deps: ReviewDeps,
  issueKey: string,
  version: number,
  touched: Touched,
  change: (state: ReviewState, visible: () => Promise<PulledEntry[]>) => Promise<ReviewState> | ReviewState,
): Promise<TimelineChange> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  if (!review) throw new AppFailure('NOT_FOUND', 'There is no review for this incident yet. Start one first.');
  if (review.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  let pulledCache: PulledEntry[] | undefined;
  const pulled = async () => (pulledCache ??= await deps.store.loadPulled(issueKey, review.state.pulled));
  // What the editor may see: an entry they may not see is, to them, an entry that does not exist.
  const visible = async () => visibleEntries(await pulled(), issueKey, await visibilityOf(deps, issueKey, await pulled()));
  const next: StoredReview = {
    ...review,
    version: review.version + 1,
    updatedAt: deps.now().getTime(),
    state: await change(review.state, visible),
  };
  await savedOrConflict(() => deps.store.save(next, review.version), CONFLICT_MESSAGE);
  await deps.summaries.timelineChanged(toTimelineView(next, await pulled(), incident));
  const view = await viewFor(deps, next, await pulled(), incident);
  const changedIds = new Set(touched.changed ?? []);
  return { ...firstPageOf(view), changed: view.entries.filter((e) => changedIds.has(e.id)), removed: touched.removed ?? [] };
}

export function annotateEntry(deps: ReviewDeps, issueKey: string, entryId: string, patch: AnnotationPatch, version: number): Promise<TimelineChange> {
  return edit(deps, issueKey, version, { changed: [entryId] }, async (state, visible) => {
    const known = state.manual.some((m) => m.id === entryId) || (await visible()).some((e) => e.id === entryId);
    if (!known) throw new AppFailure('NOT_FOUND', 'That timeline entry no longer exists. Reload the timeline.');
    return { ...state, annotations: { ...state.annotations, [entryId]: applyAnnotationPatch(state.annotations[entryId], patch) } };
  });
}

export function addManualEntry(deps: ReviewDeps, issueKey: string, input: ManualEntryInput, version: number): Promise<TimelineChange> {
  const id = `manual:${deps.newId()}`;
  return edit(deps, issueKey, version, { changed: [id] }, (state) => ({ ...state, manual: [...state.manual, manualEntry(id, input, issueKey)] }));
}

export function updateManualEntry(deps: ReviewDeps, issueKey: string, entryId: string, input: ManualEntryInput, version: number): Promise<TimelineChange> {
  return edit(deps, issueKey, version, { changed: [entryId] }, (state) => {
    if (!state.manual.some((m) => m.id === entryId)) throw new AppFailure('NOT_FOUND', 'That manual entry no longer exists.');
    return { ...state, manual: state.manual.map((m) => (m.id === entryId ? manualEntry(entryId, input, issueKey) : m)) };
  });
}

export function removeManualEntry(deps: ReviewDeps, issueKey: string, entryId: string, version: number): Promise<TimelineChange> {
  return edit(deps, issueKey, version, { removed: [entryId] }, (state) => {
    if (!state.manual.some((m) => m.id === entryId)) throw new AppFailure('NOT_FOUND', 'That manual entry no longer exists.');
    const annotations = { ...state.annotations };
    delete annotations[entryId];
    return { ...state, manual: state.manual.filter((m) => m.id !== entryId), annotations };
  });
}

export function setMoment(deps: ReviewDeps, issueKey: string, moment: KeyMomentName, at: string | null, version: number): Promise<TimelineChange> {
  return edit(deps, issueKey, version, {}, (state) => {
    const momentOverrides = { ...state.momentOverrides };
    if (at === null) delete momentOverrides[moment];
    else momentOverrides[moment] = at;
    return { ...state, momentOverrides };
  });
}

export function setSeverity(deps: ReviewDeps, issueKey: string, level: SeverityLevel | null, version: number): Promise<TimelineChange> {
  return edit(deps, issueKey, version, {}, (state) => ({ ...state, severityOverride: level }));
}
