import { kvs } from '@forge/kvs';
import { ConflictError } from './timeline-store';
import { saveVersioned } from './versioned-entity';

/**
 * A short lease in Forge storage: at most one holder of `name` at a time, taken and released by
 * versioned conditional writes, so two invocations racing for it cannot both win. A lease left by
 * a crashed invocation expires on its own.
 */
export interface LeasePort {
  /** Runs `work` holding the lease; waits (up to `waitMs`) for another holder first. Null: still busy. */
  withLease<T>(name: string, holder: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

interface Lease {
  version: number;
  holder: string;
  expiresAt: number;
}

const ENTITY = 'lease';

export interface LeaseOptions {
  /** How long a lease lasts when its holder never releases it: longer than any invocation (25 s). */
  ttlMs?: number;
  /** How long to wait for another holder before giving up. */
  waitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createKvsLeases(opts: LeaseOptions = {}): LeasePort {
  const ttlMs = opts.ttlMs ?? 30_000;
  const waitMs = opts.waitMs ?? 12_000;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function acquire(name: string, holder: string): Promise<Lease | null> {
    const current = (await kvs.entity<Lease>(ENTITY).get(name)) ?? null;
    if (current && current.expiresAt > now() && current.holder !== holder) return null;
    const mine: Lease = { version: (current?.version ?? 0) + 1, holder, expiresAt: now() + ttlMs };
    try {
      await saveVersioned(ENTITY, name, mine, current?.version ?? null);
      return mine;
    } catch (e) {
      if (e instanceof ConflictError) return null;
      throw e;
    }
  }

  return {
    async withLease(name, holder, work) {
      const deadline = now() + waitMs;
      let lease = await acquire(name, holder);
      while (!lease && now() < deadline) {
        await sleep(200 + Math.floor(Math.random() * 300));
        lease = await acquire(name, holder);
      }
      if (!lease) return { ran: false };
      try {
        return { ran: true, value: await work() };
      } finally {
        // Released by expiring it now, at the version we wrote: if it was taken over meanwhile, that write loses and changes nothing.
        await saveVersioned(ENTITY, name, { ...lease, version: lease.version + 1, expiresAt: 0 }, lease.version).catch(() => undefined);
      }
    },
  };
}
