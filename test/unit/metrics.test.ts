import fc from 'fast-check';
import { type KeyMomentName, type KeyMoments } from '../../src/contract';
import { KEY_MOMENTS } from '../../src/vocabulary';
import { computeMetrics, formatDuration } from '../../src/domain/metrics';

const MIN = 60_000;
const t = (minute: number) => new Date(Date.UTC(2026, 9, 17, 18, 0) + minute * MIN).toISOString();

/** Moments at the given minutes after 18:00 UTC; the rest are none. */
function moments(minutes: Partial<Record<KeyMomentName, number>>): KeyMoments {
  return Object.fromEntries(
    KEY_MOMENTS.map((name) => [
      name,
      minutes[name] === undefined ? { at: null, source: 'none' } : { at: t(minutes[name]), source: 'override' },
    ]),
  ) as KeyMoments;
}

const LOGIN = { impactStarted: 41, detected: 46, acknowledged: 49, identified: 60, restored: 62, closed: 94 };
const known = (minutes: number) => ({ known: true, ms: minutes * MIN });

describe('computeMetrics', () => {
  it('computes each duration of docs/DECISIONS.md#vocabulary from its moments', () => {
    expect(computeMetrics(moments(LOGIN))).toStrictEqual({
      metrics: {
        tta: known(3), // acknowledged − detected
        ttr: known(16), // restored − detected
        detection: known(5), // detected − impact started
        response: known(14), // identified − detected
        remediation: known(2), // restored − identified
        impact: known(21), // restored − impact started
      },
      problems: [],
    });
  });

  it('reports a duration whose moment is missing as unknown, naming the moment, never as 0', () => {
    const { metrics, problems } = computeMetrics(moments({ ...LOGIN, identified: undefined }));
    expect(metrics.response).toStrictEqual({ known: false, reason: 'missing', moments: ['identified'] });
    expect(metrics.remediation).toStrictEqual({ known: false, reason: 'missing', moments: ['identified'] });
    expect(metrics.ttr).toStrictEqual(known(16));
    expect(problems).toStrictEqual([]);
  });

  it('names both moments when both are missing', () => {
    expect(computeMetrics(moments({})).metrics.tta).toStrictEqual({
      known: false,
      reason: 'missing',
      moments: ['detected', 'acknowledged'],
    });
  });

  it('treats an unreadable time as missing', () => {
    const m = moments(LOGIN);
    m.acknowledged = { at: 'yesterday-ish', source: 'override' };
    expect(computeMetrics(m).metrics.tta).toStrictEqual({ known: false, reason: 'missing', moments: ['acknowledged'] });
  });

  it('allows two moments at the same instant (a zero duration that is known)', () => {
    const { metrics, problems } = computeMetrics(moments({ ...LOGIN, impactStarted: 46, acknowledged: 46 }));
    expect(metrics.detection).toStrictEqual(known(0));
    expect(metrics.tta).toStrictEqual(known(0));
    expect(problems).toStrictEqual([]);
  });

  it("reports moments out of order as a problem naming both moments, leaving times to the viewer's zone", () => {
    const { problems } = computeMetrics(moments({ ...LOGIN, restored: 59 }));
    expect(problems).toStrictEqual([
      {
        moments: ['identified', 'restored'],
        message:
          'Service restored is set before Identified, but it cannot happen earlier. ' +
          'Check both times; the durations that use them are unknown until then.',
      },
    ]);
  });

  it('makes every duration that uses an out-of-order moment unknown, and leaves the others known', () => {
    const { metrics } = computeMetrics(moments({ ...LOGIN, restored: 59 }));
    const outOfOrder = (from: KeyMomentName, to: KeyMomentName) => ({ known: false, reason: 'out-of-order', moments: [from, to] });
    expect(metrics).toStrictEqual({
      tta: known(3),
      ttr: outOfOrder('detected', 'restored'),
      detection: known(5),
      response: outOfOrder('detected', 'identified'),
      remediation: outOfOrder('identified', 'restored'),
      impact: outOfOrder('impactStarted', 'restored'),
    });
  });

  it('checks the order across a missing moment, and closed after restored', () => {
    const { problems } = computeMetrics(moments({ detected: 46, identified: 40, closed: 30, restored: 35 }));
    expect(problems.map((p) => p.moments)).toStrictEqual([
      ['detected', 'identified'],
      ['detected', 'restored'],
      ['detected', 'closed'],
      ['identified', 'restored'],
      ['identified', 'closed'],
      ['restored', 'closed'],
    ]);
  });

  it('does not check the optional moments against the main ones', () => {
    expect(computeMetrics(moments({ ...LOGIN, firstCustomerReport: 0, hotfixDeployed: 200 })).problems).toStrictEqual([]);
  });

  it('never gives a negative known duration, whatever the moments (property)', () => {
    const minute = fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined });
    const arb = fc.record({
      impactStarted: minute,
      detected: minute,
      acknowledged: minute,
      identified: minute,
      restored: minute,
      closed: minute,
    });
    fc.assert(
      fc.property(arb, (mins) => {
        const { metrics, problems } = computeMetrics(moments(mins));
        for (const d of Object.values(metrics)) if (d.known) expect(d.ms).toBeGreaterThanOrEqual(0);
        if (problems.length === 0) for (const d of Object.values(metrics)) expect(d.known || d.reason === 'missing').toBe(true);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [400, '< 1 s'],
    [45_000, '45 s'],
    [5 * MIN, '5 min'],
    [2 * MIN + 5_000, '2 min 5 s'],
    [125 * MIN, '2 h 5 min'],
    [120 * MIN, '2 h'],
    [(3 * 24 + 4) * 60 * MIN + 30 * MIN, '3 d 4 h'],
    [45 * 24 * 60 * MIN, '45 d'],
  ])('formats %d ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
