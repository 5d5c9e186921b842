import type { DurationValue } from '../../../../src/contract';
import { MOMENT_LABEL } from './labels';

/** A compact duration: "45 s", "4 min 30 s", "18 min", "2 h 5 min", "1 d 3 h". Never negative. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 10) return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  if (hours < 24) return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;

/** Why a duration is unknown, naming the moments: never shown as 0. */
export function unknownReason(value: Extract<DurationValue, { known: false }>): string {
  const names = value.moments.map((moment) => MOMENT_LABEL[moment].toLowerCase());
  if (value.reason === 'out-of-order') return `${list(names)} ${names.length > 1 ? 'are' : 'is'} out of order`;
  return `needs ${list(names)}`;
}

/** The text of a duration cell: the duration, or "Unknown". */
export function durationText(value: DurationValue): string {
  return value.known ? formatDuration(value.ms) : 'Unknown';
}
