import type { Annotation, AnnotationPatch, ManualEntryInput, Person, TimelineEntry } from '../contract';
import { KEY_MOMENTS } from '../vocabulary';
import type { PulledEntry } from './timeline-build';
import { sortEntries } from './timeline-order';

/**
 * A re-pull's reconciliation, limited to what the puller could see (a pull is made as the person
 * who pressed Refresh, and Jira leaves out what they may not see). Fresh wins for an id in both.
 * An entry missing from the fresh pull is:
 * - kept exactly as it was when its source issue is not in the pull (the puller may not browse
 *   it, or it was unlinked: either way this pull says nothing about it);
 * - replaced by `stillThere`'s version when it is a comment that Jira still has but the puller
 *   may not read (its restriction is brought up to date, so it is hidden from who may not see it);
 * - otherwise marked `deletedInJira`, never dropped.
 */
export function reconcilePull(
  previous: readonly PulledEntry[],
  fresh: readonly PulledEntry[],
  pulledIssues: ReadonlySet<string>,
  stillThere: ReadonlyMap<string, PulledEntry> = new Map(),
): PulledEntry[] {
  const freshIds = new Set(fresh.map((e) => e.id));
  const missing = previous
    .filter((e) => !freshIds.has(e.id))
    .map((e): PulledEntry => {
      if (!pulledIssues.has(e.issueKey)) return e;
      const kept = stillThere.get(e.id);
      if (kept) return kept;
      return { ...e, deletedInJira: true };
    });
  const current = fresh.map(({ deletedInJira: _, ...e }): PulledEntry => e);
  return sortEntries([...current, ...missing]);
}

/** Comment entries a pull left out although their issue was in it: deleted in Jira, or restricted from the puller. */
export function missingComments(
  previous: readonly PulledEntry[],
  fresh: readonly PulledEntry[],
  pulledIssues: ReadonlySet<string>,
): PulledEntry[] {
  const freshIds = new Set(fresh.map((e) => e.id));
  return previous.filter((e) => e.source === 'comment' && !freshIds.has(e.id) && pulledIssues.has(e.issueKey));
}

/** A manual entry (status page update, chat excerpt, command run, note) on the incident. The caller names the id. */
export function manualEntry(id: string, input: ManualEntryInput, incidentKey: string): PulledEntry {
  return {
    id,
    at: input.at,
    source: 'manual',
    issueKey: incidentKey,
    relation: 'incident',
    actor: null,
    actorName: input.actorName,
    text: input.text,
    manualKind: input.manualKind,
  };
}

export const EMPTY_ANNOTATION: Annotation = { moments: [], internal: false };

/**
 * The timeline as shown: pulled and manual entries with their annotations, sorted. An annotation
 * whose entry no longer exists is not shown, and stays stored: the domain never deletes one.
 */
export function assembleTimeline(
  pulled: readonly PulledEntry[],
  manual: readonly PulledEntry[],
  annotations: Readonly<Record<string, Annotation>>,
): TimelineEntry[] {
  return sortEntries([...pulled, ...manual]).map((e) => {
    const annotation = Object.hasOwn(annotations, e.id) ? annotations[e.id] : EMPTY_ANNOTATION;
    return { ...e, annotation: { ...annotation, moments: [...annotation.moments] } };
  });
}

/** Applies a patch: an absent field is kept, `null` clears it; moments are de-duplicated in KEY_MOMENTS order. */
export function applyAnnotationPatch(current: Annotation | undefined, patch: AnnotationPatch): Annotation {
  const { kind, phase, impact, moments, internal } = { ...(current ?? EMPTY_ANNOTATION), ...withoutUndefined(patch) };
  return {
    ...(kind != null && { kind }),
    ...(phase != null && { phase }),
    ...(impact != null && { impact }),
    moments: KEY_MOMENTS.filter((m) => moments.includes(m)),
    internal,
  };
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Everyone who acts on the timeline (Jira users only; manual entries name people as typed), unique, by name. */
export function peopleOf(entries: readonly Pick<TimelineEntry, 'actor'>[]): Person[] {
  const byId = new Map<string, Person>();
  for (const { actor } of entries) if (actor && !byId.has(actor.accountId)) byId.set(actor.accountId, actor);
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en') || (a.accountId < b.accountId ? -1 : 1));
}
