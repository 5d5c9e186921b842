import { useMemo } from 'react';
import type { TimelineView } from '../../../../src/contract';
import { withAnnotated } from '../timeline-model/entry-pages';
import { useTimelineReview } from '../hooks/useTimelineReview';
import { IncidentHeader } from '../components/IncidentHeader';
import { ConflictNotice } from './ConflictNotice';
import { KeyMetricsCard } from './KeyMetricsCard';
import { KeyMomentsCard } from './KeyMomentsCard';
import { RecoveryPlot } from './RecoveryPlot';
import { RefreshFromJira } from './RefreshFromJira';
import { TimelineSection } from './TimelineSection';

/** The started review in the issue panel: metrics, moments, the recovery plot and the timeline. */
export function ReviewView({ initial }: { initial: TimelineView }) {
  const review = useTimelineReview(initial);
  const { view, entries, conflict } = review;
  const plotted = useMemo(() => withAnnotated(entries, view.annotated), [entries, view.annotated]);
  return (
    <article className="pir-panel pir-review" aria-label={`Post-incident review of ${view.incidentKey}`}>
      <IncidentHeader incident={view.incident} actions={<RefreshFromJira pulledAt={view.pulledAt} refresh={review.refresh} />} />
      {conflict && <ConflictNotice conflict={conflict} onDismiss={review.dismissConflict} />}
      <div className="pir-review__overview">
        <KeyMetricsCard view={view} write={review.write} />
        <KeyMomentsCard moments={view.moments} write={review.write} />
      </div>
      <RecoveryPlot entries={plotted} moments={view.moments} metrics={view.metrics} />
      <TimelineSection review={review} />
    </article>
  );
}
