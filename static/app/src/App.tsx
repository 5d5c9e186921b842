import { lazy, Suspense } from 'react';
import type { AppContext } from './context';
import { getContext } from './bridge';
import { currentEntry } from './entry';
import { LoadError } from './components/LoadError';
import { Spinner } from './components/Spinner';
import { SectionMessage } from './components/SectionMessage';
import { AppContextValue } from './hooks/useAppContext';
import { useAsync } from './hooks/useResolver';
import { UnknownModule } from './screens/UnknownModule';
import { TemplatesAdminPage } from './templates/TemplatesAdminPage';

// Each module's screen is its own chunk: a frame loads only the code (and Atlaskit controls) of the
// module it shows, e.g. the macro's config form never loads the issue panel (scripts/bundle-size.ts).
const MacroConfigForm = lazy(() => import('./macro/MacroConfigForm').then((m) => ({ default: m.MacroConfigForm })));
const IssuePanel = lazy(() => import('./screens/IssuePanel').then((m) => ({ default: m.IssuePanel })));
const ReviewMacro = lazy(() => import('./screens/ReviewMacro').then((m) => ({ default: m.ReviewMacro })));
const SummariesPage = lazy(() => import('./screens/SummariesPage').then((m) => ({ default: m.SummariesPage })));

const loading = (
  <div className="pir-centered">
    <Spinner label="Loading Post-Incident Review" />
  </div>
);

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
      return loading;
    case 'error':
      return <LoadError what="Post-Incident Review" error={state.error} onRetry={retry} />;
    case 'success':
      return (
        <AppContextValue.Provider value={state.data}>
          <Suspense fallback={loading}>
            <Screen context={state.data} />
          </Suspense>
        </AppContextValue.Provider>
      );
  }
}
