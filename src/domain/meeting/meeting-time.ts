import type { MeetingDetails } from '../../contract';
import { wallClockToUtc } from './wall-clock';

/** When the review meeting is: at a time (an instant and the zone it was typed in), on a day only, or not scheduled. */
export type MeetingWhen = { kind: 'timed'; start: Date; timeZone: string } | { kind: 'day'; date: string } | null;

export function meetingWhen(meeting: Pick<MeetingDetails, 'meetingDate' | 'meetingTime' | 'meetingTimeZone'>): MeetingWhen {
  if (!meeting.meetingDate) return null;
  if (!meeting.meetingTime) return { kind: 'day', date: meeting.meetingDate };
  const timeZone = meeting.meetingTimeZone ?? 'UTC';
  return { kind: 'timed', start: wallClockToUtc(meeting.meetingDate, meeting.meetingTime, timeZone), timeZone };
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full' });

/** "Monday, 7 December 2026 at 14:30 (Europe/London)", or the day alone when no time is set. */
export function describeWhen(when: Exclude<MeetingWhen, null>): string {
  if (when.kind === 'day') return `${dayFormat.format(new Date(`${when.date}T00:00:00Z`))} (time to be confirmed)`;
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: when.timeZone, dateStyle: 'full', timeStyle: 'short' });
  return `${format.format(when.start)} (${when.timeZone})`;
}
