import fc from 'fast-check';
import type { IncidentOverview, KeyMomentName } from '../../src/contract';
import { KEY_MOMENTS } from '../../src/vocabulary';
import { buildEntries, type PulledEntry } from '../../src/domain/timeline-build';
import { digestOf, markedEntryOf } from '../../src/domain/timeline-digest';
import { chunkStably } from '../../src/storage/chunking';
import type { StoredTimeline } from '../../src/storage/timeline-store';
import { seesEverything, toTimelineView, viewFromDigest } from '../../src/use-cases/timeline-view';
import { loginOutageSources } from '../fixtures/login-outage-sources';

const KEY = 'INC-1';
const incident = { key: KEY, priority: 'High' } as IncidentOverview;

function reviewOf(
  pulled: PulledEntry[],
  overrides: Partial<Record<KeyMomentName, string>> = {},
  annotations: StoredTimeline['state']['annotations'] = {},
): StoredTimeline {
  const marks = Object.fromEntries(pulled.filter((e) => annotations[e.id]?.moments.length).map((e) => [e.id, markedEntryOf(e)]));
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
      issueTypes: { 'INC-1': 'Incident', 'SUP-1': 'Support request', 'SUP-2': 'Task' },
      momentOverrides: overrides,
      severityOverride: null,
      manual: [],
      annotations,
      digest: digestOf(pulled, KEY),
      marks,
    },
  };
}

describe('the stored digest of a pull', () => {
  it('gives the same moments, metrics, counts and people as reading every entry', () => {
    const pulled = buildEntries(loginOutageSources());
    const review = reviewOf(pulled);
    const whole = toTimelineView(review, pulled, incident, seesEverything(review.state.digest!));
    const fromDigest = viewFromDigest(review, review.state.digest!, null, incident, seesEverything(review.state.digest!));
    expect(fromDigest.moments).toStrictEqual(whole.moments);
    expect(fromDigest.metrics).toStrictEqual(whole.metrics);
    expect(fromDigest.paging.total).toBe(whole.paging.total);
    expect(fromDigest.people).toStrictEqual(whole.people);
  });

  it('agrees with the whole timeline for any overrides and any entries marked with moments (property)', () => {
    const pulled = buildEntries(loginOutageSources());
    const times = pulled.map((e) => e.at);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...KEY_MOMENTS), fc.constantFrom(...times), { maxKeys: 4 }),
        fc.array(fc.tuple(fc.constantFrom(...pulled.map((e) => e.id)), fc.subarray([...KEY_MOMENTS], { minLength: 1, maxLength: 3 })), {
          maxLength: 5,
        }),
        (overrides, marked) => {
          const annotations = Object.fromEntries(marked.map(([id, moments]) => [id, { moments, internal: false }]));
          const review = reviewOf(pulled, overrides, annotations);
          const everything = seesEverything(review.state.digest!);
          const whole = toTimelineView(review, pulled, incident, everything);
          const fromDigest = viewFromDigest(review, review.state.digest!, null, incident, everything);
          expect(fromDigest.moments).toStrictEqual(whole.moments);
          expect(fromDigest.metrics).toStrictEqual(whole.metrics);
          expect(fromDigest.problems).toStrictEqual(whole.problems);
        },
      ),
    );
  });

  it('counts and names only what a viewer may see', () => {
    const pulled = buildEntries(loginOutageSources());
    const review = reviewOf(pulled);
    const none = { issues: new Set<string>(), comments: new Set<string>() };
    const whole = toTimelineView(review, pulled, incident, none);
    const fromDigest = viewFromDigest(review, review.state.digest!, null, incident, none);
    expect(fromDigest.paging.total).toBe(whole.paging.total);
    expect(fromDigest.people).toStrictEqual(whole.people);
    expect(fromDigest.moments).toStrictEqual(whole.moments);
  });

  it('stays small: no entry text in it, each person once', () => {
    const pulled = buildEntries(loginOutageSources());
    const digest = digestOf(pulled, KEY);
    const json = JSON.stringify(digest);
    for (const e of pulled.filter((x) => x.text.length > 30)) expect(json).not.toContain(e.text);
    for (const p of digest.people) expect(json.split(p.displayName)).toHaveLength(2);
  });
});

describe('chunks cut by content', () => {
  const items = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ id: `e${from + i}`, text: 'x'.repeat(200 + ((from + i) % 7) * 50) }));

  it('never exceeds the size, keeps every item in order', () => {
    const list = items(2000);
    const chunks = chunkStably(list, 20_000, 8_000, (i) => i.id);
    expect(chunks.flat()).toStrictEqual(list);
    for (const c of chunks) expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThanOrEqual(20_000 + 2_000);
  });

  it('an item added in the middle changes at most a few chunks, not all after it', () => {
    const list = items(3000);
    const before = chunkStably(list, 20_000, 8_000, (i) => i.id).map((c) => JSON.stringify(c));
    const withOne = [...list.slice(0, 500), { id: 'new-one', text: 'y'.repeat(300) }, ...list.slice(500)];
    const after = chunkStably(withOne, 20_000, 8_000, (i) => i.id).map((c) => JSON.stringify(c));
    const unchanged = new Set(before);
    const rewritten = after.filter((c) => !unchanged.has(c));
    expect(before.length).toBeGreaterThan(20);
    expect(rewritten.length).toBeLessThanOrEqual(3);
  });
});
