import { LoadError } from '../components/LoadError';
import { useResolver } from '../hooks/useResolver';
import { PanelSkeleton } from '../components/PanelSkeleton';
import { ReviewEditorView } from './ReviewEditorView';

/** The "Review" tab: loads the review document, then the editor. */
export function ReviewDocTab({ issueKey }: { issueKey: string }) {
  const { state, retry } = useResolver('review/get', { issueKey });
  switch (state.status) {
    case 'loading':
      return <PanelSkeleton label="Loading the review" />;
    case 'error':
      return (
        <LoadError
          what="the review"
          error={state.error}
          onRetry={retry}
          notFoundMessage="This incident doesn't exist or you don't have permission to see it."
        />
      );
    case 'success':
      return <ReviewEditorView initial={state.data} />;
  }
}
