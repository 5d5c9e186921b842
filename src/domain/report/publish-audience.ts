import type { CommentRestriction, PublishAudience, TimelineEntry, TimelineView } from '../../contract';
import { projectOf } from '../issue-key';
import { peopleOf } from '../timeline-merge';
import { momentsFor } from '../visibility';

/** What the report would quote that readers of a Confluence space may not see in Jira (see PublishAudience). */
export function publishAudience(entries: readonly TimelineEntry[], incidentKey: string): PublishAudience {
  const project = projectOf(incidentKey);
  const otherProjects = new Set<string>();
  let otherProjectEntries = 0;
  let restrictedEntries = 0;
  const restrictions = new Map<string, CommentRestriction>();
  for (const e of entries) {
    if (e.source !== 'manual' && projectOf(e.issueKey) !== project) {
      otherProjectEntries++;
      otherProjects.add(projectOf(e.issueKey));
    }
    if (e.restricted) {
      restrictedEntries++;
      if (e.restriction) restrictions.set(`${e.restriction.type}:${e.restriction.name}`, e.restriction);
    }
  }
  return {
    otherProjectEntries,
    otherProjects: [...otherProjects].sort(),
    restrictedEntries,
    restrictions: [...restrictions.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name, 'en')),
  };
}

/** The view without restricted comments: moments taken from one keep their time and lose the entry. */
export function withoutRestricted(view: TimelineView): TimelineView {
  const entries = view.entries.filter((e) => !e.restricted);
  if (entries.length === view.entries.length) return view;
  return { ...view, entries, paging: { total: entries.length, pageStarts: [] }, people: peopleOf(entries), moments: momentsFor(view.moments, new Set(entries.map((e) => e.id))) };
}
