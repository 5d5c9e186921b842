import type { IncidentOverview } from '../../../../src/contract';
import { LoadError } from '../components/LoadError';
import { StatusLozenge } from '../components/StatusLozenge';
import { TopLink } from '../components/TopLink';
import { useResolver } from '../hooks/useResolver';
import { IncidentFields } from './IncidentFields';
import { LinkedIssues } from './LinkedIssues';
import { PanelSkeleton } from './PanelSkeleton';
import { ReviewPlaceholder } from './ReviewPlaceholder';

// Jira's own wording: a missing issue and a hidden one must look the same.
const NOT_FOUND = "This incident doesn't exist or you don't have permission to see it.";

function IncidentHeader({ incident }: { incident: IncidentOverview }) {
  return (
    <header className="pir-header">
      <div className="pir-header__meta">
        <span className="pir-header__type">{incident.issueType}</span>
        <TopLink href={incident.url} className="pir-link pir-header__key">
          {incident.key}
        </TopLink>
        <StatusLozenge status={incident.status} />
      </div>
      <h1 className="pir-header__summary">{incident.summary}</h1>
    </header>
  );
}

/** jira:issuePanel: the incident at a glance, the first screen of the app. */
export function IssuePanel({ issueKey }: { issueKey: string }) {
  const { state, retry } = useResolver('incident/get', { issueKey });
  switch (state.status) {
    case 'loading':
      return <PanelSkeleton label={`Loading incident ${issueKey}`} />;
    case 'error':
      return <LoadError what="this incident" error={state.error} onRetry={retry} notFoundMessage={NOT_FOUND} />;
    case 'success':
      return (
        <article className="pir-panel" aria-label={`Incident ${state.data.key}`}>
          <IncidentHeader incident={state.data} />
          <IncidentFields incident={state.data} />
          <LinkedIssues issues={state.data.linkedIssues} />
          <ReviewPlaceholder />
        </article>
      );
  }
}
