import { indexNames, isPersonAt, NEGATIONS } from './lexicon';
import { anyBefore, matchAt, type Slot, spanOf, tokenize, type Token, words } from './tokens';
import type { BlamelessRule, CheckContext, RuleMatch } from './types';

/*
 * Hindsight makes the outcome look predictable. "In hindsight" and "it wasn't obvious" are not
 * flagged: they acknowledge hindsight. "just had to" is flagged only with a person other than
 * "we"/"I" as subject ("he just had to run the script"), since "we just had to wait for the
 * rollout" narrates recovery; "wait" is never flagged after it.
 */

const COPULAS = words('was', 'is', 'were', 'are', "it's", "that's", 'seemed', 'seems', 'looked', 'looks', 'been', 'became', 'be');
const INTENSIFIERS = words('so', 'pretty', 'very', 'completely', 'totally', 'really', 'quite', 'fairly', 'perfectly', 'blindingly');
const SHOULD = words('should', "shouldn't", "should've");
const ANY_JUDGE = words('reasonable', 'experienced', 'decent', 'good', 'sensible', 'careful', 'half-decent', 'senior');
const PEOPLE = words(
  'engineer',
  'engineers',
  'person',
  'people',
  'operator',
  'operators',
  'developer',
  'developers',
  'sre',
  'sres',
  'reviewer',
  'reviewers',
  'one',
  'on-call',
);
const PHRASES: readonly (readonly Slot[])[] = [
  [words('clearly', 'simply'), SHOULD],
  [SHOULD, words('clearly', 'simply')],
  ['any', 'competent'],
  ['any', ANY_JUDGE, PEOPLE],
  ['should', 'have', 'known', 'better'],
  [words("should've", "shouldn't"), words('know', 'known'), 'better'],
  [words('should', 'ought'), words('know', 'to'), words('better', 'know')],
  ['all', words('he', 'she', 'they', 'you', 'someone'), words('had', 'needed'), 'to', 'do'],
];
const MINIMISED = words('just', 'simply', 'only');

const SUGGESTION = 'Describe what was known and visible at the time: "At 14:02 the dashboard showed … among twelve other alerts."';

function obvious(tokens: readonly Token[], i: number): RuleMatch | null {
  const w = tokens[i].word;
  if (w === 'obviously') return anyBefore(tokens, i, NEGATIONS, 1) ? null : spanOf(tokens, i, 1);
  if (w !== 'obvious' || !tokens[i].joined) return null;
  let c = i - 1;
  if (INTENSIFIERS.has(tokens[c].word) && tokens[c].joined) c--;
  if (c < 0 || !COPULAS.has(tokens[c].word) || anyBefore(tokens, c + 1, NEGATIONS, 1)) return null;
  const subject = tokens[c].joined && c > 0 && ['it', 'that', 'this'].includes(tokens[c - 1].word) ? c - 1 : c;
  return spanOf(tokens, subject, i - subject + 1);
}

/** "he just had to …", with a person (not we/I) right before. */
function minimised(tokens: readonly Token[], i: number, ctx: CheckContext): RuleMatch | null {
  if (matchAt(tokens, i, [MINIMISED, words('had', 'needed'), 'to']) === 0) return null;
  const w = tokens[i - 1]?.word;
  const byOther = tokens[i].joined && isPersonAt(tokens, i - 1, indexNames(ctx.knownNames)) && w !== 'we' && w !== 'i';
  const next = tokens[i + 3]?.joined ? tokens[i + 3].word : undefined;
  return byOther && next !== 'wait' ? spanOf(tokens, i, 3) : null;
}

export const hindsight: BlamelessRule = {
  id: 'hindsight',
  title: 'Hindsight ("obviously")',
  reason: 'Hindsight makes the outcome look predictable, though at the time the signals were not that clear.',
  suggestion: SUGGESTION,
  find(text, ctx) {
    const tokens = tokenize(text);
    const found: RuleMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const n = PHRASES.reduce((best, p) => best || matchAt(tokens, i, p), 0);
      const m = n > 0 ? spanOf(tokens, i, n) : (obvious(tokens, i) ?? minimised(tokens, i, ctx));
      if (m) found.push(m);
    }
    return found;
  },
};
