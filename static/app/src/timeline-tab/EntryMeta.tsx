import type { TimelineEntry } from '../../../../src/contract';
import { Avatar } from '../components/Avatar';
import { Lozenge } from '../components/Lozenge';
import { TopLink } from '../components/TopLink';
import { MANUAL_KIND_LABEL, SOURCE_LABEL } from '../timeline-model/labels';
import { actorNameOf } from '../timeline-model/timeline-filters';
import { SourceIcon } from './SourceIcon';

/** Source, issue and relation (when not the incident), actor, badges and the link to the source. */
export function EntryMeta({ entry }: { entry: TimelineEntry }) {
  const actor = actorNameOf(entry);
  const sourceLabel = entry.manualKind ? MANUAL_KIND_LABEL[entry.manualKind] : SOURCE_LABEL[entry.source];
  return (
    <div className="pir-entry__meta">
      <span className="pir-entry__source">
        <SourceIcon source={entry.source} />
        {sourceLabel}
      </span>
      {entry.relation !== 'incident' && (
        <span className="pir-entry__issue">
          <span className="pir-entry__issue-key">{entry.issueKey}</span>
          <span className="pir-subtle"> {entry.relation}</span>
        </span>
      )}
      {actor && (
        <span className="pir-person pir-entry__actor">
          <Avatar name={actor} />
          <span className="pir-truncate">{actor}</span>
        </span>
      )}
      {entry.restricted && (
        <Lozenge
          appearance="moved"
          title={`The comment is restricted in Jira${entry.restriction ? ` to ${entry.restriction.type} ${entry.restriction.name}` : ''}; only people Jira lets read it see it here`}
        >
          Restricted
        </Lozenge>
      )}
      {entry.shortened && (
        <Lozenge
          appearance="default"
          title={`Too long to keep whole (${entry.shortened.fullLength.toLocaleString('en-US')} characters): shortened here, open it in Jira for the rest`}
        >
          Shortened, open in Jira
        </Lozenge>
      )}
      {entry.deletedInJira && (
        <Lozenge appearance="removed" title="Not found on the last pull from Jira; kept in the review">
          Deleted in Jira
        </Lozenge>
      )}
      {entry.annotation.internal && (
        <Lozenge appearance="new" title="Never shown in the external summary">
          Internal
        </Lozenge>
      )}
      {entry.url && (
        <TopLink
          href={entry.url}
          className="pir-link pir-entry__open"
          title={`Open ${entry.source === 'remote-link' ? 'the link' : `in Jira (${entry.issueKey})`}`}
          unsafe={
            <span className="pir-subtle pir-truncate pir-entry__url-text" title="Not a web address, so it is not opened">
              {entry.url}
            </span>
          }
        >
          Open
          <span className="pir-visually-hidden"> {entry.source === 'remote-link' ? 'linked page' : `${entry.issueKey} in Jira`}</span>
        </TopLink>
      )}
    </div>
  );
}
