import type { DurationValue } from '../../../../src/contract';
import { formatDuration, unknownReason } from '../timeline-model/durations';

interface MetricTileProps {
  label: string;
  /** Short form shown large, e.g. "TTA"; absent for phase durations. */
  abbreviation?: string;
  value: DurationValue;
}

/** One duration: the value, or "Unknown" with the moments it needs (never 0). */
export function MetricTile({ label, abbreviation, value }: MetricTileProps) {
  return (
    <div className={`pir-metric${value.known ? '' : ' pir-metric--unknown'}`}>
      <dt className="pir-metric__label">
        {abbreviation ? (
          <>
            <abbr title={label}>{abbreviation}</abbr>
            <span className="pir-visually-hidden"> ({label})</span>
          </>
        ) : (
          label
        )}
      </dt>
      <dd className="pir-metric__value">
        {value.known ? formatDuration(value.ms) : 'Unknown'}
        {!value.known && <span className="pir-metric__why">{unknownReason(value)}</span>}
      </dd>
    </div>
  );
}
