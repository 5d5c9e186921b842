import type { Person } from '../contract';
import { deriveMoments } from './key-moments';
import { candidateEntries, issuePeople, restrictedComments, type MarkedEntry, type TimelineDigest } from './timeline-digest';
import { assembleTimeline, peopleOf } from './timeline-merge';
import type { Visibility } from './visibility';

/**
 * The part of a pull's digest every open reads (issue 13: a view's storage cost flat in the
 * timeline's size). The whole digest grows with the incident (per source issue its count and
 * people, every issue's creation as a moment candidate); the head holds what a view needs when the
 * viewer may see every source and the detected moment is its default, the common case:
 * - the entry count and the people as that viewer sees them;
 * - only the moment candidates the defaults then take (the incident's own, and the one related
 *   issue's creation that impact started or the first customer report default to) and the issue
 *   types those need;
 * - what to ask Jira as the viewer (the source issues and the restricted comments), which decides
 *   whether the head is enough. Asking is Jira calls, not storage.
 * Anything else (a viewer who may not see some source, a detected moment moved by an override or
 * a marker, a marked creation the head does not hold) reads the whole digest.
 */
export interface TimelineHead {
  everyone: PulledCounts;
  candidates: TimelineDigest['candidates'];
  issueTypes: Record<string, string>;
  /** When the incident was detected by default (its creation), the time the head's candidates hold for. */
  detectedAt: string | null;
  /** Source issues other than the incident's own, and the ids of restricted comments, to ask Jira about. */
  issues: string[];
  comments: string[];
}

/** What a view counts of the pulled entries as one viewer may see them (manual entries apart). */
export interface PulledCounts {
  entries: number;
  people: Person[];
}

/** The pulled entries and people a viewer may see, from the whole digest. */
export function countsOf(digest: TimelineDigest, incidentKey: string, visibility: Visibility): PulledCounts {
  const seenIssues = Object.keys(digest.issues).filter((k) => k === incidentKey || visibility.issues.has(k));
  const readable = restrictedComments(digest).filter(
    (r) => (r.issueKey === incidentKey || visibility.issues.has(r.issueKey)) && visibility.comments.has(r.commentId),
  );
  return {
    entries: seenIssues.reduce((n, k) => n + digest.issues[k].entries, 0) + readable.length,
    people: peopleOf([
      ...seenIssues.flatMap((k) => issuePeople(digest, k).map((actor) => ({ actor }))),
      ...readable.map((r) => ({ actor: r.actor })),
    ]),
  };
}

/** The head of a digest (see TimelineHead); `issueTypes` as the pull read them. */
export function headOf(digest: TimelineDigest, incidentKey: string, issueTypes: Readonly<Record<string, string>>): TimelineHead {
  const issues = Object.keys(digest.issues).filter((k) => k !== incidentKey);
  const comments = [...new Set(digest.restricted.map(([commentId]) => commentId))];
  const everyone = countsOf(digest, incidentKey, { issues: new Set(issues), comments: new Set(comments) });
  // The defaults over every candidate name the one related issue whose creation they take.
  const defaults = deriveMoments(assembleTimeline(candidateEntries(digest), [], {}), incidentKey, {}, issueTypes);
  const taken = new Set(Object.values(defaults).flatMap((m) => (m.entryId ? [m.entryId] : [])));
  const candidates = digest.candidates.filter(([id, , , issueKey]) => issueKey === incidentKey || taken.has(id));
  const types = Object.fromEntries(candidates.flatMap(([, , , key]) => (Object.hasOwn(issueTypes, key) ? [[key, issueTypes[key]]] : [])));
  return { everyone, candidates, issueTypes: types, detectedAt: defaults.detected.at, issues, comments };
}

/** Whether the viewer may see every source the head counts (then its counts are theirs). */
export function seesAllOf(head: Pick<TimelineHead, 'issues' | 'comments'>, visibility: Visibility): boolean {
  return head.issues.every((k) => visibility.issues.has(k)) && head.comments.every((c) => visibility.comments.has(c));
}

/**
 * Whether the head's candidates give the same moments as the whole digest's for these marks and
 * this detected time: the defaults the head keeps are those of the default detected time, and a
 * marked creation could take impact started or the first customer report from elsewhere.
 */
export function headMomentsHold(
  head: Pick<TimelineHead, 'candidates' | 'detectedAt'>,
  marks: Readonly<Record<string, MarkedEntry>>,
  detectedAt: string | null,
): boolean {
  if (detectedAt !== head.detectedAt) return false;
  const held = new Set(head.candidates.map(([id]) => id));
  return Object.entries(marks).every(([id, m]) => m.source !== 'created' || held.has(id));
}
