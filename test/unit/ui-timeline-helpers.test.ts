import fc from 'fast-check';
import type { Annotation, KeyMoments, MomentValue, TimelineEntry } from '../../src/contract';
import { applyPatch, withPending } from '../../static/app/src/timeline-model/annotation-overlay';
import { groupByDay, sortByTime } from '../../static/app/src/timeline-model/day-groups';
import { durationText, formatDuration, unknownReason } from '../../static/app/src/timeline-model/durations';
import { needsClamp } from '../../static/app/src/timeline-model/entry-text';
import { validateManualEntry } from '../../static/app/src/timeline-model/manual-entry';
import { phaseBarLayout } from '../../static/app/src/timeline-model/phase-segments';
import { plotDomain, recoveryPath, stepPathData } from '../../static/app/src/timeline-model/recovery-path';
import { timeTicks } from '../../static/app/src/timeline-model/time-ticks';
import { dayKeyOf } from '../../static/app/src/timeline-model/zoned-time';
import {
  activeFilterCount,
  filterEntries,
  NO_FILTERS,
  peopleOptions,
  personKeyOf,
  sourceOptions,
} from '../../static/app/src/timeline-model/timeline-filters';

const maya = { accountId: 'a3', displayName: 'Maya Okafor' };
const priya = { accountId: 'a1', displayName: 'Priya Raman' };

function entry(id: string, at: string, overrides: Partial<TimelineEntry> = {}, annotation: Partial<Annotation> = {}): TimelineEntry {
  return {
    id,
    at,
    source: 'comment',
    issueKey: 'INC-1',
    relation: 'incident',
    actor: priya,
    text: `text of ${id}`,
    annotation: { moments: [], internal: false, ...annotation },
    ...overrides,
  };
}

const none: MomentValue = { at: null, source: 'none' };
function moments(values: Partial<Record<keyof KeyMoments, string>>): KeyMoments {
  const all = {} as KeyMoments;
  for (const name of [
    'impactStarted',
    'detected',
    'acknowledged',
    'identified',
    'restored',
    'closed',
    'firstCustomerReport',
    'firstStatusPageUpdate',
    'hotfixDeployed',
  ] as const) {
    const at = values[name];
    all[name] = at ? { at, source: 'derived' } : none;
  }
  return all;
}

describe('timeline filters', () => {
  const entries = [
    entry('c1', '2025-03-12T13:02:00Z', { actor: maya, text: 'Login page does not load' }, { phase: 'detection', impact: 'neutral' }),
    entry('s1', '2025-03-12T13:06:00Z', { source: 'status', text: 'Open → Investigating' }, { phase: 'response', impact: 'positive' }),
    entry('m1', '2025-03-12T13:10:00Z', { source: 'manual', actor: null, actorName: 'Lars (support)', text: 'Posted on the status page' }),
  ];

  it('keeps everything without filters', () => {
    expect(filterEntries(entries, NO_FILTERS).map((e) => e.id)).toStrictEqual(['c1', 's1', 'm1']);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('filters by phase and impact, and "none" finds entries not annotated yet', () => {
    expect(filterEntries(entries, { ...NO_FILTERS, phase: 'response' }).map((e) => e.id)).toStrictEqual(['s1']);
    expect(filterEntries(entries, { ...NO_FILTERS, impact: 'none' }).map((e) => e.id)).toStrictEqual(['m1']);
  });

  it('filters by source, by person (Jira account or typed name) and by text, combined', () => {
    expect(filterEntries(entries, { ...NO_FILTERS, source: 'manual' }).map((e) => e.id)).toStrictEqual(['m1']);
    expect(filterEntries(entries, { ...NO_FILTERS, person: 'account:a3' }).map((e) => e.id)).toStrictEqual(['c1']);
    expect(filterEntries(entries, { ...NO_FILTERS, person: 'name:lars (support)' }).map((e) => e.id)).toStrictEqual(['m1']);
    expect(filterEntries(entries, { ...NO_FILTERS, text: '  STATUS ' }).map((e) => e.id)).toStrictEqual(['m1']);
    expect(filterEntries(entries, { ...NO_FILTERS, text: 'status', phase: 'response' })).toStrictEqual([]);
  });

  it('offers the view’s people plus manual actor names once each, sorted by name', () => {
    const options = peopleOptions(
      [priya, maya],
      [...entries, entry('m2', '2025-03-12T13:11:00Z', { actor: null, actorName: 'lars (Support)' })],
    );
    expect(options).toStrictEqual([
      { value: 'name:lars (support)', label: 'Lars (support)' },
      { value: 'account:a3', label: 'Maya Okafor' },
      { value: 'account:a1', label: 'Priya Raman' },
    ]);
    expect(personKeyOf(entry('x', '2025-03-12T13:00:00Z', { actor: null }))).toBeNull();
  });

  it('offers only the sources that occur, in a fixed order', () => {
    expect(sourceOptions(entries).map((o) => o.value)).toStrictEqual(['comment', 'status', 'manual']);
  });
});

describe('recovery path', () => {
  it('steps down for positive, up for negative, flat for neutral; unannotated entries are not plotted', () => {
    const path = recoveryPath([
      entry('b', '2025-03-12T13:10:00Z', {}, { impact: 'negative' }),
      entry('a', '2025-03-12T13:05:00Z', {}, { impact: 'positive' }),
      entry('c', '2025-03-12T13:12:00Z', {}, { impact: 'neutral' }),
      entry('d', '2025-03-12T13:14:00Z'),
      entry('e', '2025-03-12T13:16:00Z', {}, { impact: 'positive' }),
      entry('f', '2025-03-12T13:18:00Z', {}, { impact: 'positive' }),
    ]);
    expect(path.steps.map((s) => [s.entry.id, s.level])).toStrictEqual([
      ['a', -1],
      ['b', 0],
      ['c', 0],
      ['e', -1],
      ['f', -2],
    ]);
    expect([path.minLevel, path.maxLevel]).toStrictEqual([-2, 0]);
  });

  it('draws horizontal then vertical segments, from the start of the domain to its end', () => {
    const path = recoveryPath([entry('a', '1970-01-01T00:00:10Z', {}, { impact: 'positive' })]);
    const d = stepPathData(
      path,
      [0, 20_000],
      (ms) => ms / 1000,
      (level) => -level * 10,
    );
    expect(d).toBe('M0.0,0.0 H10.0 V10.0 H20.0');
  });

  it('spans the response (impact started to service restored, and every step) with a little room, not follow-ups days later', () => {
    const entries = [
      entry('a', '2025-03-12T13:05:00Z', {}, { impact: 'negative' }),
      entry('b', '2025-03-12T13:30:00Z', {}, { impact: 'positive' }),
      entry('late-comment', '2025-03-20T09:00:00Z'),
    ];
    const [from, to] = plotDomain(
      entries,
      moments({ impactStarted: '2025-03-12T13:00:00Z', restored: '2025-03-12T13:40:00Z', closed: '2025-03-14T10:00:00Z' }),
    );
    // 40 minutes of response, 4% of it (96 s; at least a minute) of room on each side.
    expect(from).toBe(Date.parse('2025-03-12T13:00:00Z') - 96_000);
    expect(to).toBe(Date.parse('2025-03-12T13:40:00Z') + 96_000);
    const single = plotDomain([entry('a', '2025-03-12T13:05:00Z')], moments({}));
    expect(single[1] - single[0]).toBe(120_000);
  });
});

describe('grouping by day in the viewer’s zone', () => {
  it('puts every entry on the day its own instant falls on in the zone (quarter-hour day cache), across DST and odd offsets', () => {
    const zones = [
      'UTC',
      'Europe/London',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Eucla',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: Date.UTC(2025, 2, 1), max: Date.UTC(2025, 11, 1) }), { minLength: 1, maxLength: 60 }),
        (zone, times) => {
          const entries = times.sort((a, b) => a - b).map((ms, i) => entry(`e${i}`, new Date(ms).toISOString()));
          for (const group of groupByDay(entries, zone)) {
            for (const e of group.entries) expect(dayKeyOf(e.at, zone)).toBe(group.day);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sorts by time and splits days at local midnight, not UTC midnight', () => {
    const entries = [entry('late', '2025-03-12T23:30:00Z'), entry('early', '2025-03-12T22:30:00Z'), entry('next', '2025-03-13T08:00:00Z')];
    expect(groupByDay(entries, 'UTC').map((g) => [g.day, g.entries.map((e) => e.id)])).toStrictEqual([
      ['2025-03-12', ['early', 'late']],
      ['2025-03-13', ['next']],
    ]);
    // Berlin is UTC+1 in March: 22:30Z is already 23:30 on the 12th, 23:30Z is 00:30 on the 13th.
    expect(groupByDay(entries, 'Europe/Berlin').map((g) => [g.day, g.entries.map((e) => e.id)])).toStrictEqual([
      ['2025-03-12', ['early']],
      ['2025-03-13', ['late', 'next']],
    ]);
  });

  it('keeps the order of entries at the same instant', () => {
    expect(sortByTime([entry('x', '2025-03-12T13:00:00Z'), entry('y', '2025-03-12T13:00:00Z')]).map((e) => e.id)).toStrictEqual(['x', 'y']);
  });
});

describe('durations', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [270_000, '4 min 30 s'],
    [18 * 60_000, '18 min'],
    [125 * 60_000, '2 h 5 min'],
    [120 * 60_000, '2 h'],
    [27 * 3_600_000, '1 d 3 h'],
  ])('formats %p ms as %p', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('shows an unknown duration as "Unknown", never 0, and names the missing moments', () => {
    const unknown = { known: false as const, reason: 'missing' as const, moments: ['detected' as const, 'acknowledged' as const] };
    expect(durationText(unknown)).toBe('Unknown');
    expect(unknownReason(unknown)).toBe('needs detected and acknowledged');
    expect(unknownReason({ known: false, reason: 'out-of-order', moments: ['identified', 'restored'] })).toBe(
      'identified and service restored are out of order',
    );
  });
});

describe('phase bar layout', () => {
  it('places the phases proportionally between impact started and service restored, whenever the incident closed', () => {
    const layout = phaseBarLayout(
      moments({
        impactStarted: '2025-03-12T13:00:00Z',
        detected: '2025-03-12T13:10:00Z',
        identified: '2025-03-12T13:20:00Z',
        restored: '2025-03-12T13:30:00Z',
        closed: '2025-03-14T09:40:00Z',
      }),
    );
    const third = 100 / 3;
    expect(layout?.segments.map((s) => s.phase)).toStrictEqual(['detection', 'response', 'remediation']);
    layout?.segments.forEach((s, i) => {
      expect(s.left).toBeCloseTo(i * third, 9);
      expect(s.width).toBeCloseTo(third, 9);
    });
  });

  it('hides a phase whose moments are missing or out of order', () => {
    const layout = phaseBarLayout(
      moments({
        impactStarted: '2025-03-12T13:00:00Z',
        detected: '2025-03-12T13:10:00Z',
        identified: '2025-03-12T13:05:00Z',
        closed: '2025-03-12T13:40:00Z',
      }),
    );
    expect(layout?.segments.map((s) => s.phase)).toStrictEqual(['detection']);
    expect(phaseBarLayout(moments({ detected: '2025-03-12T13:10:00Z' }))).toBeNull();
  });
});

describe('optimistic annotations', () => {
  it('applies a patch, null clearing a field, and leaves other entries untouched', () => {
    const base: Annotation = { kind: 'task', phase: 'response', moments: [], internal: false };
    expect(applyPatch(base, { phase: null, impact: 'positive', moments: ['restored'] })).toStrictEqual({
      kind: 'task',
      impact: 'positive',
      moments: ['restored'],
      internal: false,
    });
    const entries = [entry('a', '2025-03-12T13:00:00Z'), entry('b', '2025-03-12T13:01:00Z')];
    const shown = withPending(entries, new Map([['b', { moments: [], internal: true }]]));
    expect(shown[0]).toBe(entries[0]);
    expect(shown[1]?.annotation.internal).toBe(true);
  });
});

describe('manual entry validation and long texts', () => {
  const toInstant = (local: string) => (local === '2025-03-12T14:15' ? '2025-03-12T13:15:00.000Z' : null);

  it('names each missing field and builds nothing', () => {
    const result = validateManualEntry({ at: '', manualKind: 'note', actorName: ' ', text: '' }, toInstant);
    expect(result.entry).toBeNull();
    expect(Object.keys(result.errors).sort()).toStrictEqual(['actorName', 'at', 'text']);
  });

  it('builds the entry with the time read in the viewer’s zone and trimmed text', () => {
    expect(
      validateManualEntry({ at: '2025-03-12T14:15', manualKind: 'chat-excerpt', actorName: ' Lars ', text: ' ok \n' }, toInstant),
    ).toStrictEqual({
      entry: { at: '2025-03-12T13:15:00.000Z', manualKind: 'chat-excerpt', actorName: 'Lars', text: 'ok' },
      errors: {},
    });
  });

  it('clamps texts with many lines or many characters only', () => {
    expect(needsClamp('short')).toBe(false);
    expect(needsClamp('1\n2\n3\n4\n5')).toBe(true);
    expect(needsClamp('x'.repeat(400))).toBe(true);
  });
});

describe('time ticks', () => {
  it('picks a round step that gives at most the asked number of ticks', () => {
    const from = Date.parse('2025-03-12T13:02:00Z');
    const ticks = timeTicks(from, from + 36 * 60_000, 5);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toStrictEqual(['13:10', '13:20', '13:30']);
    expect(timeTicks(from, from, 5)).toStrictEqual([]);
  });
});

describe('labels', () => {
  it('lists every key moment of the contract, in its order', async () => {
    const { KEY_MOMENTS } = await import('../../src/vocabulary');
    const { MOMENT_ORDER } = await import('../../static/app/src/timeline-model/labels');
    expect(MOMENT_ORDER).toStrictEqual([...KEY_MOMENTS]);
  });
});
