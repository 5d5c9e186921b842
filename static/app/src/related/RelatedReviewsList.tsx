import type { ReactNode } from 'react';
import type { RelatedReview } from '../../../../src/contract';
import { severityOfLevel } from '../summaries/summary-format';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { formatDay } from '../summaries/format-day';

/** Open countermeasures named per related review (the count covers them all). */
const OPEN_SHOWN = 3;

interface RelatedReviewsListProps {
  items: readonly RelatedReview[];
  locale: string;
  /** The incident's key as a way to open it: a Jira link in the panel, the page's own route on the global page. */
  opener: (item: RelatedReview) => ReactNode;
}

/** Earlier related reviews, closest first: what each is, why it is related, what is still open from it. */
export function RelatedReviewsList({ items, locale, opener }: RelatedReviewsListProps) {
  return (
    <ol className="pir-related__list">
      {items.map((item) => (
        <li key={item.incidentKey} className="pir-related__item" data-related-key={item.incidentKey}>
          <div className="pir-related__head">
            {opener(item)}
            <span className="pir-related__title" title={item.title}>
              {item.title}
            </span>
          </div>
          <div className="pir-related__meta pir-subtle">
            <SeverityLozenge severity={severityOfLevel(item.severityLevel)} />
            {item.impactStartedAt && <time dateTime={item.impactStartedAt}>{formatDay(item.impactStartedAt.slice(0, 10), locale)}</time>}
          </div>
          <p className="pir-related__why">{item.why}</p>
          <OpenCountermeasures item={item} locale={locale} />
        </li>
      ))}
    </ol>
  );
}

function OpenCountermeasures({ item, locale }: { item: RelatedReview; locale: string }) {
  if (item.actionsOpen === 0) return <p className="pir-related__open pir-subtle">No open countermeasures</p>;
  const shown = item.openItems.slice(0, OPEN_SHOWN);
  return (
    <div className="pir-related__open">
      <p className="pir-related__open-count">
        {item.actionsOpen === 1 ? '1 open countermeasure' : `${item.actionsOpen} open countermeasures`}
      </p>
      {shown.length > 0 && (
        <ul className="pir-related__open-list">
          {shown.map((o, i) => (
            <li key={o.subtaskKey ?? `${i}-${o.summary}`}>
              <span className="pir-related__open-summary">{o.summary}</span>
              <span className="pir-subtle">
                {' · '}
                {o.owner ?? 'No owner'}
                {' · '}
                {o.dueDate ? `due ${formatDay(o.dueDate, locale)}` : 'no due date'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
