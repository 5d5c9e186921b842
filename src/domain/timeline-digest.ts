import type { Person } from '../contract';
import type { PulledEntry } from './timeline-build';
import { peopleOf } from './timeline-merge';
import { commentIdOf } from './visibility';

/**
 * What the views need of the pulled entries without reading them (issue 13: a view or an edit
 * costs storage in proportion to what it shows or changes, not to the incident's size). Worked
 * out once per pull and stored with the review, small whatever the incident:
 * - the entries a key moment's default can come from (each issue's creation, and the incident's
 *   first assignment, first change to each status and first resolution), without their text;
 * - per source issue, how many entries it has and who acts in them (restricted comments apart);
 * - the restricted comments, with their issue and author, for the viewer's check.
 */
export interface TimelineDigest {
  momentCandidates: PulledEntry[];
  issues: Record<string, { entries: number; people: Person[] }>;
  restricted: { id: string; commentId: string; issueKey: string; actor: Person | null }[];
}

/** An entry marked with a key moment: enough to place the moment and to judge who may see where it came from. */
export interface MarkedEntry {
  at: string;
  issueKey: string;
  source: PulledEntry['source'];
  restricted?: boolean;
}

const lite = (e: PulledEntry): PulledEntry => ({
  id: e.id,
  at: e.at,
  source: e.source,
  issueKey: e.issueKey,
  relation: e.relation,
  actor: null,
  text: '',
  ...(e.to !== undefined && { to: e.to }),
  ...(e.restricted && { restricted: true }),
});

/** Entries (in timeline order) whose earliest per kind could be a key moment's default: see key-moments.ts. */
function momentCandidates(sorted: readonly PulledEntry[], incidentKey: string): PulledEntry[] {
  const seen = new Set<string>();
  const out: PulledEntry[] = [];
  for (const e of sorted) {
    let kind: string | null = null;
    if (e.source === 'created') kind = `created:${e.issueKey}`;
    else if (e.issueKey === incidentKey && e.source === 'status') kind = `status:${(e.to ?? '').trim().toLowerCase()}`;
    else if (e.issueKey === incidentKey && e.source === 'assignment' && e.to != null) kind = 'assignment';
    else if (e.issueKey === incidentKey && e.source === 'resolution' && e.to != null) kind = 'resolution';
    if (kind !== null && !seen.has(kind)) {
      seen.add(kind);
      out.push(lite(e));
    }
  }
  return out;
}

/** The digest of pulled entries in timeline order. */
export function digestOf(sorted: readonly PulledEntry[], incidentKey: string): TimelineDigest {
  const byIssue = new Map<string, PulledEntry[]>();
  const restricted: TimelineDigest['restricted'] = [];
  for (const e of sorted) {
    const commentId = e.restricted ? commentIdOf(e) : null;
    if (e.restricted) {
      // A restricted entry that is not a readable comment id is never shown (see canSee): no count, no person.
      if (commentId) restricted.push({ id: e.id, commentId, issueKey: e.issueKey, actor: e.actor });
      continue;
    }
    const list = byIssue.get(e.issueKey) ?? [];
    list.push(e);
    byIssue.set(e.issueKey, list);
  }
  const issues: TimelineDigest['issues'] = {};
  for (const [key, list] of [...byIssue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) issues[key] = { entries: list.length, people: peopleOf(list) };
  return { momentCandidates: momentCandidates(sorted, incidentKey), issues, restricted };
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
