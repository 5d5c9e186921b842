import { NEGATIONS } from './lexicon';
import { anyBefore, matchAt, type Slot, spanOf, tokenize, wordAfter, words } from './tokens';
import type { BlamelessRule, RuleMatch } from './types';

const SINGLE = words('main', 'primary', 'real', 'single', 'sole', 'actual', 'underlying', 'true', 'ultimate');
/** "the cause was unclear": uncertainty about causes, not the attribution of one. */
const UNCERTAIN = words('unclear', 'unknown', 'not', 'still', 'never', 'hard', 'difficult', 'uncertain', 'initially', "n't");
const PHRASES: readonly (readonly Slot[])[] = [
  ['root', words('cause', 'causes', 'caused', 'causing')],
  [words('root-cause', 'root-causes', 'root-caused', 'root-causing', 'rca', 'rcas')],
  ['the', SINGLE, words('cause', 'causes')],
  ['the', 'cause', words('was', 'is')],
];

export const rootCause: BlamelessRule = {
  id: 'root-cause',
  title: '"Root cause"',
  reason: 'Incidents have several contributing factors; naming one root cause ends the search early and points at whoever touched it last.',
  suggestion: 'Write "contributing factors" and list each one: "Contributing factors included …".',
  find(text) {
    const tokens = tokenize(text);
    const found: RuleMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const n = PHRASES.reduce((best, p) => best || matchAt(tokens, i, p), 0);
      if (n === 0 || anyBefore(tokens, i, NEGATIONS, 3)) continue;
      if (tokens[i + n - 1].word === 'was' || tokens[i + n - 1].word === 'is') {
        const after = wordAfter(tokens, i + n - 1);
        if (after !== undefined && UNCERTAIN.has(after)) continue;
      }
      const acronym = tokens[i].word.startsWith('rca');
      found.push({
        ...spanOf(tokens, i, n),
        suggestion: acronym ? 'Call it a post-incident review and list the contributing factors.' : undefined,
      });
      i += n - 1;
    }
    return found;
  },
};
