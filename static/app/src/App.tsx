import type { AppContext } from './context';
import { getContext } from './bridge';
import { currentEntry } from './entry';
import { LoadError } from './components/LoadError';
import { Spinner } from './components/Spinner';
import { SectionMessage } from './components/SectionMessage';
import { AppContextValue } from './hooks/useAppContext';
import { useAsync } from './hooks/useResolver';
import { MacroConfigForm } from './macro/MacroConfigForm';
import { IssuePanel } from './panels/IssuePanel';
import { ReviewMacro } from './panels/ReviewMacro';
import { SummariesPage } from './panels/SummariesPage';
import { UnknownModule } from './panels/UnknownModule';

/**
 * One bundle serves every module in manifest.yml; the module key picks the screen. The panel's and
 * the macro's frames are documents of their own to a screen reader: their content sits in a `main`
 * landmark (axe `region`). The global page and the config form bring their own landmarks.
 */
function Screen({ context }: { context: AppContext }) {
  switch (context.moduleKey) {
    case 'pir-issue-panel':
      return (
        <main aria-label="Post-incident review">
          {context.issue ? (
            <IssuePanel issueKey={context.issue.key} />
          ) : (
            <SectionMessage appearance="warning" title="No issue in view">
              <p>This panel shows an incident and must be opened from a Jira issue.</p>
            </SectionMessage>
          )}
        </main>
      );
    case 'pir-review-macro':
      return currentEntry() === 'macro-config' ? (
        <MacroConfigForm />
      ) : (
        <main aria-label="Post-incident review">
          <ReviewMacro />
        </main>
      );
    case 'pir-after-action-summaries':
      return <SummariesPage />;
    default:
      return <UnknownModule moduleKey={context.moduleKey} />;
  }
}

export function App() {
  const { state, retry } = useAsync(getContext, 'context');
  switch (state.status) {
    case 'loading':
      return (
        <div className="pir-centered">
          <Spinner label="Loading Post-Incident Review" />
        </div>
      );
    case 'error':
      return <LoadError what="Post-Incident Review" error={state.error} onRetry={retry} />;
    case 'success':
      return (
        <AppContextValue.Provider value={state.data}>
          <Screen context={state.data} />
        </AppContextValue.Provider>
      );
  }
}
