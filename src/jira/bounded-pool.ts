/** Runs async tasks with at most `limit` in flight; the rest wait in order of submission (FIFO). */
export interface BoundedPool {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createBoundedPool(limit: number): BoundedPool {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Pool limit must be a positive integer, not ${limit}`);
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
            running = task();
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
