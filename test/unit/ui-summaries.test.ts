import {
  axisMonthLabels,
  customerImpactCell,
  durationCell,
  issueUrl,
  monthName,
  overdueText,
  plural,
  severityOfLevel,
} from '../../static/app/src/summaries/summary-format';
import {
  bands,
  countTicks,
  durationTicks,
  knownRuns,
  labelled,
  labelStride,
  linearScale,
  linePath,
  maxKnown,
  stack,
} from '../../static/app/src/summaries/chart-scale';
import {
  activeFilterCount,
  DEFAULT_TABLE,
  filterQuery,
  listQuery,
  nextSort,
  NO_FILTERS,
  rangeProblem,
  settledDate,
  toggleLevel,
  withChosen,
} from '../../static/app/src/summaries/summary-filters';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('summary cells', () => {
  it('shows durations compactly and an unknown one as a dash read as "unknown", never 0', () => {
    expect(durationCell(3 * MIN)).toStrictEqual({ text: '3 min', label: '3 min' });
    expect(durationCell(HOUR + 20 * MIN)).toStrictEqual({ text: '1 h 20 min', label: '1 h 20 min' });
    expect(durationCell(null)).toStrictEqual({ text: '—', label: 'unknown' });
    expect(durationCell(Number.NaN)).toStrictEqual({ text: '—', label: 'unknown' });
  });

  it('says yes, no, or unknown for customer impact', () => {
    expect(customerImpactCell(true).text).toBe('Yes');
    expect(customerImpactCell(false).text).toBe('No');
    expect(customerImpactCell(null)).toStrictEqual({ text: '—', label: 'unknown' });
  });

  it('gives a row’s level the lozenge’s class: Sev1–2 critical, Sev3–4 warning, Sev5 info', () => {
    expect([1, 2, 3, 4, 5].map((l) => severityOfLevel(l as 1).class)).toStrictEqual(['critical', 'critical', 'warning', 'warning', 'info']);
    expect(severityOfLevel(2)).toMatchObject({ label: 'Sev2', description: 'Major functionality broken or revenue affected' });
  });

  it('links an issue under /browse on the site, whatever the trailing slash', () => {
    expect(issueUrl('https://acme.atlassian.net/', 'INC-12')).toBe('https://acme.atlassian.net/browse/INC-12');
    expect(issueUrl('', 'INC-12')).toBe('/browse/INC-12');
  });

  it('counts in words', () => {
    expect(plural(1, 'review')).toBe('1 review');
    expect(plural(1200, 'review')).toBe('1,200 reviews');
    expect(overdueText(1)).toBe('1 day overdue');
    expect(overdueText(21)).toBe('21 days overdue');
  });

  it('names months in the viewer’s locale as the contract’s UTC months', () => {
    expect(monthName('2026-03', 'en-US')).toBe('March 2026');
    expect(monthName('2026-03', 'de-DE')).toBe('März 2026');
    expect(monthName('not a month', 'en-US')).toBe('not a month');
  });

  it('puts the year under the first axis label and where the year changes, skipping unlabelled months', () => {
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
    const labels = axisMonthLabels(months, 'en-US', (i) => i % 2 === 0);
    expect(labels).toStrictEqual([
      { month: 'Nov', year: '2025' },
      null,
      { month: 'Jan', year: '2026' },
      null,
      { month: 'Mar', year: null },
    ]);
  });
});

describe('chart scales', () => {
  it('ends count ticks at a round number that covers the maximum', () => {
    expect(countTicks(3)).toStrictEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toStrictEqual([0, 2, 4, 6, 8]);
    expect(countTicks(0)).toStrictEqual([0, 1]);
    expect(countTicks(130)).toStrictEqual([0, 50, 100, 150]);
  });

  it('puts duration ticks on round minutes, hours and days', () => {
    expect(durationTicks(16 * MIN)).toStrictEqual([0, 5, 10, 15, 20].map((m) => m * MIN));
    expect(durationTicks(4.5 * HOUR)).toStrictEqual([0, 2, 4, 6].map((h) => h * HOUR));
    expect(durationTicks(0)).toStrictEqual([0, MIN]);
    const long = durationTicks(400 * 24 * HOUR);
    expect(long[long.length - 1]).toBeGreaterThanOrEqual(400 * 24 * HOUR);
    expect(long.length).toBeLessThanOrEqual(5);
  });

  it('maps a domain onto pixels, upside down for a y axis, and a flat domain to its start', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
    expect(linearScale([3, 3], [10, 90])(3)).toBe(10);
  });

  it('splits a band per month and centres points in them', () => {
    const x = bands(4, 50, 400);
    expect(x.band).toBe(100);
    expect(x.start(1)).toBe(150);
    expect(x.centre(0)).toBe(100);
  });

  it('breaks a line where a month is unknown instead of drawing it at 0', () => {
    expect(knownRuns([1, 2, null, 4, null, null, 7, 8])).toStrictEqual([
      [
        { index: 0, value: 1 },
        { index: 1, value: 2 },
      ],
      [{ index: 3, value: 4 }],
      [
        { index: 6, value: 7 },
        { index: 7, value: 8 },
      ],
    ]);
    expect(knownRuns([null, null])).toStrictEqual([]);
    expect(
      linePath([
        { x: 1, y: 2 },
        { x: 3.333, y: 4 },
      ]),
    ).toBe('M1 2 L3.3 4');
  });

  it('leaves unknown values out of the maximum', () => {
    expect(maxKnown([null, 3, null, 9, 2])).toBe(9);
    expect(maxKnown([null])).toBe(0);
  });

  it('labels every n-th month, always the newest, so labels never overlap', () => {
    expect(labelStride(12, 600, 44)).toBe(1);
    expect(labelStride(24, 300, 44)).toBe(4);
    const shown = Array.from({ length: 24 }, (_, i) => i).filter((i) => labelled(i, 24, 4));
    expect(shown).toContain(23);
    expect(shown).toHaveLength(6);
  });

  it('stacks the non-zero values bottom up in the given order', () => {
    const counts: Record<number, number> = { 1: 1, 2: 0, 3: 2, 4: 0, 5: 1 };
    expect(stack([1, 2, 3, 4, 5], (l) => counts[l] ?? 0)).toStrictEqual([
      { key: 1, from: 0, to: 1 },
      { key: 3, from: 1, to: 3 },
      { key: 5, from: 3, to: 4 },
    ]);
  });
});

describe('summary filters', () => {
  it('counts only the filters the user set (the default range is not a filter)', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, from: '2026-01-01', severities: [1, 2], hasOverdue: true })).toBe(3);
  });

  it('refuses a start after the end, and accepts a one-day range', () => {
    expect(rangeProblem({ from: '2026-05-02', to: '2026-05-01' })).toMatch(/start date is after the end date/);
    expect(rangeProblem({ from: '2026-05-01', to: '2026-05-01' })).toBeNull();
    expect(rangeProblem({ from: null, to: '2026-05-01' })).toBeNull();
  });

  it('asks nothing while the range is invalid', () => {
    expect(listQuery({ ...NO_FILTERS, from: '2026-05-02', to: '2026-05-01' }, DEFAULT_TABLE)).toBeNull();
  });

  it('leaves empty choices out of the query so the backend’s defaults apply', () => {
    expect(listQuery(NO_FILTERS, DEFAULT_TABLE)).toStrictEqual({ sort: 'impactStartedAt', dir: 'desc', page: 1, pageSize: 25 });
    expect(
      filterQuery(
        { ...NO_FILTERS, from: '', severities: [3, 1], project: 'INC', tag: 'login', status: 'published', hasOverdue: true },
        DEFAULT_TABLE,
      ),
    ).toStrictEqual({
      severities: [1, 3],
      projects: ['INC'],
      tag: 'login',
      status: 'published',
      hasOverdue: true,
      sort: 'impactStartedAt',
      dir: 'desc',
    });
  });

  it('flips the direction of the sorted column and starts another in its natural order', () => {
    expect(nextSort({ sort: 'ttrMs', dir: 'desc' }, 'ttrMs')).toStrictEqual({ sort: 'ttrMs', dir: 'asc' });
    expect(nextSort({ sort: 'ttrMs', dir: 'asc' }, 'severityLevel')).toStrictEqual({ sort: 'severityLevel', dir: 'asc' });
    expect(nextSort({ sort: 'severityLevel', dir: 'asc' }, 'actionsOverdue')).toStrictEqual({ sort: 'actionsOverdue', dir: 'desc' });
  });

  it('toggles severities and keeps them in order', () => {
    expect(toggleLevel([3], 1)).toStrictEqual([1, 3]);
    expect(toggleLevel([1, 3], 3)).toStrictEqual([1]);
  });

  it('keeps a chosen option the answer no longer offers, so the select still shows it', () => {
    expect(withChosen(['A', 'B'], 'C')).toStrictEqual(['C', 'A', 'B']);
    expect(withChosen(['A', 'B'], 'A')).toStrictEqual(['A', 'B']);
    expect(withChosen(['A'], '')).toStrictEqual(['A']);
  });

  it('waits for a whole date before asking: a half-typed year is not sent', () => {
    expect(settledDate('')).toBe(true);
    expect(settledDate('2026-02-28')).toBe(true);
    expect(settledDate('0020-02-28')).toBe(false);
    expect(settledDate('2026-02-30')).toBe(false);
    expect(settledDate('2026-2-1')).toBe(false);
  });
});
