import type { MonthTrend } from '../../../../../src/contract';
import { useAppContext } from '../../hooks/useAppContext';
import { bands, countTicks, linearScale } from '../chart-scale';
import { monthName, plural } from '../summary-format';
import { ChartAxes } from './ChartAxes';
import { CHART_HEIGHT, CHART_MARGIN, ChartCard } from './ChartCard';

const SERIES = [
  { key: 'actionsOpened', label: 'Opened', swatch: 'opened' },
  { key: 'actionsClosed', label: 'Closed', swatch: 'closed' },
] as const;

function DataTable({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  return (
    <table className="pir-summaries-data">
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Opened</th>
          <th scope="col">Closed</th>
        </tr>
      </thead>
      <tbody>
        {trends.map((t) => (
          <tr key={t.month}>
            <th scope="row">{monthName(t.month, locale)}</th>
            <td>{t.actionsOpened}</td>
            <td>{t.actionsClosed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Countermeasures raised by each month's incidents, and how many of them are closed, side by side. */
export function CountermeasureTrendChart({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  const opened = trends.reduce((n, t) => n + t.actionsOpened, 0);
  const closed = trends.reduce((n, t) => n + t.actionsClosed, 0);
  return (
    <ChartCard
      title="Countermeasures opened and closed"
      note={`${plural(opened, 'countermeasure')} raised by incidents in range, ${closed.toLocaleString('en')} closed, by month of the incident.`}
      legend={SERIES}
      table={<DataTable trends={trends} />}
      empty={trends.length === 0}
    >
      {(width) => {
        const ticks = countTicks(Math.max(...trends.map((t) => t.actionsOpened), 1));
        const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [CHART_HEIGHT - CHART_MARGIN.bottom, CHART_MARGIN.top]);
        const x = bands(trends.length, CHART_MARGIN.left, width - CHART_MARGIN.left - CHART_MARGIN.right);
        const barWidth = Math.max(2, Math.min((x.band * 0.7) / 2, 14));
        return (
          <>
            <ChartAxes width={width} ticks={ticks} y={y} formatTick={String} months={trends.map((t) => t.month)} x={x} />
            {trends.map((t, i) => (
              <g key={t.month}>
                {SERIES.map((s, j) => {
                  const value = t[s.key];
                  if (value <= 0) return null;
                  return (
                    <rect
                      key={s.key}
                      className={`pir-summaries-bar pir-summaries-bar--${s.swatch}`}
                      x={x.centre(i) + (j === 0 ? -barWidth - 1 : 1)}
                      width={barWidth}
                      y={y(value)}
                      height={Math.max(y(0) - y(value), 0)}
                    >
                      <title>{`${monthName(t.month, locale)}: ${value} ${s.label.toLowerCase()}`}</title>
                    </rect>
                  );
                })}
              </g>
            ))}
          </>
        );
      }}
    </ChartCard>
  );
}
