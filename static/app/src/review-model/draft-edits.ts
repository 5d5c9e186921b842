import type { ContentDraft, ItemDraft, ReviewDraft } from './draft';
import type { FieldPath } from './field-paths';

type Edit = (update: (draft: ReviewDraft) => ReviewDraft, field?: FieldPath) => void;

/** Replaces one top-level content field; its save errors (and its children's) are cleared. */
export function setContent<K extends keyof ContentDraft>(edit: Edit, key: K, value: ContentDraft[K], field: FieldPath = key): void {
  edit((draft) => ({ ...draft, content: { ...draft.content, [key]: value } }), field);
}

/** Patches one action item by id. */
export function patchItem(edit: Edit, id: string, patch: Partial<ItemDraft>, leaf?: keyof ItemDraft): void {
  edit(
    (draft) => ({ ...draft, actionItems: draft.actionItems.map((item) => (item.id === id ? { ...item, ...patch } : item)) }),
    leaf ? `actionItems.${id}.${leaf}` : `actionItems.${id}`,
  );
}
