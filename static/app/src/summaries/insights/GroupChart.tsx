import type { InsightGroup } from '../../../../../src/contract';
import { groupsCsv } from '../../../../../src/domain/insights-csv';
import { durationCell } from '../summary-format';
import { InsightDownload } from './InsightDownload';
import './insights-fit.css';

interface GroupChartProps {
  id: string;
  title: string;
  /** The table's first column ("Service", "Factor category"). */
  groupLabel: string;
  groups: readonly InsightGroup[];
  filename: string;
  empty: string;
}

/**
 * Incidents per group as bars, with TTA and TTR medians beside them. The chart is its data table:
 * each row has the numbers as text and a bar drawn for the eye only (screen readers read the cells).
 */
export function GroupChart({ id, title, groupLabel, groups, filename, empty }: GroupChartProps) {
  const max = Math.max(1, ...groups.map((g) => g.incidents));
  return (
    <section className="pir-insights__card" aria-labelledby={id}>
      <div className="pir-insights__card-head">
        <h3 className="pir-insights__title" id={id}>
          {title}
        </h3>
        {groups.length > 0 && <InsightDownload filename={filename} what={title.toLowerCase()} csv={() => groupsCsv(groupLabel, groups)} />}
      </div>
      {groups.length === 0 ? (
        <p className="pir-subtle">{empty}</p>
      ) : (
        <div className="pir-insights__scroll">
          <table className="pir-summaries-data pir-insights__table">
            <caption className="pir-visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{groupLabel}</th>
                <th scope="col">Incidents</th>
                <th scope="col">TTA median</th>
                <th scope="col">TTR median</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => {
                const tta = durationCell(g.ttaMedianMs);
                const ttr = durationCell(g.ttrMedianMs);
                return (
                  <tr key={g.key}>
                    <th scope="row" className="pir-insights__name">
                      {g.label}
                    </th>
                    <td>
                      <span className="pir-insights__bar-cell">
                        <span className="pir-insights__bar" aria-hidden="true" style={{ inlineSize: `${(g.incidents / max) * 100}%` }} />
                        <span>{g.incidents}</span>
                      </span>
                    </td>
                    <td aria-label={tta.text === tta.label ? undefined : tta.label}>{tta.text}</td>
                    <td aria-label={ttr.text === ttr.label ? undefined : ttr.label}>{ttr.text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
