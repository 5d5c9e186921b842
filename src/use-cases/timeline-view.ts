import type { IncidentOverview, TimelineView } from '../contract';
import { computeMetrics } from '../domain/metrics';
import { deriveMoments } from '../domain/key-moments';
import { severityFor } from '../domain/severity';
import { assembleTimeline, peopleOf } from '../domain/timeline-merge';
import type { PulledEntry } from '../domain/timeline-build';
import { firstPage, wholeTimeline } from '../domain/timeline-page';
import { canSee, momentsFor, type Visibility } from '../domain/visibility';
import type { StoredReview } from '../storage/review-store';

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
export function toTimelineView(review: StoredReview, pulled: readonly PulledEntry[], incident: IncidentOverview, visibility?: Visibility): TimelineView {
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
