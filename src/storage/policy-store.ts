import { kvs } from '@forge/kvs';
import type { CountermeasurePolicy, PolicyDueDays, SeverityLevel } from '../contract';
import { DEFAULT_POLICY, MAX_POLICY_DAYS } from '../domain/countermeasure-policy';
import { saveVersioned } from './versioned-entity';

/** Where the policy was kept before it was versioned: read while the entity has none. */
export const POLICY_KEY = 'settings:countermeasure-policy';
/** The versioned policy: one small record of the `countermeasure-policy` entity (one read unit). */
export const POLICY_ENTITY = 'countermeasure-policy';
const ENTITY_KEY = 'site';

/** The policy and the version a save must name (0 while nothing was saved through the entity). */
export interface StoredPolicy {
  policy: CountermeasurePolicy;
  version: number;
}

export interface PolicyStore {
  /** The stored policy, or the app's defaults when none was saved. */
  load(): Promise<CountermeasurePolicy>;
  loadVersioned(): Promise<StoredPolicy>;
  /** Writes only if the stored version is still `expectedVersion` (ConflictError otherwise); answers the new version. */
  save(policy: CountermeasurePolicy, expectedVersion: number): Promise<number>;
}

const LEVELS: readonly SeverityLevel[] = [1, 2, 3, 4, 5];
const validDays = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_POLICY_DAYS);

/** A stored value read defensively: a severity it lacks (or holds badly) takes the default. */
function readPolicy(stored: Partial<CountermeasurePolicy> | undefined): CountermeasurePolicy {
  if (!stored || typeof stored !== 'object') return DEFAULT_POLICY;
  const days = (stored.dueDays ?? {}) as Partial<Record<SeverityLevel, unknown>>;
  const dueDays = Object.fromEntries(LEVELS.map((l) => [l, validDays(days[l]) ? days[l] : DEFAULT_POLICY.dueDays[l]])) as PolicyDueDays;
  return { dueDays, updatedAt: typeof stored.updatedAt === 'string' ? stored.updatedAt : null, updatedBy: stored.updatedBy ?? null };
}

interface PolicyRecord {
  version: number;
  policy: Partial<CountermeasurePolicy>;
}

export function createKvsPolicyStore(): PolicyStore {
  const loadVersioned = async (): Promise<StoredPolicy> => {
    const record = await kvs.entity<PolicyRecord>(POLICY_ENTITY).get(ENTITY_KEY);
    if (record) return { policy: readPolicy(record.policy), version: record.version };
    // A site that saved its policy before versions existed keeps it, at version 0, until the next save.
    return { policy: readPolicy(await kvs.get<Partial<CountermeasurePolicy>>(POLICY_KEY)), version: 0 };
  };
  return {
    load: async () => (await loadVersioned()).policy,
    loadVersioned,
    async save(policy, expectedVersion) {
      const version = expectedVersion + 1;
      // Version 0 means "no record yet": the condition is then that none exists.
      await saveVersioned<PolicyRecord>(POLICY_ENTITY, ENTITY_KEY, { version, policy }, expectedVersion === 0 ? null : expectedVersion);
      return version;
    },
  };
}
