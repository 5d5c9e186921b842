import fc from 'fast-check';
import type { DueReviewFlag } from '../../src/contract';
import { adfToText } from '../../src/domain/adf-text';
import { checkBlameless } from '../../src/domain/blameless/check';
import {
  FLAG_TITLE_CHARS,
  MAX_DUE_FLAGS,
  REMINDER_LEASE_MS,
  REMINDER_MARK,
  formatInZone,
  isReminderText,
  reconcileFlags,
  reminderComment,
  reminderStep,
  resolveTimeZone,
  reviewDueAt,
  sameFlags,
} from '../../src/domain/review-rhythm';
import { adfValidator } from '../support/helpers';

describe('resolveTimeZone', () => {
  it('is UTC when nothing is configured', () => {
    for (const raw of [undefined, '', '   ']) expect(resolveTimeZone(raw)).toEqual({ timeZone: 'UTC', invalid: null });
  });

  it('canonicalises a known IANA name', () => {
    expect(resolveTimeZone(' europe/london ')).toEqual({ timeZone: 'Europe/London', invalid: null });
    expect(resolveTimeZone('Asia/Tokyo')).toEqual({ timeZone: 'Asia/Tokyo', invalid: null });
  });

  it('falls back to UTC for an unknown name and says which one it was', () => {
    expect(resolveTimeZone('Mars/Olympus_Mons')).toEqual({ timeZone: 'UTC', invalid: 'Mars/Olympus_Mons' });
  });
});

describe('reminderStep', () => {
  const now = Date.parse('2026-10-20T00:00:00Z');

  it('claims an incident nobody has claimed', () => {
    expect(reminderStep(null, now)).toBe('claim');
  });

  it('never reminds again once sent, however old the claim', () => {
    expect(reminderStep({ state: 'sent', claimedAt: now - 365 * 86_400_000 }, now)).toBe('sent');
  });

  it('leaves a pending claim to its run until the lease has passed, then takes it over', () => {
    expect(reminderStep({ state: 'pending', claimedAt: now }, now)).toBe('wait');
    expect(reminderStep({ state: 'pending', claimedAt: now - REMINDER_LEASE_MS + 1 }, now)).toBe('wait');
    expect(reminderStep({ state: 'pending', claimedAt: now - REMINDER_LEASE_MS }, now)).toBe('take-over');
  });

  it('keeps the lease far longer than any invocation can live', () => {
    expect(REMINDER_LEASE_MS).toBeGreaterThanOrEqual(15 * 60_000);
  });
});

describe('reconcileFlags', () => {
  const flag = (incidentKey: string, dueAt: string, over: Partial<DueReviewFlag> = {}): DueReviewFlag => ({
    incidentKey,
    title: `Incident ${incidentKey}`,
    severityLevel: 2,
    restoredAt: '2026-10-01T10:00:00Z',
    dueAt,
    remindedAt: '2026-10-05T00:00:00Z',
    ...over,
  });

  it('adds reminded incidents, drops started reviews, most overdue first', () => {
    const current = [flag('INC-2', '2026-10-03T10:00:00.000Z'), flag('INC-7', '2026-10-02T10:00:00.000Z')];
    const next = reconcileFlags(current, { upsert: [flag('INC-9', '2026-10-01T10:00:00.000Z')], remove: new Set(['INC-7']) });
    expect(next.map((f) => f.incidentKey)).toEqual(['INC-9', 'INC-2']);
  });

  it('replaces a flag of the same incident instead of listing it twice', () => {
    const next = reconcileFlags([flag('INC-2', '2026-10-03T10:00:00.000Z')], {
      upsert: [flag('INC-2', '2026-10-03T10:00:00.000Z', { title: 'Renamed' })],
      remove: new Set(),
    });
    expect(next).toStrictEqual([flag('INC-2', '2026-10-03T10:00:00.000Z', { title: 'Renamed' })]);
  });

  it('keeps ties in key order, so the same input always gives the same list', () => {
    const due = '2026-10-03T10:00:00.000Z';
    expect(reconcileFlags([flag('INC-3', due), flag('INC-1', due)], { upsert: [], remove: new Set() }).map((f) => f.incidentKey)).toEqual([
      'INC-1',
      'INC-3',
    ]);
  });

  it('keeps at most MAX_DUE_FLAGS, dropping the longest flagged', () => {
    const many = Array.from({ length: MAX_DUE_FLAGS + 5 }, (_, i) =>
      flag(`INC-${i}`, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString()),
    );
    const next = reconcileFlags(many, { upsert: [], remove: new Set() });
    expect(next.length).toBe(MAX_DUE_FLAGS);
    expect(next[0].incidentKey).toBe('INC-5');
    expect(next[next.length - 1].incidentKey).toBe(`INC-${MAX_DUE_FLAGS + 4}`);
  });

  it('cuts long titles so the list stays one small value', () => {
    const [only] = reconcileFlags([], {
      upsert: [flag('INC-1', '2026-10-03T10:00:00.000Z', { title: `  ${'word '.repeat(100)}` })],
      remove: new Set(),
    });
    expect(only.title.length).toBeLessThanOrEqual(FLAG_TITLE_CHARS);
    expect(only.title.endsWith('…')).toBe(true);
  });

  it('does not modify the lists it is given, and says when nothing changed', () => {
    const current = [flag('INC-2', '2026-10-03T10:00:00.000Z')];
    const copy = structuredClone(current);
    const next = reconcileFlags(current, { upsert: [], remove: new Set(['INC-2']) });
    expect(current).toStrictEqual(copy);
    expect(sameFlags(current, next)).toBe(false);
    expect(sameFlags(current, reconcileFlags(current, { upsert: [], remove: new Set() }))).toBe(true);
  });
});

describe('reminderComment', () => {
  const validate = adfValidator();
  const input = {
    severityLevel: 1 as const,
    restoredAt: '2026-10-16T17:00:00.000+0000',
    dueAt: '2026-10-19T17:00:00.000Z',
    timeZone: 'Europe/London',
  };

  it('validates against @atlaskit/adf-schema', () => {
    expect(validate(reminderComment(input)) ? [] : validate.errors).toStrictEqual([]);
  });

  it('validates for any restore time and zone', () => {
    const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.constantFrom(1 as const, 2 as const),
        (restored, timeZone, severityLevel) => {
          const restoredAt = restored.toISOString();
          return validate(reminderComment({ severityLevel, restoredAt, dueAt: reviewDueAt(restoredAt, timeZone), timeZone })) === true;
        },
      ),
    );
  });

  it("says when service was restored, when the review is due and how to start it, in the site's time zone", () => {
    const text = adfToText(reminderComment(input));
    expect(text).toContain('Service was restored on Friday, 16 October 2026 at 18:00 (Europe/London).');
    expect(text).toContain(
      'Reviews of Sev1 incidents are due within one business day of recovery, by Monday, 19 October 2026 at 18:00 (Europe/London)',
    );
    expect(text).toContain('open the Post-incident review panel on this issue and choose Start review.');
    expect(text).toContain(REMINDER_MARK);
  });

  it('is itself blameless', () => {
    expect(checkBlameless(adfToText(reminderComment(input)), { knownNames: [], field: 'other' })).toEqual([]);
  });

  it('is recognised as the reminder, and an ordinary comment is not', () => {
    expect(isReminderText(adfToText(reminderComment(input)))).toBe(true);
    expect(isReminderText('Reminder: the review is on Thursday.')).toBe(false);
  });
});

describe('formatInZone', () => {
  it('shows the wall clock of the zone, naming the zone', () => {
    expect(formatInZone('2026-10-25T00:30:00Z', 'Europe/London')).toBe('Sunday, 25 October 2026 at 01:30 (Europe/London)');
    expect(formatInZone('2026-10-25T01:30:00Z', 'Europe/London')).toBe('Sunday, 25 October 2026 at 01:30 (Europe/London)');
    expect(formatInZone('2026-10-16T23:30:00Z', 'Asia/Tokyo')).toBe('Saturday, 17 October 2026 at 08:30 (Asia/Tokyo)');
  });

  it('rejects an instant without an offset rather than guessing one', () => {
    expect(() => formatInZone('2026-10-16T23:30:00', 'UTC')).toThrow(RangeError);
  });
});
