import fc from 'fast-check';
import type { FactorCategory, SummaryRow } from '../../src/contract';
import { FACTOR_CATEGORIES } from '../../src/domain/factor-taxonomy';
import { RELATED_LIMIT, RELATED_WEIGHTS, rankRelated, whyRelated, type RelatedSubject } from '../../src/domain/related-reviews';
import { packRow, timelineFacts, unpackRow } from '../../src/domain/summary-index';

function row(over: Partial<SummaryRow> & { incidentKey: string }): SummaryRow {
  return {
    projectKey: over.incidentKey.split('-')[0],
    title: `Incident ${over.incidentKey}`,
    severityLevel: 2,
    impactStartedAt: '2026-09-01T10:00:00.000Z',
    ttaMs: null,
    ttrMs: null,
    impactMs: null,
    customerImpact: null,
    status: 'published',
    actionsOpen: 0,
    actionsOverdue: 0,
    actionsClosed: 0,
    openItems: [],
    openDueDates: [],
    docVersion: 1,
    tags: [],
    pageUrl: null,
    updatedAt: 0,
    services: [],
    factorCategories: [],
    countermeasures: [],
    linkedKeys: [],
    ...over,
  };
}

const subject = (over: Partial<RelatedSubject> = {}): RelatedSubject => ({
  incidentKey: 'INC-9',
  startedAt: '2026-11-01T10:00:00.000Z',
  services: ['checkout-api'],
  factorCategories: ['change', 'detection'],
  tags: ['payments'],
  linkedKeys: ['SUP-4'],
  ...over,
});

describe('rankRelated', () => {
  it('ranks earlier reviews by what they share, and says why in one line', () => {
    const ranked = rankRelated(subject(), [
      row({ incidentKey: 'INC-1', services: ['Checkout-API'], factorCategories: ['change'] }),
      row({ incidentKey: 'INC-2', tags: ['payments'] }),
      row({ incidentKey: 'INC-3', services: ['search'], factorCategories: ['capacity'] }),
      row({ incidentKey: 'INC-4', linkedKeys: ['SUP-4'] }),
    ]);
    expect(ranked.map((r) => [r.row.incidentKey, r.score, r.why])).toStrictEqual([
      ['INC-1', RELATED_WEIGHTS.service + RELATED_WEIGHTS.factorCategory, 'Shares service Checkout-API and factor Change/deploy'],
      ['INC-4', RELATED_WEIGHTS.linkedKey, 'Shares linked issue SUP-4'],
      ['INC-2', RELATED_WEIGHTS.tag, 'Shares tag payments'],
    ]);
  });

  it('puts a review of an incident linked in Jira first, and says so', () => {
    const ranked = rankRelated(subject({ linkedKeys: ['INC-5'] }), [
      row({ incidentKey: 'INC-1', services: ['checkout-api'] }),
      row({ incidentKey: 'INC-5', factorCategories: ['detection'] }),
    ]);
    expect(ranked.map((r) => r.row.incidentKey)).toStrictEqual(['INC-5', 'INC-1']);
    expect(ranked[0].why).toBe('Linked in Jira; shares factor Detection/monitoring gap');
  });

  it('leaves out later incidents, itself, incidents with no known start and the uncategorised "other"', () => {
    const ranked = rankRelated(subject({ factorCategories: ['other'] }), [
      row({ incidentKey: 'INC-9', services: ['checkout-api'] }),
      row({ incidentKey: 'INC-10', services: ['checkout-api'], impactStartedAt: '2026-11-02T00:00:00.000Z' }),
      row({ incidentKey: 'INC-11', services: ['checkout-api'], impactStartedAt: '2026-11-01T10:00:00.000Z' }),
      row({ incidentKey: 'INC-12', services: ['checkout-api'], impactStartedAt: null }),
      row({ incidentKey: 'INC-13', factorCategories: ['other'] }),
    ]);
    expect(ranked).toStrictEqual([]);
  });

  it('finds nothing for a subject whose start is unknown', () => {
    expect(rankRelated(subject({ startedAt: null }), [row({ incidentKey: 'INC-1', services: ['checkout-api'] })])).toStrictEqual([]);
  });

  it('names at most two of a kind and counts the rest', () => {
    const why = whyRelated({ services: ['a', 'b', 'c', 'd'], factorCategories: [], tags: ['t'], linkedKeys: [], linkedDirectly: false });
    expect(why).toBe('Shares services a, b and 2 more and tag t');
  });
});

const KEYS = ['INC-1', 'INC-2', 'INC-3', 'INC-4', 'INC-5', 'INC-6', 'OPS-1', 'OPS-2'];
const SERVICES = ['checkout-api', 'Checkout-API', 'search', 'web', 'db'];
const someOf = <T>(values: readonly T[]) => fc.subarray([...values]);
const arbStart = fc.option(
  fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-12-31') }).map((ms) => new Date(ms).toISOString()),
  { nil: null },
);
const arbRow = fc
  .record({
    incidentKey: fc.constantFrom(...KEYS),
    impactStartedAt: arbStart,
    services: someOf(SERVICES),
    factorCategories: someOf(FACTOR_CATEGORIES as readonly FactorCategory[]),
    tags: someOf(['payments', 'login', 'etl']),
    linkedKeys: someOf(['SUP-1', 'SUP-2', ...KEYS]),
  })
  .map((r) => row(r));
const arbSubject = fc.record({
  incidentKey: fc.constantFrom(...KEYS),
  startedAt: arbStart,
  services: someOf(SERVICES),
  factorCategories: someOf(FACTOR_CATEGORIES as readonly FactorCategory[]),
  tags: someOf(['payments', 'login', 'etl']),
  linkedKeys: someOf(['SUP-1', 'SUP-2', ...KEYS]),
});

describe('rankRelated properties', () => {
  it('never returns the review itself or a later incident, never more than 5, each once and sharing something', () => {
    fc.assert(
      fc.property(arbSubject, fc.array(arbRow, { maxLength: 30 }), (s, rows) => {
        const ranked = rankRelated(s, rows);
        expect(ranked.length).toBeLessThanOrEqual(RELATED_LIMIT);
        expect(new Set(ranked.map((r) => r.row.incidentKey)).size).toBe(ranked.length);
        for (const r of ranked) {
          expect(r.row.incidentKey).not.toBe(s.incidentKey);
          expect(Date.parse(r.row.impactStartedAt!)).toBeLessThan(Date.parse(s.startedAt!));
          expect(r.score).toBeGreaterThan(0);
          expect(r.why).not.toBe('');
        }
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
      }),
    );
  });

  it('is deterministic and does not depend on the order candidates arrive in (keys unique)', () => {
    fc.assert(
      fc.property(arbSubject, fc.uniqueArray(arbRow, { selector: (r) => r.incidentKey, maxLength: 8 }), fc.integer(), (s, rows, seed) => {
        const shuffled = [...rows].sort((a, b) => ((a.incidentKey.charCodeAt(4) * seed) % 7) - ((b.incidentKey.charCodeAt(4) * seed) % 7));
        expect(rankRelated(s, shuffled)).toStrictEqual(rankRelated(s, rows));
        expect(rankRelated(s, rows)).toStrictEqual(rankRelated(s, rows));
      }),
    );
  });
});

describe('linked issues in the summary index', () => {
  it('are kept from the timeline pull, survive packing, and read as none in rows packed before them', () => {
    const facts = timelineFacts({
      incident: { summary: 'x', linkedIssues: [{ key: 'SUP-1' }, { key: 'SUP-1' }, { key: 'OPS-2' }] as never },
      severity: { level: 2 },
      moments: { impactStarted: { at: null } } as never,
      metrics: { tta: { known: false }, ttr: { known: false }, impact: { known: false } } as never,
    });
    expect(facts.linkedKeys).toStrictEqual(['SUP-1', 'OPS-2']);
    const r = row({ incidentKey: 'INC-1', linkedKeys: ['SUP-1'] });
    expect(unpackRow(packRow(r)).linkedKeys).toStrictEqual(['SUP-1']);
    expect(unpackRow(packRow(r).slice(0, -1)).linkedKeys).toStrictEqual([]);
  });

  it('are left as they are by a rebuild that did not read the incident', () => {
    const facts = timelineFacts({
      incident: { summary: 'x' },
      severity: { level: 2 },
      moments: { impactStarted: { at: null } } as never,
      metrics: { tta: { known: false }, ttr: { known: false }, impact: { known: false } } as never,
    });
    expect('linkedKeys' in facts).toBe(false);
  });
});
