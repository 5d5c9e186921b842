import { HUMAN_CHECK_VERBS, indexNames, nameAt } from './lexicon';
import { matchAt, type Slot, spanOf, tokenize, type Token, wordBefore, words } from './tokens';
import type { BlamelessRule, RuleMatch } from './types';

/*
 * A known person (full name or first name) immediately followed by a failure verb, optionally
 * with one adverb between ("Greg accidentally broke"). Names are whole words, so "Gregory" is
 * not "Greg"; a name after a determiner is a common word ("the page failed"), not the person Page.
 */

type Kind = 'broke' | 'forgot' | 'missed' | 'checked' | 'mistyped';
const SUGGESTIONS: Readonly<Record<Kind, string>> = {
  broke: 'Make the system the subject: "The build broke after the change to …".',
  forgot: 'Describe what prompts the step, if anything: "The step is not in the checklist, so …".',
  missed: 'Describe what made the signal easy to miss: "The alert was one of twelve firing at the time …".',
  checked: 'Describe what the process asked for: "Nothing in the runbook prompted a check of …".',
  mistyped: 'Describe what made the input easy to get wrong: "The config accepted … without validation".',
};

const VERBS: readonly [readonly Slot[], Kind][] = [
  [[words('broke', 'caused', 'botched', 'failed')], 'broke'],
  [[words('messed', 'screwed', 'blew', 'fouled'), 'up'], 'broke'],
  [['made', words('a', 'an'), words('mistake', 'error', 'blunder')], 'broke'],
  [['dropped', 'the', 'ball'], 'broke'],
  [[words('forgot', 'neglected', 'skipped', 'omitted')], 'forgot'],
  [[words('missed', 'ignored', 'overlooked', 'disregarded')], 'missed'],
  [[words("didn't", "doesn't"), HUMAN_CHECK_VERBS], 'checked'],
  [['did', 'not', HUMAN_CHECK_VERBS], 'checked'],
  [[words('never'), words('checked', 'noticed', 'tested', 'read', 'followed', 'verified', 'escalated', 'reviewed', 'realised', 'realized', 'saw', 'caught', 'updated', 'told', 'paged', 'acknowledged', 'looked', 'asked')], 'checked'],
  [[words('misconfigured', 'mistyped', 'misread', 'misjudged', 'fat-fingered', 'mislabelled', 'mislabeled')], 'mistyped'],
];
const DETERMINERS = words('the', 'a', 'an', 'this', 'that', 'each', 'every', 'our', 'your', 'their', 'its', 'any', 'no', 'which');
const ADVERBS = words('just', 'also', 'then', 'again', 'still');

function failureAt(tokens: readonly Token[], j: number): [number, Kind] | null {
  for (const [slots, kind] of VERBS) {
    const n = tokens[j]?.joined ? matchAt(tokens, j, slots) : 0;
    if (n > 0) return [n, kind];
  }
  return null;
}

export const personAsSubject: BlamelessRule = {
  id: 'person-as-subject',
  title: 'A person as the subject of a failure',
  reason: 'Naming a person as the one who failed invites blame; the conditions that allowed it are what can change.',
  suggestion: SUGGESTIONS.broke,
  find(text, ctx) {
    const names = indexNames(ctx.knownNames);
    if (names.byFirstWord.size === 0) return [];
    const tokens = tokenize(text);
    const found: RuleMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const n = nameAt(tokens, i, names);
      const before = wordBefore(tokens, i);
      if (n === 0 || (before !== undefined && DETERMINERS.has(before))) continue;
      let j = i + n;
      const adverb = tokens[j]?.joined && (tokens[j].word.endsWith('ly') || ADVERBS.has(tokens[j].word));
      const verb = failureAt(tokens, j) ?? (adverb ? failureAt(tokens, ++j) : null);
      if (!verb) continue;
      found.push({ ...spanOf(tokens, i, j + verb[0] - i), suggestion: SUGGESTIONS[verb[1]] });
      i = j + verb[0] - 1;
    }
    return found;
  },
};
