import type { OverdueCountermeasure } from '../../../../src/contract';
import { Lozenge } from '../components/Lozenge';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { TopLink } from '../components/TopLink';
import { useAppContext } from '../hooks/useAppContext';
import { formatDay } from './format-day';
import { issueUrl, overdueText, plural, severityOfLevel } from './summary-format';

/**
 * Countermeasures past their due date, most overdue first, with their incident: one table, so
 * owners, due dates and how late each is line up in columns whatever the length of a summary.
 * Each link sits on a line of its own, so it is never a link inside running text.
 */
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
          <table className="pir-summaries-overdue-table" aria-labelledby="pir-summaries-overdue">
            <thead>
              <tr>
                <th scope="col">Countermeasure</th>
                <th scope="col">Incident</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Overdue</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={`${item.incidentKey}-${item.subtaskKey ?? i}-${item.summary}`}>
                  <td className="pir-summaries-overdue-table__what">
                    <span className="pir-summaries-overdue__summary">
                      {item.summary || <span className="pir-subtle">Untitled countermeasure</span>}
                    </span>
                    {item.subtaskKey && (
                      <span className="pir-summaries-overdue-table__line">
                        <TopLink href={issueUrl(siteUrl, item.subtaskKey)}>{item.subtaskKey}</TopLink>
                      </span>
                    )}
                  </td>
                  <td className="pir-summaries-overdue-table__incident">
                    <span className="pir-summaries-overdue-table__line">
                      <TopLink href={issueUrl(siteUrl, item.incidentKey)}>{item.incidentKey}</TopLink>
                    </span>
                    <span className="pir-summaries-overdue-table__line">
                      <SeverityLozenge severity={severityOfLevel(item.severityLevel)} />
                    </span>
                    <span className="pir-summaries-overdue-table__title pir-subtle">{item.incidentTitle}</span>
                  </td>
                  <td className="pir-summaries-overdue-table__owner">{item.owner ?? <span className="pir-subtle">Unassigned</span>}</td>
                  <td className="pir-summaries-overdue-table__due">
                    {item.dueDate ? <time dateTime={item.dueDate}>{formatDay(item.dueDate, locale)}</time> : '—'}
                  </td>
                  <td className="pir-summaries-overdue-table__late">
                    <Lozenge appearance="removed">{overdueText(item.daysOverdue)}</Lozenge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more > 0 && <p className="pir-subtle">{`and ${plural(more, 'more overdue countermeasure')}`}</p>}
        </>
      )}
    </section>
  );
}
