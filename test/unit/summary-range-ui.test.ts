import fc from 'fast-check';
import { resolveRange } from '../../src/use-cases/summaries';
import { rangeProblem } from '../../static/app/src/summaries/summary-filters';

const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Whether the backend refuses the range for its length (other refusals are not this rule's). */
function backendRefusesLength(from: string, to: string): boolean {
  try {
    resolveRange({ from, to }, to);
    return false;
  } catch (error) {
    return error instanceof Error && /at most 24 months/.test(error.message);
  }
}

describe('the filter bar refuses exactly the ranges the backend refuses (issue 16)', () => {
  it('flags a range over 24 months at the fields, as summaries/list would refuse it', () => {
    expect(rangeProblem({ from: '2024-01-01', to: '2026-01-01' })).toMatch(/at most 24 months/);
    expect(rangeProblem({ from: '2024-02-01', to: '2026-01-31' })).toBeNull();
    // An open end is today.
    expect(rangeProblem({ from: '2020-01-01', to: null }, '2026-12-06')).toMatch(/at most 24 months/);
    expect(rangeProblem({ from: '2025-01-01', to: '' }, '2026-12-06')).toBeNull();
  });

  it('agrees with the backend on every pair of dates', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(rangeProblem({ from, to }) !== null).toBe(backendRefusesLength(from, to));
      }),
      { numRuns: 500 },
    );
  });
});
