import { lazy, Suspense, useState } from 'react';
import type { TimelineView } from '../../../../src/contract';
import { LoadError } from '../components/LoadError';
import { useResolver } from '../hooks/useResolver';
import { PanelTabs } from '../components/PanelTabs';
import { ReviewView } from '../timeline-tab/ReviewView';
import { IncidentFields } from './IncidentFields';
import { IncidentHeader } from '../components/IncidentHeader';
import { LinkedIssues } from './LinkedIssues';
import { PanelSkeleton } from '../components/PanelSkeleton';
import { StartReviewCallout } from './StartReviewCallout';

// The Review tab (the form, its date pickers and the publish form) loads when it is first opened.
const ReviewDocTab = lazy(() => import('../review-tab/ReviewDocTab').then((m) => ({ default: m.ReviewDocTab })));

// Jira's own wording: a missing issue and a hidden one must look the same.
const NOT_FOUND = "This incident doesn't exist or you don't have permission to see it.";

/** jira:issuePanel: the incident at a glance and "Start review"; once started, the timeline and the review document in tabs. */
export function IssuePanel({ issueKey }: { issueKey: string }) {
  const { state, retry } = useResolver('timeline/get', { issueKey });
  const [started, setStarted] = useState<TimelineView | null>(null);
  switch (state.status) {
    case 'loading':
      return <PanelSkeleton label={`Loading incident ${issueKey}`} />;
    case 'error':
      return <LoadError what="this incident" error={state.error} onRetry={retry} notFoundMessage={NOT_FOUND} />;
    case 'success': {
      const review = started ?? (state.data.started ? state.data : null);
      if (review) {
        return (
          <PanelTabs
            key={review.incidentKey}
            label={`Post-incident review of ${review.incidentKey}`}
            tabs={[
              { id: 'timeline', label: 'Timeline', render: () => <ReviewView initial={review} /> },
              {
                id: 'review',
                label: 'Review',
                render: () => (
                  <Suspense fallback={<PanelSkeleton label="Loading the review" />}>
                    <ReviewDocTab issueKey={review.incidentKey} />
                  </Suspense>
                ),
              },
            ]}
          />
        );
      }
      const { incident } = state.data;
      return (
        <article className="pir-panel" aria-label={`Incident ${incident.key}`}>
          <IncidentHeader incident={incident} />
          <IncidentFields incident={incident} />
          <LinkedIssues issues={incident.linkedIssues} />
          <StartReviewCallout issueKey={issueKey} onStarted={setStarted} />
        </article>
      );
    }
  }
}
