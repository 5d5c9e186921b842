import type { MeetingDetails } from '../../contract';

/** What makes a meeting "the same meeting" for notifying: when it is and who is invited (not its title or roles). */
export function meetingKey(meeting: Pick<MeetingDetails, 'meetingDate' | 'meetingTime' | 'meetingTimeZone' | 'participants'>): string {
  const people = meeting.participants.map((p) => p.accountId).sort();
  const canonical = JSON.stringify([
    meeting.meetingDate,
    meeting.meetingTime ?? null,
    meeting.meetingTime ? (meeting.meetingTimeZone ?? 'UTC') : null,
    people,
  ]);
  return fnv1a64(canonical);
}

/** FNV-1a over UTF-16 code units as two 32-bit halves: a stable, pure fingerprint (not a security hash). */
function fnv1a64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 7), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
