/**
 * Wall-clock time in an IANA zone with Intl only (date-fns-tz is not a dependency).
 * `datetime-local` inputs speak "YYYY-MM-DDTHH:mm" without a zone; these helpers read and
 * write that format in the viewer's zone, not the browser's.
 */

import { zoneOffsetMs } from '../../../../src/domain/zone-offset';

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: a thousand rows share a few. */
function formatterFor(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "2025-03-12T14:05" for an ISO instant in `timeZone`; '' for text that is not a date. */
export function toDateTimeLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const c = wallClock(ms, timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/**
 * The ISO instant for a `datetime-local` value read in `timeZone`, or null when the value is not
 * a real date and time. In a daylight-saving gap the clock is moved forward, as Jira does.
 */
export function fromDateTimeLocal(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // Two passes settle the offset on both sides of a transition.
  let ms = asUtc - zoneOffsetMs(asUtc, timeZone);
  ms = asUtc - zoneOffsetMs(ms, timeZone);
  return new Date(ms).toISOString();
}

/** The calendar day ("2025-03-12") of an instant in `timeZone`. */
export function dayKeyOf(iso: string, timeZone: string): string {
  return toDateTimeLocal(iso, timeZone).slice(0, 10);
}

/** "Wednesday, 12 March 2025" style heading for a day key, in the viewer's locale. */
export function formatDayHeading(dayKey: string, locale: string): string {
  const date = new Date(`${dayKey}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return dayKey;
  return formatterFor(locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** The time of day of an instant in `timeZone`, e.g. "14:05" or "2:05 PM" by locale. */
export function formatTimeOfDay(iso: string, locale: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatterFor(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}

/** The zone's short name at an instant ("GMT+1", "EDT"), to say once which zone times are in. */
export function zoneAbbreviation(iso: string, locale: string, timeZone: string): string {
  const ms = Date.parse(iso);
  const parts = formatterFor(locale, timeZone, { timeZoneName: 'short' }).formatToParts(Number.isNaN(ms) ? new Date() : new Date(ms));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "12 Mar, 14:05" in the viewer's zone and locale, for key moments and "last pulled". */
export function formatShortDateTime(iso: string, locale: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatterFor(locale, timeZone, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}
