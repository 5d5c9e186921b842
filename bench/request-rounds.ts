/** Metrics over the local site's request log (`GET /__admin/requests`). */
export interface TimedRequest {
  startMs: number;
  endMs: number;
}

/**
 * The longest chain of requests in which each request starts at or after the moment the
 * previous one ended (`next.startMs >= prev.endMs`, on the site's millisecond clock), oldest
 * first. Requests that overlap in time are never in one chain.
 */
export function longestChain<T extends TimedRequest>(requests: readonly T[]): T[] {
  const sorted = [...requests].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const length: number[] = [];
  const previous: number[] = [];
  let last = -1;
  for (let i = 0; i < sorted.length; i++) {
    let best = 0;
    let from = -1;
    for (let j = 0; j < i; j++) {
      if (sorted[j].endMs <= sorted[i].startMs && length[j] > best) {
        best = length[j];
        from = j;
      }
    }
    length.push(best + 1);
    previous.push(from);
    if (last < 0 || length[i] > length[last]) last = i;
  }
  const chain: T[] = [];
  for (let k = last; k >= 0; k = previous[k]) chain.unshift(sorted[k]);
  return chain;
}

/**
 * Sequential rounds: the length of `longestChain`. N requests sent all at once count 1, N sent
 * one after another count N, and a pool of 16 working through 60 requests in lockstep counts 4.
 * It is the number of latencies the caller waits through one after another, whatever the
 * latency is: wall time ≥ rounds × latency.
 */
export function sequentialRounds(requests: readonly TimedRequest[]): number {
  return longestChain(requests).length;
}
