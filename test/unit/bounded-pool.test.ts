import fc from 'fast-check';
import { createBoundedPool } from '../../src/http/bounded-pool';

const tick = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('createBoundedPool', () => {
  it('never runs more than the limit at once, runs everything, and returns each task its own result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 25 }),
        async (limit, delays) => {
          const pool = createBoundedPool(limit);
          let active = 0;
          let peak = 0;
          const results = await Promise.all(
            delays.map((d, i) =>
              pool.run(async () => {
                active++;
                peak = Math.max(peak, active);
                await tick(d);
                active--;
                return i;
              }),
            ),
          );
          expect(results).toStrictEqual(delays.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('starts waiting tasks in the order they were submitted', async () => {
    const pool = createBoundedPool(1);
    const started: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        pool.run(async () => {
          started.push(n);
          await tick(1);
        }),
      ),
    );
    expect(started).toStrictEqual([1, 2, 3]);
  });

  it('passes a failure to its caller and keeps going with the next task', async () => {
    const pool = createBoundedPool(1);
    const failing = pool.run(() => Promise.reject(new Error('boom')));
    const throwing = pool.run(() => {
      throw new Error('sync boom');
    });
    const next = pool.run(() => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('boom');
    await expect(throwing).rejects.toThrow('sync boom');
    await expect(next).resolves.toBe('ok');
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createBoundedPool(0)).toThrow(RangeError);
    expect(() => createBoundedPool(1.5)).toThrow(RangeError);
  });
});

describe('a paced pool', () => {
  it('starts at most `max` tasks in any window, whatever their number, and runs them all (controlled clock)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 8 }),
        async (max, tasks, limit) => {
          let clock = 0;
          const starts: number[] = [];
          const pool = createBoundedPool(limit, {
            max,
            windowMs: 1000,
            now: () => clock,
            sleep: async (ms) => {
              clock += ms;
            },
          });
          await Promise.all(Array.from({ length: tasks }, () => pool.run(async () => void starts.push(clock))));
          expect(starts).toHaveLength(tasks);
          for (let i = max; i < starts.length; i++) expect(starts[i] - starts[i - max]).toBeGreaterThanOrEqual(1000);
        },
      ),
    );
  });

  it('does not delay a burst within the pace', async () => {
    let slept = 0;
    const pool = createBoundedPool(16, { max: 90, windowMs: 1000, now: () => 0, sleep: async (ms) => void (slept += ms) });
    await Promise.all(Array.from({ length: 65 }, () => pool.run(async () => undefined)));
    expect(slept).toBe(0);
  });
});
