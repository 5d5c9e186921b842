import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { ReviewTemplate } from '../contract';
import { ConflictError } from './timeline-store';
import { isConditionFailure } from './versioned-entity';

/** The site's review templates (the built-in default is not stored), as one versioned item. */
export interface StoredTemplates {
  version: number;
  templates: ReviewTemplate[];
}

export interface TemplateStore {
  load(): Promise<StoredTemplates>;
  /**
   * Writes `next` only if the stored version is still `expectedVersion`, in one conditional KVS
   * transaction: of two admins saving from the same version exactly one wins. The loser gets
   * ConflictError and nothing of theirs is written.
   */
  save(next: StoredTemplates, expectedVersion: number): Promise<void>;
}

const ENTITY = 'review-templates';
const ITEM = 'settings';
/**
 * Where templates were kept before saves were conditional: a plain KVS key, which takes no
 * conditions (Forge allows conditions on custom entities only). Read until the first save
 * moves them into the entity and deletes it in the same transaction.
 */
const LEGACY_KEY = 'settings:review-templates';

export function createKvsTemplateStore(): TemplateStore {
  return {
    async load() {
      const stored = await kvs.entity<StoredTemplates>(ENTITY).get(ITEM);
      if (stored) return stored;
      return (await kvs.get<StoredTemplates>(LEGACY_KEY)) ?? { version: 0, templates: [] };
    },
    async save(next, expectedVersion) {
      // Absent (never saved since the move): the caller checked `expectedVersion` against the legacy
      // value it read; the first writer creates the item and every concurrent one finds it there.
      const conditions = new Filter<StoredTemplates>()
        .or('version', FilterConditions.equalTo(expectedVersion))
        .or('version', FilterConditions.notExists());
      try {
        await kvs.transact().set(ITEM, next, { entityName: ENTITY, conditions }).delete(LEGACY_KEY).execute();
      } catch (e) {
        if (isConditionFailure(e)) throw new ConflictError(`${ENTITY}/${ITEM}`);
        throw e;
      }
    },
  };
}
