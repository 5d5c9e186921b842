import { NEGATIONS } from './lexicon';
import { anyBefore, matchAt, spanOf, tokenize, wordAfter, words } from './tokens';
import type { BlamelessRule, RuleMatch } from './types';

const WHO = words('human', 'operator', 'pilot', 'personnel', 'engineer');
const ERROR = words('error', 'errors', 'mistake', 'mistakes', 'slip', 'slips', 'failure');
/** "user errors" are mostly HTTP 4xx responses; only the singular "user error/mistake" is a verdict. */
const USER_ERROR = words('error', 'mistake');
/** "user error rate", "operator error codes": a metric or a message, not a verdict. */
const THING_AFTER = words(
  'rate',
  'rates',
  'count',
  'counts',
  'budget',
  'ratio',
  'code',
  'codes',
  'message',
  'messages',
  'page',
  'pages',
  'response',
  'responses',
  'spike',
  'spikes',
  'metric',
  'metrics',
  'log',
  'logs',
  'handling',
  'banner',
  'dialog',
  'toast',
  'path',
  'paths',
  'state',
  'screen',
);
/** "guardrails that prevent operator error": designing for people, not judging them. */
const PREVENTING = words(
  'prevent',
  'prevents',
  'preventing',
  'reduce',
  'reduces',
  'reducing',
  'avoid',
  'avoids',
  'avoiding',
  'minimise',
  'minimize',
  'minimising',
  'minimizing',
  'against',
  'tolerate',
  'tolerates',
  'forgiving',
);
const SLANG = words('pebkac', 'pebcak', 'id10t', 'id-10-t', 'fat-fingered', 'fat-fingering');

export const humanError: BlamelessRule = {
  id: 'human-error',
  title: '"Human error"',
  reason: 'Calling it human error stops the inquiry at a person instead of explaining why the action made sense at the time.',
  suggestion: 'Describe what made the action make sense at the time (e.g. unclear runbook, missing guardrail, two similar prompts).',
  find(text) {
    const tokens = tokenize(text);
    const found: RuleMatch[] = [];
    tokens.forEach((t, i) => {
      if (SLANG.has(t.word)) {
        found.push(spanOf(tokens, i, 1));
        return;
      }
      const n =
        matchAt(tokens, i, [WHO, ERROR]) ||
        matchAt(tokens, i, ['user', USER_ERROR]) ||
        matchAt(tokens, i, ['layer', '8', words('problem', 'issue', 'error')]);
      if (n === 0) return;
      const after = wordAfter(tokens, i + n - 1);
      if (after !== undefined && THING_AFTER.has(after)) return;
      if (anyBefore(tokens, i, NEGATIONS, 2) || anyBefore(tokens, i, PREVENTING, 3)) return;
      found.push(spanOf(tokens, i, n));
    });
    return found;
  },
};
