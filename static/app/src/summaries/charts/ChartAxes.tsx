import { useAppContext } from '../../hooks/useAppContext';
import { labelled, labelStride, type Bands } from '../chart-scale';
import { axisMonthLabels } from '../summary-format';
import { CHART_HEIGHT, CHART_MARGIN } from './ChartCard';

interface ChartAxesProps {
  width: number;
  ticks: readonly number[];
  y: (value: number) => number;
  formatTick: (value: number) => string;
  months: readonly string[];
  x: Bands;
}

/** Horizontal grid lines with their values, the baseline, and month labels that never overlap. */
export function ChartAxes({ width, ticks, y, formatTick, months, x }: ChartAxesProps) {
  const { locale } = useAppContext();
  const bottom = CHART_HEIGHT - CHART_MARGIN.bottom;
  const stride = labelStride(months.length, width - CHART_MARGIN.left - CHART_MARGIN.right, 44);
  const labels = axisMonthLabels(months, locale, (i) => labelled(i, months.length, stride));
  return (
    <g className="pir-summaries-axes" aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick} className="pir-summaries-axes__tick">
          <line
            x1={CHART_MARGIN.left}
            x2={width - CHART_MARGIN.right}
            y1={y(tick)}
            y2={y(tick)}
            className={tick === 0 ? 'pir-summaries-axes__base' : undefined}
          />
          <text x={CHART_MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {labels.map((label, i) =>
        label ? (
          <text key={months[i]} className="pir-summaries-axes__month" x={x.centre(i)} y={bottom + 15} textAnchor="middle">
            {label.month}
            {label.year && (
              <tspan x={x.centre(i)} dy="1.15em" className="pir-summaries-axes__year">
                {label.year}
              </tspan>
            )}
          </text>
        ) : null,
      )}
    </g>
  );
}
