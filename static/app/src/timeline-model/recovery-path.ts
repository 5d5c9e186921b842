import type { Impact, KeyMoments, TimelineEntry } from '../../../../src/contract';

/**
 * The path of recovery (docs/DECISIONS.md#vocabulary): one step per entry annotated with an impact. A positive
 * entry takes the path one level down (towards recovery), a negative one one level up, a
 * neutral one leaves it flat. Levels start at 0; down is negative.
 */
export interface RecoveryStep {
  entry: TimelineEntry;
  at: number;
  impact: Impact;
  /** The level after this entry. */
  level: number;
}

export interface RecoveryPath {
  steps: RecoveryStep[];
  /** Lowest and highest level reached, including the start (0). */
  minLevel: number;
  maxLevel: number;
}

const DELTA: Record<Impact, number> = { positive: -1, negative: 1, neutral: 0 };

export function recoveryPath(entries: readonly TimelineEntry[]): RecoveryPath {
  const plotted = entries
    .filter((entry) => entry.annotation.impact !== undefined && !Number.isNaN(Date.parse(entry.at)))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let level = 0;
  let minLevel = 0;
  let maxLevel = 0;
  const steps = plotted.map((entry) => {
    const impact = entry.annotation.impact as Impact;
    level += DELTA[impact];
    minLevel = Math.min(minLevel, level);
    maxLevel = Math.max(maxLevel, level);
    return { entry, at: Date.parse(entry.at), impact, level };
  });
  return { steps, minLevel, maxLevel };
}

/** Key moments that bound the response; `closed` is left out (it often comes days later). */
const WINDOW_MOMENTS = ['impactStarted', 'detected', 'acknowledged', 'identified', 'restored'] as const;

/**
 * The time span the plot covers: the response itself — from impact started (or the first step)
 * to service restored (or the last step) — with a little room on both sides. Comments and
 * follow-up work days or weeks later are not plotted, so they must not squeeze the response
 * into a sliver. Without steps or moments, the span of the entries.
 */
export function plotDomain(entries: readonly TimelineEntry[], moments: KeyMoments): [number, number] {
  const times: number[] = [];
  for (const step of recoveryPath(entries).steps) times.push(step.at);
  for (const name of WINDOW_MOMENTS) {
    const at = moments[name]?.at;
    const ms = at ? Date.parse(at) : NaN;
    if (!Number.isNaN(ms)) times.push(ms);
  }
  if (times.length === 0) {
    for (const entry of entries) {
      const ms = Date.parse(entry.at);
      if (!Number.isNaN(ms)) times.push(ms);
    }
  }
  if (times.length === 0) return [0, 60_000];
  const from = Math.min(...times);
  const to = Math.max(...times);
  const pad = Math.max((to - from) * 0.04, 60_000);
  return [from - pad, to + pad];
}

/**
 * The SVG path of the steps: flat until each entry's time, then a vertical step to its level,
 * flat to the end. `x` and `y` map time and level to pixels.
 */
export function stepPathData(
  path: RecoveryPath,
  domain: [number, number],
  x: (ms: number) => number,
  y: (level: number) => number,
): string {
  const commands = [`M${x(domain[0]).toFixed(1)},${y(0).toFixed(1)}`];
  for (const step of path.steps) {
    commands.push(`H${x(step.at).toFixed(1)}`, `V${y(step.level).toFixed(1)}`);
  }
  commands.push(`H${x(domain[1]).toFixed(1)}`);
  return commands.join(' ');
}
