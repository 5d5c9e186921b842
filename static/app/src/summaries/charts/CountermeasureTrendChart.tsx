import type { MonthTrend } from '../../../../../src/contract';
import { useAppContext } from '../../hooks/useAppContext';
import { countTicks } from '../chart-scale';
import { monthName, plural } from '../summary-format';
import { TrendChart, type TrendColumn } from './TrendChart';

const SERIES = [
  { key: 'actionsOpened', label: 'Opened', swatch: 'opened' },
  { key: 'actionsClosed', label: 'Closed', swatch: 'closed' },
] as const;

const COLUMNS: readonly TrendColumn[] = SERIES.map((s) => ({ key: s.key, label: s.label, cell: (t) => t[s.key] }));

/** Countermeasures raised by each month's incidents, and how many of them are closed, side by side. */
export function CountermeasureTrendChart({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  const opened = trends.reduce((n, t) => n + t.actionsOpened, 0);
  const closed = trends.reduce((n, t) => n + t.actionsClosed, 0);
  return (
    <TrendChart
      title="Countermeasures opened and closed"
      note={`${plural(opened, 'countermeasure')} raised by incidents in range, ${closed.toLocaleString('en')} closed, by month of the incident.`}
      legend={SERIES}
      empty={trends.length === 0}
      trends={trends}
      columns={COLUMNS}
      ticks={countTicks(Math.max(...trends.map((t) => t.actionsOpened), 1))}
    >
      {({ x, y }) => {
        const barWidth = Math.max(2, Math.min((x.band * 0.7) / 2, 14));
        return trends.map((t, i) => (
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
        ));
      }}
    </TrendChart>
  );
}
