import type { Annotation, EntryKey, IncidentOverview, KeyMoments, TimelineEntry, TimelineView } from '../contract';
import { computeMetrics } from '../domain/metrics';
import { deriveMoments } from '../domain/key-moments';
import { severityFor } from '../domain/severity';
import { assembleTimeline, peopleOf } from '../domain/timeline-merge';
import type { PulledEntry } from '../domain/timeline-build';
import { firstPage, wholeTimeline } from '../domain/timeline-page';
import { canSee, momentsFor, type Visibility } from '../domain/visibility';
import { candidateEntries, type TimelineDigest } from '../domain/timeline-digest';
import { countsOf, type PulledCounts, type TimelineHead } from '../domain/timeline-head';
import { compareEntries } from '../domain/timeline-order';
import type { StoredTimeline } from '../storage/timeline-store';

/**
 * The whole view, every entry in `entries`, derived from what is stored (nothing derived is
 * stored). For use cases that read every entry (reports, export, the summaries index); a
 * resolver answers `firstPageOf` it.
 *
 * With `visibility` (every view a person reads), entries the viewer may not see are left out:
 * moments and metrics still use their times, but the view names none of them, and counts and
 * people are of what the viewer sees. Without it, the view is the review's own, for derived data
 * no person reads directly (the summary index's durations).
 */
export function toTimelineView(
  review: StoredTimeline,
  pulled: readonly PulledEntry[],
  incident: IncidentOverview,
  visibility?: Visibility,
): TimelineView {
  const { state } = review;
  const all = assembleTimeline([...pulled], state.manual, state.annotations);
  const allMoments = deriveMoments(all, review.incidentKey, state.momentOverrides, state.issueTypes);
  const { metrics, problems } = computeMetrics(allMoments);
  const entries = visibility ? all.filter((e) => canSee(e, review.incidentKey, visibility)) : all;
  const moments = visibility ? momentsFor(allMoments, new Set(entries.map((e) => e.id))) : allMoments;
  return {
    incidentKey: review.incidentKey,
    incident,
    started: true,
    pulledAt: state.pulledAt,
    entries,
    paging: wholeTimeline(entries),
    moments,
    metrics,
    problems,
    severity: severityFor(incident.priority, state.severityOverride ?? undefined),
    people: peopleOf(entries),
    version: review.version,
  };
}

/** The view as an answer carries it: moments, metrics and people over every entry, the entries of the first page only. */
export function firstPageOf(view: TimelineView): TimelineView {
  return { ...view, ...firstPage(view.entries) };
}

/** Whether an annotation says anything (a cleared one is kept as an empty record). */
const isAnnotated = (a: Annotation) =>
  a.kind !== undefined || a.phase !== undefined || a.impact !== undefined || a.moments.length > 0 || a.internal;

/** Before every entry (manual ones too): where the first page begins when a view carries none. */
export const TIMELINE_START: EntryKey = { at: '0001-01-01T00:00:00.000Z', id: 'start' };

/** The first page as a digest view carries it: the first stored chunk's entries, and where the next chunk begins. */
export interface DigestPage {
  pulled: readonly PulledEntry[];
  /** Where the page ends (the next chunk's first entry), null when it runs to the end. */
  end: EntryKey | null;
}

/** The questions to ask Jira about a digest: every source issue but the review's own, and every restricted comment. */
export function digestQuestions(digest: TimelineDigest, reviewKey: string): { issueKeys: string[]; restrictedCommentIds: string[] } {
  return {
    issueKeys: Object.keys(digest.issues).filter((k) => k !== reviewKey),
    restrictedCommentIds: [...new Set(digest.restricted.map(([commentId]) => commentId))],
  };
}

/** Everything visible: for derived data no person reads directly (the summary index). */
export function seesEverything(digest: TimelineDigest): Visibility {
  return { issues: new Set(Object.keys(digest.issues)), comments: new Set(digest.restricted.map(([commentId]) => commentId)) };
}

/** What a digest view's moments and counts come from: the head alone when it is enough, else the whole digest (see TimelineHead). */
export interface ViewBasis {
  candidates: TimelineDigest['candidates'];
  issueTypes: Readonly<Record<string, string>>;
  /** The pulled entries and people as the viewer may see them. */
  counts: PulledCounts;
}

/** The basis from the whole digest, for any viewer. */
export const digestBasis = (
  digest: TimelineDigest,
  issueTypes: Readonly<Record<string, string>>,
  incidentKey: string,
  visibility: Visibility,
): ViewBasis => ({
  candidates: digest.candidates,
  issueTypes,
  counts: countsOf(digest, incidentKey, visibility),
});

/** The basis from the head: only for a viewer who sees every source (`seesAllOf`) and moments the head holds (`headMomentsHold`). */
export const headBasis = (head: TimelineHead): ViewBasis => ({
  candidates: head.candidates,
  issueTypes: head.issueTypes,
  counts: head.everyone,
});

/** The moments of a basis before any visibility: what decides whether the head's candidates hold (its `detected`). */
export function basisMoments(
  review: StoredTimeline,
  basis: Pick<ViewBasis, 'candidates' | 'issueTypes'>,
): { moments: KeyMoments; entries: TimelineEntry[] } {
  const { state, incidentKey } = review;
  const marked = Object.entries(state.marks ?? {}).map(([id, m]): PulledEntry => ({
    id,
    at: m.at,
    source: m.source,
    issueKey: m.issueKey,
    relation: '',
    actor: null,
    text: '',
    ...(m.restricted && { restricted: true }),
  }));
  // A candidate keeps its `to` (what its default needs) when it is also marked.
  const byId = new Map([...marked, ...candidateEntries({ candidates: basis.candidates })].map((e) => [e.id, e]));
  const entries = assembleTimeline([...byId.values()], state.manual, state.annotations);
  return { moments: deriveMoments(entries, incidentKey, state.momentOverrides, basis.issueTypes), entries };
}

/**
 * The view from what is stored with the review, reading no chunk (issue 13): moments from the
 * digest's candidates, the marked entries and the manual ones; counts and people from the
 * digest, as the viewer may see them; pages are the stored chunks. `page` is the first chunk's
 * entries when the answer carries them (a write's answer and the macro's summary do not).
 */
export function viewFromDigest(
  review: StoredTimeline,
  digest: TimelineDigest,
  page: DigestPage | null,
  incident: IncidentOverview,
  visibility: Visibility,
): TimelineView {
  const starts = (review.state.pulled.bounds ?? []).slice(1).map((b) => b.first);
  return viewFromBasis(
    review,
    digestBasis(digest, review.state.issueTypes, review.incidentKey, visibility),
    starts,
    page,
    incident,
    visibility,
  );
}

/** As `viewFromDigest`, from a basis; `starts` are where the pages after the first begin (see EntryPaging). */
export function viewFromBasis(
  review: StoredTimeline,
  basis: ViewBasis,
  starts: readonly EntryKey[],
  page: DigestPage | null,
  incident: IncidentOverview,
  visibility: Visibility,
): TimelineView {
  const { state, incidentKey } = review;
  const { moments: allMoments, entries: momentEntries } = basisMoments(review, basis);
  const { metrics, problems } = computeMetrics(allMoments);
  const moments = momentsFor(allMoments, new Set(momentEntries.filter((e) => canSee(e, incidentKey, visibility)).map((e) => e.id)));
  const total = basis.counts.entries + state.manual.length;

  const entries = page
    ? assembleTimeline(
        page.pulled,
        state.manual.filter((m) => page.end === null || compareEntries(m, page.end) < 0),
        state.annotations,
      ).filter((e) => canSee(e, incidentKey, visibility))
    : [];
  const annotated = assembleTimeline(Object.values(state.annotated ?? {}), state.manual, state.annotations).filter(
    (e) => Object.hasOwn(state.annotations, e.id) && isAnnotated(state.annotations[e.id]) && canSee(e, incidentKey, visibility),
  );
  return {
    incidentKey,
    incident,
    started: true,
    pulledAt: state.pulledAt,
    entries,
    annotated,
    // Without entries in hand every page is left to 'timeline/entries', the first one included.
    paging: { total, pageStarts: page ? [...starts] : [TIMELINE_START, ...starts] },
    moments,
    metrics,
    problems,
    severity: severityFor(incident.priority, state.severityOverride ?? undefined),
    people: basis.counts.people,
    version: review.version,
  };
}
