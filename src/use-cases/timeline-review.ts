import type {
  AnnotationPatch,
  EntryKey,
  EntryPage,
  IncidentOverview,
  KeyMomentName,
  ManualEntryInput,
  PublishAudience,
  SeverityLevel,
  TimelineChange,
  TimelineResult,
  TimelineView,
} from '../contract';
import { createHash } from 'node:crypto';
import { AppFailure } from '../domain/app-error';
import type { IncidentSources } from '../domain/sources';
import { buildEntries, commentEntry, type PulledEntry } from '../domain/timeline-build';
import { applyAnnotationPatch, assembleTimeline, manualEntry, missingComments, reconcilePull } from '../domain/timeline-merge';
import { accessQuestions, canSee, commentIdOf, visibleEntries, type Visibility } from '../domain/visibility';
import { annotatedEntryOf, digestOf, markedEntryOf, restrictedComments, type MarkedEntry } from '../domain/timeline-digest';
import { entryAudience, publishAudience, type AudienceItem } from '../domain/report/publish-audience';
import { chunksForRange, entryRange } from '../domain/timeline-page';
import { compareEntries, sortEntries } from '../domain/timeline-order';
import {
  ConflictError,
  savedOrConflict,
  type PullHead,
  type PullMeta,
  type TimelineState,
  type StoredTimeline,
} from '../storage/timeline-store';
import { getIncidentOverview } from './get-incident-overview';
import type { TimelineDeps } from './timeline-deps';
import {
  basisMoments,
  digestBasis,
  firstPageOf,
  headBasis,
  toTimelineView,
  viewFromBasis,
  type DigestPage,
  type ViewBasis,
} from './timeline-view';
import { headMomentsHold, seesAllOf } from '../domain/timeline-head';
import { projectOf } from '../domain/issue-key';

const CONFLICT_MESSAGE = 'Someone else changed this review while you were editing. We reloaded it: check and apply your change again.';
/** A refresh re-reads and retries its meta write this often when an edit lands in between. */
const REFRESH_WRITE_ATTEMPTS = 3;

function issueTypesOf(sources: IncidentSources): Record<string, string> {
  return Object.fromEntries([sources.incident, ...sources.related].map((i) => [i.key, i.issueType]));
}

async function pull(deps: TimelineDeps, issueKey: string): Promise<IncidentSources> {
  const sources = await deps.fetchSources(issueKey);
  if (!sources) throw new AppFailure('NOT_FOUND', "This incident doesn't exist or you don't have permission to see it.");
  return sources;
}

/** What the caller may see of these entries, asked of Jira as the caller (batched, cached for the invocation). */
async function visibilityOf(deps: TimelineDeps, reviewKey: string, entries: readonly PulledEntry[]): Promise<Visibility> {
  const { issueKeys, restrictedCommentIds } = accessQuestions(entries, reviewKey);
  return deps.access.visibility(issueKeys, restrictedCommentIds);
}

/** The view as the caller may see it. */
async function viewFor(
  deps: TimelineDeps,
  review: StoredTimeline,
  pulled: readonly PulledEntry[],
  incident: IncidentOverview,
): Promise<TimelineView> {
  return toTimelineView(review, pulled, incident, await visibilityOf(deps, review.incidentKey, pulled));
}

async function loadView(deps: TimelineDeps, review: StoredTimeline, incident: IncidentOverview): Promise<TimelineView> {
  return viewFor(deps, review, await deps.store.loadPulled(review.incidentKey, review.state.pulled), incident);
}

/** Every read and write starts here: the caller must be able to browse the incident (as themselves). */
async function authorise(deps: TimelineDeps, issueKey: string): Promise<IncidentOverview> {
  return getIncidentOverview(deps.jira, issueKey);
}

/**
 * The whole timeline, every entry in `entries`: for use cases that read it all (publishing, the
 * Markdown export, the incident summary). Too big for an answer on a large incident: a resolver
 * answers `openTimeline`.
 */
export async function getTimeline(deps: TimelineDeps, issueKey: string): Promise<TimelineResult> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  return review ? loadView(deps, review, incident) : { started: false, incident };
}

/** What the caller may see of a pull's sources (every source issue and restricted comment its head names, in one batch). */
function headVisibility(deps: TimelineDeps, head: PullHead): Promise<Visibility> {
  return deps.access.visibility(head.digest.issues, head.digest.comments);
}

/** Everything visible: for derived data no person reads directly (the summary index). */
const everyone = (head: PullHead): Visibility => ({ issues: new Set(head.digest.issues), comments: new Set(head.digest.comments) });

/** The whole digest of a review's pull, read at most once per call (none at all when in hand). */
function detailOnce(deps: TimelineDeps, review: StoredTimeline): () => Promise<PullMeta> {
  let detail: Promise<PullMeta> | undefined;
  return () => (detail ??= deps.store.loadDetail(review));
}

/**
 * What a view is worked out from (issue 13, flat): the head when the viewer may see every source
 * and the head's moment candidates hold, else the whole digest (see TimelineHead).
 */
async function basisFor(
  review: StoredTimeline,
  head: PullHead,
  visibility: Visibility,
  detail: () => Promise<PullMeta>,
): Promise<ViewBasis> {
  if (seesAllOf(head.digest, visibility)) {
    const basis = headBasis(head.digest);
    if (headMomentsHold(head.digest, review.state.marks ?? {}, basisMoments(review, basis).moments.detected.at)) return basis;
  }
  const { digest, issueTypes } = await detail();
  return digestBasis(digest, issueTypes, review.incidentKey, visibility);
}

/** The view of a digest review as `visibility` sees it, with `page` when the answer carries the first page. */
async function headView(
  review: StoredTimeline,
  head: PullHead,
  page: DigestPage | null,
  incident: IncidentOverview,
  visibility: Visibility,
  detail: () => Promise<PullMeta>,
): Promise<TimelineView> {
  return viewFromBasis(review, await basisFor(review, head, visibility, detail), head.starts, page, incident, visibility);
}

/** The first stored chunk and where the next begins: the first page of a digest view. */
async function firstChunk(deps: TimelineDeps, review: StoredTimeline, head: PullHead): Promise<DigestPage> {
  const { pulled } = review.state;
  return { pulled: pulled.chunks > 0 ? await deps.store.loadPulled(review.incidentKey, pulled, [0]) : [], end: head.starts[0] ?? null };
}

/**
 * The timeline as the panel and the macro open it: the first page, and where the others start.
 * A review pulled since issue 13 reads its pull's head and the first chunk only (or no chunk when
 * `entries` is false: the macro's summary and action-item views), whatever the incident's size;
 * the whole digest only for a viewer who may not see every source. An older one reads every chunk
 * once, as before.
 */
export async function openTimeline(
  deps: TimelineDeps,
  issueKey: string,
  { entries = true }: { entries?: boolean } = {},
): Promise<TimelineResult> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  if (!review) return { started: false, incident };
  const { head } = review.state.pulled;
  if (!head) return firstPageOf(await loadView(deps, review, incident));
  const [page, visibility] = await Promise.all([entries ? firstChunk(deps, review, head) : null, headVisibility(deps, head)]);
  return headView(review, head, page, incident, visibility, detailOnce(deps, review));
}

/**
 * What publishing the review would quote that not every reader of a space may see in Jira, as the
 * caller may see it (null before the review starts). From the stored digest: no chunk is read.
 */
export async function timelineAudience(deps: TimelineDeps, issueKey: string): Promise<PublishAudience | null> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  if (!review) return null;
  const { head } = review.state.pulled;
  if (!head) {
    const view = await loadView(deps, review, incident);
    return publishAudience(entryAudience(view.entries), issueKey);
  }
  // Per source issue and restriction: the whole digest (the publish form, not every open).
  const [v, { digest }] = await Promise.all([headVisibility(deps, head), deps.store.loadDetail(review)]);
  const sees = (key: string) => key === issueKey || v.issues.has(key);
  const items: AudienceItem[] = [
    ...Object.entries(digest.issues).flatMap(([key, i]) => (sees(key) ? [{ issueKey: key, entries: i.entries }] : [])),
    ...restrictedComments(digest)
      .filter((r) => sees(r.issueKey) && v.comments.has(r.commentId))
      .map((r) => ({ issueKey: r.issueKey, entries: 1, restricted: true, ...(r.restriction && { restriction: r.restriction }) })),
  ];
  return publishAudience(items, issueKey);
}

const STALE_PAGE_MESSAGE = 'This review changed while its timeline was loading. Reload it to see the latest version.';

/**
 * A range of the timeline at the version the caller opened (see `entryRange`). A review at another
 * version answers CONFLICT: a page of one version is never mixed into the pages of another.
 */
export async function timelineEntries(
  deps: TimelineDeps,
  issueKey: string,
  version: number,
  from: EntryKey | null,
  to: EntryKey | null,
): Promise<EntryPage> {
  await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  if (!review) throw new AppFailure('NOT_FOUND', 'There is no review for this incident yet. Start one first.');
  if (review.version !== version) throw new AppFailure('CONFLICT', STALE_PAGE_MESSAGE);
  const { state } = review;
  if (!state.pulled.head) {
    // Stored before issue 13: every chunk, as before.
    const pulled = await deps.store.loadPulled(issueKey, state.pulled);
    const visibility = await visibilityOf(deps, issueKey, pulled);
    const range = entryRange(visibleEntries(assembleTimeline(pulled, state.manual, state.annotations), issueKey, visibility), from, to);
    return { ...range, version };
  }
  // Only the stored chunks the range spans, found in one segment of the chunk table (pages line up with chunks).
  const segment = await deps.store.chunkBounds(issueKey, state.pulled, from);
  const plan = chunksForRange(segment.bounds, from, to, OPEN_RANGE_CHUNKS);
  const pulled = await deps.store.loadPulled(
    issueKey,
    state.pulled,
    plan.chunks.map((n) => n + segment.offset),
  );
  const pastSegment = segment.end !== null && (to === null || compareEntries(to, segment.end) > 0);
  const cutAt = plan.cutAt ?? (pastSegment ? segment.end : null);
  const visibility = await visibilityOf(deps, issueKey, pulled);
  const assembled = visibleEntries(assembleTimeline(pulled, state.manual, state.annotations), issueKey, visibility);
  // Past the last chunk read, entries are left for the next page (even manual ones, which are always at hand).
  const entries = cutAt ? assembled.filter((e) => compareEntries(e, cutAt) < 0) : assembled;
  const range = entryRange(entries, from, to);
  if (to !== null) return { ...range, next: range.next ?? cutAt, version };
  // An open-ended page names the pages after it, as far as its segment knows (the view named only those of the first).
  const read = plan.chunks.at(-1) ?? -1;
  const pageStarts = [...segment.bounds.slice(read + 1).map((b) => b.first), ...(segment.end ? [segment.end] : [])];
  return { ...range, next: range.next ?? cutAt, version, ...(range.next === null && { pageStarts }) };
}

/** An open-ended page reads one stored chunk: pages line up with chunks, and it names the pages after it. */
const OPEN_RANGE_CHUNKS = 1;

/**
 * Pulls from Jira and merges into what is stored: new entries are added, edited ones updated,
 * vanished ones kept and marked; annotations and manual entries are untouched because they
 * live apart from the pulled entries. The new pull becomes visible with one versioned write.
 */
async function pullAndStore(deps: TimelineDeps, issueKey: string, incident: IncidentOverview): Promise<TimelineView> {
  const sources = await pull(deps, issueKey);
  const fresh = buildEntries(sources);
  const pulledIssues = new Set([sources.incident.key, ...sources.related.map((i) => i.key)]);
  const fingerprint = pullFingerprint(fresh, pulledIssues, issueTypesOf(sources));
  for (let attempt = 1; ; attempt++) {
    const existing = await deps.store.load(issueKey);
    const storedHead = existing?.state.pulled.head;
    if (existing && storedHead && existing.state.pullFingerprint === fingerprint) {
      // Jira holds what the last pull brought: merging it again would change nothing, so no chunk
      // is read or written. Only the time of the pull moves on, with the review's version.
      const next: StoredTimeline = {
        ...existing,
        version: existing.version + 1,
        updatedAt: deps.now().getTime(),
        state: { ...existing.state, pulledAt: sources.pulledAt },
      };
      try {
        await deps.store.save(next, existing.version);
      } catch (e) {
        if (e instanceof ConflictError && attempt < REFRESH_WRITE_ATTEMPTS) continue;
        if (e instanceof ConflictError) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
        throw e;
      }
      const [page, visibility] = await Promise.all([firstChunk(deps, next, storedHead), headVisibility(deps, storedHead)]);
      return headView(next, storedHead, page, incident, visibility, detailOnce(deps, next));
    }
    const previous = existing ? await deps.store.loadPulled(issueKey, existing.state.pulled) : [];
    const merged = reconcilePull(previous, fresh, pulledIssues, await commentsStillInJira(deps, previous, fresh, pulledIssues));
    const annotations = existing?.state.annotations ?? {};
    const derived = {
      digest: digestOf(sortEntries(merged), issueKey),
      marks: marksOf(merged, annotations),
      annotated: annotatedOf(merged, annotations),
      pullFingerprint: fingerprint,
    };
    // The digest and issue types go into the pull's index, beside its chunks: the review stays small.
    const ref = await deps.store.savePulled(issueKey, deps.newId(), merged, existing?.state.pulled ?? null, {
      digest: derived.digest,
      issueTypes: issueTypesOf(sources),
    });
    const now = deps.now();
    const state: TimelineState = existing
      ? { ...existing.state, pulledAt: sources.pulledAt, pulled: ref, issueTypes: issueTypesOf(sources), ...derived }
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
          ...derived,
        };
    const next: StoredTimeline = {
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
      await deps.store.deletePulled(issueKey, ref, existing?.state.pulled ?? null);
      if (e instanceof ConflictError && attempt < REFRESH_WRITE_ATTEMPTS) continue;
      if (e instanceof ConflictError) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
      throw e;
    }
    await deps.store.retirePulled(issueKey, ref, existing?.state.pulled ?? null);
    const { head } = ref;
    if (!head) throw new Error(`The pull of ${issueKey} was stored without its head`);
    // The whole digest is in hand: no read.
    const detail = detailOnce(deps, next);
    await deps.summaries.timelineChanged(await headView(next, head, null, incident, everyone(head), detail));
    const end = head.starts[0] ?? null;
    const page: DigestPage = { pulled: merged.filter((e) => end === null || compareEntries(e, end) < 0), end };
    return headView(next, head, page, incident, await headVisibility(deps, head), detail);
  }
}

/** What a pull brought from Jira, as one hash: equal fingerprints mean merging the second pull changes nothing. */
function pullFingerprint(fresh: readonly PulledEntry[], pulledIssues: ReadonlySet<string>, issueTypes: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const entry of sortEntries(fresh)) hash.update(JSON.stringify(entry)).update('\n');
  hash
    .update(JSON.stringify([...pulledIssues].sort()))
    .update(JSON.stringify(Object.entries(issueTypes).sort(([a], [b]) => a.localeCompare(b))));
  return hash.digest('hex').slice(0, 32);
}

/**
 * Comments a pull left out on issues it did read: asked of Jira as the app, the only identity that
 * can tell "deleted" from "restricted from whoever refreshed". Usually none, and then no request.
 */
async function commentsStillInJira(
  deps: TimelineDeps,
  previous: readonly PulledEntry[],
  fresh: readonly PulledEntry[],
  pulledIssues: ReadonlySet<string>,
): Promise<Map<string, PulledEntry>> {
  const missing = missingComments(previous, fresh, pulledIssues);
  if (missing.length === 0) return new Map();
  const byCommentId = new Map(
    missing.flatMap((e) => {
      const id = commentIdOf(e);
      return id ? [[id, e] as const] : [];
    }),
  );
  const found = await deps.comments.comments(new Map([...byCommentId].map(([id, e]) => [id, e.issueKey])));
  const kept = new Map<string, PulledEntry>();
  for (const [id, c] of found) {
    const before = byCommentId.get(id);
    if (before) kept.set(before.id, commentEntry(c, before));
  }
  return kept;
}

/** The marks of annotated pulled entries, from the entries in hand (a pull has every one). */
function marksOf(pulled: readonly PulledEntry[], annotations: TimelineState['annotations']): Record<string, MarkedEntry> {
  const marks: Record<string, MarkedEntry> = {};
  for (const e of pulled) if (Object.hasOwn(annotations, e.id) && annotations[e.id].moments.length > 0) marks[e.id] = markedEntryOf(e);
  return marks;
}

/** The annotated pulled entries, cut short, from the entries in hand. */
function annotatedOf(pulled: readonly PulledEntry[], annotations: TimelineState['annotations']): Record<string, PulledEntry> {
  const out: Record<string, PulledEntry> = {};
  for (const e of pulled) if (Object.hasOwn(annotations, e.id)) out[e.id] = annotatedEntryOf(e);
  return out;
}

export async function startReview(deps: TimelineDeps, issueKey: string): Promise<TimelineView> {
  const incident = await authorise(deps, issueKey);
  return pullAndStore(deps, issueKey, incident);
}

export async function refreshTimeline(deps: TimelineDeps, issueKey: string): Promise<TimelineView> {
  const incident = await authorise(deps, issueKey);
  if (!(await deps.store.load(issueKey))) throw new AppFailure('NOT_FOUND', 'Start the review before refreshing its timeline.');
  return pullAndStore(deps, issueKey, incident);
}

/** The entries an edit touches, by id: the answer carries them so the UI patches the pages it has. */
export interface Touched {
  changed?: string[];
  removed?: string[];
}

/** A facilitator's edit: applied to the version the user saw, or refused with CONFLICT. */
/** What an edit may read of the pulled entries: one entry, as the editor may see it. */
export interface EditTools {
  /**
   * The pulled entry `entryId` if the editor may see it, else null. With its time `at` (the panel
   * sends it) only the stored chunk that holds it is read; without it, or when it is not there,
   * every chunk is.
   */
  pulledEntry(entryId: string, at?: string): Promise<PulledEntry | null>;
}

/**
 * A facilitator's edit: applied to the version the user saw, or refused with CONFLICT. It reads
 * the review, at most one stored chunk, and writes the review once (issue 13: an edit costs what
 * it changes, not the incident's size). The answer carries what changed and the moments, metrics
 * and counts at the new version, not a page of entries again.
 */
export async function edit(
  deps: TimelineDeps,
  issueKey: string,
  version: number,
  touched: Touched,
  change: (state: TimelineState, tools: EditTools) => Promise<TimelineState> | TimelineState,
): Promise<TimelineChange> {
  const incident = await authorise(deps, issueKey);
  const review = await deps.store.load(issueKey);
  if (!review) throw new AppFailure('NOT_FOUND', 'There is no review for this incident yet. Start one first.');
  if (review.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  const { pulled: ref } = review.state;
  const { head } = ref;
  const read = new Map<string, PulledEntry>();
  let everything: PulledEntry[] | undefined;
  const all = async () => (everything ??= await deps.store.loadPulled(issueKey, ref));
  const tools: EditTools = {
    async pulledEntry(entryId, at) {
      let found: PulledEntry | undefined;
      if (at && head) {
        // Before the second page it is in the first chunk, whose key the head holds; else one segment of the chunk table says which chunk.
        const key = { at, id: entryId };
        const chunk = head.starts.length === 0 || compareEntries(key, head.starts[0]) < 0 ? [0] : null;
        const segment = chunk ? null : await deps.store.chunkBounds(issueKey, ref, key);
        const chunks = chunk ?? chunksForRange(segment!.bounds, key, null, 1).chunks.map((n) => n + segment!.offset);
        found = (await deps.store.loadPulled(issueKey, ref, chunks)).find((e) => e.id === entryId);
      }
      found ??= (await all()).find((e) => e.id === entryId);
      if (!found) return null;
      // What the editor may see: an entry they may not see is, to them, an entry that does not exist.
      if (!canSee(found, issueKey, await visibilityOf(deps, issueKey, [found]))) return null;
      read.set(found.id, found);
      return found;
    },
  };
  const state = await change(review.state, tools);
  // An edit that changes nothing (a re-import of messages already there) writes nothing.
  const unchanged = state === review.state;
  const next: StoredTimeline = unchanged ? review : { ...review, version: review.version + 1, updatedAt: deps.now().getTime(), state };
  if (!unchanged) await savedOrConflict(() => deps.store.save(next, review.version), CONFLICT_MESSAGE);
  const changedIds = new Set(touched.changed ?? []);
  const changedEntries = (view: TimelineView) => view.entries.filter((e) => changedIds.has(e.id));
  if (!head) {
    // Stored before issue 13: worked out over every entry, as before.
    if (!unchanged) await deps.summaries.timelineChanged(toTimelineView(next, await all(), incident));
    const view = await viewFor(deps, next, await all(), incident);
    return { ...firstPageOf(view), entries: [], changed: changedEntries(view), removed: touched.removed ?? [] };
  }
  const detail = detailOnce(deps, review);
  if (!unchanged) await deps.summaries.timelineChanged(await headView(next, head, null, incident, everyone(head), detail));
  const view = await headView(next, head, null, incident, await headVisibility(deps, head), detail);
  const changed = assembleTimeline(
    [...read.values()].filter((e) => changedIds.has(e.id)),
    next.state.manual.filter((m) => changedIds.has(m.id)),
    next.state.annotations,
  );
  return { ...view, paging: { ...view.paging, pageStarts: view.paging.pageStarts.slice(1) }, changed, removed: touched.removed ?? [] };
}

export function annotateEntry(
  deps: TimelineDeps,
  issueKey: string,
  entryId: string,
  patch: AnnotationPatch,
  version: number,
  at?: string,
): Promise<TimelineChange> {
  return edit(deps, issueKey, version, { changed: [entryId] }, async (state, tools) => {
    const manual = state.manual.some((m) => m.id === entryId);
    const pulled = manual ? null : await tools.pulledEntry(entryId, at);
    if (!manual && !pulled) throw new AppFailure('NOT_FOUND', 'That timeline entry no longer exists. Reload the timeline.');
    const annotation = applyAnnotationPatch(state.annotations[entryId], patch);
    const marks = { ...(state.marks ?? {}) };
    if (pulled && annotation.moments.length > 0) marks[entryId] = markedEntryOf(pulled);
    else delete marks[entryId];
    const annotated = { ...(state.annotated ?? {}) };
    if (pulled) annotated[entryId] = annotatedEntryOf(pulled);
    return { ...state, annotations: { ...state.annotations, [entryId]: annotation }, ...(state.pulled.head && { marks, annotated }) };
  });
}

export function addManualEntry(deps: TimelineDeps, issueKey: string, input: ManualEntryInput, version: number): Promise<TimelineChange> {
  const id = `manual:${deps.newId()}`;
  return edit(deps, issueKey, version, { changed: [id] }, (state) => ({
    ...state,
    manual: [...state.manual, manualEntry(id, input, issueKey)],
  }));
}

export function updateManualEntry(
  deps: TimelineDeps,
  issueKey: string,
  entryId: string,
  input: ManualEntryInput,
  version: number,
): Promise<TimelineChange> {
  return edit(deps, issueKey, version, { changed: [entryId] }, (state) => {
    if (!state.manual.some((m) => m.id === entryId)) throw new AppFailure('NOT_FOUND', 'That manual entry no longer exists.');
    return { ...state, manual: state.manual.map((m) => (m.id === entryId ? manualEntry(entryId, input, issueKey) : m)) };
  });
}

export function removeManualEntry(deps: TimelineDeps, issueKey: string, entryId: string, version: number): Promise<TimelineChange> {
  return edit(deps, issueKey, version, { removed: [entryId] }, (state) => {
    if (!state.manual.some((m) => m.id === entryId)) throw new AppFailure('NOT_FOUND', 'That manual entry no longer exists.');
    const annotations = { ...state.annotations };
    delete annotations[entryId];
    return { ...state, manual: state.manual.filter((m) => m.id !== entryId), annotations };
  });
}

export function setMoment(
  deps: TimelineDeps,
  issueKey: string,
  moment: KeyMomentName,
  at: string | null,
  version: number,
): Promise<TimelineChange> {
  return edit(deps, issueKey, version, {}, (state) => {
    const momentOverrides = { ...state.momentOverrides };
    if (at === null) delete momentOverrides[moment];
    else momentOverrides[moment] = at;
    return { ...state, momentOverrides };
  });
}

export function setSeverity(deps: TimelineDeps, issueKey: string, level: SeverityLevel | null, version: number): Promise<TimelineChange> {
  return edit(deps, issueKey, version, {}, (state) => ({ ...state, severityOverride: level }));
}
