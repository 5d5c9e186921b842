import { useResolver } from '../hooks/useResolver';
import { RelatedReviewsAnswer } from './RelatedReviewsAnswer';

/**
 * Related reviews on the printable summary of After Action Summaries. Each opens that incident's
 * own summary on this page (`?incident=KEY`, useSummaryRoute), so Back returns here.
 */
export function RelatedReviewsPart({ issueKey, onOpen }: { issueKey: string; onOpen: (key: string) => void }) {
  const related = useResolver('review/related', { issueKey });
  const { state } = related;
  return (
    <section
      className="pir-related pir-related--print pir-summaries-doc__part"
      aria-labelledby="pir-related-print-heading"
      data-ready={state.status === 'loading' ? undefined : 'related-reviews'}
    >
      <h2 className="pir-summaries-doc__heading" id="pir-related-print-heading">
        Related reviews
      </h2>
      <RelatedReviewsAnswer
        related={related}
        opener={(item) => (
          <button
            type="button"
            className="pir-link pir-related__key pir-related__open-summary-button"
            onClick={() => onOpen(item.incidentKey)}
            aria-label={`Open the summary of ${item.incidentKey}`}
          >
            {item.incidentKey}
          </button>
        )}
      />
    </section>
  );
}
