import fc from 'fast-check';
import type { IncidentOverview, KeyMomentName } from '../../src/contract';
import { KEY_MOMENTS } from '../../src/vocabulary';
import type { IncidentSources } from '../../src/domain/sources';
import { buildEntries, type PulledEntry } from '../../src/domain/timeline-build';
import { digestOf, markedEntryOf } from '../../src/domain/timeline-digest';
import { headMomentsHold, headOf, seesAllOf } from '../../src/domain/timeline-head';
import type { StoredTimeline } from '../../src/storage/timeline-store';
import { basisMoments, headBasis, seesEverything, viewFromBasis, viewFromDigest } from '../../src/use-cases/timeline-view';
import { loginOutageSources } from '../fixtures/login-outage-sources';

const KEY = 'INC-1';
const incident = { key: KEY, priority: 'High' } as IncidentOverview;
const RELATIONS = ['relates to', 'is caused by', 'sub-task'] as const;
const TYPES = ['Task', 'Support request', 'Bug'] as const;

/** The login outage with `extra` more related issues, created around the incident (some before it, some sub-tasks, some support requests). */
function sourcesWith(extra: number): IncidentSources {
  const sources = loginOutageSources();
  const base = Date.parse(sources.incident.created);
  const template = sources.related[1];
  const more = Array.from({ length: extra }, (_, i) => ({
    ...template,
    key: `OPS-${100 + i}`,
    created: new Date(base + (((i * 37) % 200) - 60) * 60_000).toISOString(),
    relation: RELATIONS[i % RELATIONS.length],
    issueType: TYPES[i % TYPES.length],
  }));
  return { ...sources, related: [...sources.related, ...more] };
}

function reviewOf(
  pulled: PulledEntry[],
  sources: IncidentSources,
  overrides: Partial<Record<KeyMomentName, string>> = {},
  annotations: StoredTimeline['state']['annotations'] = {},
): StoredTimeline {
  const marks = Object.fromEntries(pulled.filter((e) => annotations[e.id]?.moments.length).map((e) => [e.id, markedEntryOf(e)]));
  const issueTypes = Object.fromEntries([sources.incident, ...sources.related].map((i) => [i.key, i.issueType]));
  return {
    incidentKey: KEY,
    projectKey: 'INC',
    status: 'draft',
    version: 1,
    updatedAt: 0,
    state: {
      createdAt: '',
      createdBy: '',
      pulledAt: '',
      pulled: {
        generation: 'g',
        chunks: 1,
        bounds: [{ first: { at: pulled[0].at, id: pulled[0].id }, last: { at: pulled.at(-1)!.at, id: pulled.at(-1)!.id } }],
      },
      issueTypes,
      momentOverrides: overrides,
      severityOverride: null,
      manual: [],
      annotations,
      digest: digestOf(pulled, KEY),
      marks,
    },
  };
}

describe('the head of a pull (what every open reads)', () => {
  it('gives a viewer who sees every source the same moments, metrics, counts and people as the whole digest, whenever it says it holds (property)', () => {
    const sources = sourcesWith(40);
    const pulled = buildEntries(sources);
    const times = pulled.map((e) => e.at);
    let held = 0;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...KEY_MOMENTS), fc.constantFrom(...times), { maxKeys: 3 }),
        fc.array(fc.tuple(fc.constantFrom(...pulled.map((e) => e.id)), fc.subarray([...KEY_MOMENTS], { minLength: 1, maxLength: 3 })), {
          maxLength: 4,
        }),
        (overrides, marked) => {
          const annotations = Object.fromEntries(marked.map(([id, moments]) => [id, { moments, internal: false }]));
          const review = reviewOf(pulled, sources, overrides, annotations);
          const digest = review.state.digest!;
          const head = headOf(digest, KEY, review.state.issueTypes);
          const everything = seesEverything(digest);
          expect(seesAllOf(head, everything)).toBe(true);
          const basis = headBasis(head);
          if (!headMomentsHold(head, review.state.marks ?? {}, basisMoments(review, basis).moments.detected.at)) return;
          held++;
          const whole = viewFromDigest(review, digest, null, incident, everything);
          const fromHead = viewFromBasis(review, basis, [], null, incident, everything);
          expect(fromHead.moments).toStrictEqual(whole.moments);
          expect(fromHead.metrics).toStrictEqual(whole.metrics);
          expect(fromHead.problems).toStrictEqual(whole.problems);
          expect(fromHead.paging.total).toBe(whole.paging.total);
          expect(fromHead.people).toStrictEqual(whole.people);
        },
      ),
      { numRuns: 150 },
    );
    // The common case is the one tested: most runs leave detected alone.
    expect(held).toBeGreaterThan(20);
  });

  it('does not hold once detected moves, nor for a marked creation it does not keep', () => {
    const sources = sourcesWith(10);
    const pulled = buildEntries(sources);
    const review = reviewOf(pulled, sources);
    const head = headOf(review.state.digest!, KEY, review.state.issueTypes);
    expect(headMomentsHold(head, {}, head.detectedAt)).toBe(true);
    expect(headMomentsHold(head, {}, '2026-10-17T17:00:00.000Z')).toBe(false);
    const kept = new Set(head.candidates.map(([id]) => id));
    const other = pulled.find((e) => e.source === 'created' && !kept.has(e.id))!;
    expect(headMomentsHold(head, { [other.id]: markedEntryOf(other) }, head.detectedAt)).toBe(false);
  });

  it('asks about every source, and a viewer who may not see one is not everyone', () => {
    const sources = sourcesWith(5);
    const digest = digestOf(buildEntries(sources), KEY);
    const head = headOf(digest, KEY, {});
    expect(head.issues).toStrictEqual(Object.keys(digest.issues).filter((k) => k !== KEY));
    expect(seesAllOf(head, { issues: new Set(head.issues.slice(1)), comments: new Set(head.comments) })).toBe(false);
  });

  it('keeps the same moment candidates and issue types whether the incident has 10 or 400 related issues', () => {
    const small = sourcesWith(10);
    const large = sourcesWith(400);
    const headOfSources = (s: IncidentSources) =>
      headOf(digestOf(buildEntries(s), KEY), KEY, Object.fromEntries([s.incident, ...s.related].map((i) => [i.key, i.issueType])));
    const [a, b] = [headOfSources(small), headOfSources(large)];
    expect(digestOf(buildEntries(large), KEY).candidates.length).toBeGreaterThan(400);
    expect(b.candidates.length).toBeLessThanOrEqual(a.candidates.length + 2);
    expect(Object.keys(b.issueTypes).length).toBeLessThanOrEqual(Object.keys(a.issueTypes).length + 2);
  });
});
