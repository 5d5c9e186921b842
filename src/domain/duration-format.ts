import { intervalToDuration } from 'date-fns';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration for people and reports, two units at most: "3 d 4 h", "2 h 05 min", "12 min 30 s",
 * "45 s". A zero second unit is left out ("2 h", "3 d"); under a second reads "< 1 s".
 * Whole days are counted directly (intervalToDuration would switch to months for long spans).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms === 0) return '0 s';
  if (ms < 1000) return '< 1 s';
  const days = Math.floor(ms / DAY_MS);
  const { hours = 0, minutes = 0, seconds = 0 } = intervalToDuration({ start: 0, end: ms - days * DAY_MS });
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${pad(minutes)} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${pad(seconds)} s` : `${minutes} min`;
  return `${seconds} s`;
}
