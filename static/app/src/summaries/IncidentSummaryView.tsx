import { useEffect, useRef } from 'react';
import { Button } from '../components/Button';
import { LoadError } from '../components/LoadError';
import { useIncidentSummary } from '../hooks/useSummaries';
import { PanelSkeleton } from '../components/PanelSkeleton';
import { SummaryDocument } from './SummaryDocument';
import { RelatedReviewsPart } from '../related/RelatedReviewsPart';

// Jira's own wording: a missing issue and a hidden one must look the same.
const NOT_FOUND = "This incident doesn't exist or you don't have permission to see it.";

interface IncidentSummaryViewProps {
  issueKey: string;
  onBack: () => void;
  /** Opens another incident's summary on this page (related reviews link to it). */
  onOpen?: (key: string) => void;
}

/** The printable summary with "Back to all reviews" and "Print"; Escape goes back too. */
export function IncidentSummaryView({ issueKey, onBack, onOpen }: IncidentSummaryViewProps) {
  const { state, retry } = useIncidentSummary(issueKey);
  const back = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);

  // Focus follows the view: the Back button while loading, the summary's title once it is there.
  useEffect(() => {
    if (state.status === 'success') heading.current?.focus();
    else back.current?.focus();
  }, [state.status]);

  return (
    // The page's one visible landmark while it is shown (the list behind it is hidden), so nothing sits outside a region.
    <main
      className="pir-summaries-print"
      aria-label={`After Action Summary of ${issueKey}`}
      data-ready={state.status === 'success' ? 'incident-summary' : undefined}
    >
      <div className="pir-summaries-print__bar pir-summaries-no-print">
        <Button ref={back} appearance="subtle" onClick={onBack}>
          <span aria-hidden="true">← </span>Back to all reviews
        </Button>
        <Button appearance="primary" isDisabled={state.status !== 'success'} onClick={() => window.print()}>
          Print
        </Button>
      </div>
      {state.status === 'loading' && <PanelSkeleton label={`Loading the summary of ${issueKey}`} />}
      {state.status === 'error' && (
        <LoadError what={`the summary of ${issueKey}`} error={state.error} onRetry={retry} notFoundMessage={NOT_FOUND} />
      )}
      {state.status === 'success' && <SummaryDocument summary={state.data} headingRef={heading} />}
      {state.status === 'success' && onOpen && <RelatedReviewsPart issueKey={issueKey} onOpen={onOpen} />}
    </main>
  );
}
