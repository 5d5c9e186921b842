import { NEGATIONS } from './lexicon';
import { anyBefore, matchAt, type Slot, spanOf, tokenize, type Token, wordAfter, wordBefore, words } from './tokens';
import type { BlamelessRule, RuleMatch } from './types';

/*
 * Words that judge a person. Compounds and technical terms are not judgements: words are whole
 * tokens, so "fault-tolerant", "no-blame" and "blame-free" never equal "fault" or "blame", and
 * "default"/"blameless" are other words. "fault" judges only in "X's fault", "at fault", "fault
 * lies with" ("the fault was in the parser" is a defect); "lazy" is not flagged before a
 * technical noun ("lazy loading") nor in code ("React.lazy"); "sloppy quorum" is a Dynamo term.
 */

const JUDGEMENTS = words(
  'careless',
  'carelessly',
  'carelessness',
  'negligent',
  'negligently',
  'negligence',
  'sloppy',
  'sloppily',
  'sloppiness',
  'lazy',
  'laziness',
  'incompetent',
  'incompetence',
  'incompetently',
  'reckless',
  'recklessly',
  'recklessness',
  'irresponsible',
  'irresponsibly',
  'stupid',
  'stupidity',
  'idiotic',
  'idiot',
  'idiots',
  'clueless',
  'screw-up',
  'screw-ups',
  'screwup',
  'screwups',
  'blunder',
  'blunders',
  'blundered',
  'blame',
  'blamed',
  'blames',
  'blaming',
  'blameworthy',
  'culprit',
  'culprits',
);
const TECH_AFTER_LAZY = words(
  'loading',
  'load',
  'loaded',
  'loader',
  'evaluation',
  'eval',
  'evaluated',
  'initialization',
  'initialisation',
  'init',
  'initialized',
  'initialised',
  'import',
  'imports',
  'iterator',
  'iterators',
  'sequence',
  'sequences',
  'list',
  'lists',
  'val',
  'fetch',
  'fetching',
  'hydration',
  'compilation',
  'deletion',
  'expiry',
  'expiration',
  'replication',
  'instantiation',
  'binding',
  'bindings',
  'mode',
  'consumer',
  'consumers',
  'route',
  'routes',
  'component',
  'components',
  'property',
  'properties',
  'migration',
  'migrations',
  'allocation',
  'parsing',
);
const POSSESSIVE = words('my', 'his', 'her', 'their', 'your', 'our', 'whose');
const NOBODY = words("nobody's", "no-one's", "anyone's", "anybody's", "noone's", "one's");
const PHRASES: readonly (readonly Slot[])[] = [
  [words('screwed', 'messed'), 'up'],
  [words('dropped', 'drop', 'drops', 'dropping'), 'the', 'ball'],
  ['asleep', 'at', 'the', 'wheel'],
  [words('rookie', 'dumb', 'stupid', 'silly', 'careless'), words('mistake', 'mistakes', 'error', 'errors')],
  [words('mistake', 'mistakes'), 'made', 'by'],
  [words('mistake', 'mistakes'), 'by'],
  ['fault', words('lies', 'lay', 'lie'), 'with'],
  ['at', 'fault'],
];

function possessed(tokens: readonly Token[], i: number): number {
  // "Greg's fault", "his mistake": the possessor and the noun, never "nobody's fault".
  const t = tokens[i];
  if (!(t.word === 'fault' || t.word === 'mistake') || !t.joined || i === 0) return 0;
  const owner = tokens[i - 1].word;
  const isOwner = POSSESSIVE.has(owner) || (/(?:'s|s')$/u.test(owner) && !NOBODY.has(owner));
  return isOwner ? 2 : 0;
}

function isExcused(text: string, tokens: readonly Token[], i: number): boolean {
  const w = tokens[i].word;
  const after = wordAfter(tokens, i);
  if (w === 'lazy') return text[tokens[i].start - 1] === '.' || (after !== undefined && TECH_AFTER_LAZY.has(after));
  if (w === 'sloppy') return after === 'quorum' || after === 'quorums';
  if (w.startsWith('blam')) return wordBefore(tokens, i) === 'git' || anyBefore(tokens, i, NEGATIONS, 3);
  return false;
}

export const judgement: BlamelessRule = {
  id: 'judgement',
  title: 'Blame and judgement words',
  reason: 'Judgement words assign blame and make people defensive, so the review learns less.',
  suggestion: 'Describe the action and its context neutrally: what was done, what was known, and what the system allowed.',
  find(text) {
    const tokens = tokenize(text);
    const found: RuleMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const owned = possessed(tokens, i);
      if (owned > 0) {
        if (!anyBefore(tokens, i - 1, NEGATIONS, 2)) found.push(spanOf(tokens, i - 1, owned));
        continue;
      }
      const n = PHRASES.reduce((best, p) => best || matchAt(tokens, i, p), 0);
      if (n > 0) {
        if (!anyBefore(tokens, i, NEGATIONS, 2)) found.push(spanOf(tokens, i, n));
        i += n - 1;
      } else if (JUDGEMENTS.has(tokens[i].word) && !isExcused(text, tokens, i)) {
        found.push(spanOf(tokens, i, 1));
      }
    }
    return found;
  },
};
