const MINUTE = 60_000;
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((minutes) => minutes * MINUTE);

/**
 * Evenly spaced "round" instants inside [from, to] for an axis, at most `maxTicks` of them:
 * whole minutes, quarter hours, hours or days. Aligned to UTC, which matches whole-hour zones.
 */
export function timeTicks(from: number, to: number, maxTicks: number): number[] {
  if (!(to > from) || maxTicks < 1) return [];
  const span = to - from;
  const step = STEPS.find((candidate) => span / candidate <= maxTicks) ?? Math.ceil(span / maxTicks / MINUTE) * MINUTE;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}
