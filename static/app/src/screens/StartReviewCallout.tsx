import type { TimelineView } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useStartReview } from '../hooks/useStartReview';

interface StartReviewCalloutProps {
  issueKey: string;
  onStarted: (view: TimelineView) => void;
}

/** "Start review": gathers the incident's history into one timeline. */
export function StartReviewCallout({ issueKey, onStarted }: StartReviewCalloutProps) {
  const { start, starting, error } = useStartReview(issueKey, onStarted);
  return (
    <section className="pir-review-callout" aria-labelledby="pir-review-heading">
      <div className="pir-review-callout__text">
        <h2 className="pir-section__heading" id="pir-review-heading">
          Post-incident review
        </h2>
        <p className="pir-subtle">
          Start a review to gather this incident's comments, status changes, assignments and linked issues into one timeline, with authors
          and exact times, ready to annotate.
        </p>
        {error && <InlineError>{`The review wasn't started. ${error}`}</InlineError>}
      </div>
      <Button appearance="primary" isLoading={starting} onClick={start}>
        {starting ? 'Starting review…' : 'Start review'}
      </Button>
    </section>
  );
}
