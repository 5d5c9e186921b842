import type { CommentRestriction, Person } from '../contract';
import type { PulledEntry } from './timeline-build';
import { peopleOf } from './timeline-merge';
import { commentIdOf } from './visibility';

/**
 * What the views need of the pulled entries without reading them (issue 13: a view or an edit
 * costs storage in proportion to what it shows or changes, not to the incident's size). Worked
 * out once per pull and stored with the review, kept compact (it is read on every open):
 * - everyone acting in the pulled entries, once (`people`), referred to by index below;
 * - per source issue, how many entries it has and who acts in them (restricted comments apart);
 * - the entries a key moment's default can come from (each issue's creation, and the incident's
 *   first assignment, first change to each status and first resolution), as
 *   `[id, at, source, issueKey, relation, to]` without their text;
 * - the restricted comments as `[commentId, issueKey, actor index or -1, restriction]`, for the
 *   viewer's check and for what publishing tells the publisher.
 */
export interface TimelineDigest {
  people: Person[];
  issues: Record<string, { entries: number; people: number[] }>;
  candidates: [string, string, PulledEntry['source'], string, string, (string | null)?][];
  restricted: [string, string, number, CommentRestriction?][];
}

/** A restricted comment as the views read it from a digest. */
export interface RestrictedComment {
  id: string;
  commentId: string;
  issueKey: string;
  actor: Person | null;
  restriction?: CommentRestriction;
}

/** The digest's moment candidates as entries (no text, no actor: a moment needs neither). */
export function candidateEntries(d: Pick<TimelineDigest, 'candidates'>): PulledEntry[] {
  return d.candidates.map(([id, at, source, issueKey, relation, to]) => ({
    id,
    at,
    source,
    issueKey,
    relation,
    actor: null,
    text: '',
    ...(to !== undefined && { to }),
  }));
}

export function restrictedComments(d: TimelineDigest): RestrictedComment[] {
  return d.restricted.map(([commentId, issueKey, actor, restriction]) => ({
    id: `comment:${commentId}`,
    commentId,
    issueKey,
    actor: d.people[actor] ?? null,
    ...(restriction && { restriction }),
  }));
}

/** The people acting in one source issue's (unrestricted) entries. */
export function issuePeople(d: TimelineDigest, issueKey: string): Person[] {
  return (d.issues[issueKey]?.people ?? []).map((i) => d.people[i]).filter((p): p is Person => p !== undefined);
}

/** An entry marked with a key moment: enough to place the moment and to judge who may see where it came from. */
export interface MarkedEntry {
  at: string;
  issueKey: string;
  source: PulledEntry['source'];
  restricted?: boolean;
}

/** A status change keeps the status it went to (the defaults read it); an assignment or a resolution only that it was set. */
const candidate = (e: PulledEntry): TimelineDigest['candidates'][number] => {
  const to = e.source === 'status' ? e.to : e.to != null ? '' : e.to;
  return to !== undefined ? [e.id, e.at, e.source, e.issueKey, e.relation, to] : [e.id, e.at, e.source, e.issueKey, e.relation];
};

/** Entries (in timeline order) whose earliest per kind could be a key moment's default: see key-moments.ts. */
function momentCandidates(sorted: readonly PulledEntry[], incidentKey: string): TimelineDigest['candidates'] {
  const seen = new Set<string>();
  const out: TimelineDigest['candidates'] = [];
  for (const e of sorted) {
    let kind: string | null = null;
    if (e.source === 'created') kind = `created:${e.issueKey}`;
    else if (e.issueKey === incidentKey && e.source === 'status') kind = `status:${(e.to ?? '').trim().toLowerCase()}`;
    else if (e.issueKey === incidentKey && e.source === 'assignment' && e.to != null) kind = 'assignment';
    else if (e.issueKey === incidentKey && e.source === 'resolution' && e.to != null) kind = 'resolution';
    if (kind !== null && !seen.has(kind)) {
      seen.add(kind);
      out.push(candidate(e));
    }
  }
  return out;
}

/** The digest of pulled entries in timeline order. */
export function digestOf(sorted: readonly PulledEntry[], incidentKey: string): TimelineDigest {
  const people = peopleOf(sorted);
  const index = new Map(people.map((p, i) => [p.accountId, i]));
  const byIssue = new Map<string, PulledEntry[]>();
  const restricted: TimelineDigest['restricted'] = [];
  for (const e of sorted) {
    if (e.restricted) {
      // A restricted entry that is not a readable comment id is never shown (see canSee): no count, no person.
      const commentId = commentIdOf(e);
      const actor = e.actor ? (index.get(e.actor.accountId) ?? -1) : -1;
      if (commentId) restricted.push(e.restriction ? [commentId, e.issueKey, actor, e.restriction] : [commentId, e.issueKey, actor]);
      continue;
    }
    const list = byIssue.get(e.issueKey) ?? [];
    list.push(e);
    byIssue.set(e.issueKey, list);
  }
  const issues: TimelineDigest['issues'] = {};
  for (const [key, list] of [...byIssue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    issues[key] = { entries: list.length, people: peopleOf(list).map((p) => index.get(p.accountId)!) };
  }
  return { people, issues, candidates: momentCandidates(sorted, incidentKey), restricted };
}

/** How much of an annotated entry's text the review keeps beside the annotation (for the recovery plot's labels). */
export const ANNOTATED_TEXT_MAX = 280;

/** An annotated pulled entry as the review keeps it, so the plot needs no page: its text cut short. */
export function annotatedEntryOf(e: PulledEntry): PulledEntry {
  const { from: _f, ...rest } = e;
  return e.text.length <= ANNOTATED_TEXT_MAX ? rest : { ...rest, text: `${e.text.slice(0, ANNOTATED_TEXT_MAX - 1)}…` };
}

export function markedEntryOf(e: PulledEntry): MarkedEntry {
  return { at: e.at, issueKey: e.issueKey, source: e.source, ...(e.restricted && { restricted: true }) };
}
