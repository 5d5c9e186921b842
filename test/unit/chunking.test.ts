import fc from 'fast-check';
import { chunkBySize } from '../../src/storage/chunking';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

describe('chunkBySize', () => {
  it('keeps every item, in order, and no chunk over the limit unless one item alone is larger', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), text: fc.string({ maxLength: 400 }) }), { maxLength: 200 }),
        fc.integer({ min: 50, max: 4000 }),
        (items, max) => {
          const chunks = chunkBySize(items, max);
          expect(chunks.flat()).toStrictEqual(items);
          for (const c of chunks) {
            expect(c.length).toBeGreaterThan(0);
            if (c.length > 1) expect(bytes(c)).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });

  it('gives an oversized item a chunk of its own instead of dropping it', () => {
    const big = { text: 'x'.repeat(500) };
    expect(chunkBySize([{ a: 1 }, big, { b: 2 }], 100)).toStrictEqual([[{ a: 1 }], [big], [{ b: 2 }]]);
  });

  it('gives no chunk for no items', () => {
    expect(chunkBySize([], 100)).toStrictEqual([]);
  });
});
