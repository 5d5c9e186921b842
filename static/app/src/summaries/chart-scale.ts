/**
 * The arithmetic behind the trend charts, kept apart from SVG so it can be tested:
 * axis ticks, bands per month, gaps for unknown values, which month labels fit.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a duration axis may use: round minutes, hours and days, never "37 min". */
const DURATION_STEPS = [1, 2, 5, 10, 15, 30]
  .map((m) => m * MINUTE)
  .concat(
    [1, 2, 3, 6, 12].map((h) => h * HOUR),
    [1, 2, 7, 14, 30].map((d) => d * DAY),
  );

/** Ticks from 0 to at least `max` (at most `maxTicks` intervals), the last one covering `max`. */
function ticksWith(max: number, maxTicks: number, steps: readonly number[]): number[] {
  const top = Math.max(max, 0);
  const step = steps.find((s) => Math.ceil(top / s) <= maxTicks) ?? steps[steps.length - 1] ?? 1;
  const count = Math.max(1, Math.ceil(top / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/** Whole-number ticks for counts: 0…max in steps of 1, 2, 5, 10, 20, 50… */
export function countTicks(max: number, maxTicks = 4): number[] {
  const steps: number[] = [];
  for (let magnitude = 1; steps.length < 30; magnitude *= 10) steps.push(magnitude, 2 * magnitude, 5 * magnitude);
  return ticksWith(Math.ceil(max), maxTicks, steps);
}

/** Ticks for a duration axis in ms, at round minutes, hours or days. */
export function durationTicks(maxMs: number, maxTicks = 4): number[] {
  if (maxMs > (DURATION_STEPS[DURATION_STEPS.length - 1] ?? DAY) * maxTicks) {
    const days = countTicks(maxMs / DAY, maxTicks);
    return days.map((d) => d * DAY);
  }
  return ticksWith(maxMs, maxTicks, DURATION_STEPS);
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to r0. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

export interface Bands {
  /** Width of one month's band. */
  band: number;
  /** Left edge of band `i`. */
  start: (i: number) => number;
  /** Centre of band `i`. */
  centre: (i: number) => number;
}

/** One band per month across `width`, starting at `left`. */
export function bands(count: number, left: number, width: number): Bands {
  const band = count > 0 ? width / count : width;
  return { band, start: (i) => left + i * band, centre: (i) => left + (i + 0.5) * band };
}

/** Runs of consecutive known values, so a line breaks where a month is unknown instead of dropping to 0. */
export function knownRuns(values: readonly (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push({ index, value });
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** SVG path data through the points of one run ("M x y L x y …"). */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

/** Every `stride`-th month is labelled so labels `labelWidth` wide never overlap within `width`. */
export function labelStride(count: number, width: number, labelWidth: number): number {
  if (count <= 0) return 1;
  const fit = Math.max(1, Math.floor(width / labelWidth));
  return Math.max(1, Math.ceil(count / fit));
}

/** Whether month `i` of `count` gets a label: every `stride`-th from the last, so the newest is always named. */
export function labelled(i: number, count: number, stride: number): boolean {
  return (count - 1 - i) % stride === 0;
}

export interface StackSegment<K> {
  key: K;
  /** Where the segment starts and ends, in data units (0 at the bottom). */
  from: number;
  to: number;
}

/** Stacks the non-zero values in the given order, bottom first. */
export function stack<K extends string | number>(order: readonly K[], valueOf: (key: K) => number): StackSegment<K>[] {
  const segments: StackSegment<K>[] = [];
  let base = 0;
  for (const key of order) {
    const value = valueOf(key);
    if (!(value > 0)) continue;
    segments.push({ key, from: base, to: base + value });
    base += value;
  }
  return segments;
}

/** The largest of the values that are known (0 when none is). */
export function maxKnown(values: readonly (number | null)[]): number {
  return values.reduce<number>((max, v) => (v !== null && Number.isFinite(v) && v > max ? v : max), 0);
}

const round = (n: number): number => Math.round(n * 10) / 10;
