import type { OverdueCountermeasure } from '../../../../src/contract';
import { Lozenge } from '../components/Lozenge';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { TopLink } from '../components/TopLink';
import { useAppContext } from '../hooks/useAppContext';
import { formatDay } from '../macro/format-day';
import { issueUrl, overdueText, plural, severityOfLevel } from './summary-format';

/** Countermeasures past their due date, most overdue first, with their incident. */
export function OverdueList({ items, total }: { items: readonly OverdueCountermeasure[]; total: number }) {
  const { locale, siteUrl } = useAppContext();
  const more = Math.max(total - items.length, 0);
  return (
    <section className="pir-summaries-section" aria-labelledby="pir-summaries-overdue">
      <h2 className="pir-summaries-section__heading" id="pir-summaries-overdue">
        Overdue countermeasures {total > 0 && <span className="pir-count">{total}</span>}
      </h2>
      {items.length === 0 && total === 0 ? (
        <p className="pir-summaries-overdue__none pir-subtle">No overdue countermeasures.</p>
      ) : (
        <>
          <ul className="pir-summaries-overdue">
            {items.map((item, i) => (
              <li className="pir-summaries-overdue__item" key={`${item.incidentKey}-${item.subtaskKey ?? i}-${item.summary}`}>
                <div className="pir-summaries-overdue__what">
                  <p className="pir-summaries-overdue__summary">{item.summary || <span className="pir-subtle">Untitled countermeasure</span>}</p>
                  <p className="pir-summaries-overdue__incident pir-subtle">
                    {item.subtaskKey && (
                      <>
                        <TopLink href={issueUrl(siteUrl, item.subtaskKey)}>{item.subtaskKey}</TopLink>
                        {' · '}
                      </>
                    )}
                    <span>From </span>
                    <TopLink href={issueUrl(siteUrl, item.incidentKey)}>{item.incidentKey}</TopLink>
                    <span className="pir-summaries-overdue__title">{` ${item.incidentTitle}`}</span>
                  </p>
                </div>
                <dl className="pir-summaries-overdue__facts">
                  <div>
                    <dt>Owner</dt>
                    <dd>{item.owner ?? <span className="pir-subtle">Unassigned</span>}</dd>
                  </div>
                  <div>
                    <dt>Due</dt>
                    <dd>{item.dueDate ? <time dateTime={item.dueDate}>{formatDay(item.dueDate, locale)}</time> : '—'}</dd>
                  </div>
                  <div>
                    <dt className="pir-visually-hidden">Overdue by</dt>
                    <dd>
                      <Lozenge appearance="removed">{overdueText(item.daysOverdue)}</Lozenge>
                    </dd>
                  </div>
                  <div>
                    <dt className="pir-visually-hidden">Incident severity</dt>
                    <dd>
                      <SeverityLozenge severity={severityOfLevel(item.severityLevel)} />
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          {more > 0 && <p className="pir-subtle">{`and ${plural(more, 'more overdue countermeasure')}`}</p>}
        </>
      )}
    </section>
  );
}
