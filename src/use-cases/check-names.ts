import type { Person } from '../contract';
import { foldName, personCandidates } from '../domain/blameless/person-as-subject';
import type { CheckContext } from '../domain/blameless/types';

/**
 * People the viewer may see, by a word of their name: Jira's user search for the incident's
 * project and the people on the incident's timeline. Both are asked as the caller, so a check
 * never learns a name Jira would hide from them.
 */
export interface PeopleLookup {
  searchUsers(issueKey: string, query: string): Promise<Person[]>;
  timelinePeople(issueKey: string): Promise<Person[]>;
}

/** At most this many words are looked up per check: each is one Jira search. */
export const MAX_LOOKUPS = 3;

const wordsOf = (name: string) =>
  foldName(name)
    .split(/[\s.,'’-]+/u)
    .filter(Boolean);

/** Whether every word of `candidate` is a word of the person's name ("tomas" in "Tomás Herrera"). */
export function nameHasWords(displayName: string, candidate: string): boolean {
  const own = new Set(wordsOf(displayName));
  const wanted = wordsOf(candidate);
  return wanted.length > 0 && wanted.every((w) => own.has(w));
}

/**
 * The known names for checking `text`, with the display names of people the lookup finds for
 * the capitalised subjects the rule does not know (`personCandidates`). Nothing is asked when
 * there is no such subject, which is the usual case. A failed lookup only means fewer names:
 * wording help never blocks anything.
 */
export async function namesForCheck(
  issueKey: string,
  text: string,
  ctx: CheckContext,
  lookup: PeopleLookup | undefined,
): Promise<string[]> {
  const candidates = personCandidates(text, ctx).slice(0, MAX_LOOKUPS);
  if (!lookup || candidates.length === 0) return [...ctx.knownNames];
  const found = await Promise.allSettled([lookup.timelinePeople(issueKey), ...candidates.map((c) => lookup.searchUsers(issueKey, c))]);
  const people = found.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  const named = people.map((p) => p.displayName).filter((n) => candidates.some((c) => nameHasWords(n, c)));
  return [...new Set([...ctx.knownNames, ...named])];
}
