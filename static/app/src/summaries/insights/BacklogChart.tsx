import type { BacklogPoint } from '../../../../../src/contract';
import { backlogCsv } from '../../../../../src/domain/insights-csv';
import { useAppContext } from '../../hooks/useAppContext';
import { monthName } from '../summary-format';

/** "Dec" for 2025-12, in the viewer's locale: a column is too narrow for the whole name. */
function shortMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
import { InsightDownload } from './InsightDownload';

/** Open countermeasures at each month's end as columns, with the same numbers as a table. */
export function BacklogChart({ points }: { points: readonly BacklogPoint[] }) {
  const { locale } = useAppContext();
  const max = Math.max(1, ...points.map((p) => p.open));
  const title = 'Open countermeasure backlog';
  return (
    <section className="pir-insights__card" aria-labelledby="pir-insights-backlog">
      <div className="pir-insights__card-head">
        <h3 className="pir-insights__title" id="pir-insights-backlog">
          {title}
        </h3>
        {points.length > 0 && (
          <InsightDownload filename="countermeasure-backlog.csv" what="the countermeasure backlog" csv={() => backlogCsv(points)} />
        )}
      </div>
      <p className="pir-subtle pir-insights__note">
        Countermeasures open in Jira at the end of each month (this month: today). Items not created in Jira yet are not dated, so not
        counted.
      </p>
      {points.length === 0 ? (
        <p className="pir-subtle">No months in this range.</p>
      ) : (
        <>
          <div className="pir-insights__columns" aria-hidden="true">
            {points.map((p) => (
              <div key={p.month} className="pir-insights__column">
                <span className="pir-insights__column-value">{p.open}</span>
                <span className="pir-insights__column-bar" style={{ blockSize: `${(p.open / max) * 100}%` }} />
                <span className="pir-insights__column-label">{shortMonth(p.month, locale)}</span>
              </div>
            ))}
          </div>
          <details className="pir-summaries-chart__data">
            <summary>Show the data</summary>
            <table className="pir-summaries-data">
              <caption className="pir-visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Open at month end</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.month}>
                    <th scope="row">{monthName(p.month, locale)}</th>
                    <td>{p.open}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
