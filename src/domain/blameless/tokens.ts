/**
 * Rules work on words, not on raw regexes: the text is split once into words with their spans,
 * and each rule looks a bounded number of words around a trigger. That keeps every rule linear
 * in the length of the text whatever it contains.
 */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower case, with ’ and ‐ made ASCII; for comparison only (offsets come from start/end). */
  readonly word: string;
  /** Only whitespace separates it from the previous word: same clause, no punctuation between. */
  readonly joined: boolean;
}

// Linear: a run of word characters, then groups that each start with one apostrophe or hyphen.
// Separators are not word characters, so a match can be made in only one way (no backtracking).
const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’\-‐][\p{L}\p{M}\p{N}_]+)*/gu;
const SPACE_ONLY = /^\s+$/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    tokens.push({ start, end, word: normalise(m[0]), joined: prevEnd >= 0 && SPACE_ONLY.test(text.slice(prevEnd, start)) });
    prevEnd = end;
  }
  return tokens;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/‐/g, '-');
}

/** A word slot in a phrase: one word, or any of a set. */
export type Slot = string | ReadonlySet<string>;

const fits = (slot: Slot, word: string) => (typeof slot === 'string' ? slot === word : slot.has(word));

/** How many tokens the phrase matches from token i on (all in one clause), or 0. */
export function matchAt(tokens: readonly Token[], i: number, slots: readonly Slot[]): number {
  for (let k = 0; k < slots.length; k++) {
    const t = tokens[i + k];
    if (!t || (k > 0 && !t.joined) || !fits(slots[k], t.word)) return 0;
  }
  return slots.length;
}

/** The word just before token i in the same clause. */
export function wordBefore(tokens: readonly Token[], i: number): string | undefined {
  return tokens[i]?.joined ? tokens[i - 1]?.word : undefined;
}

/** The word just after token i in the same clause. */
export function wordAfter(tokens: readonly Token[], i: number): string | undefined {
  const next = tokens[i + 1];
  return next?.joined ? next.word : undefined;
}

/** Whether one of the `window` words before token i, in the same clause, is in `words`. */
export function anyBefore(tokens: readonly Token[], i: number, words: ReadonlySet<string>, window = 3): boolean {
  for (let k = i; k > 0 && k > i - window && tokens[k].joined; k--) {
    if (words.has(tokens[k - 1].word)) return true;
  }
  return false;
}

/** The span of `count` tokens from token i. */
export function spanOf(tokens: readonly Token[], i: number, count: number): { start: number; end: number } {
  return { start: tokens[i].start, end: tokens[i + count - 1].end };
}

export const words = (...list: string[]): ReadonlySet<string> => new Set(list);
