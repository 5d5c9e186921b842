import type { Person } from '../../../../src/contract';
import type { ReviewDraft } from './draft';

/**
 * The people named in the form as typed now, saved or not: meeting people, participants, the
 * incident commander and the action items' owners. The wording check knows them as names, so
 * "Greg broke…" is flagged as soon as Greg is picked, not after Save.
 */
export function draftPeopleNames(draft: ReviewDraft): string[] {
  const { meeting, incidentCommander } = draft.content;
  const people: (Person | null)[] = [
    meeting.contact,
    meeting.createdBy,
    meeting.facilitator,
    incidentCommander,
    ...meeting.participants,
    ...draft.actionItems.map((i) => i.owner),
  ];
  return [...new Set(people.flatMap((p) => (p ? [p.displayName] : [])))].sort();
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length >= 2);

/**
 * Whether a text already checked must be checked again because names changed: only when a word of
 * a name that was not known before appears in it (picking a person re-checks the few fields that
 * mention them, not all twenty). Removing a name re-checks the texts that mention it too.
 */
export function namesMatterFor(text: string, before: readonly string[], after: readonly string[]): boolean {
  const had = new Set(before);
  const now = new Set(after);
  const changed = [...after.filter((n) => !had.has(n)), ...before.filter((n) => !now.has(n))];
  if (changed.length === 0) return false;
  const inText = new Set(wordsOf(text));
  return changed.some((name) => wordsOf(name).some((w) => inText.has(w)));
}
