import { kvs } from '@forge/kvs';
import type { ReviewTemplate } from '../contract';

/** The site's review templates (the built-in default is not stored), under one settings key. */
export interface StoredTemplates {
  version: number;
  templates: ReviewTemplate[];
}

export interface TemplateStore {
  load(): Promise<StoredTemplates>;
  save(next: StoredTemplates): Promise<void>;
}

const KEY = 'settings:review-templates';

export function createKvsTemplateStore(): TemplateStore {
  return {
    async load() {
      return (await kvs.get<StoredTemplates>(KEY)) ?? { version: 0, templates: [] };
    },
    save: (next) => kvs.set(KEY, next),
  };
}
