import type { MonthTrend, SeverityLevel } from '../../../../../src/contract';
import { useAppContext } from '../../hooks/useAppContext';
import { countTicks, stack } from '../chart-scale';
import { SEVERITY_LEVELS } from '../summary-filters';
import { monthName, plural } from '../summary-format';
import { TrendChart, type TrendColumn } from './TrendChart';

const LEGEND = SEVERITY_LEVELS.map((level) => ({ key: String(level), label: `Sev${level}`, swatch: `sev${level}` }));

const COLUMNS: readonly TrendColumn[] = [
  ...SEVERITY_LEVELS.map((level): TrendColumn => ({ key: String(level), label: `Sev${level}`, cell: (t) => t.bySeverity[level] })),
  { key: 'all', label: 'All', cell: (t) => t.incidents },
];

/** Incidents per month, stacked by severity (Sev1 at the bottom), in the lozenges' colours. */
export function SeverityTrendChart({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  const total = trends.reduce((n, t) => n + t.incidents, 0);
  return (
    <TrendChart
      title="Incidents by severity"
      note={`${plural(total, 'incident')} in range, per month of impact, stacked by severity.`}
      legend={LEGEND}
      empty={total === 0}
      trends={trends}
      columns={COLUMNS}
      ticks={countTicks(Math.max(...trends.map((t) => t.incidents), 1))}
    >
      {({ x, y }) => {
        const barWidth = Math.max(2, Math.min(x.band * 0.6, 28));
        return trends.map((t, i) => (
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
        ));
      }}
    </TrendChart>
  );
}
