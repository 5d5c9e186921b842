import fc from 'fast-check';
import type { TimelineEntry } from '../../src/contract';
import { boundedText, ENTRY_TEXT_MAX_BYTES } from '../../src/domain/entry-text';
import { deriveMoments } from '../../src/domain/key-moments';
import { entryAudience, publishAudience, withoutRestricted } from '../../src/domain/report/publish-audience';
import { utf8Length } from '../../src/domain/report/storage-xml';
import { buildEntries, type PulledEntry } from '../../src/domain/timeline-build';
import { assembleTimeline, reconcilePull } from '../../src/domain/timeline-merge';
import { accessQuestions, canSee, commentIdOf, momentsFor, visibleEntries, type Visibility } from '../../src/domain/visibility';
import { toTimelineView } from '../../src/use-cases/timeline-view';
import type { StoredTimeline } from '../../src/storage/timeline-store';
import type { IncidentOverview } from '../../src/contract';
import { loginOutageSources, TOMAS } from '../fixtures/login-outage-sources';

const REVIEW = 'INC-1';
const pulled = () => buildEntries(loginOutageSources());
const sees = (issues: string[], comments: string[] = []): Visibility => ({ issues: new Set(issues), comments: new Set(comments) });

describe('what a viewer may see of a timeline', () => {
  it('asks Jira about every other source issue and every restricted comment, once each', () => {
    const q = accessQuestions(pulled(), REVIEW);
    expect(q.issueKeys).toStrictEqual(['SUP-1', 'SUP-2']);
    expect(q.restrictedCommentIds).toStrictEqual(
      pulled()
        .filter((e) => e.restricted)
        .map((e) => commentIdOf(e)),
    );
    expect(q.restrictedCommentIds.length).toBeGreaterThan(0);
  });

  it('hides entries of issues the viewer may not browse and restricted comments they may not read', () => {
    const entries = pulled();
    const restricted = entries.filter((e) => e.restricted).map((e) => e.id);
    const shown = visibleEntries(entries, REVIEW, sees(['SUP-2']));
    expect(shown.some((e) => e.issueKey === 'SUP-1')).toBe(false);
    expect(shown.some((e) => e.issueKey === 'SUP-2')).toBe(true);
    expect(shown.some((e) => restricted.includes(e.id))).toBe(false);
    const admitted = visibleEntries(
      entries,
      REVIEW,
      sees(
        ['SUP-1', 'SUP-2'],
        restricted.map((id) => id.replace('comment:', '')),
      ),
    );
    expect(admitted).toStrictEqual(entries);
  });

  it("shows manual entries and the review issue's own entries without asking", () => {
    const manual: PulledEntry = {
      id: 'manual:1',
      at: '2026-10-17T19:00:00.000Z',
      source: 'manual',
      issueKey: REVIEW,
      relation: 'incident',
      actor: null,
      text: 'x',
    };
    expect(canSee(manual, REVIEW, sees([]))).toBe(true);
    expect(
      canSee(
        pulled().find((e) => e.id === `created:${REVIEW}`)!,
        REVIEW,
        sees([]),
      ),
    ).toBe(true);
  });

  it('never shows an entry whose issue or restriction is not admitted, for any visibility (property)', () => {
    const entries = pulled();
    const keys = [...new Set(entries.map((e) => e.issueKey))];
    const commentIds = entries.flatMap((e) => (commentIdOf(e) ? [commentIdOf(e)!] : []));
    fc.assert(
      fc.property(fc.subarray(keys), fc.subarray(commentIds), (issues, comments) => {
        const v = sees(issues, comments);
        for (const e of visibleEntries(entries, REVIEW, v)) {
          if (e.issueKey !== REVIEW) expect(issues).toContain(e.issueKey);
          if (e.restricted) expect(comments).toContain(commentIdOf(e));
        }
      }),
    );
  });

  it('keeps a moment taken from a hidden entry as a time only', () => {
    const entries = assembleTimeline(pulled(), [], {});
    const moments = deriveMoments(entries, REVIEW, {}, { 'SUP-1': 'Support request' });
    expect(moments.firstCustomerReport.entryId).toBe('created:SUP-1');
    const shown = momentsFor(moments, new Set(entries.filter((e) => e.issueKey !== 'SUP-1').map((e) => e.id)));
    expect(shown.firstCustomerReport).toStrictEqual({
      at: moments.firstCustomerReport.at,
      source: moments.firstCustomerReport.source,
      hiddenEntry: true,
    });
    expect(shown.detected).toStrictEqual(moments.detected);
  });
});

describe('the view a viewer reads', () => {
  const incident = { key: REVIEW, priority: 'High' } as IncidentOverview;
  const review: StoredTimeline = {
    incidentKey: REVIEW,
    projectKey: 'INC',
    status: 'draft',
    version: 3,
    updatedAt: 0,
    state: {
      createdAt: '2026-10-18T00:00:00.000Z',
      createdBy: 'someone',
      pulledAt: '2026-10-18T00:00:00.000Z',
      pulled: { generation: 'g', chunks: 1 },
      issueTypes: { 'INC-1': 'Incident', 'SUP-1': 'Support request', 'SUP-2': 'Task' },
      momentOverrides: {},
      severityOverride: null,
      manual: [],
      annotations: {},
    },
  };

  it('counts, pages and lists people over what the viewer sees, and computes metrics over everything', () => {
    const whole = toTimelineView(review, pulled(), incident);
    const narrow = toTimelineView(review, pulled(), incident, sees([]));
    expect(narrow.entries.every((e) => e.issueKey === REVIEW && !e.restricted)).toBe(true);
    expect(narrow.paging.total).toBe(narrow.entries.length);
    expect(narrow.paging.total).toBeLessThan(whole.paging.total);
    expect(narrow.metrics).toStrictEqual(whole.metrics);
    const actors = new Set(narrow.entries.flatMap((e) => (e.actor ? [e.actor.accountId] : [])));
    expect(narrow.people.every((p) => actors.has(p.accountId))).toBe(true);
    const text = JSON.stringify(narrow);
    for (const hidden of whole.entries.filter((e) => !narrow.entries.includes(e) && e.issueKey !== REVIEW)) {
      expect(text).not.toContain(hidden.id);
    }
    expect(text).not.toContain('SUP-1');
  });
});

describe('a refresh by someone who sees less', () => {
  it('keeps entries of issues the refresher could not pull exactly as they were', () => {
    const before = pulled();
    const all = loginOutageSources();
    const own = <T extends { issueKey: string }>(items: T[]) => items.filter((i) => i.issueKey === REVIEW);
    const refresherSees = buildEntries({
      ...all,
      related: [],
      comments: own(all.comments).filter((c) => !c.restricted),
      changes: own(all.changes),
      remoteLinks: own(all.remoteLinks),
    });
    const merged = reconcilePull(before, refresherSees, new Set([REVIEW]));
    for (const e of before.filter((x) => x.issueKey !== REVIEW)) expect(merged).toContainEqual(e);
    expect(merged.filter((e) => e.issueKey !== REVIEW && e.deletedInJira)).toStrictEqual([]);
  });

  it('keeps a comment Jira still has but the refresher may not read, with its restriction brought up to date', () => {
    const before = pulled();
    const open = before.find((e) => e.source === 'comment' && !e.restricted && e.issueKey === REVIEW)!;
    const fresh = before.filter((e) => e.id !== open.id);
    const nowRestricted = { ...open, restricted: true, restriction: { type: 'role' as const, name: 'Developers' } };
    const merged = reconcilePull(before, fresh, new Set([REVIEW, 'SUP-1', 'SUP-2']), new Map([[open.id, nowRestricted]]));
    expect(merged.find((e) => e.id === open.id)).toStrictEqual(nowRestricted);
  });

  it('marks a comment deleted only when its issue was pulled and Jira no longer has it', () => {
    const before = pulled();
    const gone = before.find((e) => e.source === 'comment' && e.issueKey === REVIEW)!;
    const merged = reconcilePull(
      before,
      before.filter((e) => e.id !== gone.id),
      new Set([REVIEW]),
    );
    expect(merged.find((e) => e.id === gone.id)).toMatchObject({ deletedInJira: true });
  });
});

describe('publishing to a space with its own audience', () => {
  const entries = (): TimelineEntry[] => assembleTimeline(pulled(), [], {});

  it('counts entries from other projects and restricted comments, naming the restrictions', () => {
    const withRole = entries().map((e) => (e.restricted ? { ...e, restriction: { type: 'role' as const, name: 'Developers' } } : e));
    const audience = publishAudience(entryAudience(withRole), REVIEW);
    expect(audience.otherProjects).toStrictEqual(['SUP']);
    expect(audience.otherProjectEntries).toBe(withRole.filter((e) => e.issueKey.startsWith('SUP-')).length);
    expect(audience.restrictedEntries).toBe(withRole.filter((e) => e.restricted).length);
    expect(audience.restrictions).toStrictEqual([{ type: 'role', name: 'Developers' }]);
  });

  it('leaves restricted comments out of what is published', () => {
    const review = { entries: entries(), moments: deriveMoments(entries(), REVIEW, {}), people: [TOMAS] } as unknown as Parameters<
      typeof withoutRestricted
    >[0];
    const out = withoutRestricted(review);
    expect(out.entries.some((e) => e.restricted)).toBe(false);
    expect(out.entries.length).toBe(entries().filter((e) => !e.restricted).length);
  });
});

describe('an entry too long to keep whole', () => {
  it('keeps text that fits, whole and unmarked', () => {
    expect(boundedText('short')).toStrictEqual({ text: 'short' });
  });

  it('cuts any text to the bound at a character boundary and notes its full length (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 400 }), fc.integer({ min: 16, max: 512 }), (s, max) => {
        const out = boundedText(s, max);
        expect(utf8Length(out.text)).toBeLessThanOrEqual(max);
        expect(s.startsWith(out.text)).toBe(true);
        expect(out.text).not.toMatch(/[\uD800-\uDBFF]$/);
        if (out.shortened) expect(out.shortened.fullLength).toBe([...s].length);
        else expect(out.text).toBe(s);
      }),
    );
  });

  it('stores a 300 KB comment cut to 64 KiB with a mark, and the pull goes on', () => {
    const s = loginOutageSources();
    s.comments[0] = {
      ...s.comments[0],
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'é'.repeat(150_000) }] }] },
    };
    const entry = buildEntries(s).find((e) => e.id === `comment:${s.comments[0].id}`)!;
    expect(utf8Length(entry.text)).toBeLessThanOrEqual(ENTRY_TEXT_MAX_BYTES);
    expect(entry.shortened).toStrictEqual({ fullLength: 150_000 });
  });
});
