import { TopLink } from '../components/TopLink';
import { useResolver } from '../hooks/useResolver';
import { RelatedReviewsAnswer } from './RelatedReviewsAnswer';

/**
 * "Related reviews" in the issue panel's Review tab: earlier reviews the viewer may see that share
 * services, factor categories, tags or linked issues. Each opens its incident in Jira (the top
 * window, through the router; `TopLink` opens only http(s)).
 */
export function RelatedReviewsCard({ issueKey }: { issueKey: string }) {
  const related = useResolver('review/related', { issueKey });
  const { state } = related;
  return (
    <section
      className="pir-related pir-related--card"
      aria-labelledby="pir-related-heading"
      data-ready={state.status === 'loading' ? undefined : 'related-reviews'}
    >
      <h3 className="pir-related__heading" id="pir-related-heading">
        Related reviews{' '}
        {state.status === 'success' && state.data.items.length > 0 && <span className="pir-count">{state.data.items.length}</span>}
      </h3>
      <RelatedReviewsAnswer
        related={related}
        opener={(item) => (
          <TopLink href={item.url} className="pir-link pir-related__key" title={`Open ${item.incidentKey} in Jira`}>
            {item.incidentKey}
          </TopLink>
        )}
      />
    </section>
  );
}
