import type { PolicyBreach } from '../../../../../src/contract';
import { breachesCsv } from '../../../../../src/domain/insights-csv';
import { SeverityLozenge } from '../../components/SeverityLozenge';
import { TopLink } from '../../components/TopLink';
import { useAppContext } from '../../hooks/useAppContext';
import { formatDay } from '../format-day';
import { issueUrl, severityOfLevel } from '../summary-format';
import { InsightDownload } from './InsightDownload';

/** Open countermeasures older than their severity's policy, most days past first. */
export function PastPolicyList({ items, total }: { items: readonly PolicyBreach[]; total: number }) {
  const { siteUrl, locale } = useAppContext();
  return (
    <section className="pir-insights__card" aria-labelledby="pir-insights-past-policy">
      <div className="pir-insights__card-head">
        <h3 className="pir-insights__title" id="pir-insights-past-policy">
          Past policy {total > 0 && <span className="pir-subtle">({total})</span>}
        </h3>
        {items.length > 0 && (
          <InsightDownload filename="countermeasures-past-policy.csv" what="countermeasures past policy" csv={() => breachesCsv(items)} />
        )}
      </div>
      {items.length === 0 ? (
        <p className="pir-subtle">No open countermeasure is older than the policy allows.</p>
      ) : (
        <div className="pir-insights__scroll">
          <table className="pir-summaries-data pir-insights__table">
            <caption className="pir-visually-hidden">Countermeasures past policy</caption>
            <thead>
              <tr>
                <th scope="col">Countermeasure</th>
                <th scope="col">Incident</th>
                <th scope="col">Severity</th>
                <th scope="col">Policy due</th>
                <th scope="col">Days past</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b, i) => (
                <tr key={`${b.incidentKey}-${b.subtaskKey ?? i}`}>
                  <th scope="row">
                    {b.subtaskKey ? (
                      <TopLink href={issueUrl(siteUrl, b.subtaskKey)}>{b.subtaskKey}</TopLink>
                    ) : (
                      <span className="pir-subtle">Not in Jira yet</span>
                    )}
                  </th>
                  <td>
                    <TopLink href={issueUrl(siteUrl, b.incidentKey)}>{b.incidentKey}</TopLink>{' '}
                    <span className="pir-insights__incident-title">{b.incidentTitle}</span>
                  </td>
                  <td>
                    <SeverityLozenge severity={severityOfLevel(b.severityLevel)} />
                  </td>
                  <td>{formatDay(b.policyDue, locale)}</td>
                  <td>{b.daysPast}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > items.length && (
            <p className="pir-subtle">
              Showing the {items.length} most past policy of {total}.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
