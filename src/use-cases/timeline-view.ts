import type { IncidentOverview, TimelineView } from '../contract';
import { computeMetrics } from '../domain/metrics';
import { deriveMoments } from '../domain/key-moments';
import { severityFor } from '../domain/severity';
import { assembleTimeline, peopleOf } from '../domain/timeline-merge';
import type { PulledEntry } from '../domain/timeline-build';
import type { StoredReview } from '../storage/review-store';

/** The view the panel shows, derived from what is stored; nothing derived is stored. */
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
    moments,
    metrics,
    problems,
    severity: severityFor(incident.priority, state.severityOverride ?? undefined),
    people: peopleOf(entries),
    version: review.version,
  };
}
