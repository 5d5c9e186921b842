import { kvs } from '@forge/kvs';
import { createKvsSummaryStore, locKey, type SummaryStore } from './summary-store';

/** What related reviews read of the summary index: where a row is, and whole shards. */
export interface RelatedIndex extends Pick<SummaryStore, 'readShards'> {
  /** The shard holding the incident's row ('2026-10-16', 'unknown'), or null when it has none (one small key). */
  locate(incidentKey: string): Promise<string | null>;
}

export function createKvsRelatedIndex(): RelatedIndex {
  const store = createKvsSummaryStore();
  return {
    readShards: (shards) => store.readShards(shards),
    locate: async (incidentKey) => (await kvs.get<string>(locKey(incidentKey))) ?? null,
  };
}
