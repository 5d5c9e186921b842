import type { DurationValue } from '../../../../src/contract';
// One format for every surface: the panel shows what the report, the export and the CSV say.
import { formatDuration } from '../../../../src/domain/duration-format';
import { MOMENT_LABEL } from './labels';

export { formatDuration };

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
