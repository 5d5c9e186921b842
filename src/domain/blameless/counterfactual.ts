import { HUMAN_CHECK_VERBS, indexNames, isContentWord, isPastParticiple, isPersonAt, NEGATIONS, type NameIndex } from './lexicon';
import { anyBefore, matchAt, type Slot, spanOf, tokenize, type Token, words } from './tokens';
import type { BlamelessRule, CheckContext, RuleMatch } from './types';

/*
 * A counterfactual narrates what did not happen ("should have noticed"). Told apart from:
 * - a recommendation: modal + "have" + a noun ("should have alerts on queue depth", "could have
 *   impact on billing") is about having a thing, not about the past;
 * - an obligation: "would have to wait";
 * - the size of an outcome: "could have been worse", "would have affected more customers";
 * - the recommended framing itself: "what would have helped?", and wishes ("would have liked");
 * - what could not have been: "nobody could have known", "we couldn't have caught it in staging",
 *   "the retry wouldn't have helped" (only "should" stays a counterfactual when negated);
 * - what could have happened to those affected: "customers could have seen stale prices";
 * - a hypothesis about the system: could/would with a thing as subject ("retries could have
 *   amplified the load"), or one that made something worse or better ("… could have made the
 *   backlog worse"). "This/it could have been avoided" stays flagged: the subject is no thing.
 * An -ed word followed by a noun ("should have automated checks") reads as adjective + noun,
 * a recommendation, in forward-looking fields (action items) and for words that are usually
 * adjectives; elsewhere it reads as a verb ("we should have tested backups").
 */

const MODAL_HAVE: readonly (readonly Slot[])[] = [
  [words('should', 'could', 'would', "shouldn't", "couldn't", "wouldn't"), 'have'],
  [words('should', 'could', 'would'), 'not', 'have'],
  [words("should've", "could've", "would've", "shouldn't've", "couldn't've", "wouldn't've")],
];
const ADVERBS = words(
  'just',
  'already',
  'also',
  'never',
  'not',
  'even',
  'still',
  'simply',
  'easily',
  'really',
  'probably',
  'reasonably',
  'clearly',
  'obviously',
);
const WISHES = words('helped', 'liked', 'loved', 'preferred', 'wanted', 'wished', 'appreciated');
/** After could/would: how bad it might have been, not what someone should have done. */
const OUTCOMES = words(
  'affected',
  'impacted',
  'caused',
  'lasted',
  'spread',
  'cascaded',
  'happened',
  'resulted',
  'led',
  'triggered',
  'contributed',
  'masked',
  'hidden',
  'taken',
  'gone',
  'become',
  'gotten',
  'cost',
  'meant',
  'lost',
  'broken',
  'exposed',
  'corrupted',
  'hit',
  'reached',
  'escalated',
  'grown',
  'doubled',
);
const AFFECTED = words('customers', 'users', 'tenants', 'clients', 'merchants', 'requests', 'orders', 'payments', 'data', 'traffic');
/** -ed words that usually describe a thing to have ("dedicated runbooks", "read access"). */
const ADJECTIVAL = words(
  'automated',
  'dedicated',
  'detailed',
  'improved',
  'advanced',
  'limited',
  'rate-limited',
  'centralised',
  'centralized',
  'structured',
  'versioned',
  'scheduled',
  'shared',
  'unified',
  'integrated',
  'documented',
  'updated',
  'enhanced',
  'expanded',
  'extended',
  'targeted',
  'tiered',
  'staged',
  'gated',
  'guarded',
  'signed',
  'pinned',
  'read',
  'managed',
  'dashboarded',
  'sized',
  'tuned',
  'named',
  'labelled',
  'labeled',
  'owned',
);
/** Comparatives that make "made X worse" the size of an outcome ("could have made the backlog worse"). */
const COMPARATIVES = words(
  'worse',
  'better',
  'longer',
  'shorter',
  'slower',
  'faster',
  'bigger',
  'smaller',
  'larger',
  'harder',
  'easier',
  'deeper',
  'higher',
  'lower',
);
const PARTICLES = words('back', 'out', 'up', 'over', 'off', 'down', 'through', 'in');
const BASE_FORM: Readonly<Record<string, string>> = {
  noticed: 'notice',
  checked: 'check',
  caught: 'catch',
  seen: 'see',
  spotted: 'spot',
  known: 'know',
  realised: 'realise',
  realized: 'realise',
  tested: 'test',
  verified: 'verify',
  reviewed: 'review',
  paged: 'page',
  read: 'read',
  looked: 'look',
  asked: 'ask',
  waited: 'wait',
  detected: 'detect',
  found: 'find',
  escalated: 'escalate',
  investigated: 'investigate',
};

function suggestFor(participle: string): string {
  if (participle === 'had') return 'Turn it into a countermeasure: "An alert on … would help us know sooner."';
  const base = BASE_FORM[participle];
  return base
    ? `Ask what would have helped at the time: "What would have helped us ${base} sooner?"`
    : 'Ask what would have helped at the time: "What would have made this easier to see or do?"';
}

/** How many tokens a modal + "have" covers from token i, or 0. */
function modalHaveAt(tokens: readonly Token[], i: number): number {
  for (const p of MODAL_HAVE) {
    const n = matchAt(tokens, i, p);
    if (n > 0) return n;
  }
  return 0;
}

/** The modal's subject is a thing, not a person: a content word right before it ("retries could"). */
function thingAsSubject(tokens: readonly Token[], i: number, names: NameIndex): boolean {
  const before = tokens[i].joined ? tokens[i - 1]?.word : undefined;
  return before !== undefined && isContentWord(before) && !isPersonAt(tokens, i - 1, names) && !THING_PRONOUNS.has(before);
}
/** Not things: a pronoun subject keeps the sentence a counterfactual ("this could have been avoided"). */
const THING_PRONOUNS = words(
  'this',
  'it',
  'that',
  'which',
  'who',
  'nobody',
  'somebody',
  'everybody',
  'everyone',
  'anybody',
  'people',
  'one',
);

/** "made … worse" within a few words after the participle. */
function madeComparative(tokens: readonly Token[], j: number): boolean {
  if (tokens[j].word !== 'made') return false;
  for (let k = j + 1; k <= j + 4 && tokens[k]?.joined; k++) if (COMPARATIVES.has(tokens[k].word)) return true;
  return false;
}

function modalHave(tokens: readonly Token[], i: number, ctx: CheckContext, names: NameIndex): RuleMatch | null {
  const n = modalHaveAt(tokens, i);
  if (n === 0) return null;
  const modal = tokens[i].word.replace(/n't$|n't've$|'ve$/u, '');
  if (modal !== 'should') {
    const negated = tokens[i].word.includes("n't") || tokens[i + 1]?.word === 'not' || anyBefore(tokens, i, NEGATIONS, 2);
    const before = tokens[i].joined ? tokens[i - 1]?.word : undefined;
    if (negated || (before !== undefined && AFFECTED.has(before)) || thingAsSubject(tokens, i, names)) return null;
  }
  let j = i + n;
  if (tokens[j]?.joined && ADVERBS.has(tokens[j].word) && tokens[j + 1]?.joined) {
    if (modal !== 'should' && (tokens[j].word === 'never' || tokens[j].word === 'not')) return null; // "could have never known"
    j++;
  }
  const verb = tokens[j];
  if (!verb?.joined || (verb.word === 'to' && j === i + n)) return null;
  if (verb.word === 'been') {
    const next = tokens[j + 1];
    if (!next?.joined || !isPastParticiple(next.word)) return null; // "could have been worse"
    j++;
  } else if (!isPastParticiple(verb.word)) return null; // "should have alerts", "could have impact"
  const participle = tokens[j].word;
  if (WISHES.has(participle) || (modal !== 'should' && (OUTCOMES.has(participle) || madeComparative(tokens, j)))) return null;
  const after = tokens[j + 1]?.joined ? tokens[j + 1].word : undefined;
  if (isContentWord(after) && !PARTICLES.has(after ?? '') && (ctx.field === 'action-item' || ADJECTIVAL.has(participle))) return null;
  const end = after !== undefined && PARTICLES.has(after) && participle.endsWith('ed') ? j + 1 : j;
  return { ...spanOf(tokens, i, end - i + 1), suggestion: suggestFor(participle) };
}

/** "failed to" is a counterfactual only with a person as subject or a human verb ("the job failed to start" is not). */
function failedTo(tokens: readonly Token[], i: number, names: NameIndex): RuleMatch | null {
  if (matchAt(tokens, i, ['failed', 'to']) === 0) return null;
  let subject = i - 1;
  if (tokens[i].joined && subject > 0 && tokens[subject].joined && /ly$|^just$|^also$/u.test(tokens[subject].word)) subject--;
  const byPerson = tokens[subject + 1]?.joined && isPersonAt(tokens, subject, names);
  const verb = tokens[i + 2]?.joined ? tokens[i + 2].word : undefined;
  if (!byPerson && !(verb !== undefined && HUMAN_CHECK_VERBS.has(verb) && verb !== 'update' && verb !== 'catch')) return null;
  return {
    ...spanOf(tokens, i, 2),
    suggestion: 'Describe what happened and what made it hard at the time: "The check was not run because …".',
  };
}

/** "if only" as a wish ("if only we had…"), not as a condition ("if only one replica is up"). */
function ifOnly(tokens: readonly Token[], i: number): RuleMatch | null {
  if (matchAt(tokens, i, ['if', 'only']) === 0) return null;
  for (let k = i + 2; k < i + 7 && tokens[k]?.joined; k++) {
    const w = tokens[k].word;
    if (w === 'had' || w === "hadn't" || w === 'were' || w.endsWith("'d")) {
      return {
        ...spanOf(tokens, i, 2),
        suggestion: 'State what would help next time as a countermeasure: "A pre-deploy check would surface this sooner."',
      };
    }
  }
  return null;
}

const ALWAYS: readonly (readonly Slot[])[] = [
  ['neglected', 'to'],
  [words("didn't", "don't", "doesn't"), words('bother', 'bothered')],
  [words('did', 'does'), 'not', 'bother'],
  [words("couldn't", 'could'), words('be', 'not'), 'bothered'],
];

function always(tokens: readonly Token[], i: number): RuleMatch | null {
  for (const p of ALWAYS) {
    const n = matchAt(tokens, i, p);
    if (n > 0)
      return {
        ...spanOf(tokens, i, n),
        suggestion: 'Describe the trade-off as it looked then: "The step was skipped because it takes 20 minutes and …".',
      };
  }
  return null;
}

export const counterfactual: BlamelessRule = {
  id: 'counterfactual',
  title: 'Counterfactual ("should have…")',
  reason: 'A counterfactual describes what did not happen, which hides why what did happen made sense at the time.',
  suggestion: 'Ask what would have helped at the time, and describe what people saw and knew.',
  find(text, ctx) {
    const tokens = tokenize(text);
    const names = indexNames(ctx.knownNames);
    const found: RuleMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const m = modalHave(tokens, i, ctx, names) ?? failedTo(tokens, i, names) ?? ifOnly(tokens, i) ?? always(tokens, i);
      if (m) found.push(m);
    }
    return found;
  },
};
