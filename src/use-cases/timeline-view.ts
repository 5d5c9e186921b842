import type { IncidentOverview, TimelineView } from '../contract';
import { computeMetrics } from '../domain/metrics';
import { deriveMoments } from '../domain/key-moments';
import { severityFor } from '../domain/severity';
import { assembleTimeline, peopleOf } from '../domain/timeline-merge';
import type { PulledEntry } from '../domain/timeline-build';
import { firstPage, wholeTimeline } from '../domain/timeline-page';
import type { StoredReview } from '../storage/review-store';

/**
 * The whole view, every entry in `entries`, derived from what is stored (nothing derived is
 * stored). For use cases that read every entry (reports, export, the summaries index); a
 * resolver answers `firstPageOf` it.
 */
export function toTimelineView(review: StoredReview, pulled: readonly PulledEntry[], incident: IncidentOverview): TimelineView {
  const { state } = review;
  const entries = assembleTimeline([...pulled], state.manual, state.annotations);
  const moments = deriveMoments(entries, review.incidentKey, state.momentOverrides, state.issueTypes);
  const { metrics, problems } = computeMetrics(moments);
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
