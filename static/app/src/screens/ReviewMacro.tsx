import { LoadError } from '../components/LoadError';
import { EmptyState } from '../components/EmptyState';
import { useAppContext } from '../hooks/useAppContext';
import { useResolver } from '../hooks/useResolver';
import { macroConfigOf, macroScreen } from '../macro/macro-config';
import { MacroReview } from '../macro/MacroReview';
import { PanelSkeleton } from '../components/PanelSkeleton';

export const NO_ACCESS_TITLE = "You don't have access to this incident's review";

/**
 * Confluence macro: the configured incident's review, live, as the page's viewer may see it.
 * "No access" says nothing about the incident, not even its key (the backend answers the same
 * for an unknown key).
 */
export function ReviewMacro() {
  const config = macroConfigOf(useAppContext().macro);
  const { state, retry } = useResolver('macro/get', { config });
  switch (state.status) {
    case 'loading':
      return <PanelSkeleton label="Loading the post-incident review" />;
    case 'error':
      return <LoadError what="this review" error={state.error} onRetry={retry} />;
    case 'success': {
      const screen = macroScreen(state.data);
      switch (screen.kind) {
        case 'not-configured':
          return (
            <div className="pir-macro" data-macro-state="not-configured">
              <EmptyState
                header="Choose an incident to show"
                description={
                  <>
                    This macro shows a post-incident review from Jira. While editing the page, select the macro, choose{' '}
                    <strong>Edit</strong> (the pencil), enter the incident's issue key (for example INC-42) and pick a view: full review,
                    summary, timeline and recovery plot, or action items.
                  </>
                }
              />
            </div>
          );
        case 'no-access':
          return (
            <div className="pir-macro" data-macro-state="no-access">
              <EmptyState
                header={NO_ACCESS_TITLE}
                description="Only people who can see the incident in Jira can see its review here. Ask the incident's team if you need access."
              />
            </div>
          );
        case 'ok':
          return <MacroReview result={screen.result} parts={screen.parts} />;
      }
    }
  }
}
