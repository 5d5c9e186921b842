import { useMemo } from 'react';
import type { ReviewSearchQuery, ReviewSearchResult } from '../../../../../src/contract';
import { invoke } from '../../bridge';
import { useAsync, type AsyncResult } from '../../hooks/useResolver';

/** Searches the library once there is something to search for; `null` query: nothing asked, idle. */
export function useReviewSearch(query: ReviewSearchQuery | null): AsyncResult<ReviewSearchResult | null> {
  const key = useMemo(() => JSON.stringify(query), [query]);
  return useAsync(() => (query === null ? Promise.resolve(null) : invoke('summaries/search', query)), `summaries/search ${key}`);
}
