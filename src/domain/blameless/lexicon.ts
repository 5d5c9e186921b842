import { matchAt, tokenize, type Token, words } from './tokens';

/** Words that negate what follows in the same clause ("not human error", "no single root cause"). */
export const NEGATIONS = words(
  'not',
  'no',
  'never',
  'without',
  'nobody',
  'no-one',
  'none',
  'nor',
  'hardly',
  'neither',
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "don't",
  "doesn't",
  "didn't",
  "won't",
  "can't",
  'cannot',
);

/** Words that name a person or people without naming anyone in particular. */
export const PERSON_WORDS = words(
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'everyone',
  'engineer',
  'engineers',
  'operator',
  'operators',
  'on-call',
  'oncall',
  'sre',
  'sres',
  'developer',
  'developers',
  'dev',
  'devs',
  'team',
  'reviewer',
  'reviewers',
  'author',
  'admin',
  'admins',
);

/** Verbs of noticing, checking and telling: things only a person does (base form). */
export const HUMAN_CHECK_VERBS = words(
  'notice',
  'realise',
  'realize',
  'consider',
  'anticipate',
  'foresee',
  'follow',
  'read',
  'check',
  'double-check',
  'verify',
  'test',
  'review',
  'escalate',
  'communicate',
  'inform',
  'tell',
  'ask',
  'understand',
  'recognise',
  'recognize',
  'spot',
  'mention',
  'document',
  'think',
  'look',
  'see',
  'page',
  'acknowledge',
  'ack',
  'respond',
  'wait',
  'monitor',
  'validate',
  'warn',
  'update',
  'catch',
);

const IRREGULAR_PARTICIPLES = words(
  'known',
  'seen',
  'done',
  'gone',
  'caught',
  'taught',
  'thought',
  'run',
  'put',
  'set',
  'read',
  'hit',
  'let',
  'cut',
  'shut',
  'built',
  'sent',
  'spent',
  'kept',
  'left',
  'felt',
  'told',
  'sold',
  'found',
  'made',
  'paid',
  'said',
  'held',
  'brought',
  'bought',
  'stood',
  'understood',
  'heard',
  'meant',
  'met',
  'lost',
  'got',
  'gotten',
  'begun',
  'written',
  'taken',
  'given',
  'driven',
  'spoken',
  'chosen',
  'frozen',
  'broken',
  'forgotten',
  'hidden',
  'risen',
  'shown',
  'grown',
  'thrown',
  'drawn',
  'withdrawn',
  'foreseen',
  'overseen',
  'undone',
  'redone',
  'rerun',
  'become',
  'come',
  'woken',
  'mistaken',
  'overtaken',
  'led',
  'fed',
  'sped',
  'spread',
  'dealt',
  'slept',
  'swept',
  'won',
  'struck',
  'stuck',
  'dug',
  'hung',
  'split',
  'quit',
  'upset',
  'reset',
  'rebuilt',
  'rewritten',
  'misread',
  'misled',
  'misunderstood',
  'had',
  'forgiven',
  'bitten',
  'eaten',
  'fallen',
  'ridden',
  'sworn',
  'torn',
  'worn',
  'flown',
  'blown',
  'shaken',
);

/** Words in -ed that are not past participles. */
const NOT_PARTICIPLES = words(
  'hundred',
  'kindred',
  'sacred',
  'naked',
  'wicked',
  'crooked',
  'rugged',
  'ragged',
  'wretched',
  'embed',
  'shred',
  'biped',
  'seabed',
  'infrared',
);
/** -eed words that are participles; the rest (need, speed, proceed, succeed…) are not. */
const EED_PARTICIPLES = words('agreed', 'freed', 'guaranteed', 'decreed', 'refereed');

/** A past participle: irregular from the list, or a regular -ed form. Heuristic, on one word. */
export function isPastParticiple(word: string): boolean {
  if (IRREGULAR_PARTICIPLES.has(word)) return true;
  if (word.length < 5 || !word.endsWith('ed') || NOT_PARTICIPLES.has(word)) return false;
  return !word.endsWith('eed') || EED_PARTICIPLES.has(word);
}

/** Words after which an -ed word is plainly a verb, not an adjective before a noun. */
const FUNCTION_WORDS = words(
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  "it's",
  'them',
  'him',
  'her',
  'his',
  'their',
  'our',
  'my',
  'your',
  'me',
  'us',
  'we',
  'they',
  'he',
  'she',
  'you',
  'i',
  'on',
  'in',
  'at',
  'to',
  'for',
  'from',
  'with',
  'by',
  'about',
  'before',
  'after',
  'earlier',
  'sooner',
  'later',
  'until',
  'up',
  'down',
  'out',
  'off',
  'back',
  'over',
  'into',
  'onto',
  'and',
  'or',
  'but',
  'if',
  'when',
  'whether',
  'which',
  'who',
  'so',
  'as',
  'than',
  'more',
  'less',
  'any',
  'some',
  'all',
  'every',
  'each',
  'both',
  'either',
  'no',
  'better',
  'enough',
  'instead',
  'there',
  'here',
  'first',
  'too',
  'yet',
  'why',
  'how',
  'what',
  'where',
  'something',
  'anything',
  'everything',
  'nothing',
  'someone',
  'anyone',
  'again',
);

/** A word that could be the noun of "adjective + noun" ("automated checks"), not a function word. */
export function isContentWord(word: string | undefined): boolean {
  return word !== undefined && !FUNCTION_WORDS.has(word) && !word.endsWith('ly') && !/^\d/u.test(word);
}

/** The known names as word sequences: each full name and, for a name of several words, its first word. */
export interface NameIndex {
  /** Name variants by their first word, longest first. */
  readonly byFirstWord: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Every word of every known name, to recognise a name as the word before a phrase. */
  readonly nameWords: ReadonlySet<string>;
}

export function indexNames(knownNames: readonly string[]): NameIndex {
  const variants: string[][] = [];
  const nameWords = new Set<string>();
  for (const name of knownNames) {
    const parts = tokenize(name).map((t) => t.word);
    if (parts.length === 0) continue;
    variants.push(parts);
    if (parts.length > 1 && parts[0].length >= 2) variants.push([parts[0]]);
    parts.filter((p) => p.length >= 2).forEach((p) => nameWords.add(p));
  }
  variants.sort((a, b) => b.length - a.length); // the full name wins over its first word
  const byFirstWord = new Map<string, string[][]>();
  for (const v of variants) byFirstWord.set(v[0], [...(byFirstWord.get(v[0]) ?? []), v]);
  return { byFirstWord, nameWords };
}

/** How many tokens a known name covers from token i (the longest variant), or 0. */
export function nameAt(tokens: readonly Token[], i: number, names: NameIndex): number {
  for (const v of names.byFirstWord.get(tokens[i]?.word ?? '') ?? []) {
    const n = matchAt(tokens, i, v);
    if (n > 0) return n;
  }
  return 0;
}

/** Whether token i is a person: a person word or a word of a known name. */
export function isPersonAt(tokens: readonly Token[], i: number, names: NameIndex): boolean {
  const word = tokens[i]?.word;
  return word !== undefined && (PERSON_WORDS.has(word) || names.nameWords.has(word));
}
