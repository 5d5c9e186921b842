import fc from 'fast-check';
import { STORAGE_UNIT_BYTES, storageUnits } from '../../local/kvs/units';

describe('storageUnits (Forge KVS quota units, limits-kvs-ce)', () => {
  it('counts a read by the bytes it returns, one unit per 10 KB rounded up, and writes nothing', () => {
    expect(storageUnits('/api/v1/get', 40, 10)).toStrictEqual({ operation: 'get', readUnits: 1, writeUnits: 0 });
    expect(storageUnits('/api/v1/get', 40, STORAGE_UNIT_BYTES)).toStrictEqual({ operation: 'get', readUnits: 1, writeUnits: 0 });
    expect(storageUnits('/api/v1/get', 40, STORAGE_UNIT_BYTES + 1)).toStrictEqual({ operation: 'get', readUnits: 2, writeUnits: 0 });
    // The docs' example: 65 KB is rounded up to 70 KB, 7 units.
    expect(storageUnits('/api/v1/entity/query', 200, 65 * 1024).readUnits).toBe(7);
  });

  it('counts a write by the bytes it sends, and reads nothing', () => {
    expect(storageUnits('/api/v1/set', 25 * 1024, 0)).toStrictEqual({ operation: 'set', readUnits: 0, writeUnits: 3 });
    expect(storageUnits('/api/v1/entity/delete', 60, 0)).toStrictEqual({ operation: 'entity/delete', readUnits: 0, writeUnits: 1 });
  });

  it('counts a batch or a transaction as one request of its whole size, not per item', () => {
    // "10 individual writes of 1KB each will be counted as 100KB of limit use. However, if set in a single batch operation, it will count as 10KB."
    expect(storageUnits('/api/v1/batch/set', 10 * 1000, 200).writeUnits).toBe(1);
    expect(storageUnits('/api/v1/batch/get', 1000, 25 * 30 * 1024).readUnits).toBe(75);
    // "Transactions are treated as a single Write operation": its checks cost no read units.
    expect(storageUnits('/api/v1/transaction', 3 * STORAGE_UNIT_BYTES, 0)).toStrictEqual({
      operation: 'transaction',
      readUnits: 0,
      writeUnits: 3,
    });
  });

  it('charges at least one unit for a call that moved nothing (an empty read, a failed call)', () => {
    expect(storageUnits('/api/v1/get', 0, 0).readUnits).toBe(1);
    expect(storageUnits('/api/v1/batch/delete', 0, 0).writeUnits).toBe(1);
  });

  it('reads the operation from the logged path, with or without the mount point and a query string', () => {
    expect(storageUnits('/__kvs/api/v1/secret/get?x=1', 10, 10).operation).toBe('secret/get');
    expect(storageUnits('/__kvs/api/v1/query', 10, 10)).toMatchObject({ readUnits: 1, writeUnits: 0 });
  });

  it('counts nothing for a path that is no storage operation', () => {
    expect(storageUnits('/__kvs/api/v2/get', 10, 10)).toStrictEqual({ operation: null, readUnits: 0, writeUnits: 0 });
    expect(storageUnits('/rest/api/3/issue/INC-1', 10, 10)).toStrictEqual({ operation: null, readUnits: 0, writeUnits: 0 });
  });

  it('never charges a call both ways, and charges at least ceil(bytes / 10 KB) on its side', () => {
    const ops = [
      'get',
      'set',
      'delete',
      'query',
      'batch/get',
      'batch/set',
      'batch/delete',
      'transaction',
      'entity/get',
      'entity/set',
      'entity/query',
      'secret/set',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.nat(5_000_000), fc.nat(5_000_000), (op, req, res) => {
        const u = storageUnits(`/api/v1/${op}`, req, res);
        expect(Math.min(u.readUnits, u.writeUnits)).toBe(0);
        const side = u.readUnits > 0 ? res : req;
        expect(u.readUnits + u.writeUnits).toBe(Math.max(1, Math.ceil(side / STORAGE_UNIT_BYTES)));
      }),
    );
  });
});
