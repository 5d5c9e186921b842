import { differenceInMilliseconds, isValid, parseISO } from 'date-fns';
import type { DurationValue, KeyMomentName, KeyMoments, Metrics, MomentProblem } from '../contract';

export { formatDuration } from './duration-format';

/** The order the main moments must be in; equal times are fine (a moment may coincide with the next). */
export const MOMENT_ORDER = [
  'impactStarted',
  'detected',
  'acknowledged',
  'identified',
  'restored',
  'closed',
] as const satisfies readonly KeyMomentName[];

import { MOMENT_LABELS } from '../vocabulary';

export { MOMENT_LABELS };

/** Each metric of docs/DECISIONS.md#vocabulary as (from, to): its value is `to − from`. */
const FORMULAS: Record<keyof Metrics, readonly [KeyMomentName, KeyMomentName]> = {
  tta: ['detected', 'acknowledged'],
  ttr: ['detected', 'restored'],
  detection: ['impactStarted', 'detected'],
  response: ['detected', 'identified'],
  remediation: ['identified', 'restored'],
  impact: ['impactStarted', 'restored'],
};

/** A moment's instant, or null when it is not set or its time cannot be read. */
function instantOf(moments: KeyMoments, name: KeyMomentName): Date | null {
  const at = moments[name]?.at;
  if (!at) return null;
  const d = parseISO(at);
  return isValid(d) ? d : null;
}

/**
 * Every pair of main moments in the wrong order, each pair once (so one misplaced moment may
 * give several problems, each naming both moments).
 */
export function momentProblems(moments: KeyMoments): MomentProblem[] {
  const problems: MomentProblem[] = [];
  MOMENT_ORDER.forEach((earlier, i) => {
    for (const later of MOMENT_ORDER.slice(i + 1)) {
      const a = instantOf(moments, earlier);
      const b = instantOf(moments, later);
      if (!a || !b || differenceInMilliseconds(b, a) >= 0) continue;
      problems.push({
        moments: [earlier, later],
        message:
          // No times in the text: the reader's time zone is the UI's to apply (it has both moments).
          `${MOMENT_LABELS[later]} is set before ${MOMENT_LABELS[earlier]}, but it cannot happen earlier. ` +
          `Check both times; the durations that use them are unknown until then.`,
      });
    }
  });
  return problems;
}

/**
 * TTA, TTR, phase and impact durations (docs/DECISIONS.md#vocabulary). A duration is never 0 by accident: it is
 * unknown ('missing', naming the missing moments) when a moment is not set, and unknown
 * ('out-of-order', naming its two moments) when either of its moments is in a wrong-order pair,
 * since then one of them is wrong and it cannot be told which.
 */
export function computeMetrics(moments: KeyMoments): { metrics: Metrics; problems: MomentProblem[] } {
  const problems = momentProblems(moments);
  const suspect = new Set<KeyMomentName>(problems.flatMap((p) => p.moments));
  const duration = ([from, to]: readonly [KeyMomentName, KeyMomentName]): DurationValue => {
    const a = instantOf(moments, from);
    const b = instantOf(moments, to);
    if (!a || !b) return { known: false, reason: 'missing', moments: [from, to].filter((m) => !instantOf(moments, m)) };
    if (suspect.has(from) || suspect.has(to)) return { known: false, reason: 'out-of-order', moments: [from, to] };
    return { known: true, ms: differenceInMilliseconds(b, a) };
  };
  const metrics = Object.fromEntries(Object.entries(FORMULAS).map(([name, pair]) => [name, duration(pair)])) as unknown as Metrics;
  return { metrics, problems };
}
