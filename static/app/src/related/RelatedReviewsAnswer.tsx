import type { ReactNode } from 'react';
import type { RelatedReview, RelatedReviewsResult } from '../../../../src/contract';
import { LoadError } from '../components/LoadError';
import { Spinner } from '../components/Spinner';
import { useAppContext } from '../hooks/useAppContext';
import type { AsyncResult } from '../hooks/useResolver';
import { RelatedReviewsList } from './RelatedReviewsList';

export const RELATED_EMPTY = 'No earlier reviews share services, factors or tags with this one';

/**
 * The answer of `review/related` as both surfaces show it: loading, an error with retry, the empty
 * state or the list. `opener` is how each surface opens a related review (Jira, or its summary).
 */
export function RelatedReviewsAnswer({
  related,
  opener,
}: {
  related: AsyncResult<RelatedReviewsResult>;
  opener: (item: RelatedReview) => ReactNode;
}) {
  const { locale } = useAppContext();
  const { state, retry } = related;
  if (state.status === 'loading') return <Spinner label="Looking for related reviews" size="small" />;
  if (state.status === 'error') return <LoadError what="related reviews" error={state.error} onRetry={retry} />;
  if (state.data.items.length === 0) return <p className="pir-subtle">{RELATED_EMPTY}.</p>;
  return <RelatedReviewsList items={state.data.items} locale={locale} opener={opener} />;
}
