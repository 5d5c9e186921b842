import { HUMAN_CHECK_VERBS, indexNames, isContentWord, isPastParticiple, nameAt, type NameIndex } from './lexicon';
import { matchAt, type Slot, spanOf, tokenize, type Token, wordBefore, words } from './tokens';
import type { BlamelessRule, CheckContext, RuleMatch } from './types';

/*
 * A person as the subject of a failure verb, optionally with one adverb between ("Greg accidentally
 * broke"). Who counts as a person, and with which verbs:
 *
 * - a known name (full or first, compared without case or accents, so "tomas" is Tomás): any
 *   failure verb ("Greg broke the build");
 * - "he" and "she": any failure verb; they only ever mean people;
 * - "they", "I", "someone", "somebody": only a failure that only people commit ("they forgot"),
 *   since "they" is as often the pods ("the pods failed; they broke the queue");
 * - any other capitalised word (title case, so not "DNS"), at the start of a clause or after a
 *   conjunction: only a failure only people commit: forgot, neglected, overlooked, fat-fingered,
 *   "didn't realise", "should have known". "Grafana missed the spike", "Nginx ignored the header"
 *   and "Consul never noticed" are things tools do, so an unknown word with "missed", "ignored",
 *   "broke" or "noticed" is left alone until the review or Jira knows it as a name
 *   (`personCandidates` lists those words for the caller to look up).
 *
 * Never a subject: a word after a determiner or possessive ("the page failed", "Monday's deploy",
 * "her script broke"), and "we", which owns the outcome together.
 */

type Kind = 'broke' | 'forgot' | 'missed' | 'checked' | 'mistyped' | 'should';
const SUGGESTIONS: Readonly<Record<Kind, string>> = {
  broke: 'Make the system the subject: "The build broke after the change to …".',
  forgot: 'Describe what prompts the step, if anything: "The step is not in the checklist, so …".',
  missed: 'Describe what made the signal easy to miss: "The alert was one of twelve firing at the time …".',
  checked: 'Describe what the process asked for: "Nothing in the runbook prompted a check of …".',
  mistyped: 'Describe what made the input easy to get wrong: "The config accepted … without validation".',
  should: 'Describe what the person saw and knew at the time, and what would have helped: "The dashboard did not show …".',
};

/** Verbs of knowing and minding: a tool does not forget to think. */
const MINDFUL = words(
  'realise',
  'realize',
  'remember',
  'bother',
  'care',
  'consider',
  'anticipate',
  'foresee',
  'recognise',
  'recognize',
  'think',
  'understand',
);
const MINDFUL_PAST = words(
  'realised',
  'realized',
  'remembered',
  'bothered',
  'cared',
  'considered',
  'anticipated',
  'foresaw',
  'recognised',
  'recognized',
  'thought',
  'understood',
  'known',
  'knew',
  'foreseen',
);
/** What "they" or "someone" does that the pods do not: notice, read, tell, ask. */
const PEOPLE_VERBS = new Set([
  ...MINDFUL,
  'notice',
  'spot',
  'read',
  'follow',
  'escalate',
  'tell',
  'ask',
  'mention',
  'communicate',
  'inform',
  'acknowledge',
  'page',
  'warn',
]);
const PEOPLE_PAST = new Set([
  ...MINDFUL_PAST,
  'noticed',
  'spotted',
  'read',
  'followed',
  'escalated',
  'told',
  'asked',
  'mentioned',
  'communicated',
  'informed',
  'acknowledged',
  'paged',
  'warned',
]);

const FAILURES: readonly [readonly Slot[], Kind][] = [
  [[words('broke', 'caused', 'botched', 'failed')], 'broke'],
  [[words('messed', 'screwed', 'blew', 'fouled'), 'up'], 'broke'],
  [['made', words('a', 'an'), words('mistake', 'error', 'blunder')], 'broke'],
  [['dropped', 'the', 'ball'], 'broke'],
  [[words('forgot', 'neglected', 'skipped', 'omitted')], 'forgot'],
  [[words('missed', 'ignored', 'overlooked', 'disregarded')], 'missed'],
  [[words("didn't", "doesn't"), HUMAN_CHECK_VERBS], 'checked'],
  [['did', 'not', HUMAN_CHECK_VERBS], 'checked'],
  [
    [
      words('never'),
      words(
        'checked',
        'noticed',
        'tested',
        'read',
        'followed',
        'verified',
        'escalated',
        'reviewed',
        'realised',
        'realized',
        'saw',
        'caught',
        'updated',
        'told',
        'paged',
        'acknowledged',
        'looked',
        'asked',
      ),
    ],
    'checked',
  ],
  [[words('misconfigured', 'mistyped', 'misread', 'misjudged', 'fat-fingered', 'mislabelled', 'mislabeled')], 'mistyped'],
];

/** Failures no tool commits, for subjects that might be a tool. `people` widens them for "they"/"someone". */
function humanOnly(people: boolean): readonly [readonly Slot[], Kind][] {
  const verbs = people ? PEOPLE_VERBS : MINDFUL;
  const past = people ? PEOPLE_PAST : MINDFUL_PAST;
  return [
    [[words('forgot', 'neglected', 'overlooked', 'disregarded', 'fat-fingered', 'misjudged', 'botched')], 'forgot'],
    [['dropped', 'the', 'ball'], 'broke'],
    [['made', words('a', 'an'), words('mistake', 'blunder')], 'broke'],
    [['screwed', 'up'], 'broke'],
    [[words("didn't", "doesn't", 'never'), words('bother', 'bothered')], 'forgot'],
    [[words("couldn't"), 'be', 'bothered'], 'forgot'],
    [[words("didn't", "doesn't"), verbs], 'checked'],
    [['did', 'not', verbs], 'checked'],
    [['never', past], 'checked'],
    [['failed', 'to', verbs], 'checked'],
    [[words('should', "should've"), 'have', past], 'should'],
    [["should've", past], 'should'],
    ...(people ? ([[[words('ignored', 'missed')], 'missed']] as [readonly Slot[], Kind][]) : []),
  ];
}
const HUMAN_ONLY = humanOnly(false);
const PEOPLE_ONLY = humanOnly(true);
/** For a known person: any failure, and "should have" + any past participle. */
const SHOULD_HAVE: readonly Slot[] = [words('should', "should've"), 'have'];

const DETERMINERS = words(
  'the',
  'a',
  'an',
  'this',
  'that',
  'each',
  'every',
  'our',
  'your',
  'their',
  'its',
  'any',
  'no',
  'which',
  'her',
  'his',
  'my',
);
const ADVERBS = words('just', 'also', 'then', 'again', 'still');
const SURE_PRONOUNS = words('he', 'she');
const VAGUE_PRONOUNS = words('they', 'i', 'someone', 'somebody');
/** Words after which a clause starts again, so a capitalised word can be its subject. */
const CLAUSE_OPENERS = words(
  'and',
  'but',
  'then',
  'so',
  'when',
  'because',
  'after',
  'before',
  'while',
  'until',
  'since',
  'as',
  'that',
  'though',
  'although',
  'once',
  'if',
);
/** Title case: a capital, then at least one small letter ("Greg", "Ólafur"; not "DNS" or "I"). */
const TITLE_CASE = /^\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*$/u;

/** Lower case without accents, so a name typed "tomas" is Tomás. */
export const foldName = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const ASCII = /^[\x20-\x7e]*$/u;

/** Tokens with their words folded; an ASCII word (most of them) is already folded by tokenize. */
function foldedTokens(text: string): Token[] {
  return tokenize(text).map((t) => (ASCII.test(t.word) ? t : { ...t, word: foldName(t.word) }));
}

function failureAt(tokens: readonly Token[], j: number, verbs: readonly [readonly Slot[], Kind][]): [number, Kind] | null {
  for (const [slots, kind] of verbs) {
    const n = tokens[j]?.joined ? matchAt(tokens, j, slots) : 0;
    if (n > 0) return [n, kind];
  }
  return null;
}

/** The failure after a subject ending at token j - 1, with one adverb allowed between. */
function failureAfter(tokens: readonly Token[], j: number, verbs: readonly [readonly Slot[], Kind][]): { end: number; kind: Kind } | null {
  const direct = failureAt(tokens, j, verbs);
  if (direct) return { end: j + direct[0], kind: direct[1] };
  const adverb = tokens[j]?.joined && (tokens[j].word.endsWith('ly') || ADVERBS.has(tokens[j].word));
  const late = adverb ? failureAt(tokens, j + 1, verbs) : null;
  return late ? { end: j + 1 + late[0], kind: late[1] } : null;
}

/** "should have" + a past participle after a known person ("Greg should have rolled back"). */
function shouldHaveAfter(tokens: readonly Token[], j: number): { end: number; kind: Kind } | null {
  const n = tokens[j]?.joined ? matchAt(tokens, j, SHOULD_HAVE) || (tokens[j].word === "should've" ? 1 : 0) : 0;
  const verb = tokens[j + n];
  return n > 0 && verb?.joined && isPastParticiple(verb.word) ? { end: j + n + 1, kind: 'should' } : null;
}

/** Capitalised at a sentence start, never a name: "Also forgot to…" has no subject at all. */
const NOT_NAMES = words(
  'also',
  'then',
  'later',
  'still',
  'just',
  'again',
  'once',
  'never',
  'always',
  'often',
  'sometimes',
  'we',
  'nobody',
  'everybody',
  'everyone',
  'anyone',
  'nothing',
  'everything',
  'somehow',
  'instead',
  'meanwhile',
  'perhaps',
  'maybe',
  'and',
  'but',
  'so',
  'yet',
);
const isTitleCase = (text: string, t: Token) =>
  TITLE_CASE.test(text.slice(t.start, t.end)) && isContentWord(t.word) && !NOT_NAMES.has(t.word);

/** Whether token i may open a subject: not after a determiner, and where a clause starts for an unknown word. */
function subjectPosition(tokens: readonly Token[], i: number, clauseStart: boolean): boolean {
  const before = wordBefore(tokens, i);
  if (before === undefined) return true;
  if (DETERMINERS.has(before) || before.endsWith("'s")) return false;
  return !clauseStart || CLAUSE_OPENERS.has(before);
}

/** Unknown capitalised words from i back over the capitalised words before it ("Greg Smith"). */
function capitalisedRun(text: string, tokens: readonly Token[], i: number): number {
  let first = i;
  while (first > 0 && tokens[first].joined && isTitleCase(text, tokens[first - 1]) && !DETERMINERS.has(tokens[first - 1].word)) first--;
  return first;
}

interface Subject {
  readonly start: number;
  readonly end: number;
  readonly found: { end: number; kind: Kind };
}

function subjectsIn(
  text: string,
  tokens: readonly Token[],
  names: NameIndex,
  verbsForUnknown: readonly [readonly Slot[], Kind][],
): Subject[] {
  const found: Subject[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = nameAt(tokens, i, names);
    const word = tokens[i].word;
    let subject: Subject | null = null;
    if (n > 0 && subjectPosition(tokens, i, false)) {
      const f = failureAfter(tokens, i + n, FAILURES) ?? shouldHaveAfter(tokens, i + n);
      if (f) subject = { start: i, end: i + n, found: f };
    } else if (SURE_PRONOUNS.has(word) || VAGUE_PRONOUNS.has(word)) {
      const sure = SURE_PRONOUNS.has(word);
      const f = sure ? (failureAfter(tokens, i + 1, FAILURES) ?? shouldHaveAfter(tokens, i + 1)) : failureAfter(tokens, i + 1, PEOPLE_ONLY);
      if (f) subject = { start: i, end: i + 1, found: f };
    } else if (isTitleCase(text, tokens[i])) {
      const first = capitalisedRun(text, tokens, i);
      const f = subjectPosition(tokens, first, true) ? failureAfter(tokens, i + 1, verbsForUnknown) : null;
      if (f) subject = { start: first, end: i + 1, found: f };
    }
    if (subject) {
      found.push(subject);
      i = subject.found.end - 1;
    }
  }
  return found;
}

export const personAsSubject: BlamelessRule = {
  id: 'person-as-subject',
  title: 'A person as the subject of a failure',
  reason: 'Naming a person as the one who failed invites blame; the conditions that allowed it are what can change.',
  suggestion: SUGGESTIONS.broke,
  find(text, ctx) {
    const tokens = foldedTokens(text);
    const names = indexNames(ctx.knownNames.map(foldName));
    return subjectsIn(text, tokens, names, HUMAN_ONLY).map((s): RuleMatch => ({
      ...spanOf(tokens, s.start, s.found.end - s.start),
      suggestion: SUGGESTIONS[s.found.kind],
    }));
  },
};

/**
 * Capitalised words the rule leaves alone only because it does not know them as names: each
 * stands where a subject would, before a failure verb ("Sam broke the build"). The caller may ask
 * Jira whether they are people and check again with those names known. Each word once, in order.
 */
export function personCandidates(text: string, ctx: CheckContext): string[] {
  const tokens = foldedTokens(text);
  const names = indexNames(ctx.knownNames.map(foldName));
  const flagged = new Set(subjectsIn(text, tokens, names, HUMAN_ONLY).map((s) => s.start));
  const all = subjectsIn(text, tokens, names, FAILURES);
  const words = all
    .filter((s) => !flagged.has(s.start) && nameAt(tokens, s.start, names) === 0 && isTitleCase(text, tokens[s.start]))
    .map((s) => text.slice(tokens[s.start].start, tokens[s.end - 1].end));
  return [...new Set(words)];
}
