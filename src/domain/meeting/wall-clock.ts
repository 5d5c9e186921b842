/**
 * A wall-clock date and time in an IANA zone as a UTC instant, without a time-zone library: the
 * zone's offset is read from Intl at a first guess and again at the answer, which settles it on
 * either side of a daylight-saving change. A time that does not exist (skipped by a change) moves
 * forward by the gap, as calendar apps do.
 */
export function wallClockToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offsets a day either side cover any change on that day: each gives a candidate,
  // which is right when the zone has that offset at it. Both are right in the hour repeated when
  // clocks go back (the first is taken); neither in the hour skipped when they go forward (the
  // later one is taken, so the time moves on by the jump, as calendars do).
  const candidates = [...new Set([offsetMs(asUtc - DAY_MS, timeZone), offsetMs(asUtc + DAY_MS, timeZone)])].map((offset) => asUtc - offset);
  const valid = candidates.filter((instant) => asUtc - offsetMs(instant, timeZone) === instant);
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(...candidates));
}

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetMs(instant: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}
