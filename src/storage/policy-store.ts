import { kvs } from '@forge/kvs';
import type { CountermeasurePolicy, PolicyDueDays, SeverityLevel } from '../contract';
import { DEFAULT_POLICY, MAX_POLICY_DAYS } from '../domain/countermeasure-policy';

/** The site's countermeasure policy: one small settings key (one read unit per read). */
export const POLICY_KEY = 'settings:countermeasure-policy';

export interface PolicyStore {
  /** The stored policy, or the app's defaults when none was saved. */
  load(): Promise<CountermeasurePolicy>;
  save(policy: CountermeasurePolicy): Promise<void>;
}

const LEVELS: readonly SeverityLevel[] = [1, 2, 3, 4, 5];
const validDays = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_POLICY_DAYS);

/** A stored value read defensively: a severity it lacks (or holds badly) takes the default. */
function readPolicy(stored: Partial<CountermeasurePolicy> | undefined): CountermeasurePolicy {
  if (!stored || typeof stored !== 'object') return DEFAULT_POLICY;
  const days = (stored.dueDays ?? {}) as Partial<Record<SeverityLevel, unknown>>;
  const dueDays = Object.fromEntries(LEVELS.map((l) => [l, validDays(days[l]) ? days[l] : DEFAULT_POLICY.dueDays[l]])) as PolicyDueDays;
  return { dueDays, updatedAt: typeof stored.updatedAt === 'string' ? stored.updatedAt : null, updatedBy: stored.updatedBy ?? null };
}

export function createKvsPolicyStore(): PolicyStore {
  return {
    load: async () => readPolicy(await kvs.get<Partial<CountermeasurePolicy>>(POLICY_KEY)),
    save: (policy) => kvs.set(POLICY_KEY, policy),
  };
}
