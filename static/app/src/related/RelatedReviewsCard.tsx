import { LoadError } from '../components/LoadError';
import { Spinner } from '../components/Spinner';
import { TopLink } from '../components/TopLink';
import { useAppContext } from '../hooks/useAppContext';
import { useResolver } from '../hooks/useResolver';
import { RelatedReviewsList } from './RelatedReviewsList';

export const RELATED_EMPTY = 'No earlier reviews share services, factors or tags with this one';

/**
 * "Related reviews" in the issue panel's Review tab: earlier reviews the viewer may see that share
 * services, factor categories, tags or linked issues. Each opens its incident in Jira (the top
 * window, through the router; `TopLink` opens only http(s)).
 */
export function RelatedReviewsCard({ issueKey }: { issueKey: string }) {
  const { state, retry } = useResolver('review/related', { issueKey });
  const { locale } = useAppContext();
  return (
    <section className="pir-related pir-related--card" aria-labelledby="pir-related-heading" data-ready={state.status === 'loading' ? undefined : 'related-reviews'}>
      <h3 className="pir-related__heading" id="pir-related-heading">
        Related reviews {state.status === 'success' && state.data.items.length > 0 && <span className="pir-count">{state.data.items.length}</span>}
      </h3>
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
              <TopLink href={item.url} className="pir-link pir-related__key" title={`Open ${item.incidentKey} in Jira`}>
                {item.incidentKey}
              </TopLink>
            )}
          />
        ))}
    </section>
  );
}
