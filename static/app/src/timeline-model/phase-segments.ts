import type { KeyMomentName, KeyMoments, Phase } from '../../../../src/contract';

export interface PhaseSegment {
  phase: Phase;
  from: number;
  to: number;
  /** Position and width in percent of the bar. */
  left: number;
  width: number;
}

export interface PhaseBarLayout {
  start: number;
  end: number;
  segments: PhaseSegment[];
}

/** Each phase spans two key moments (docs/DECISIONS.md#vocabulary). */
export const PHASE_BOUNDS: ReadonlyArray<[Phase, KeyMomentName, KeyMomentName]> = [
  ['detection', 'impactStarted', 'detected'],
  ['response', 'detected', 'identified'],
  ['remediation', 'identified', 'restored'],
];

export const momentMs = (moments: KeyMoments, name: KeyMomentName): number | null => {
  const at = moments[name].at;
  const ms = at ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? null : ms;
};

/**
 * The bar runs from impact started to service restored — the span the three phases cover; the
 * incident is often closed days later, which would squeeze the phases to a sliver. Without a
 * restore time it ends at the latest known moment. A phase whose moments are missing or out of
 * order has no segment.
 */
export function phaseBarLayout(moments: KeyMoments): PhaseBarLayout | null {
  const known = (Object.keys(moments) as KeyMomentName[]).map((name) => momentMs(moments, name)).filter((ms): ms is number => ms !== null);
  if (known.length < 2) return null;
  const start = momentMs(moments, 'impactStarted') ?? Math.min(...known);
  const end = Math.max(momentMs(moments, 'restored') ?? Math.max(...known), start);
  if (end <= start) return null;
  const span = end - start;
  const segments: PhaseSegment[] = [];
  for (const [phase, fromName, toName] of PHASE_BOUNDS) {
    const from = momentMs(moments, fromName);
    const to = momentMs(moments, toName);
    if (from === null || to === null || to < from || from < start || to > end) continue;
    segments.push({ phase, from, to, left: ((from - start) / span) * 100, width: ((to - from) / span) * 100 });
  }
  return { start, end, segments };
}
