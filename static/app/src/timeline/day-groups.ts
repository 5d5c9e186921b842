import type { TimelineEntry } from '../../../../src/contract';
import { groupInOrder } from '../format';
import { dayKeyOf } from './zoned-time';

export interface DayGroup {
  /** "2025-03-12" in the viewer's zone. */
  day: string;
  entries: TimelineEntry[];
}

/** Oldest first; entries at the same instant keep their order (Array.prototype.sort is stable). */
export function sortByTime(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Entries grouped by calendar day in the viewer's zone, in time order. */
export function groupByDay(entries: readonly TimelineEntry[], timeZone: string): DayGroup[] {
  return groupInOrder(sortByTime(entries), (entry) => dayKeyOf(entry.at, timeZone)).map(([day, group]) => ({ day, entries: group }));
}
