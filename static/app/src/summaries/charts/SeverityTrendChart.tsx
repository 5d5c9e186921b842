import type { MonthTrend, SeverityLevel } from '../../../../../src/contract';
import { useAppContext } from '../../hooks/useAppContext';
import { bands, countTicks, linearScale, stack } from '../chart-scale';
import { SEVERITY_LEVELS } from '../summary-filters';
import { monthName, plural } from '../summary-format';
import { ChartAxes } from './ChartAxes';
import { CHART_HEIGHT, CHART_MARGIN, ChartCard } from './ChartCard';

const LEGEND = SEVERITY_LEVELS.map((level) => ({ key: String(level), label: `Sev${level}`, swatch: `sev${level}` }));

function DataTable({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  return (
    <table className="pir-summaries-data">
      <thead>
        <tr>
          <th scope="col">Month</th>
          {SEVERITY_LEVELS.map((level) => (
            <th scope="col" key={level}>{`Sev${level}`}</th>
          ))}
          <th scope="col">All</th>
        </tr>
      </thead>
      <tbody>
        {trends.map((t) => (
          <tr key={t.month}>
            <th scope="row">{monthName(t.month, locale)}</th>
            {SEVERITY_LEVELS.map((level) => (
              <td key={level}>{t.bySeverity[level]}</td>
            ))}
            <td>{t.incidents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Incidents per month, stacked by severity (Sev1 at the bottom), in the lozenges' colours. */
export function SeverityTrendChart({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  const total = trends.reduce((n, t) => n + t.incidents, 0);
  return (
    <ChartCard
      title="Incidents by severity"
      note={`${plural(total, 'incident')} in range, per month of impact, stacked by severity.`}
      legend={LEGEND}
      table={<DataTable trends={trends} />}
      empty={total === 0}
    >
      {(width) => {
        const ticks = countTicks(Math.max(...trends.map((t) => t.incidents), 1));
        const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [CHART_HEIGHT - CHART_MARGIN.bottom, CHART_MARGIN.top]);
        const x = bands(trends.length, CHART_MARGIN.left, width - CHART_MARGIN.left - CHART_MARGIN.right);
        const barWidth = Math.max(2, Math.min(x.band * 0.6, 28));
        return (
          <>
            <ChartAxes width={width} ticks={ticks} y={y} formatTick={String} months={trends.map((t) => t.month)} x={x} />
            {trends.map((t, i) => (
              <g key={t.month}>
                {stack<SeverityLevel>(SEVERITY_LEVELS, (level) => t.bySeverity[level]).map((segment) => (
                  <rect
                    key={segment.key}
                    className={`pir-summaries-bar pir-summaries-bar--sev${segment.key}`}
                    x={x.centre(i) - barWidth / 2}
                    width={barWidth}
                    y={y(segment.to)}
                    height={Math.max(y(segment.from) - y(segment.to), 0)}
                  >
                    <title>{`${monthName(t.month, locale)}: ${plural(segment.to - segment.from, `Sev${segment.key} incident`)}`}</title>
                  </rect>
                ))}
              </g>
            ))}
          </>
        );
      }}
    </ChartCard>
  );
}
