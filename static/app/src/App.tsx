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
import { TemplatesAdminPage } from './templates/TemplatesAdminPage';

/** One bundle serves every module in manifest.yml; the module key picks the screen. */
function Screen({ context }: { context: AppContext }) {
  switch (context.moduleKey) {
    case 'pir-issue-panel':
      return context.issue ? (
        <IssuePanel issueKey={context.issue.key} />
      ) : (
        <SectionMessage appearance="warning" title="No issue in view">
          <p>This panel shows an incident and must be opened from a Jira issue.</p>
        </SectionMessage>
      );
    case 'pir-review-macro':
      return currentEntry() === 'macro-config' ? <MacroConfigForm /> : <ReviewMacro />;
    case 'pir-after-action-summaries':
      return <SummariesPage />;
    case 'pir-review-templates':
      return <TemplatesAdminPage />;
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
