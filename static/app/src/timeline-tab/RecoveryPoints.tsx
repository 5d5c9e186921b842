import { useState, type KeyboardEvent } from 'react';
import { useAppContext } from '../hooks/useAppContext';
import { IMPACT_LABEL } from '../timeline-model/labels';
import type { RecoveryStep } from '../timeline-model/recovery-path';
import { actorNameOf } from '../timeline-model/timeline-filters';
import { formatShortDateTime } from '../timeline-model/zoned-time';

interface RecoveryPointsProps {
  steps: readonly RecoveryStep[];
  x: (ms: number) => number;
  y: (level: number) => number;
  plotWidth: number;
}

const snippet = (text: string): string => (text.length > 140 ? `${text.slice(0, 139)}…` : text).replace(/\s+/g, ' ');

/** Moves focus to an entry's row in the timeline, when it is shown (filters may hide it). */
function showInTimeline(entryId: string): void {
  const row = document.getElementById(`pir-entry-${entryId}`);
  if (row) {
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }
}

/**
 * The plotted entries: one tab stop for the whole set (roving tabindex), arrow keys between
 * points, a visible label on focus and a <title> tooltip on hover.
 */
export function RecoveryPoints({ steps, x, y, plotWidth }: RecoveryPointsProps) {
  const { locale, timezone } = useAppContext();
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState<number | null>(null);
  const current = Math.min(active, steps.length - 1);

  const describe = (step: RecoveryStep) =>
    `${formatShortDateTime(step.entry.at, locale, timezone)} · ${actorNameOf(step.entry) ?? 'Unknown actor'} · ${IMPACT_LABEL[step.impact]}: ${snippet(step.entry.text)}`;

  const move = (event: KeyboardEvent<SVGElement>, index: number) => {
    const last = steps.length - 1;
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: last }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      const target = Math.max(0, Math.min(last, next));
      setActive(target);
      (event.currentTarget.parentNode?.children[target] as SVGElement | undefined)?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const step = steps[index];
      if (step) showInTimeline(step.entry.id);
    }
  };

  const label = focused !== null ? steps[focused] : undefined;
  return (
    <>
      <g className="pir-plot__points">
        {steps.map((step, index) => (
          <circle
            key={step.entry.id}
            className={`pir-plot__point pir-plot__point--${step.impact}`}
            cx={x(step.at)}
            cy={y(step.level)}
            r={5}
            tabIndex={index === current ? 0 : -1}
            role="img"
            aria-label={describe(step)}
            onKeyDown={(event) => move(event, index)}
            onFocus={() => {
              setActive(index);
              setFocused(index);
            }}
            onBlur={() => setFocused(null)}
          >
            <title>{describe(step)}</title>
          </circle>
        ))}
      </g>
      {label && <FocusLabel text={describe(label)} px={x(label.at)} py={y(label.level)} plotWidth={plotWidth} />}
    </>
  );
}

/** The focused point's text, drawn in the SVG (a <title> shows on hover only). */
function FocusLabel({ text, px, py, plotWidth }: { text: string; px: number; py: number; plotWidth: number }) {
  const shown = text.length > 70 ? `${text.slice(0, 69)}…` : text;
  const width = Math.min(shown.length * 6.4 + 16, plotWidth - 8);
  const left = Math.max(4, Math.min(px - width / 2, plotWidth - width - 4));
  const top = py > 60 ? py - 34 : py + 12;
  return (
    <g className="pir-plot__focus-label" aria-hidden="true">
      <rect x={left} y={top} width={width} height={22} rx={3} />
      <text x={left + 8} y={top + 15}>
        {shown}
      </text>
    </g>
  );
}
