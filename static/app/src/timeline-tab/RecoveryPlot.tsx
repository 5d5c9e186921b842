import { useMemo } from 'react';
import type { KeyMoments, Metrics, TimelineEntry } from '../../../../src/contract';
import { useAppContext } from '../hooks/useAppContext';
import { useElementWidth } from '../hooks/useElementWidth';
import { formatDuration } from '../timeline-model/durations';
import { PHASE_BOUNDS, momentMs } from '../timeline-model/phase-segments';
import { plotDomain, recoveryPath, stepPathData } from '../timeline-model/recovery-path';
import { timeTicks } from '../timeline-model/time-ticks';
import { PHASE_LABEL } from '../timeline-model/labels';
import { formatShortDateTime, formatTimeOfDay } from '../timeline-model/zoned-time';
import { RecoveryPoints } from './RecoveryPoints';

const HEIGHT = 220;
const MARGIN = { top: 26, right: 16, bottom: 26, left: 16 };

interface RecoveryPlotProps {
  entries: readonly TimelineEntry[];
  moments: KeyMoments;
  metrics: Metrics;
}

/** docs/DECISIONS.md#vocabulary: the path of recovery over time, phases shaded, TTA and TTR marked. Plain SVG. */
export function RecoveryPlot({ entries, moments, metrics }: RecoveryPlotProps) {
  const { locale, timezone } = useAppContext();
  const [container, width] = useElementWidth<HTMLDivElement>(600);
  const path = useMemo(() => recoveryPath(entries), [entries]);
  const domain = useMemo(() => plotDomain(entries, moments), [entries, moments]);

  const innerWidth = Math.max(width - MARGIN.left - MARGIN.right, 120);
  // A response longer than most of a day gets dates on its axis, not only times of day.
  const multiDay = domain[1] - domain[0] > 20 * 3_600_000;
  const x = (ms: number) => MARGIN.left + ((ms - domain[0]) / (domain[1] - domain[0])) * innerWidth;
  const levels = Math.max(path.maxLevel - path.minLevel, 1);
  const y = (level: number) => MARGIN.top + ((path.maxLevel - level) / levels) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const bottom = HEIGHT - MARGIN.bottom;
  const counts = { positive: 0, negative: 0, neutral: 0 };
  for (const step of path.steps) counts[step.impact] += 1;

  const marker = (name: 'acknowledged' | 'restored', label: string, known: boolean, ms: number) => {
    const at = momentMs(moments, name);
    if (!known || at === null) return null;
    const px = x(at);
    const anchor = px > width - 90 ? 'end' : 'start';
    return (
      <g className="pir-plot__marker" key={name}>
        <line x1={px} x2={px} y1={MARGIN.top - 6} y2={bottom} />
        <text x={anchor === 'start' ? px + 4 : px - 4} y={MARGIN.top - 10} textAnchor={anchor}>
          {`${label} ${formatDuration(ms)}`}
        </text>
      </g>
    );
  };

  return (
    <section className="pir-section" aria-labelledby="pir-plot-heading">
      <h2 className="pir-section__heading" id="pir-plot-heading">
        Recovery plot
      </h2>
      <div className="pir-plot" ref={container}>
        {path.steps.length === 0 ? (
          <p className="pir-plot__empty pir-subtle">
            No entry has an impact on restoring service yet. Annotate entries in the timeline as positive, negative or neutral and the path
            of recovery is drawn here.
          </p>
        ) : (
          <svg
            className="pir-plot__svg"
            width={width}
            height={HEIGHT}
            role="group"
            aria-labelledby="pir-plot-heading"
            aria-describedby="pir-plot-summary"
          >
            {PHASE_BOUNDS.map(([phase, fromName, toName]) => {
              const from = momentMs(moments, fromName);
              const to = momentMs(moments, toName);
              if (from === null || to === null || to <= from) return null;
              const left = x(Math.max(from, domain[0]));
              const w = x(Math.min(to, domain[1])) - left;
              return (
                <g key={phase} className={`pir-plot__phase pir-phase--${phase}`}>
                  <rect x={left} y={MARGIN.top} width={w} height={bottom - MARGIN.top} />
                  {w > 72 && (
                    <text x={left + 4} y={bottom - 6}>
                      {PHASE_LABEL[phase]}
                    </text>
                  )}
                </g>
              );
            })}
            <g className="pir-plot__axis" aria-hidden="true">
              <line x1={MARGIN.left} x2={MARGIN.left + innerWidth} y1={bottom} y2={bottom} />
              {timeTicks(domain[0], domain[1], Math.max(2, Math.floor(innerWidth / (multiDay ? 130 : 90)))).map((tick) => (
                <g key={tick}>
                  <line x1={x(tick)} x2={x(tick)} y1={bottom} y2={bottom + 4} />
                  <text x={x(tick)} y={bottom + 17} textAnchor="middle">
                    {(multiDay ? formatShortDateTime : formatTimeOfDay)(new Date(tick).toISOString(), locale, timezone)}
                  </text>
                </g>
              ))}
            </g>
            {marker('acknowledged', 'TTA', metrics.tta.known, metrics.tta.known ? metrics.tta.ms : 0)}
            {marker('restored', 'TTR', metrics.ttr.known, metrics.ttr.known ? metrics.ttr.ms : 0)}
            <path className="pir-plot__path" d={stepPathData(path, domain, x, y)} />
            <RecoveryPoints steps={path.steps} x={x} y={y} plotWidth={width} />
          </svg>
        )}
      </div>
      {path.steps.length > 0 && (
        <p className="pir-subtle pir-plot__summary" id="pir-plot-summary">
          {`${path.steps.length} entries with an impact: ${counts.positive} positive, ${counts.negative} negative, ${counts.neutral} neutral. `}
          Each positive entry steps the path down towards recovery, each negative one up; neutral ones keep it flat. Use the arrow keys to
          move between points; Enter shows the entry in the timeline.
        </p>
      )}
    </section>
  );
}
