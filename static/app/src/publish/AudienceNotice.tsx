import type { CommentRestriction, PublishAudience } from '../../../../src/contract';
import { SectionMessage } from '../components/SectionMessage';

interface AudienceNoticeProps {
  audience: PublishAudience;
  includeRestricted: boolean;
  onIncludeRestrictedChange: (include: boolean) => void;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "role Developers", "group incident-responders": as Jira's comment restriction reads. */
export const restrictionLabel = (r: CommentRestriction) => `${r.type} ${r.name}`;

function namedList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Before publishing: the report copies timeline text into a Confluence space, whose readers may
 * not be allowed to see it in Jira. Says how much comes from other projects and from restricted
 * comments, and leaves the restricted ones out unless the publisher ticks the box that names them.
 */
export function AudienceNotice({ audience, includeRestricted, onIncludeRestrictedChange }: AudienceNoticeProps) {
  const { otherProjectEntries, otherProjects, restrictedEntries, restrictions } = audience;
  if (otherProjectEntries === 0 && restrictedEntries === 0) return null;
  const names = restrictions.map(restrictionLabel);
  return (
    <SectionMessage appearance="information" title="Check who will read this page">
      <div className="pir-audience">
        {otherProjectEntries > 0 && (
          <p id="pir-publish-audience-projects">
            {plural(otherProjectEntries, 'timeline entry comes', 'timeline entries come')} from{' '}
            {otherProjects.length === 1 ? `project ${otherProjects[0]}` : `projects ${namedList(otherProjects)}`}. Readers of the chosen
            space may not be able to see {otherProjectEntries === 1 ? 'it' : 'them'} in Jira.
          </p>
        )}
        {restrictedEntries > 0 && (
          <>
            <p id="pir-publish-audience-restricted">
              {plural(restrictedEntries, 'comment is', 'comments are')} restricted in Jira
              {names.length > 0 ? ` to ${namedList(names)}` : ''}. {restrictedEntries === 1 ? 'It is' : 'They are'} left out of the report
              unless you include {restrictedEntries === 1 ? 'it' : 'them'}.
            </p>
            <label className="pir-checkbox pir-checkbox--long" htmlFor="pir-publish-include-restricted">
              <input
                id="pir-publish-include-restricted"
                type="checkbox"
                checked={includeRestricted}
                onChange={(event) => onIncludeRestrictedChange(event.target.checked)}
              />
              <span className="pir-checkbox__text">
                <span>
                  Include the restricted {restrictedEntries === 1 ? 'comment' : 'comments'}
                  {names.length > 0 ? ` (visible in Jira only to ${namedList(names)})` : ''}
                </span>
                <span className="pir-subtle pir-checkbox__hint">
                  Everyone who can read the page will see {restrictedEntries === 1 ? 'it' : 'them'}.
                </span>
              </span>
            </label>
          </>
        )}
      </div>
    </SectionMessage>
  );
}
