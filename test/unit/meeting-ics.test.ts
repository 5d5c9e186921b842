import fc from 'fast-check';
import { escapeText, foldLine, meetingIcs, type IcsMeeting } from '../../src/domain/meeting/ics';
import { meetingWhen } from '../../src/domain/meeting/meeting-time';
import { wallClockToUtc } from '../../src/domain/meeting/wall-clock';

const base: IcsMeeting = {
  uid: 'pir-review-meeting-INC-1@acme.atlassian.net',
  sequence: 7,
  when: { kind: 'timed', start: new Date('2026-12-07T14:30:00Z'), timeZone: 'Europe/London' },
  durationMinutes: 60,
  summary: 'INC-1: Login page outage',
  description: 'Review of INC-1',
  url: 'https://acme.atlassian.net/browse/INC-1',
  stamp: new Date('2026-12-06T10:00:00.123Z'),
};

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const property = (ics: string, name: string) =>
  unfold(ics)
    .split('\r\n')
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
/** The inverse of escapeText for text without control characters. */
const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('meetingIcs', () => {
  it('writes one event with the start in UTC, a stable UID and the sequence', () => {
    const ics = meetingIcs(base);
    expect(unfold(ics).split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Post-Incident Review//Review meeting//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:pir-review-meeting-INC-1@acme.atlassian.net',
      'SEQUENCE:7',
      'DTSTAMP:20261206T100000Z',
      'DTSTART:20261207T143000Z',
      'DTEND:20261207T153000Z',
      'SUMMARY:INC-1: Login page outage',
      'DESCRIPTION:Review of INC-1',
      'URL:https://acme.atlassian.net/browse/INC-1',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('writes a meeting without a time as a DATE', () => {
    expect(property(meetingIcs({ ...base, when: { kind: 'day', date: '2026-12-07' } }), 'DTSTART')).toBe('DTSTART;VALUE=DATE:20261207');
    // The end of a day-long event is the next day, exclusive, across a month and a year's end.
    expect(property(meetingIcs({ ...base, when: { kind: 'day', date: '2026-12-31' } }), 'DTEND')).toBe('DTEND;VALUE=DATE:20270101');
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('ends every line with CRLF, folds at 75 octets and never splits a character, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (summary, description) => {
          const ics = meetingIcs({ ...base, summary, description });
          expect(ics.endsWith('\r\n')).toBe(true);
          // No bare CR or LF anywhere: every line break is CRLF.
          expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
          const lines = ics.slice(0, -2).split('\r\n');
          expect(lines.filter((line) => Buffer.byteLength(line, 'utf8') > 75)).toEqual([]);
          // Unfolding gives back whole characters: no line starts or ends inside a surrogate pair.
          expect(lines.filter((line) => /^ ?[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(line))).toEqual([]);
        },
      ),
    );
  });

  it('gives back the summary and description exactly once unfolded and unescaped (control characters aside)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (summary, description) => {
          const ics = meetingIcs({ ...base, summary, description });
          const clean = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
          expect(unescapeText(property(ics, 'SUMMARY')!.slice('SUMMARY:'.length))).toBe(clean(summary));
          expect(unescapeText(property(ics, 'DESCRIPTION')!.slice('DESCRIPTION:'.length))).toBe(clean(description));
        },
      ),
    );
  });

  it('folds a long line into continuation lines starting with one space', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
  });

  it('gives the same file for the same meeting (UID and all)', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(1000), (summary, sequence) =>
        expect(meetingIcs({ ...base, summary, sequence })).toBe(meetingIcs({ ...base, summary, sequence })),
      ),
    );
  });

  it('writes DTSTART as UTC for any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:00Z'), noInvalidDate: true }),
        (start) => {
          const line = property(meetingIcs({ ...base, when: { kind: 'timed', start, timeZone: 'UTC' } }), 'DTSTART')!;
          expect(line).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
          expect(line).toBe(
            `DTSTART:${start
              .toISOString()
              .replace(/[-:]/g, '')
              .replace(/\.\d{3}/, '')}`,
          );
        },
      ),
    );
  });
});

describe('meeting time', () => {
  it('reads a wall-clock time in the zone it was typed in, on both sides of a daylight-saving change', () => {
    expect(wallClockToUtc('2026-12-07', '14:30', 'Europe/London').toISOString()).toBe('2026-12-07T14:30:00.000Z');
    expect(wallClockToUtc('2026-07-07', '14:30', 'Europe/London').toISOString()).toBe('2026-07-07T13:30:00.000Z');
    expect(wallClockToUtc('2026-03-08', '09:00', 'America/Chicago').toISOString()).toBe('2026-03-08T14:00:00.000Z');
    expect(wallClockToUtc('2026-03-07', '09:00', 'America/Chicago').toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(wallClockToUtc('2026-12-07', '09:00', 'Asia/Tokyo').toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('gives back the typed wall-clock time in its zone for every time of day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        fc.constantFrom('2026-01-15', '2026-06-15', '2026-10-25'),
        (h, m, zone, date) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const wall = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(
            wallClockToUtc(date, time, zone),
          );
          // 02:xx on the night clocks go forward does not exist in Berlin on 2026-03-29; these dates have no gap.
          expect(wall).toBe(time);
        },
      ),
      // 01:00 in Berlin on the night clocks go back (2026-10-25) is before the change: it was once read an hour late.
      { examples: [[1, 0, 'Europe/Berlin', '2026-10-25']] },
    );
  });

  it('is unscheduled without a date and a whole day without a time', () => {
    expect(meetingWhen({ meetingDate: null, meetingTime: '10:00', meetingTimeZone: 'UTC' })).toBeNull();
    expect(meetingWhen({ meetingDate: '2026-12-07', meetingTime: null })).toEqual({ kind: 'day', date: '2026-12-07' });
  });
});
