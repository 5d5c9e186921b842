/**
 * Removes people's names from text bound for the public (docs/DECISIONS.md#vocabulary: the external summary never
 * names anyone). Names are known, not guessed: the caller lists every display name the review
 * holds. Over-scrubbing a word is acceptable; leaving a name is not.
 *
 * - A whole display name is replaced wherever it occurs, case-insensitively, with any run of
 *   whitespace between its words ("maya  OKAFOR" too). Names under 4 characters are matched as
 *   whole words only, so "Al" does not eat "also".
 * - Each word of a name (2 characters or more) is replaced where it stands as a whole word with
 *   the name's capitalisation ("Maya said…"), so a first name alone does not leak either.
 * - Text and names are compared in Unicode NFC, so "Tomás" typed either way matches.
 * Replacing runs until nothing changes (a replacement could complete another name).
 */
export const NAME_REPLACEMENT = 'a team member';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Compiled once per set of names; a few regexes however many names (compiling is the cost). */
export interface NamePatterns {
  /** Whole names of 4 characters or more, anywhere, any case. */
  anywhere: RegExp | null;
  /** Short whole names (any case) and name words (their own case), as whole words only. */
  words: RegExp[];
}

const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
const alternation = (items: readonly string[], toPattern: (s: string) => string, flags: string) =>
  items.length > 0 ? new RegExp([...items].sort(longestFirst).map(toPattern).join('|'), flags) : null;
const namePattern = (name: string) => name.split(' ').map(escapeRegExp).join('\\s+');

export function namePatterns(displayNames: readonly string[]): NamePatterns {
  const names = [...new Set(displayNames.map((n) => n.normalize('NFC').trim().replace(/\s+/g, ' ')).filter(Boolean))];
  const nameWords = [...new Set(names.flatMap((n) => n.split(' ')).filter((w) => Array.from(w).length >= 2))];
  return {
    anywhere: alternation(names.filter((n) => n.length >= 4), namePattern, 'giu'),
    words: [alternation(names.filter((n) => n.length < 4), namePattern, 'giu'), alternation(nameWords, escapeRegExp, 'gu')].filter((r): r is RegExp => r !== null),
  };
}

/** A match counts only where no letter, digit or underscore touches it on either side. */
function replaceWholeWords(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match: string, offset: number) => {
    const before = String.fromCodePoint(text.codePointAt(offset - 1) ?? 32);
    const after = String.fromCodePoint(text.codePointAt(offset + match.length) ?? 32);
    return WORD_CHAR.test(before) || WORD_CHAR.test(after) ? match : NAME_REPLACEMENT;
  });
}

const MAX_PASSES = 4;

/** The text with every listed name replaced by "a team member". */
export function scrubNames(text: string, patterns: NamePatterns): string {
  let current = text.normalize('NFC');
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let next = patterns.anywhere ? current.replace(patterns.anywhere, NAME_REPLACEMENT) : current;
    next = patterns.words.reduce(replaceWholeWords, next);
    if (next === current) return next;
    current = next;
  }
  return current;
}
