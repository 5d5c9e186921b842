import { kvs } from '@forge/kvs';
import type { PublishedPage, PublishTarget } from '../contract';

export type PageKind = 'internal' | 'external';

/**
 * What publishing remembers, as plain KVS keys (no manifest entity: each value is small, read by
 * its key only, and written whole):
 *   `publish-target:<projectKey>`          → PublishTarget, the last target used in the Jira project
 *   `publish-page:<kind>:<incidentKey>`     → PublishedPage, one key per kind so publishing the
 *                                             internal report and the external summary never
 *                                             overwrite each other's record.
 * Last writer wins on purpose: two concurrent publishes of one incident write the same page
 * (found by its unique title), so either record is right.
 */
export interface PublishStore {
  loadTarget(projectKey: string): Promise<PublishTarget | null>;
  saveTarget(projectKey: string, target: PublishTarget): Promise<void>;
  loadPage(incidentKey: string, kind: PageKind): Promise<PublishedPage | null>;
  savePage(incidentKey: string, kind: PageKind, page: PublishedPage): Promise<void>;
}

const targetKey = (projectKey: string) => `publish-target:${projectKey}`;
const pageKey = (incidentKey: string, kind: PageKind) => `publish-page:${kind}:${incidentKey}`;

export function createKvsPublishStore(): PublishStore {
  return {
    async loadTarget(projectKey) {
      return (await kvs.get<PublishTarget>(targetKey(projectKey))) ?? null;
    },
    saveTarget: (projectKey, target) => kvs.set(targetKey(projectKey), target),
    async loadPage(incidentKey, kind) {
      return (await kvs.get<PublishedPage>(pageKey(incidentKey, kind))) ?? null;
    },
    savePage: (incidentKey, kind, page) => kvs.set(pageKey(incidentKey, kind), page),
  };
}
