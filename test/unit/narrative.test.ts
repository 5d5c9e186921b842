import fc from 'fast-check';
import type { KeyMomentName, KeyMoments, TimelineEntry } from '../../src/contract';
import { KEY_MOMENTS } from '../../src/vocabulary';
import { checkBlameless } from '../../src/domain/blameless/check';
import { computeMetrics } from '../../src/domain/metrics';
import { draftNarrative, type NarrativeInput } from '../../src/domain/narrative';
import { severityOf } from '../../src/domain/severity';

const MAYA = { accountId: 'a-maya', displayName: 'Maya Okafor' };
const DANIEL = { accountId: 'a-daniel', displayName: 'Daniel Reyes' };

function entry(id: string, at: string, text: string, annotation: Partial<TimelineEntry['annotation']>, actor = MAYA): TimelineEntry {
  return {
    id,
    at,
    source: 'comment',
    issueKey: 'INC-1',
    relation: 'incident',
    actor,
    text,
    annotation: { moments: [], internal: false, ...annotation },
  };
}

function momentsOf(values: Partial<Record<KeyMomentName, [string, string?]>>): KeyMoments {
  return Object.fromEntries(
    KEY_MOMENTS.map((m) => {
      const v = values[m];
      return [m, v ? { at: v[0], source: v[1] ? 'marked' : 'derived', ...(v[1] ? { entryId: v[1] } : {}) } : { at: null, source: 'none' }];
    }),
  ) as KeyMoments;
}

const ENTRIES = [
  entry('comment:1', '2026-10-17T18:44:00Z', 'Social media says the login page just spins.', {}, MAYA),
  entry('comment:2', '2026-10-17T18:49:00Z', 'Looking for the doc on getting onto the web hosts from home.', {
    kind: 'human-interaction',
    impact: 'negative',
  }),
  entry(
    'comment:3',
    '2026-10-17T19:05:00Z',
    'Stopped the export and restarted the web service on web-02.',
    { kind: 'task', impact: 'positive', moments: ['restored'] },
    DANIEL,
  ),
];
const MOMENTS = momentsOf({
  impactStarted: ['2026-10-17T18:41:00Z'],
  detected: ['2026-10-17T18:44:00Z', 'comment:1'],
  acknowledged: ['2026-10-17T18:47:00Z'],
  identified: ['2026-10-17T18:58:00Z'],
  restored: ['2026-10-17T19:05:00Z', 'comment:3'],
});
const INPUT: NarrativeInput = {
  incident: { key: 'INC-1', summary: 'Login page outage' },
  severity: severityOf(2, 'priority'),
  moments: MOMENTS,
  metrics: computeMetrics(MOMENTS).metrics,
  entries: ENTRIES,
  timeZone: 'Europe/London',
  knownNames: ['Maya Okafor', 'Daniel Reyes'],
};

describe('draftNarrative', () => {
  it('tells who did what when, what helped and what slowed recovery, each sentence with its sources', () => {
    const d = draftNarrative(INPUT);
    expect(d.sentences.map((s) => s.text)).toStrictEqual([
      'Impact started at 19:41 on 2026-10-17; the incident INC-1 (Sev2), “Login page outage”, was detected at 19:44, 3 min later.',
      'It was acknowledged at 19:47 (time to acknowledge: 3 min).',
      'The problem was identified at 19:58, 14 min after detection.',
      'At 19:49, an exchange involving Maya Okafor slowed recovery: “Looking for the doc on getting onto the web hosts from home.”',
      'At 20:05, a step taken by Daniel Reyes helped recovery: “Stopped the export and restarted the web service on web-02.”',
      'Service was restored at 20:05 (time to recover: 21 min).',
    ]);
    expect(d.text).toBe(d.sentences.map((s) => s.text).join(' '));
    expect(d.sentences[0].sources.map((s) => s.entryId)).toStrictEqual(['comment:1']);
    expect(d.sentences[4].sources).toStrictEqual([
      { entryId: 'comment:3', at: '2026-10-17T19:05:00Z', label: '2026-10-17 20:05 · Comment on INC-1 · Daniel Reyes' },
    ]);
    expect(d.sentences[5].sources.map((s) => s.entryId)).toStrictEqual(['comment:3']);
  });

  it('is deterministic: the same input, in any entry order, gives the same draft', () => {
    const once = draftNarrative(INPUT);
    expect(draftNarrative({ ...INPUT, entries: [...ENTRIES].reverse() })).toStrictEqual(once);
    expect(draftNarrative(INPUT)).toStrictEqual(once);
  });

  it('leaves out metrics that are unknown instead of writing zero, and says nothing of missing moments', () => {
    const moments = momentsOf({ detected: ['2026-10-17T18:44:00Z'] });
    const d = draftNarrative({ ...INPUT, moments, metrics: computeMetrics(moments).metrics, entries: [] });
    expect(d.text).toBe('The incident INC-1 (Sev2), “Login page outage”, was detected at 19:44 on 2026-10-17.');
  });

  it('drops a quote the blameless rules object to, keeping the sentence and its source', () => {
    const blamed = entry('comment:9', '2026-10-17T18:50:00Z', 'Maya forgot the runbook; obviously human error.', {
      kind: 'task',
      impact: 'negative',
    });
    const d = draftNarrative({ ...INPUT, entries: [...ENTRIES, blamed] });
    const s = d.sentences.find((x) => x.sources.some((src) => src.entryId === 'comment:9'))!;
    expect(s.text).toBe('At 19:50, a step taken by Maya Okafor slowed recovery.');
  });

  const BLAME = [
    'human error',
    'Maya broke prod',
    'Daniel forgot to check',
    'should have known',
    'root cause',
    'careless',
    'obviously',
    'failed to page',
  ];
  const text = fc.array(fc.oneof(fc.constantFrom(...BLAME), fc.string({ maxLength: 20 })), { maxLength: 6 }).map((a) => a.join(' '));
  const annotated = fc.record({
    minute: fc.integer({ min: 0, max: 600 }),
    text,
    kind: fc.constantFrom(undefined, 'task', 'human-interaction', 'automation'),
    impact: fc.constantFrom(undefined, 'positive', 'negative', 'neutral'),
    actor: fc.constantFrom(MAYA, DANIEL),
  });

  it('never produces a blameless finding, and every source is one of the entries given', () => {
    fc.assert(
      fc.property(fc.array(annotated, { maxLength: 15 }), text, (list, summary) => {
        const entries = list.map((e, i) =>
          entry(
            `e${i}`,
            new Date(Date.parse('2026-10-17T18:00:00Z') + e.minute * 60_000).toISOString(),
            e.text,
            { ...(e.kind && { kind: e.kind }), ...(e.impact && { impact: e.impact }) },
            e.actor,
          ),
        );
        const d = draftNarrative({ ...INPUT, incident: { key: 'INC-1', summary }, entries });
        expect(checkBlameless(d.text, { knownNames: INPUT.knownNames, field: 'description' })).toEqual([]);
        const ids = new Set(entries.map((e) => e.id));
        for (const s of d.sentences) for (const src of s.sources) expect(ids.has(src.entryId)).toBe(true);
        expect(draftNarrative({ ...INPUT, incident: { key: 'INC-1', summary }, entries: [...entries].reverse() })).toStrictEqual(d);
      }),
      { numRuns: 300 },
    );
  });
});
