import type { MonthTrend } from '../../../../../src/contract';
import { useAppContext } from '../../hooks/useAppContext';
import { formatDuration } from '../../timeline/durations';
import { bands, durationTicks, knownRuns, linearScale, linePath, maxKnown } from '../chart-scale';
import { durationCell, monthName } from '../summary-format';
import { ChartAxes } from './ChartAxes';
import { CHART_HEIGHT, CHART_MARGIN, ChartCard, type LegendItem } from './ChartCard';

type DurationKey = 'ttrMedianMs' | 'ttrMeanMs' | 'ttaMedianMs' | 'ttaMeanMs';

const SERIES: readonly (LegendItem & { key: DurationKey; metric: 'tta' | 'ttr'; stat: 'median' | 'mean' })[] = [
  { key: 'ttrMedianMs', label: 'TTR median', swatch: 'ttr-median', metric: 'ttr', stat: 'median' },
  { key: 'ttrMeanMs', label: 'TTR mean', swatch: 'ttr-mean', metric: 'ttr', stat: 'mean' },
  { key: 'ttaMedianMs', label: 'TTA median', swatch: 'tta-median', metric: 'tta', stat: 'median' },
  { key: 'ttaMeanMs', label: 'TTA mean', swatch: 'tta-mean', metric: 'tta', stat: 'mean' },
];

function DataTable({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  return (
    <table className="pir-summaries-data">
      <thead>
        <tr>
          <th scope="col">Month</th>
          {SERIES.map((s) => (
            <th scope="col" key={s.key}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {trends.map((t) => (
          <tr key={t.month}>
            <th scope="row">{monthName(t.month, locale)}</th>
            {SERIES.map((s) => {
              const cell = durationCell(t[s.key]);
              return (
                <td key={s.key} aria-label={cell.text === cell.label ? undefined : cell.label}>
                  {cell.text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Median and mean TTA and TTR per month as lines; a month with no known duration is a gap, never 0. */
export function DurationTrendChart({ trends }: { trends: readonly MonthTrend[] }) {
  const { locale } = useAppContext();
  const values = trends.flatMap((t) => SERIES.map((s) => t[s.key]));
  const known = values.some((v) => v !== null);
  return (
    <ChartCard
      title="Time to acknowledge and recover"
      note="Median (solid) and mean (dashed) TTA and TTR per month. Months without a known duration are left as gaps."
      legend={SERIES}
      table={<DataTable trends={trends} />}
      empty={trends.length === 0 || !known}
    >
      {(width) => {
        const ticks = durationTicks(maxKnown(values));
        const top = ticks[ticks.length - 1] ?? 1;
        const y = linearScale([0, top], [CHART_HEIGHT - CHART_MARGIN.bottom, CHART_MARGIN.top]);
        const x = bands(trends.length, CHART_MARGIN.left, width - CHART_MARGIN.left - CHART_MARGIN.right);
        return (
          <>
            <ChartAxes width={width} ticks={ticks} y={y} formatTick={(ms) => (ms === 0 ? '0' : formatDuration(ms))} months={trends.map((t) => t.month)} x={x} />
            {SERIES.map((s) => {
              const runs = knownRuns(trends.map((t) => t[s.key]));
              return (
                <g key={s.key} className={`pir-summaries-line pir-summaries-line--${s.metric} pir-summaries-line--${s.stat}`}>
                  {runs.map((run) =>
                    run.length > 1 ? <path key={run[0]?.index} d={linePath(run.map((p) => ({ x: x.centre(p.index), y: y(p.value) })))} /> : null,
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
            })}
          </>
        );
      }}
    </ChartCard>
  );
}
