/** Runs async tasks with at most `limit` in flight; the rest wait in order of submission (FIFO). */
export interface BoundedPool {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * At most `max` task starts in any `windowMs` (a sliding window): how a pull stays under a
 * product's burst limit at any size. A task waits for its start in order; `now` and `sleep` are
 * passed in so tests control the clock.
 */
export interface Pace {
  max: number;
  windowMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

function pacer({
  max,
  windowMs,
  now = () => Date.now(),
  sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
}: Pace): () => Promise<void> {
  const starts: number[] = [];
  let gate: Promise<void> = Promise.resolve();
  return () => {
    const turn = gate.then(async () => {
      while (starts.length > 0 && now() - starts[0] >= windowMs) starts.shift();
      if (starts.length >= max) {
        await sleep(Math.max(0, starts[0] + windowMs - now()));
        starts.shift();
      }
      starts.push(now());
    });
    gate = turn.catch(() => undefined);
    return turn;
  };
}

export function createBoundedPool(limit: number, pace?: Pace): BoundedPool {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Pool limit must be a positive integer, not ${limit}`);
  const paced = pace ? pacer(pace) : null;
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          let running: Promise<T>;
          try {
            running = paced ? paced().then(task) : task();
          } catch (e) {
            running = Promise.reject(e instanceof Error ? e : new Error(String(e)));
          }
          running.then(resolve, reject).finally(release);
        };
        if (active < limit) start();
        else waiting.push(start);
      });
    },
  };
}
