import { sequentialRounds } from '../../bench/request-rounds';

const req = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('sequentialRounds (bench metric)', () => {
  it('counts requests sent at once as one round and requests one after another as one round each', () => {
    expect(sequentialRounds([req(0, 50), req(0, 52), req(1, 51)])).toBe(1);
    expect(sequentialRounds([req(0, 50), req(50, 100), req(101, 150)])).toBe(3);
  });

  it('takes the longest chain, across overlapping branches', () => {
    // incident, then a bulk fetch and a quick comment page side by side, then two waves after the bulk fetch
    const log = [req(0, 50), req(51, 300), req(51, 110), req(301, 360), req(301, 365), req(366, 420)];
    expect(sequentialRounds(log)).toBe(4);
  });

  it('is 0 for no requests and ignores log order', () => {
    expect(sequentialRounds([])).toBe(0);
    expect(sequentialRounds([req(100, 150), req(0, 50), req(50, 99)])).toBe(3);
  });
});
