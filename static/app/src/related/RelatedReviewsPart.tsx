import { LoadError } from '../components/LoadError';
import { Spinner } from '../components/Spinner';
import { useAppContext } from '../hooks/useAppContext';
import { useResolver } from '../hooks/useResolver';
import { RELATED_EMPTY } from './RelatedReviewsCard';
import { RelatedReviewsList } from './RelatedReviewsList';

/**
 * Related reviews on the printable summary of After Action Summaries. Each opens that incident's
 * own summary on this page (`?incident=KEY`, useSummaryRoute), so Back returns here.
 */
export function RelatedReviewsPart({ issueKey, onOpen }: { issueKey: string; onOpen: (key: string) => void }) {
  const { state, retry } = useResolver('review/related', { issueKey });
  const { locale } = useAppContext();
  return (
    <section className="pir-related pir-related--print pir-summaries-doc__part" aria-labelledby="pir-related-print-heading" data-ready={state.status === 'loading' ? undefined : 'related-reviews'}>
      <h2 className="pir-summaries-doc__heading" id="pir-related-print-heading">
        Related reviews
      </h2>
      {state.status === 'loading' && <Spinner label="Looking for related reviews" size="small" />}
      {state.status === 'error' && <LoadError what="related reviews" error={state.error} onRetry={retry} />}
      {state.status === 'success' &&
        (state.data.items.length === 0 ? (
          <p className="pir-subtle">{RELATED_EMPTY}.</p>
        ) : (
          <RelatedReviewsList
            items={state.data.items}
            locale={locale}
            opener={(item) => (
              <button type="button" className="pir-link pir-related__key pir-related__open-summary-button" onClick={() => onOpen(item.incidentKey)} aria-label={`Open the summary of ${item.incidentKey}`}>
                {item.incidentKey}
              </button>
            )}
          />
        ))}
    </section>
  );
}
