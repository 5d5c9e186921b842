import type { MonthTrend } from '../../../../../src/contract';
import { useAppContext } from '../../hooks/useAppContext';
import { formatDuration } from '../../timeline-model/durations';
import { durationTicks, knownRuns, linePath, maxKnown } from '../chart-scale';
import { durationCell, monthName, plural } from '../summary-format';
import type { LegendItem } from './ChartCard';
import { TrendChart, type TrendColumn } from './TrendChart';

type DurationKey = 'ttrMedianMs' | 'ttrMeanMs' | 'ttaMedianMs' | 'ttaMeanMs';

const SERIES: readonly (LegendItem & { key: DurationKey; metric: 'tta' | 'ttr'; stat: 'median' | 'mean' })[] = [
  { key: 'ttrMedianMs', label: 'TTR median', swatch: 'ttr-median', metric: 'ttr', stat: 'median' },
  { key: 'ttrMeanMs', label: 'TTR mean', swatch: 'ttr-mean', metric: 'ttr', stat: 'mean' },
  { key: 'ttaMedianMs', label: 'TTA median', swatch: 'tta-median', metric: 'tta', stat: 'median' },
  { key: 'ttaMeanMs', label: 'TTA mean', swatch: 'tta-mean', metric: 'tta', stat: 'mean' },
];

const COLUMNS: readonly TrendColumn[] = SERIES.map((s) => ({ key: s.key, label: s.label, cell: (t) => durationCell(t[s.key]) }));

/** Median and mean TTA and TTR per month as lines; a month with no known duration is a gap, never 0. */
export function DurationTrendChart({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  const values = trends.flatMap((t) => SERIES.map((s) => t[s.key]));
  const known = values.some((v) => v !== null);
  // Incidents whose moments are not all known yet are still incidents: say so, not "none".
  const incidents = trends.reduce((sum, t) => sum + t.incidents, 0);
  return (
    <TrendChart
      title="Time to acknowledge and recover"
      note="Median (solid) and mean (dashed) TTA and TTR per month. Months without a known duration are left as gaps."
      legend={SERIES}
      empty={trends.length === 0 || !known}
      emptyText={incidents > 0 ? `${plural(incidents, 'incident')}, durations not known yet.` : undefined}
      trends={trends}
      columns={COLUMNS}
      ticks={durationTicks(maxKnown(values))}
      formatTick={(ms) => (ms === 0 ? '0' : formatDuration(ms))}
    >
      {({ x, y }) =>
        SERIES.map((s) => {
          const runs = knownRuns(trends.map((t) => t[s.key]));
          return (
            <g key={s.key} className={`pir-summaries-line pir-summaries-line--${s.metric} pir-summaries-line--${s.stat}`}>
              {runs.map((run) =>
                run.length > 1 ? (
                  <path key={run[0]?.index} d={linePath(run.map((p) => ({ x: x.centre(p.index), y: y(p.value) })))} />
                ) : null,
              )}
              {runs.flat().map((p) => {
                const month = trends[p.index]?.month ?? '';
                return (
                  <circle key={p.index} cx={x.centre(p.index)} cy={y(p.value)} r={s.stat === 'median' ? 3.5 : 3}>
                    <title>{`${s.label}, ${monthName(month, locale)}: ${formatDuration(p.value)}`}</title>
                  </circle>
                );
              })}
            </g>
          );
        })
      }
    </TrendChart>
  );
}
