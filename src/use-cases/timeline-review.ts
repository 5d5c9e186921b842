import type {
  AnnotationPatch,
  IncidentOverview,
  KeyMomentName,
  ManualEntryInput,
  SeverityLevel,
  TimelineResult,
  TimelineView,
} from '../contract';
import { AppFailure } from '../domain/app-error';
import type { IncidentSources } from '../domain/sources';
import { buildEntries, type PulledEntry } from '../domain/timeline-build';
import { applyAnnotationPatch, manualEntry, mergePull } from '../domain/timeline-merge';
import { ConflictError, type ReviewState, type StoredReview } from '../storage/review-store';
import { getIncidentOverview } from './get-incident-overview';
import type { ReviewDeps } from './review-deps';
import { toTimelineView } from './timeline-view';

const CONFLICT_MESSAGE = 'Someone else changed this review while you were editing. We reloaded it: check and apply your change again.';
/** A refresh re-reads and retries its meta write this often when an edit lands in between. */
const REFRESH_WRITE_ATTEMPTS = 3;

function projectOf(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}

function issueTypesOf(sources: IncidentSources): Record<string, string> {
  return Object.fromEntries([sources.incident, ...sources.related].map((i) => [i.key, i.issueType]));
}

async function pull(deps: ReviewDeps, issueKey: string): Promise<IncidentSources> {
  const sources = await deps.fetchSources(issueKey);
  if (!sources) throw new AppFailure('NOT_FOUND', "This incident doesn't exist or you don't have permission to see it.");
  return sources;
}

async function loadView(deps: ReviewDeps, review: StoredReview, incident: IncidentOverview): Promise<TimelineView> {
  return toTimelineView(review, await deps.store.loadPulled(review.incidentKey, review.state.pulled), incident);
}

/** Every read and write starts here: the caller must be able to browse the incident (as themselves). */
async function authorise(deps: ReviewDeps, issueKey: string): Promise<IncidentOverview> {
  return getIncidentOverview(deps.jira, issueKey);
}

export async function getTimeline(deps: ReviewDeps, issueKey: string): Promise<TimelineResult> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  return review ? loadView(deps, review, incident) : { started: false, incident };
}

/**
 * Pulls from Jira and merges into what is stored: new entries are added, edited ones updated,
 * vanished ones kept and marked; annotations and manual entries are untouched because they
 * live apart from the pulled entries. The new pull becomes visible with one versioned write.
 */
async function pullAndStore(deps: ReviewDeps, issueKey: string, incident: IncidentOverview): Promise<TimelineView> {
  const sources = await pull(deps, issueKey);
  const fresh = buildEntries(sources);
  for (let attempt = 1; ; attempt++) {
    const existing = await deps.store.load(issueKey);
    const previous = existing ? await deps.store.loadPulled(issueKey, existing.state.pulled) : [];
    const merged = mergePull(previous, fresh);
    const ref = await deps.store.savePulled(issueKey, deps.newId(), merged);
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
    if (existing) await deps.store.deletePulled(issueKey, existing.state.pulled);
    const view = toTimelineView(next, merged, incident);
    await deps.summaries.timelineChanged(view);
    return view;
  }
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

/** A facilitator's edit: applied to the version the user saw, or refused with CONFLICT. */
async function edit(
  deps: ReviewDeps,
  issueKey: string,
  version: number,
  change: (state: ReviewState, pulled: () => Promise<PulledEntry[]>) => Promise<ReviewState> | ReviewState,
): Promise<TimelineView> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  if (!review) throw new AppFailure('NOT_FOUND', 'There is no review for this incident yet. Start one first.');
  if (review.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  let pulledCache: PulledEntry[] | undefined;
  const pulled = async () => (pulledCache ??= await deps.store.loadPulled(issueKey, review.state.pulled));
  const next: StoredReview = {
    ...review,
    version: review.version + 1,
    updatedAt: deps.now().getTime(),
    state: await change(review.state, pulled),
  };
  try {
    await deps.store.save(next, review.version);
  } catch (e) {
    if (e instanceof ConflictError) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
    throw e;
  }
  const view = toTimelineView(next, await pulled(), incident);
  await deps.summaries.timelineChanged(view);
  return view;
}

export function annotateEntry(deps: ReviewDeps, issueKey: string, entryId: string, patch: AnnotationPatch, version: number): Promise<TimelineView> {
  return edit(deps, issueKey, version, async (state, pulled) => {
    const known = state.manual.some((m) => m.id === entryId) || (await pulled()).some((e) => e.id === entryId);
    if (!known) throw new AppFailure('NOT_FOUND', 'That timeline entry no longer exists. Reload the timeline.');
    return { ...state, annotations: { ...state.annotations, [entryId]: applyAnnotationPatch(state.annotations[entryId], patch) } };
  });
}

export function addManualEntry(deps: ReviewDeps, issueKey: string, input: ManualEntryInput, version: number): Promise<TimelineView> {
  const id = `manual:${deps.newId()}`;
  return edit(deps, issueKey, version, (state) => ({ ...state, manual: [...state.manual, manualEntry(id, input, issueKey)] }));
}

export function updateManualEntry(deps: ReviewDeps, issueKey: string, entryId: string, input: ManualEntryInput, version: number): Promise<TimelineView> {
  return edit(deps, issueKey, version, (state) => {
    if (!state.manual.some((m) => m.id === entryId)) throw new AppFailure('NOT_FOUND', 'That manual entry no longer exists.');
    return { ...state, manual: state.manual.map((m) => (m.id === entryId ? manualEntry(entryId, input, issueKey) : m)) };
  });
}

export function removeManualEntry(deps: ReviewDeps, issueKey: string, entryId: string, version: number): Promise<TimelineView> {
  return edit(deps, issueKey, version, (state) => {
    if (!state.manual.some((m) => m.id === entryId)) throw new AppFailure('NOT_FOUND', 'That manual entry no longer exists.');
    const annotations = { ...state.annotations };
    delete annotations[entryId];
    return { ...state, manual: state.manual.filter((m) => m.id !== entryId), annotations };
  });
}

export function setMoment(deps: ReviewDeps, issueKey: string, moment: KeyMomentName, at: string | null, version: number): Promise<TimelineView> {
  return edit(deps, issueKey, version, (state) => {
    const momentOverrides = { ...state.momentOverrides };
    if (at === null) delete momentOverrides[moment];
    else momentOverrides[moment] = at;
    return { ...state, momentOverrides };
  });
}

export function setSeverity(deps: ReviewDeps, issueKey: string, level: SeverityLevel | null, version: number): Promise<TimelineView> {
  return edit(deps, issueKey, version, (state) => ({ ...state, severityOverride: level }));
}
