import type { KeyMoments, MomentValue, TimelineEntry } from '../contract';
import type { PulledEntry } from './timeline-build';

/**
 * What one viewer may see of a timeline now, as Jira answered for them: the source issues they
 * may browse and the restricted comments they may read. A review is shared; what it quotes is
 * not (docs/DECISIONS.md#what-must-hold): every surface filters its entries through this.
 */
export interface Visibility {
  issues: ReadonlySet<string>;
  comments: ReadonlySet<string>;
}

const COMMENT_ID = /^comment:(.+)$/;

/** The Jira comment id of a comment entry (`comment:10023` → `10023`), else null. */
export function commentIdOf(entry: Pick<PulledEntry, 'id' | 'source'>): string | null {
  if (entry.source !== 'comment') return null;
  return COMMENT_ID.exec(entry.id)?.[1] ?? null;
}

/** What to ask Jira about these entries: their source issues (the review's own issue is already checked) and their restricted comments. */
export function accessQuestions(
  entries: readonly Pick<PulledEntry, 'id' | 'source' | 'issueKey' | 'restricted'>[],
  reviewKey: string,
): { issueKeys: string[]; restrictedCommentIds: string[] } {
  const issueKeys = new Set<string>();
  const restrictedCommentIds = new Set<string>();
  for (const e of entries) {
    if (e.source === 'manual') continue;
    if (e.issueKey !== reviewKey) issueKeys.add(e.issueKey);
    const id = e.restricted ? commentIdOf(e) : null;
    if (id) restrictedCommentIds.add(id);
  }
  return { issueKeys: [...issueKeys].sort(), restrictedCommentIds: [...restrictedCommentIds].sort() };
}

/**
 * Whether the viewer may see an entry. Manual entries belong to the review (whose issue the viewer
 * may browse, or they would not be here); a pulled entry needs its source issue browsable, and a
 * restricted comment needs the viewer admitted by its restriction. The review's own issue has
 * been checked before any entry is read.
 */
export function canSee(entry: Pick<PulledEntry, 'id' | 'source' | 'issueKey' | 'restricted'>, reviewKey: string, v: Visibility): boolean {
  if (entry.source === 'manual') return true;
  if (entry.issueKey !== reviewKey && !v.issues.has(entry.issueKey)) return false;
  if (!entry.restricted) return true;
  const id = commentIdOf(entry);
  return id !== null && v.comments.has(id);
}

/**
 * Key moments keep their times (metrics may use an entry the viewer cannot see: the incident's
 * durations are not secret), but a moment taken from a hidden entry no longer names it.
 */
export function momentsFor(moments: KeyMoments, visibleIds: ReadonlySet<string>): KeyMoments {
  const out = {} as Record<string, MomentValue>;
  for (const [name, value] of Object.entries(moments)) {
    if (value.entryId && !visibleIds.has(value.entryId)) {
      const { entryId: _, ...rest } = value;
      out[name] = { ...rest, hiddenEntry: true };
    } else out[name] = value;
  }
  return out as KeyMoments;
}

/** The entries a viewer may see, in the order given. */
export function visibleEntries<T extends TimelineEntry | PulledEntry>(entries: readonly T[], reviewKey: string, v: Visibility): T[] {
  return entries.filter((e) => canSee(e, reviewKey, v));
}
