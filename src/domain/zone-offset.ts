/**
 * A zone's offset from UTC and the instant of a wall-clock time, with Intl only (no time-zone
 * library): one implementation for the scheduled job's business days, the meeting's calendar
 * time and the panel's `datetime-local` fields. Pure; bundled into the UI as well
 * (.dependency-cruiser.cjs, UI_BUNDLED).
 */

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (east positive).
 * Throws RangeError for a zone the runtime does not know, which callers surface or check first.
 */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(instant))) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const wall = Date.UTC(
    part['year'] ?? 1970,
    (part['month'] ?? 1) - 1,
    part['day'] ?? 1,
    (part['hour'] ?? 0) % 24,
    part['minute'] ?? 0,
    part['second'] ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the zone's clock shows `wall` (a wall-clock time written as if it were UTC
 * milliseconds). The offsets a day either side cover any change on that day, and each gives a
 * candidate that is right when the zone has that offset at it. In the hour repeated when clocks go
 * back both are right and the first is taken; in the hour skipped when they go forward neither is,
 * and the time moves on by the jump, as calendars do.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const offsetBefore = zoneOffsetMs(wall - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((t) => t + zoneOffsetMs(t, timeZone) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : wall - offsetBefore;
}
