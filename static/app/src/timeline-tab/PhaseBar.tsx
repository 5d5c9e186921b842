import type { DurationValue, KeyMoments, Metrics } from '../../../../src/contract';
import { PHASES } from '../../../../src/vocabulary';
import { useAppContext } from '../hooks/useAppContext';
import { durationText, unknownReason } from '../timeline-model/durations';
import { PHASE_LABEL } from '../timeline-model/labels';
import { phaseBarLayout } from '../timeline-model/phase-segments';
import { formatShortDateTime } from '../timeline-model/zoned-time';

function PhaseDuration({ value }: { value: DurationValue }) {
  if (value.known) return <>{durationText(value)}</>;
  return (
    <span className="pir-subtle" title={unknownReason(value)}>
      Unknown <span className="pir-phase-legend__why">({unknownReason(value)})</span>
    </span>
  );
}

/** Impact started → service restored, with detection, response and remediation to scale. */
export function PhaseBar({ moments, metrics }: { moments: KeyMoments; metrics: Metrics }) {
  const { locale, timezone } = useAppContext();
  const layout = phaseBarLayout(moments);
  const at = (ms: number) => formatShortDateTime(new Date(ms).toISOString(), locale, timezone);
  return (
    <div className="pir-phase-bar">
      {layout ? (
        <>
          <div className="pir-phase-bar__track" aria-hidden="true">
            {layout.segments.map((segment) => (
              <span
                key={segment.phase}
                className={`pir-phase-bar__segment pir-phase--${segment.phase}`}
                style={{ left: `${segment.left}%`, width: `${Math.max(segment.width, 0.5)}%` }}
                title={PHASE_LABEL[segment.phase]}
              >
                {segment.width > 18 && <span className="pir-phase-bar__segment-label">{PHASE_LABEL[segment.phase]}</span>}
              </span>
            ))}
          </div>
          <div className="pir-phase-bar__ends pir-subtle">
            <span>{moments.impactStarted.at ? `Impact started ${at(layout.start)}` : at(layout.start)}</span>
            <span>{moments.restored.at ? `Restored ${at(layout.end)}` : at(layout.end)}</span>
          </div>
        </>
      ) : (
        <p className="pir-subtle">The phase bar appears once at least two key moments are known.</p>
      )}
      <dl className="pir-phase-legend">
        {PHASES.map((phase) => (
          <div className="pir-phase-legend__item" key={phase}>
            <dt>
              <span className={`pir-phase-swatch pir-phase--${phase}`} aria-hidden="true" />
              {PHASE_LABEL[phase]}
            </dt>
            <dd>
              <PhaseDuration value={metrics[phase]} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
