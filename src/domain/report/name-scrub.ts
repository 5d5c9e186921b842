/**
 * Removes people from text bound for the public (docs/DECISIONS.md#vocabulary: the external summary never names
 * anyone). Names are known, not guessed: the caller lists every display name the review holds.
 * Over-scrubbing a word is acceptable; leaving a name is not.
 *
 * What goes:
 * - a whole display name wherever it occurs, with any run of whitespace between its words
 *   ("maya  OKAFOR" too); names under 4 characters only as whole words, so "Al" does not eat "also";
 * - each word of a name (2 characters or more) as a whole word ("Maya said…", "paged daniel");
 * - email addresses, and @mentions of anyone ("@Sofia Lindqvist", "@oncall-web").
 * Names are compared without case and without accents, so "Tomas" is Tomás and "DANIEL" is
 * Daniel. A few name words that are also common English words ("Will", "May", "Page") count only
 * when capitalised: "the status page" keeps its page.
 *
 * How it reads: each person becomes "a team member", capitalised where a sentence or a line
 * starts; people listed together ("Maya, Daniel and Tomás", "a@x.com, b@x.com") become "two team
 * members" or "several team members", never "a team member, a team member and a team member".
 */
export const NAME_REPLACEMENT = 'a team member';

/** Name words matched only with a capital: common words first, names second. */
export const CAPITAL_ONLY_WORDS: readonly string[] = [
  'will',
  'may',
  'page',
  'mark',
  'bill',
  'rose',
  'june',
  'april',
  'august',
  'grace',
  'hope',
  'joy',
  'faith',
  'dawn',
  'summer',
  'amber',
  'ruby',
  'pearl',
  'frank',
  'chase',
  'hunter',
  'king',
  'long',
  'young',
  'white',
  'black',
  'brown',
  'green',
  'gray',
  'grey',
  'guy',
  'art',
  'case',
  'sky',
  'rich',
  'drew',
  'max',
  'sage',
  'lane',
  'ray',
  'cliff',
  'bond',
];
const CAPITAL_ONLY = new Set(CAPITAL_ONLY_WORDS);

/** Where a person was: a private-use character no input keeps (they are stripped first). */
const MARK = '\uE000';
const MARKS = /\uE000/g;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const MENTION = /@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?/gu;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Lower case without accents, one character at a time (so offsets can be mapped back). */
const foldChar = (c: string) => c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const fold = (s: string) => Array.from(s, foldChar).join('');

/** Compiled once per set of names; a few regexes however many names (compiling is the cost). */
export interface NamePatterns {
  /** Folded whole names of 4 characters or more, anywhere. */
  anywhere: RegExp | null;
  /** Folded short whole names and name words, kept only where they stand as whole words. */
  words: RegExp | null;
}

const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
const alternation = (items: readonly string[], toPattern: (s: string) => string) =>
  items.length > 0 ? new RegExp([...items].sort(longestFirst).map(toPattern).join('|'), 'gu') : null;
const namePattern = (name: string) => name.split(' ').map(escapeRegExp).join('\\s+');

export function namePatterns(displayNames: readonly string[]): NamePatterns {
  const names = [...new Set(displayNames.map((n) => fold(n.normalize('NFC')).trim().replace(/\s+/g, ' ')).filter(Boolean))];
  const nameWords = [...new Set(names.flatMap((n) => n.split(' ')).filter((w) => Array.from(w).length >= 2))];
  return {
    anywhere: alternation(
      names.filter((n) => n.length >= 4),
      namePattern,
    ),
    words: alternation([...new Set([...names.filter((n) => n.length < 4), ...nameWords])], namePattern),
  };
}

/** The text folded, and for each folded UTF-16 unit the offset of the character it came from. */
function foldWithOffsets(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let offset = 0;
  for (const c of text) {
    const f = foldChar(c);
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(offset);
    offset += c.length;
  }
  from.push(text.length);
  return { folded, from };
}

interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, taken: readonly Span[]) => taken.some((b) => a.start < b.end && b.start < a.end);
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/** Spans (in `text`) of names: whole names anywhere, name words where they stand alone. */
function nameSpans(text: string, patterns: NamePatterns): Span[] {
  const { folded, from } = foldWithOffsets(text);
  const toText = (start: number, end: number): Span => ({ start: from[start], end: from[end] });
  const spans: Span[] = [];
  for (const m of patterns.anywhere ? folded.matchAll(patterns.anywhere) : []) spans.push(toText(m.index, m.index + m[0].length));
  for (const m of patterns.words ? folded.matchAll(patterns.words) : []) {
    const end = m.index + m[0].length;
    if (isWordChar(folded[m.index - 1]) || isWordChar(folded[end])) continue;
    const span = toText(m.index, end);
    const first = text.slice(span.start, span.end);
    if (CAPITAL_ONLY.has(m[0]) && first.charAt(0) === first.charAt(0).toLowerCase()) continue;
    spans.push(span);
  }
  return spans;
}

/** Every person's span: addresses first (a name inside one goes with it), then names, then mentions. */
function personSpans(text: string, patterns: NamePatterns): Span[] {
  const taken: Span[] = [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const names = nameSpans(text, patterns).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const s of names) {
    if (overlaps(s, taken)) continue;
    // "@Sofia Lindqvist": the mention's sign goes with the name.
    taken.push(text[s.start - 1] === '@' && !isWordChar(text[s.start - 2]) ? { start: s.start - 1, end: s.end } : s);
  }
  for (const m of text.matchAll(MENTION)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!isWordChar(text[m.index - 1]) && !overlaps(span, taken)) taken.push(span);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** People next to each other in a list: "P, P and P", "P & P", "P/P", "P P". Not "or": that is a choice. */
const LIST = new RegExp(`${MARK}(?:(?:\\s*[,&/]\\s*(?:and\\s+)?|\\s+and\\s+|\\s+)${MARK})*`, 'gu');
const CLOSERS = new Set(['"', "'", '’', '”', ')', ']']);

/**
 * Whether a sentence or a line starts at `offset`: only whitespace before it, or a line break, or
 * . ! ? (after a closing quote or bracket too) and a space. Looks back only over those characters.
 */
function sentenceStartsAt(text: string, offset: number): boolean {
  let k = offset - 1;
  let spaced = false;
  while (k >= 0 && /\s/u.test(text[k])) {
    if (text[k] === '\n') return true;
    spaced = true;
    k--;
  }
  if (k < 0) return true;
  while (k >= 0 && CLOSERS.has(text[k])) k--;
  return spaced && k >= 0 && '.!?'.includes(text[k]);
}

function phraseFor(people: number, capital: boolean): string {
  const phrase = people === 1 ? NAME_REPLACEMENT : people === 2 ? 'two team members' : 'several team members';
  return capital ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
}

/** The text without people: see the module comment for what goes and how it reads. */
export function scrubNames(text: string, patterns: NamePatterns): string {
  const clean = text.normalize('NFC').replace(MARKS, '');
  let marked = '';
  let at = 0;
  for (const s of personSpans(clean, patterns)) {
    marked += clean.slice(at, s.start) + MARK;
    at = s.end;
  }
  marked += clean.slice(at);
  return marked.replace(LIST, (run: string, offset: number) => {
    const people = run.split(MARK).length - 1;
    return phraseFor(people, sentenceStartsAt(marked, offset));
  });
}
