import type { Annotation, KeyMoments, TimelineEntry } from '../../src/contract';
import { deriveMoments } from '../../src/domain/key-moments';
import { buildEntries, type PulledEntry } from '../../src/domain/timeline-build';
import { assembleTimeline, manualEntry } from '../../src/domain/timeline-merge';
import { LOGIN_OUTAGE_ISSUE_TYPES, loginOutageSources } from '../fixtures/login-outage-sources';

const pulled = () => buildEntries(loginOutageSources());
const timeline = (annotations: Record<string, Annotation> = {}, manual: PulledEntry[] = []): TimelineEntry[] =>
  assembleTimeline(pulled(), manual, annotations);
const derived = (at: string, entryId: string) => ({ at, source: 'derived', entryId });
const NONE = { at: null, source: 'none' };

/** A minimal incident timeline: created at 10:00, then the given entries (all on INC-9 unless said). */
function incident(...rest: Partial<TimelineEntry>[]): TimelineEntry[] {
  const base = { issueKey: 'INC-9', relation: 'incident', actor: null, text: '', annotation: { moments: [], internal: false } };
  return [
    { ...base, id: 'created:INC-9', at: '2026-01-01T10:00:00.000Z', source: 'created' as const },
    ...rest.map((r, i) => ({ ...base, id: `e${i}`, at: '', source: 'field' as const, ...r })),
  ];
}
const at = (hhmm: string) => `2026-01-01T${hhmm}:00.000Z`;
const status = (hhmm: string, to: string, more: Partial<TimelineEntry> = {}): Partial<TimelineEntry> => ({
  id: `status-${hhmm}`,
  at: at(hhmm),
  source: 'status',
  to,
  ...more,
});

describe('deriveMoments: defaults on the login outage', () => {
  it('derives every documented default from the timeline', () => {
    expect(deriveMoments(timeline(), 'INC-1', {}, LOGIN_OUTAGE_ISSUE_TYPES)).toStrictEqual<KeyMoments>({
      impactStarted: derived('2026-10-17T18:45:00.000Z', 'created:SUP-1'),
      detected: derived('2026-10-17T18:46:30.000Z', 'created:INC-1'),
      acknowledged: derived('2026-10-17T18:49:00.000Z', 'change:20001:assignee'),
      identified: derived('2026-10-17T19:00:00.000Z', 'change:20005:status'),
      restored: derived('2026-10-17T19:01:50.000Z', 'change:20006:status'),
      closed: derived('2026-10-19T14:29:40.000Z', 'change:20009:status'),
      firstCustomerReport: derived('2026-10-17T18:45:00.000Z', 'created:SUP-1'),
      firstStatusPageUpdate: NONE,
      hotfixDeployed: NONE,
    } as KeyMoments);
  });

  it('takes the first status page update from manual entries of that kind only', () => {
    const manual = [
      manualEntry('manual:b', { at: '2026-10-17T18:40:00.000Z', manualKind: 'chat-excerpt', actorName: 'Sofia', text: 'chat' }, 'INC-1'),
      manualEntry(
        'manual:a',
        { at: '2026-10-17T18:53:10.000Z', manualKind: 'status-page-update', actorName: 'Sofia', text: 'Investigating' },
        'INC-1',
      ),
      manualEntry(
        'manual:c',
        { at: '2026-10-17T19:04:30.000Z', manualKind: 'status-page-update', actorName: 'Sofia', text: 'Monitoring' },
        'INC-1',
      ),
    ];
    expect(deriveMoments(timeline({}, manual), 'INC-1', {}).firstStatusPageUpdate).toStrictEqual(
      derived('2026-10-17T18:53:10.000Z', 'manual:a'),
    );
  });

  it('has no first customer report without the issue types', () => {
    expect(deriveMoments(timeline(), 'INC-1', {}).firstCustomerReport).toStrictEqual(NONE);
  });
});

describe('deriveMoments: precedence', () => {
  it('prefers an entry marked with the moment over the default', () => {
    const m = deriveMoments(timeline({ 'comment:10006': { moments: ['identified'], internal: false } }), 'INC-1', {});
    expect(m.identified).toStrictEqual({ at: '2026-10-17T18:56:50.000Z', source: 'marked', entryId: 'comment:10006' });
  });

  it('takes the earliest entry when several are marked with one moment', () => {
    const marks = {
      'comment:10006': { moments: ['hotfixDeployed' as const], internal: false },
      'comment:10005': { moments: ['hotfixDeployed' as const], internal: false },
    };
    expect(deriveMoments(timeline(marks), 'INC-1', {}).hotfixDeployed).toStrictEqual({
      at: '2026-10-17T18:55:30.000Z',
      source: 'marked',
      entryId: 'comment:10005',
    });
  });

  it('prefers an override over a marked entry and a default', () => {
    const m = deriveMoments(timeline({ 'comment:10006': { moments: ['identified'], internal: false } }), 'INC-1', {
      identified: '2026-10-17T18:58:00.000Z',
      detected: '2026-10-17T18:44:00.000Z',
    });
    expect(m.identified).toStrictEqual({ at: '2026-10-17T18:58:00.000Z', source: 'override' });
    expect(m.detected).toStrictEqual({ at: '2026-10-17T18:44:00.000Z', source: 'override' });
  });

  it('has no hotfix deployed unless marked or overridden', () => {
    expect(deriveMoments(timeline(), 'INC-1', {}).hotfixDeployed).toStrictEqual(NONE);
    expect(deriveMoments(timeline(), 'INC-1', { hotfixDeployed: '2026-10-17T19:00:40.000Z' }).hotfixDeployed).toStrictEqual({
      at: '2026-10-17T19:00:40.000Z',
      source: 'override',
    });
  });
});

describe('deriveMoments: each default', () => {
  it('acknowledged is the first status change when it comes before any assignment', () => {
    const m = deriveMoments(
      incident(status('10:05', 'Investigating'), { id: 'assign', at: at('10:07'), source: 'assignment', to: 'Maya Okafor' }),
      'INC-9',
      {},
    );
    expect(m.acknowledged).toStrictEqual(derived(at('10:05'), 'status-10:05'));
  });

  it('acknowledged ignores an unassignment and changes on other issues', () => {
    const m = deriveMoments(
      incident({ id: 'unassign', at: at('10:01'), source: 'assignment', to: null }, status('10:02', 'In Progress', { issueKey: 'SUP-9' }), {
        id: 'assign',
        at: at('10:03'),
        source: 'assignment',
        to: 'Maya',
      }),
      'INC-9',
      {},
    );
    expect(m.acknowledged).toStrictEqual(derived(at('10:03'), 'assign'));
  });

  it('identified matches the status name in any letter case, and is none without it', () => {
    expect(deriveMoments(incident(status('10:10', 'IDENTIFIED')), 'INC-9', {}).identified).toStrictEqual(
      derived(at('10:10'), 'status-10:10'),
    );
    expect(deriveMoments(incident(status('10:10', 'Investigating')), 'INC-9', {}).identified).toStrictEqual(NONE);
  });

  it('restored is the first change to Monitoring even when a done status comes first', () => {
    expect(deriveMoments(incident(status('10:20', 'Resolved'), status('10:30', 'Monitoring')), 'INC-9', {}).restored).toStrictEqual(
      derived(at('10:30'), 'status-10:30'),
    );
  });

  it('restored falls back to the first done status (Resolved, Done or Closed)', () => {
    for (const done of ['Resolved', 'Done', 'closed']) {
      expect(deriveMoments(incident(status('10:15', 'Investigating'), status('10:40', done)), 'INC-9', {}).restored).toStrictEqual(
        derived(at('10:40'), 'status-10:40'),
      );
    }
  });

  it('closed is the first change to Closed, else the resolution being set', () => {
    const resolution = { id: 'res', at: at('10:40'), source: 'resolution' as const, to: 'Done' };
    expect(deriveMoments(incident(resolution, status('11:00', 'Closed')), 'INC-9', {}).closed).toStrictEqual(
      derived(at('11:00'), 'status-11:00'),
    );
    expect(
      deriveMoments(incident({ ...resolution, id: 'cleared', to: null, at: at('10:30') }, resolution), 'INC-9', {}).closed,
    ).toStrictEqual(derived(at('10:40'), 'res'));
    expect(deriveMoments(incident(), 'INC-9', {}).closed).toStrictEqual(NONE);
  });

  it('impact started is the earliest earlier creation of a linked issue, sub-tasks excepted', () => {
    const linked = { id: 'created:SUP-9', at: at('09:50'), source: 'created' as const, issueKey: 'SUP-9', relation: 'is caused by' };
    const subtask = { id: 'created:INC-10', at: at('09:40'), source: 'created' as const, issueKey: 'INC-10', relation: 'sub-task' };
    expect(deriveMoments(incident(linked, subtask), 'INC-9', {}).impactStarted).toStrictEqual(derived(at('09:50'), 'created:SUP-9'));
  });

  it('impact started ignores related issues created more than a day before detection (planned work, not impact)', () => {
    const planned = {
      id: 'created:OPS-4',
      at: '2025-12-20T09:00:00.000Z',
      source: 'created' as const,
      issueKey: 'OPS-4',
      relation: 'relates to',
    };
    const report = { id: 'created:SUP-9', at: at('09:50'), source: 'created' as const, issueKey: 'SUP-9', relation: 'relates to' };
    expect(deriveMoments(incident(planned, report), 'INC-9', {}).impactStarted).toStrictEqual(derived(at('09:50'), 'created:SUP-9'));
    expect(deriveMoments(incident(planned), 'INC-9', {}).impactStarted).toStrictEqual(derived(at('10:00'), 'created:INC-9'));
  });

  it('impact started is detected when nothing was created earlier', () => {
    const later = { id: 'created:SUP-9', at: at('10:30'), source: 'created' as const, issueKey: 'SUP-9', relation: 'relates to' };
    expect(deriveMoments(incident(later), 'INC-9', {}).impactStarted).toStrictEqual(derived(at('10:00'), 'created:INC-9'));
    expect(deriveMoments(incident(later), 'INC-9', { detected: at('09:30') }).impactStarted).toStrictEqual({
      at: at('09:30'),
      source: 'derived',
    });
  });

  it('every moment is none for an empty timeline', () => {
    const m = deriveMoments([], 'INC-9', {});
    for (const value of Object.values(m)) expect(value).toStrictEqual(NONE);
  });
});
