import type { ReactNode } from 'react';
import type { MonthTrend } from '../../../../../src/contract';
import { useAppContext } from '../../hooks/useAppContext';
import { bands, linearScale, type Bands } from '../chart-scale';
import { monthName, type CellText } from '../summary-format';
import { ChartAxes } from './ChartAxes';
import { CHART_HEIGHT, CHART_MARGIN, ChartCard, type LegendItem } from './ChartCard';

/** One column of a trend's data table, after the month. */
export interface TrendColumn {
  key: string;
  label: string;
  /** A number as it is, or a text with what a screen reader should say where they differ ("—"). */
  cell: (trend: MonthTrend) => number | CellText;
}

/** Where a month's band and a value land in the plot. */
export interface TrendPlot {
  x: Bands;
  y: (value: number) => number;
}

interface TrendChartProps {
  title: string;
  note: string;
  legend: readonly LegendItem[];
  /** Whether there is nothing to draw (the chart then says so, with no legend or table). */
  empty: boolean;
  /** What the chart says when empty (ChartCard's default otherwise). */
  emptyText?: string;
  trends: readonly MonthTrend[];
  columns: readonly TrendColumn[];
  /** The value axis from 0; the last tick is the top of the plot. */
  ticks: readonly number[];
  formatTick?: (value: number) => string;
  /** Draws the series over the axes. */
  children: (plot: TrendPlot) => ReactNode;
}

function TrendTable({ trends, columns }: { trends: readonly MonthTrend[]; columns: readonly TrendColumn[] }) {
  const { locale } = useAppContext();
  return (
    <table className="pir-summaries-data">
      <thead>
        <tr>
          <th scope="col">Month</th>
          {columns.map((c) => (
            <th scope="col" key={c.key}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {trends.map((t) => (
          <tr key={t.month}>
            <th scope="row">{monthName(t.month, locale)}</th>
            {columns.map((c) => {
              const cell = c.cell(t);
              if (typeof cell === 'number') return <td key={c.key}>{cell}</td>;
              return (
                <td key={c.key} aria-label={cell.text === cell.label ? undefined : cell.label}>
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

/**
 * One month-by-month chart of the summaries page: the card (title, note, legend, data table), a
 * band per month across the plot, the value axis from 0 to the last tick, and the series on top.
 */
export function TrendChart({ trends, columns, ticks, formatTick = String, children, ...card }: TrendChartProps) {
  return (
    <ChartCard {...card} table={<TrendTable trends={trends} columns={columns} />}>
      {(width) => {
        const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [CHART_HEIGHT - CHART_MARGIN.bottom, CHART_MARGIN.top]);
        const x = bands(trends.length, CHART_MARGIN.left, width - CHART_MARGIN.left - CHART_MARGIN.right);
        return (
          <>
            <ChartAxes width={width} ticks={ticks} y={y} formatTick={formatTick} months={trends.map((t) => t.month)} x={x} />
            {children({ x, y })}
          </>
        );
      }}
    </ChartCard>
  );
}
