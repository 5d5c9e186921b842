import { useId, type ReactNode } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth';

export const CHART_HEIGHT = 200;
export const CHART_MARGIN = { top: 12, right: 12, bottom: 38, left: 56 } as const;

export interface LegendItem {
  key: string;
  label: string;
  /** Modifier of `pir-summaries-legend__swatch`, which draws the series' colour and line style. */
  swatch: string;
}

interface ChartCardProps {
  title: string;
  /** One visible sentence on how to read the chart; also the SVG's description. */
  note: string;
  legend: readonly LegendItem[];
  /** The same numbers as a table, for screen readers and for anyone who wants them exact. */
  table: ReactNode;
  /** Whether there is anything to draw. */
  empty: boolean;
  /** What an empty chart says; "No incidents in this range." unless the chart knows better. */
  emptyText?: string;
  /** Draws the SVG's content at the given pixel width. */
  children: (width: number) => ReactNode;
}

/** A titled chart: inline SVG named by its title and described by its note, a legend, and its data as a table. */
export function ChartCard({ title, note, legend, table, empty, emptyText = 'No incidents in this range.', children }: ChartCardProps) {
  const id = useId();
  const [container, width] = useElementWidth<HTMLDivElement>(360);
  return (
    <figure className="pir-summaries-chart" aria-labelledby={`${id}-title`}>
      <h3 className="pir-summaries-chart__title" id={`${id}-title`}>
        {title}
      </h3>
      <p className="pir-summaries-chart__note pir-subtle" id={`${id}-note`}>
        {note}
      </p>
      <div className="pir-summaries-chart__plot" ref={container}>
        {empty ? (
          <p className="pir-summaries-chart__empty pir-subtle">{emptyText}</p>
        ) : (
          <svg
            className="pir-summaries-chart__svg"
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-note`}
            width={width}
            height={CHART_HEIGHT}
            viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
          >
            {children(width)}
          </svg>
        )}
      </div>
      {!empty && (
        <ul className="pir-summaries-legend" aria-label={`${title}: legend`}>
          {legend.map((item) => (
            <li key={item.key} className="pir-summaries-legend__item">
              <span className={`pir-summaries-legend__swatch pir-summaries-legend__swatch--${item.swatch}`} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      {!empty && (
        <details className="pir-summaries-chart__data">
          <summary>Show the data</summary>
          <div className="pir-summaries-chart__table-wrap">{table}</div>
        </details>
      )}
    </figure>
  );
}
