import { Filter, FilterConditions, kvs, WhereConditions } from '@forge/kvs';
import type { ReminderClaim } from '../domain/review-rhythm';
import type { StoredReviewDoc } from './review-doc-store';

/**
 * What the scheduled job keeps in Forge storage:
 *   entity `rhythm-reminder`, key `<incidentKey>` → the incident's ReminderClaim, written only by
 *       conditional transactions, so two runs can never both claim (or both take over) one reminder;
 *   `rhythm-state` → where the last run stopped, so the next one continues from there.
 * It also reads the `review` and `review-doc` entities (does a review exist?) and pages the
 * `review-doc` entity by its `incidentKey` index for the countermeasure refresh.
 */
export interface RhythmCursors {
  /** Last incident key whose reminder was checked; null starts from the first. */
  reminders: string | null;
  /** Last review (incident key) whose countermeasures were refreshed; null starts from the first. */
  reviews: string | null;
}

export interface RhythmStore {
  readCursors(): Promise<RhythmCursors>;
  writeCursors(cursors: RhythmCursors): Promise<void>;
  /** The keys, of those given, that have a started review (a `review` or a `review-doc`). */
  reviewsStarted(incidentKeys: readonly string[]): Promise<Set<string>>;
  claims(incidentKeys: readonly string[]): Promise<Map<string, ReminderClaim>>;
  /**
   * Writes `next` only if the stored claim is still `expected` (null: none exists yet), compared
   * on its claimId. False when another run got there first; nothing is written then.
   */
  putClaim(next: ReminderClaim, expected: Pick<ReminderClaim, 'claimId'> | null): Promise<boolean>;
  /** Up to `limit` stored reviews after `after` in incident-key order, and whether more follow. */
  reviewDocsAfter(after: string | null, limit: number): Promise<{ docs: StoredReviewDoc[]; more: boolean }>;
}

export const REMINDER_ENTITY = 'rhythm-reminder';
const REVIEW_ENTITY = 'review';
const REVIEW_DOC_ENTITY = 'review-doc';
const CURSORS_KEY = 'rhythm-state';
/** Forge batch calls take at most 25 keys. */
const BATCH = 25;

function isConditionFailure(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /CONDITION|CONFLICT/i.test(code);
}

/**
 * Values of the given (key, entity) pairs that exist. A missing key is absent, whether the
 * service leaves it out or lists it as KEY_NOT_FOUND; any other failure throws, so a storage
 * hiccup can never read as "no review" and trigger a reminder that should not be sent.
 */
async function existing<T>(
  items: readonly { key: string; entityName: string }[],
): Promise<{ key: string; entityName: string; value: T }[]> {
  const out: { key: string; entityName: string; value: T }[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    const res = await kvs.batchGet<T>(items.slice(i, i + BATCH).map(({ key, entityName }) => ({ key, entityName })));
    const failed = res.failedKeys.filter((f) => f.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Storage could not be read (${failed.length} key(s): ${failed[0].error.code})`);
    for (const item of res.successfulKeys) {
      if (item.value !== undefined && item.value !== null)
        out.push({ key: item.key, entityName: item.entityName ?? '', value: item.value });
    }
  }
  return out;
}

export function createKvsRhythmStore(): RhythmStore {
  return {
    async readCursors() {
      const stored = await kvs.get<Partial<RhythmCursors>>(CURSORS_KEY);
      return { reminders: stored?.reminders ?? null, reviews: stored?.reviews ?? null };
    },

    writeCursors: (cursors) => kvs.set(CURSORS_KEY, cursors),

    async reviewsStarted(incidentKeys) {
      const keys = [...new Set(incidentKeys)];
      const found = await existing<unknown>(
        keys.flatMap((key) => [
          { key, entityName: REVIEW_ENTITY },
          { key, entityName: REVIEW_DOC_ENTITY },
        ]),
      );
      return new Set(found.map((f) => f.key));
    },

    async claims(incidentKeys) {
      const found = await existing<ReminderClaim>([...new Set(incidentKeys)].map((key) => ({ key, entityName: REMINDER_ENTITY })));
      return new Map(found.map((f) => [f.key, f.value]));
    },

    async putClaim(next, expected) {
      const conditions =
        expected === null
          ? new Filter<ReminderClaim>().and('claimId', FilterConditions.notExists())
          : new Filter<ReminderClaim>().and('claimId', FilterConditions.equalTo(expected.claimId));
      try {
        await kvs.transact().set(next.incidentKey, next, { entityName: REMINDER_ENTITY, conditions }).execute();
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },

    async reviewDocsAfter(after, limit) {
      let query = kvs.entity<StoredReviewDoc>(REVIEW_DOC_ENTITY).query().index('incidentKey').limit(limit);
      if (after !== null) query = query.where(WhereConditions.greaterThan(after));
      const page = await query.getMany();
      return { docs: page.results.map((r) => r.value), more: page.nextCursor !== undefined && page.results.length === limit };
    },
  };
}
