import type { MeetingWhen } from './meeting-time';

/**
 * The review meeting as an iCalendar file (RFC 5545) for people to add to their calendars.
 * Pure: the caller passes the stamp time. Lines end in CRLF (§3.1), are folded at 75 octets of
 * UTF-8 without splitting a character, TEXT values are escaped (§3.3.11), DTSTART is in UTC
 * (or a DATE for a meeting with no time yet).
 */
export interface IcsMeeting {
  /** Stable for the review's meeting, so a calendar replaces the event rather than adding a second. */
  uid: string;
  /** Grows with every change (the review's version), so calendars take the newer file. */
  sequence: number;
  when: Exclude<MeetingWhen, null>;
  durationMinutes: number;
  summary: string;
  description: string;
  /** An http(s) link to the review; left out when null. */
  url: string | null;
  stamp: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** RFC 5545 §3.3.11: backslash, semicolon and comma escaped; any line break becomes `\n`. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT (§3.1 "CONTROL").
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** §3.1: a content line longer than 75 octets continues on lines starting with one space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** YYYYMMDD of the day after an ISO date (YYYY-MM-DD), in the calendar, not in a zone. */
function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10).replace(/-/g, '');
}

const utcStamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function meetingIcs(meeting: IcsMeeting): string {
  // DTEND rather than DURATION: both are RFC 5545, but some calendar importers read only DTEND.
  // A day-long event ends (exclusively) on the next day (§3.6.1).
  const start =
    meeting.when.kind === 'timed'
      ? [
          `DTSTART:${utcStamp(meeting.when.start)}`,
          `DTEND:${utcStamp(new Date(meeting.when.start.getTime() + Math.max(1, Math.round(meeting.durationMinutes)) * 60_000))}`,
        ]
      : [`DTSTART;VALUE=DATE:${meeting.when.date.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${nextDay(meeting.when.date)}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Post-Incident Review//Review meeting//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(meeting.uid)}`,
    `SEQUENCE:${Math.max(0, Math.floor(meeting.sequence))}`,
    `DTSTAMP:${utcStamp(meeting.stamp)}`,
    ...start,
    `SUMMARY:${escapeText(meeting.summary)}`,
    `DESCRIPTION:${escapeText(meeting.description)}`,
    ...(meeting.url ? [`URL:${meeting.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
