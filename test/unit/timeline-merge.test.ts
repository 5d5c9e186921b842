import fc from 'fast-check';
import type { Annotation, ManualEntryInput } from '../../src/contract';
import { buildEntries, type PulledEntry } from '../../src/domain/timeline-build';
import { applyAnnotationPatch, assembleTimeline, manualEntry, reconcilePull, peopleOf } from '../../src/domain/timeline-merge';

/** A re-pull by someone who could see every source of both pulls. */
const mergePull = (previous: readonly PulledEntry[], fresh: readonly PulledEntry[]) =>
  reconcilePull(previous, fresh, new Set([...previous, ...fresh].map((e) => e.issueKey)));
import { loginOutageSources, MAYA, SOFIA, TOMAS } from '../fixtures/login-outage-sources';

const STATUS_UPDATE: ManualEntryInput = {
  at: '2026-10-17T18:53:10.000Z',
  manualKind: 'status-page-update',
  actorName: 'Sofia (support)',
  text: 'Posted "Investigating: some customers cannot sign in"',
};

/** The same incident pulled again later: comment 10001 edited, 10005 deleted, 10030 added. */
function repull(): PulledEntry[] {
  const s = loginOutageSources();
  s.comments = s.comments
    .filter((c) => c.id !== '10005')
    .map((c) =>
      c.id === '10001'
        ? {
            ...c,
            updated: '2026-10-17T19:30:00.000Z',
            body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Edited: Maya, could you look?' }] }] },
          }
        : c,
    );
  s.comments.push({
    id: '10030',
    issueKey: 'INC-1',
    author: TOMAS,
    created: '2026-10-19T14:30:00.000Z',
    updated: '2026-10-19T14:30:00.000Z',
    body: 'Closing.',
    restricted: false,
    url: 'u',
  });
  return buildEntries(s);
}

describe('reconcilePull by someone who sees every source', () => {
  it('updates an entry edited in Jira, marks a deleted one, and adds a new one', () => {
    const merged = mergePull(buildEntries(loginOutageSources()), repull());
    const get = (id: string) => merged.find((e) => e.id === id);
    expect(get('comment:10001')?.text).toBe('Edited: Maya, could you look?');
    expect(get('comment:10001')).not.toHaveProperty('deletedInJira');
    expect(get('comment:10005')).toMatchObject({
      deletedInJira: true,
      text: 'Team-only note: the SSH key for the web hosts is under web-prod-ssh.',
    });
    expect(get('comment:10030')?.text).toBe('Closing.');
    expect(merged.filter((e) => e.deletedInJira).map((e) => e.id)).toStrictEqual(['comment:10005']);
  });

  it('clears the mark of an entry that reappears in Jira', () => {
    const first = buildEntries(loginOutageSources());
    const marked = mergePull(first, repull());
    const back = mergePull(marked, first);
    expect(back.find((e) => e.id === 'comment:10005')).not.toHaveProperty('deletedInJira');
    expect(back.filter((e) => e.id !== 'comment:10030')).toStrictEqual(first);
  });

  it('keeps a deleted entry marked across further pulls', () => {
    const once = mergePull(buildEntries(loginOutageSources()), repull());
    expect(mergePull(once, repull())).toStrictEqual(once);
  });

  it('never loses an id from the previous or the fresh pull, and lists each once (property)', () => {
    const entry = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      at: fc.integer({ min: 0, max: 10 }).map((m) => new Date(m * 60_000).toISOString()),
      text: fc.string(),
    });
    const pull = fc
      .uniqueArray(entry, { selector: (e) => e.id })
      .map((es) => es.map((e): PulledEntry => ({ ...e, source: 'comment', issueKey: 'INC-1', relation: 'incident', actor: null })));
    fc.assert(
      fc.property(pull, pull, (previous, fresh) => {
        const merged = mergePull(previous, fresh);
        const ids = merged.map((e) => e.id);
        expect(new Set(ids)).toStrictEqual(new Set([...previous, ...fresh].map((e) => e.id)));
        expect(ids).toHaveLength(new Set(ids).size);
        for (const f of fresh) expect(merged.find((e) => e.id === f.id)).toStrictEqual(f);
      }),
    );
  });
});

describe('assembleTimeline', () => {
  it('keeps annotations and manual entries through a re-pull with edits and deletions in Jira', () => {
    const manual = [manualEntry('manual:7f3a', STATUS_UPDATE, 'INC-1')];
    const annotations: Record<string, Annotation> = {
      'comment:10001': { kind: 'human-interaction', phase: 'detection', moments: [], internal: false },
      'comment:10005': { moments: [], internal: true },
      'manual:7f3a': { kind: 'task', impact: 'positive', moments: ['firstStatusPageUpdate'], internal: false },
    };
    const timeline = assembleTimeline(mergePull(buildEntries(loginOutageSources()), repull()), manual, annotations);
    const get = (id: string) => timeline.find((e) => e.id === id);
    expect(get('comment:10001')).toMatchObject({ text: 'Edited: Maya, could you look?', annotation: annotations['comment:10001'] });
    expect(get('comment:10005')).toMatchObject({ deletedInJira: true, annotation: { moments: [], internal: true } });
    expect(get('manual:7f3a')).toStrictEqual({ ...manual[0], annotation: annotations['manual:7f3a'] });
    expect(get('comment:10030')?.annotation).toStrictEqual({ moments: [], internal: false });
  });

  it('places manual entries in time order among the pulled ones', () => {
    const timeline = assembleTimeline(buildEntries(loginOutageSources()), [manualEntry('manual:1', STATUS_UPDATE, 'INC-1')], {});
    const i = timeline.findIndex((e) => e.id === 'manual:1');
    expect(timeline[i - 1].at <= STATUS_UPDATE.at && STATUS_UPDATE.at <= timeline[i + 1].at).toBe(true);
  });

  it('does not show an annotation whose entry is gone, and leaves the annotations untouched', () => {
    const annotations: Record<string, Annotation> = { 'comment:gone': { moments: ['detected'], internal: false } };
    const before = structuredClone(annotations);
    const timeline = assembleTimeline(buildEntries(loginOutageSources()), [], annotations);
    expect(timeline.some((e) => e.id === 'comment:gone')).toBe(false);
    expect(annotations).toStrictEqual(before);
  });

  it('keeps every manual entry, whatever the pull (property)', () => {
    const input = fc.record({
      at: fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      manualKind: fc.constantFrom('status-page-update' as const, 'chat-excerpt' as const, 'command-run' as const, 'note' as const),
      actorName: fc.string(),
      text: fc.string(),
    });
    const manual = fc
      .uniqueArray(fc.tuple(fc.uuid(), input), { selector: ([id]) => id })
      .map((xs) => xs.map(([id, i]) => manualEntry(`manual:${id}`, i, 'INC-1')));
    const pulled = fc.subarray(buildEntries(loginOutageSources()));
    fc.assert(
      fc.property(pulled, manual, (p, m) => {
        const timeline = assembleTimeline(p, m, {});
        for (const entry of m)
          expect(timeline.find((e) => e.id === entry.id)).toStrictEqual({ ...entry, annotation: { moments: [], internal: false } });
        expect(timeline).toHaveLength(p.length + m.length);
      }),
    );
  });
});

describe('manualEntry', () => {
  it('is an entry on the incident with the typed actor and kind, and the id the caller gave', () => {
    expect(manualEntry('manual:1', STATUS_UPDATE, 'INC-1')).toStrictEqual({
      id: 'manual:1',
      at: '2026-10-17T18:53:10.000Z',
      source: 'manual',
      issueKey: 'INC-1',
      relation: 'incident',
      actor: null,
      actorName: 'Sofia (support)',
      text: 'Posted "Investigating: some customers cannot sign in"',
      manualKind: 'status-page-update',
    });
  });
});

describe('applyAnnotationPatch', () => {
  it('starts from an empty annotation and sets the patched fields', () => {
    expect(applyAnnotationPatch(undefined, { kind: 'task', moments: ['restored'] })).toStrictEqual({
      kind: 'task',
      moments: ['restored'],
      internal: false,
    });
  });

  it('keeps fields the patch leaves out and clears those it sets to null', () => {
    const current: Annotation = { kind: 'task', phase: 'response', impact: 'negative', moments: ['identified'], internal: true };
    expect(applyAnnotationPatch(current, { phase: null, impact: 'positive' })).toStrictEqual({
      kind: 'task',
      impact: 'positive',
      moments: ['identified'],
      internal: true,
    });
  });

  it('stores moments once each, in key-moment order', () => {
    expect(applyAnnotationPatch(undefined, { moments: ['restored', 'detected', 'restored'] }).moments).toStrictEqual([
      'detected',
      'restored',
    ]);
  });

  it('does not change the annotation it was given', () => {
    const current: Annotation = { kind: 'task', moments: [], internal: false };
    applyAnnotationPatch(current, { kind: null, internal: true });
    expect(current).toStrictEqual({ kind: 'task', moments: [], internal: false });
  });
});

describe('peopleOf', () => {
  it('lists each Jira actor once, sorted by name, and leaves out manual entries', () => {
    const timeline = assembleTimeline(buildEntries(loginOutageSources()), [manualEntry('manual:1', STATUS_UPDATE, 'INC-1')], {});
    expect(peopleOf(timeline)).toStrictEqual([MAYA, SOFIA, TOMAS]);
  });
});
