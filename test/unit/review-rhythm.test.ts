import {
  incidentsNeedingReminder,
  nextBatch,
  overdueItems,
  reviewDueAt,
  type RhythmActionItem,
  type RhythmIncident,
} from '../../src/domain/review-rhythm';

const LONDON = 'Europe/London';

describe('reviewDueAt', () => {
  it('is the next day at the same local time from Monday to Thursday', () => {
    expect(reviewDueAt('2026-10-19T10:00:00+01:00', LONDON)).toBe('2026-10-20T09:00:00.000Z');
    expect(reviewDueAt('2026-10-22T23:59:00+01:00', LONDON)).toBe('2026-10-23T22:59:00.000Z');
  });

  it('is Monday at the same local time for a restore on Friday', () => {
    expect(reviewDueAt('2026-10-16T18:00:00+01:00', LONDON)).toBe('2026-10-19T17:00:00.000Z');
  });

  it('is the end of Monday (Tuesday 00:00 local) for a restore on Saturday or Sunday', () => {
    expect(reviewDueAt('2026-10-17T00:00:00+01:00', LONDON)).toBe('2026-10-19T23:00:00.000Z');
    expect(reviewDueAt('2026-10-18T23:59:59+01:00', LONDON)).toBe('2026-10-19T23:00:00.000Z');
  });

  it('keeps the local time across the October clock change in London', () => {
    // Clocks go back on Sunday 25 October 2026: Friday 18:00 BST → Monday 18:00 GMT, 73 real hours.
    expect(reviewDueAt('2026-10-23T17:00:00Z', LONDON)).toBe('2026-10-26T18:00:00.000Z');
    expect(reviewDueAt('2026-10-24T12:00:00Z', LONDON)).toBe('2026-10-27T00:00:00.000Z');
  });

  it('treats both occurrences of the repeated hour on the change weekend alike', () => {
    expect(reviewDueAt('2026-10-25T00:30:00Z', LONDON)).toBe('2026-10-27T00:00:00.000Z'); // 01:30 BST
    expect(reviewDueAt('2026-10-25T01:30:00Z', LONDON)).toBe('2026-10-27T00:00:00.000Z'); // 01:30 GMT
  });

  it('keeps the local time across the March clock change in London', () => {
    expect(reviewDueAt('2026-03-27T18:00:00Z', LONDON)).toBe('2026-03-30T17:00:00.000Z');
  });

  it('decides the weekday in the given time zone, not in UTC', () => {
    // Friday 23:30 UTC is Friday evening in New York but Saturday morning in Tokyo.
    expect(reviewDueAt('2026-10-16T23:30:00Z', 'America/New_York')).toBe('2026-10-19T23:30:00.000Z');
    expect(reviewDueAt('2026-10-16T23:30:00Z', 'Asia/Tokyo')).toBe('2026-10-19T15:00:00.000Z');
  });

  it('moves a due time that falls in a spring-forward gap forward by the gap', () => {
    // Cairo skips 00:00–01:00 on Friday 24 April 2026.
    expect(reviewDueAt('2026-04-23T00:30:00+02:00', 'Africa/Cairo')).toBe('2026-04-23T22:30:00.000Z');
  });

  it('takes the earlier instant when the due time happens twice', () => {
    // Cairo repeats 23:00–24:00 on Thursday 29 October 2026.
    expect(reviewDueAt('2026-10-28T23:30:00+03:00', 'Africa/Cairo')).toBe('2026-10-29T20:30:00.000Z');
  });

  it('accepts the offset styles Jira uses', () => {
    expect(reviewDueAt('2026-10-16T19:00:00.000+0200', LONDON)).toBe('2026-10-19T17:00:00.000Z');
  });

  it('rejects an instant without an offset, an invalid instant and an unknown zone', () => {
    expect(() => reviewDueAt('2026-10-16T18:00:00', LONDON)).toThrow(RangeError);
    expect(() => reviewDueAt('2026-13-40T18:00:00Z', LONDON)).toThrow(RangeError);
    expect(() => reviewDueAt('2026-10-16T18:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('incidentsNeedingReminder', () => {
  const friday = '2026-10-16T17:00:00Z'; // Friday 18:00 BST; due Monday 2026-10-19T17:00:00Z
  const incident = (over: Partial<RhythmIncident> = {}): RhythmIncident => ({
    key: 'INC-1',
    severityLevel: 1,
    restoredAt: friday,
    reviewStarted: false,
    reminded: false,
    ...over,
  });

  it('does not remind over the weekend or on Monday before the due time', () => {
    for (const now of ['2026-10-17T12:00:00Z', '2026-10-18T23:00:00Z', '2026-10-19T16:59:59.999Z']) {
      expect(incidentsNeedingReminder([incident()], now, LONDON)).toEqual([]);
    }
  });

  it('does not remind exactly at the due instant, and reminds one millisecond later', () => {
    expect(incidentsNeedingReminder([incident()], '2026-10-19T17:00:00.000Z', LONDON)).toEqual([]);
    expect(incidentsNeedingReminder([incident()], '2026-10-19T17:00:00.001Z', LONDON)).toEqual(['INC-1']);
  });

  it('reminds Sev1 and Sev2 incidents and never Sev3, Sev4 or Sev5', () => {
    const incidents = ([1, 2, 3, 4, 5] as const).map((level) => incident({ key: `INC-${level}`, severityLevel: level }));
    expect(incidentsNeedingReminder(incidents, '2026-11-30T00:00:00Z', LONDON)).toEqual(['INC-1', 'INC-2']);
  });

  it('never reminds an incident that was already reminded, however late', () => {
    expect(incidentsNeedingReminder([incident({ reminded: true })], '2027-01-01T00:00:00Z', LONDON)).toEqual([]);
  });

  it('never reminds an incident that is not restored', () => {
    expect(incidentsNeedingReminder([incident({ restoredAt: null })], '2027-01-01T00:00:00Z', LONDON)).toEqual([]);
  });

  it('does not remind when the review has started', () => {
    expect(incidentsNeedingReminder([incident({ reviewStarted: true })], '2027-01-01T00:00:00Z', LONDON)).toEqual([]);
  });

  it('uses the wall clock across the DST weekend: Monday 18:00 GMT, not 17:00', () => {
    const restored = incident({ restoredAt: '2026-10-23T17:00:00Z' });
    expect(incidentsNeedingReminder([restored], '2026-10-26T17:30:00Z', LONDON)).toEqual([]);
    expect(incidentsNeedingReminder([restored], '2026-10-26T18:00:01Z', LONDON)).toEqual(['INC-1']);
  });

  it('reminds a Saturday restore only after Monday has ended', () => {
    const restored = incident({ restoredAt: '2026-10-17T09:00:00Z' });
    expect(incidentsNeedingReminder([restored], '2026-10-19T22:59:59Z', LONDON)).toEqual([]);
    expect(incidentsNeedingReminder([restored], '2026-10-19T23:00:01Z', LONDON)).toEqual(['INC-1']);
  });

  it('keeps the input order and skips the ones not yet due', () => {
    const incidents = [
      incident({ key: 'INC-9' }),
      incident({ key: 'INC-3', restoredAt: '2026-10-19T10:00:00Z' }), // due Tuesday
      incident({ key: 'INC-4', severityLevel: 2 }),
    ];
    expect(incidentsNeedingReminder(incidents, '2026-10-19T18:00:00Z', LONDON)).toEqual(['INC-9', 'INC-4']);
  });

  it('rejects a `now` without an offset', () => {
    expect(() => incidentsNeedingReminder([incident()], '2026-10-19T18:00:00', LONDON)).toThrow(RangeError);
  });
});

describe('overdueItems', () => {
  const item = (itemId: string, dueDate: string | null, done = false): RhythmActionItem => ({
    incidentKey: 'INC-1',
    itemId,
    dueDate,
    done,
  });

  it('returns the items whose due date has passed and which are not done', () => {
    const items = [
      item('a', '2026-10-18'),
      item('b', '2026-10-19'),
      item('c', '2026-10-20'),
      item('d', '2026-10-01', true),
      item('e', null),
    ];
    expect(overdueItems(items, '2026-10-19')).toEqual([item('a', '2026-10-18')]);
  });

  it('rejects a malformed today instead of comparing strings wrongly', () => {
    expect(() => overdueItems([], '19/10/2026')).toThrow(RangeError);
    expect(() => overdueItems([], '2026-02-30')).toThrow(RangeError);
  });
});

describe('nextBatch', () => {
  const keys = ['INC-5', 'INC-1', 'INC-3', 'INC-2', 'INC-4'];

  it('walks the sorted keys to the end, then starts again from the first', () => {
    const runs: string[][] = [];
    let cursor: string | null = null;
    for (let run = 0; run < 4; run += 1) {
      const next = nextBatch(keys, cursor, 2);
      runs.push(next.batch);
      cursor = next.cursor;
      if (run === 2) expect(cursor).toBeNull();
    }
    expect(runs).toEqual([['INC-1', 'INC-2'], ['INC-3', 'INC-4'], ['INC-5'], ['INC-1', 'INC-2']]);
  });

  it('returns a null cursor when a batch ends exactly at the last key', () => {
    expect(nextBatch(keys, 'INC-3', 2)).toEqual({ batch: ['INC-4', 'INC-5'], cursor: null });
  });

  it('continues after a cursor key that has since been deleted', () => {
    expect(nextBatch(['INC-1', 'INC-4', 'INC-6'], 'INC-3', 1)).toEqual({ batch: ['INC-4'], cursor: 'INC-4' });
  });

  it('starts from the first key when nothing remains after the cursor', () => {
    expect(nextBatch(['INC-1', 'INC-2'], 'INC-9', 1)).toEqual({ batch: ['INC-1'], cursor: 'INC-1' });
  });

  it('takes no work when there are no keys, and ignores duplicates', () => {
    expect(nextBatch([], null, 10)).toEqual({ batch: [], cursor: null });
    expect(nextBatch(['B', 'A', 'B'], null, 10)).toEqual({ batch: ['A', 'B'], cursor: null });
  });

  it("does not modify the caller's list", () => {
    const input = ['C', 'A', 'B'];
    nextBatch(input, null, 2);
    expect(input).toEqual(['C', 'A', 'B']);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => nextBatch(keys, null, 0)).toThrow(RangeError);
    expect(() => nextBatch(keys, null, 1.5)).toThrow(RangeError);
  });
});
