import type { ReactNode } from 'react';
import type { IncidentOverview } from '../../../../src/contract';
import { StatusLozenge } from './StatusLozenge';
import { TopLink } from './TopLink';

/** Type, key, status and summary of the incident, as at the top of a Jira issue. */
export function IncidentHeader({ incident, actions }: { incident: IncidentOverview; actions?: ReactNode }) {
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
      {actions}
    </header>
  );
}
