import type { IncidentOverview, Severity } from '../../../../src/contract';
import { Avatar } from '../components/Avatar';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { formatDateTime } from '../format';
import { useAppContext } from '../hooks/useAppContext';

const SEVERITY_SOURCE: Record<Severity['source'], string> = {
  priority: 'from priority',
  override: 'set on the review',
  default: 'default',
};

function PersonValue({ person, empty }: { person: IncidentOverview['assignee']; empty: string }) {
  if (!person) return <span className="pir-subtle">{empty}</span>;
  return (
    <span className="pir-person">
      <Avatar name={person.displayName} />
      <span className="pir-truncate">{person.displayName}</span>
    </span>
  );
}

/** The incident's key facts as a label/value list, in the viewer's time zone. */
export function IncidentFields({ incident }: { incident: IncidentOverview }) {
  const { locale, timezone } = useAppContext();
  const when = (iso: string) => formatDateTime(iso, locale, timezone);
  const { severity } = incident;
  return (
    <dl className="pir-fields">
      <dt>Severity</dt>
      <dd className="pir-severity">
        <SeverityLozenge severity={severity} />
        <span className="pir-severity__description" title={severity.description}>
          {severity.description}
          <span className="pir-subtle"> · {SEVERITY_SOURCE[severity.source]}</span>
        </span>
      </dd>
      <dt>Priority</dt>
      <dd>{incident.priority ?? <span className="pir-subtle">None</span>}</dd>
      <dt>Assignee</dt>
      <dd>
        <PersonValue person={incident.assignee} empty="Unassigned" />
      </dd>
      <dt>Reporter</dt>
      <dd>
        <PersonValue person={incident.reporter} empty="Unknown" />
      </dd>
      <dt>Created</dt>
      <dd>
        <time dateTime={incident.created}>{when(incident.created)}</time>
      </dd>
      <dt>Resolved</dt>
      <dd>
        {incident.resolved ? (
          <time dateTime={incident.resolved}>{when(incident.resolved)}</time>
        ) : (
          <span className="pir-subtle">Unresolved</span>
        )}
      </dd>
    </dl>
  );
}
