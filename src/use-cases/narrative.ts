import type { NarrativeDraft, TimelineEntry } from '../contract';
import { AppFailure } from '../domain/app-error';
import { reportTimeZone } from '../domain/markdown-time';
import { draftNarrative } from '../domain/narrative';
import type { TimelineDeps } from './timeline-deps';
import { openTimeline } from './timeline-review';

/**
 * Drafts "What happened" from the timeline as the caller may see it: the digest's moments and
 * metrics, the annotated entries and the first page (where the derived moments' entries are).
 * Reads what opening the panel reads; writes nothing.
 */
export async function draftWhatHappened(deps: TimelineDeps, issueKey: string, timeZone: string): Promise<NarrativeDraft> {
  const view = await openTimeline(deps, issueKey);
  if (!view.started)
    throw new AppFailure(
      'NOT_FOUND',
      'Start the review on the Timeline tab first: the draft is written from its key moments and annotated entries.',
    );
  const entries = new Map<string, TimelineEntry>();
  for (const e of [...view.entries, ...(view.annotated ?? [])]) entries.set(e.id, e);
  const names = new Set([
    ...view.people.map((p) => p.displayName),
    ...[...entries.values()].flatMap((e) => (e.actorName ? [e.actorName] : [])),
  ]);
  return draftNarrative({
    incident: { key: view.incident.key, summary: view.incident.summary },
    severity: view.severity,
    moments: view.moments,
    metrics: view.metrics,
    entries: [...entries.values()],
    timeZone: reportTimeZone(timeZone),
    knownNames: [...names],
  });
}
