import type { TimelineView } from '../../../../src/contract';
import { KeyDurations } from '../components/KeyDurations';
import { SeverityLozenge } from '../components/SeverityLozenge';
import type { TimelineReview } from '../hooks/useTimelineReview';
import { PhaseBar } from './PhaseBar';
import { SeverityField } from './SeverityField';

/**
 * TTA, TTR, impact and phase durations (docs/DECISIONS.md#vocabulary), severity, and the phase bar. Without `write`
 * it is read-only (the Confluence macro): the severity is shown, not offered for change.
 */
export function KeyMetricsCard({ view, write }: { view: TimelineView; write?: TimelineReview['write'] }) {
  const { metrics, problems } = view;
  return (
    <section className="pir-card" aria-labelledby="pir-metrics-heading">
      <h2 className="pir-card__heading" id="pir-metrics-heading">
        Key metrics
      </h2>
      <KeyDurations metrics={metrics} problems={problems} />
      <PhaseBar moments={view.moments} metrics={metrics} />
      {write ? (
        <SeverityField severity={view.severity} priorityDerived={view.incident.severity} write={write} />
      ) : (
        <div className="pir-severity-field">
          <p className="pir-severity-field__current">
            <span className="pir-severity-field__label">Severity</span>
            <SeverityLozenge severity={view.severity} />
            <span className="pir-subtle pir-truncate" title={view.severity.description}>
              {view.severity.description}
            </span>
          </p>
        </div>
      )}
    </section>
  );
}
