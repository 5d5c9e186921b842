import { wallToInstant } from '../zone-offset';

/**
 * A wall-clock date and time in an IANA zone as a UTC instant. A time that does not exist
 * (skipped by a daylight-saving change) moves forward by the gap, as calendar apps do.
 */
export function wallClockToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(wallToInstant(Date.UTC(y, mo - 1, d, h, mi), timeZone));
}
