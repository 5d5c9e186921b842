import fc from 'fast-check';
import {
  dayKeyOf,
  formatDayHeading,
  formatShortDateTime,
  formatTimeOfDay,
  fromDateTimeLocal,
  toDateTimeLocal,
  zoneAbbreviation,
} from '../../static/app/src/timeline-model/zoned-time';

describe('datetime-local values in the viewer’s zone', () => {
  it('writes an instant as the wall-clock time of the given zone', () => {
    expect(toDateTimeLocal('2025-03-12T13:05:00.000Z', 'Europe/Berlin')).toBe('2025-03-12T14:05');
    expect(toDateTimeLocal('2025-03-12T13:05:00.000Z', 'America/New_York')).toBe('2025-03-12T09:05');
    expect(toDateTimeLocal('2025-03-12T13:05:00.000Z', 'Asia/Kolkata')).toBe('2025-03-12T18:35');
    expect(toDateTimeLocal('2025-03-12T23:30:00.000Z', 'Europe/Berlin')).toBe('2025-03-13T00:30');
    expect(toDateTimeLocal('nonsense', 'UTC')).toBe('');
  });

  it('reads a typed wall-clock time in the given zone, not the browser’s', () => {
    expect(fromDateTimeLocal('2025-03-12T14:05', 'Europe/Berlin')).toBe('2025-03-12T13:05:00.000Z');
    expect(fromDateTimeLocal('2025-07-01T14:05', 'Europe/Berlin')).toBe('2025-07-01T12:05:00.000Z');
    expect(fromDateTimeLocal('2025-03-12T09:05:30', 'America/New_York')).toBe('2025-03-12T13:05:30.000Z');
    expect(fromDateTimeLocal('2025-03-12T18:35', 'Asia/Kolkata')).toBe('2025-03-12T13:05:00.000Z');
  });

  it('rejects what is not a real date and time', () => {
    for (const value of ['', '2025-02-30T10:00', '2025-03-12T24:00', '2025-13-01T10:00', '12.03.2025 14:05']) {
      expect(fromDateTimeLocal(value, 'Europe/Berlin')).toBeNull();
    }
  });

  it('moves a time in the spring-forward gap forward and reads the repeated autumn hour consistently', () => {
    // 02:30 does not exist in Berlin on 30 March 2025; it becomes 03:30 local (01:30Z).
    expect(fromDateTimeLocal('2025-03-30T02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
    const autumn = fromDateTimeLocal('2025-10-26T02:30', 'Europe/Berlin');
    expect(autumn && toDateTimeLocal(autumn, 'Europe/Berlin')).toBe('2025-10-26T02:30');
  });

  it('round-trips every minute-precision instant through the input format', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const iso = new Date(minute * 60_000).toISOString();
          const local = toDateTimeLocal(iso, zone);
          const back = fromDateTimeLocal(local, zone);
          // In a repeated autumn hour either reading is the same wall-clock time.
          expect(back && toDateTimeLocal(back, zone)).toBe(local);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('formatting in the viewer’s zone and locale', () => {
  const at = '2025-03-12T23:30:00.000Z';

  it('gives the calendar day and the time of day in the zone', () => {
    expect(dayKeyOf(at, 'Europe/Berlin')).toBe('2025-03-13');
    expect(dayKeyOf(at, 'America/New_York')).toBe('2025-03-12');
    // ICU versions differ on a leading zero and a comma; the zone and the wall-clock time may not.
    expect(formatTimeOfDay(at, 'en-GB', 'Europe/Berlin')).toMatch(/^0?0:30$/);
    expect(formatTimeOfDay(at, 'en-US', 'America/New_York')).toBe('7:30 PM');
  });

  it('writes day headings, short date-times and zone names', () => {
    expect(formatDayHeading('2025-03-13', 'en-GB')).toMatch(/^Thursday,? 13 March 2025$/);
    expect(formatShortDateTime(at, 'en-GB', 'Europe/Berlin')).toMatch(/^13 Mar,? 0?0:30$/);
    expect(zoneAbbreviation(at, 'en-US', 'America/New_York')).toBe('EDT');
  });
});
