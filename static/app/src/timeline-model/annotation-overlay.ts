import type { Annotation, AnnotationPatch, TimelineEntry } from '../../../../src/contract';

/** What an annotation looks like once a patch is applied (null clears a field). */
export function applyPatch(annotation: Annotation, patch: AnnotationPatch): Annotation {
  const next: Annotation = { ...annotation };
  if (patch.kind !== undefined) {
    if (patch.kind === null) delete next.kind;
    else next.kind = patch.kind;
  }
  if (patch.phase !== undefined) {
    if (patch.phase === null) delete next.phase;
    else next.phase = patch.phase;
  }
  if (patch.impact !== undefined) {
    if (patch.impact === null) delete next.impact;
    else next.impact = patch.impact;
  }
  if (patch.moments !== undefined) next.moments = [...patch.moments];
  if (patch.internal !== undefined) next.internal = patch.internal;
  return next;
}

/** The entries as shown: saved annotations with unsaved (optimistic) ones on top. */
export function withPending(entries: readonly TimelineEntry[], pending: ReadonlyMap<string, Annotation>): TimelineEntry[] {
  if (pending.size === 0) return entries as TimelineEntry[];
  return entries.map((entry) => {
    const annotation = pending.get(entry.id);
    return annotation ? { ...entry, annotation } : entry;
  });
}
