/*
 * The one duration format of every surface: the panel, the printable summary, After Action
 * Summaries, the Confluence report, the Markdown export and the external summary. The UI bundles
 * this file (an exception in .dependency-cruiser.cjs), so it imports nothing.
 *
 * The rule: round to the nearest whole second, then show the two largest units, the second
 * left out when it is zero: "45 s", "4 min 30 s", "15 min 20 s", "2 h 5 min", "3 d 4 h", "2 h".
 * Lower units are cut, not rounded, so a duration never reads longer than it was. Under half a
 * second reads "< 1 s" (0 reads "0 s"). The CSV counts the same whole seconds (`wholeSeconds`).
 */

const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** The whole seconds every surface shows for a duration: nearest, half up. */
export function wholeSeconds(ms: number): number {
  return Math.round(ms / 1000);
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms === 0) return '0 s';
  let rest = wholeSeconds(ms);
  if (rest === 0) return '< 1 s';
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (parts.length > 0) {
      if (count > 0) parts.push(`${count} ${unit}`);
      break;
    }
    if (count > 0) parts.push(`${count} ${unit}`);
  }
  return parts.join(' ');
}
