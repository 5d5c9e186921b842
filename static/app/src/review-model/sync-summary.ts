import type { ActionSyncResult } from '../../../../src/contract';

/** "3 created, 0 updated, 1 failed" — the failures are listed per item beside it. */
export function syncSummary(result: Pick<ActionSyncResult, 'created' | 'updated' | 'failed'>): string {
  const parts = [`${result.created.length} created`, `${result.updated.length} updated`, `${result.failed.length} failed`];
  if (result.created.length + result.updated.length + result.failed.length === 0) return 'Everything was already up to date in Jira.';
  return `${parts.join(', ')}.`;
}
