import type { CommentRestriction, PublishAudience, TimelineEntry, TimelineView } from '../../contract';
import { projectOf } from '../issue-key';
import { peopleOf } from '../timeline-merge';
import { momentsFor } from '../visibility';

/** A stretch of timeline as publishing counts it: `entries` entries of one issue, restricted (and to whom) or not. */
export interface AudienceItem {
  issueKey: string;
  entries: number;
  restricted?: boolean;
  restriction?: CommentRestriction;
}

/** What the report would quote that readers of a Confluence space may not see in Jira (see PublishAudience). */
export function publishAudience(items: Iterable<AudienceItem>, incidentKey: string): PublishAudience {
  const project = projectOf(incidentKey);
  const otherProjects = new Set<string>();
  let otherProjectEntries = 0;
  let restrictedEntries = 0;
  const restrictions = new Map<string, CommentRestriction>();
  for (const e of items) {
    if (projectOf(e.issueKey) !== project) {
      otherProjectEntries += e.entries;
      otherProjects.add(projectOf(e.issueKey));
    }
    if (e.restricted) {
      restrictedEntries += e.entries;
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

/** Entries one by one as audience items (manual entries belong to the review: they count for no other project). */
export function entryAudience(entries: readonly TimelineEntry[]): AudienceItem[] {
  return entries
    .filter((e) => e.source !== 'manual')
    .map((e) => ({ issueKey: e.issueKey, entries: 1, restricted: e.restricted, ...(e.restriction && { restriction: e.restriction }) }));
}

/** The view without restricted comments: moments taken from one keep their time and lose the entry. */
export function withoutRestricted(view: TimelineView): TimelineView {
  const entries = view.entries.filter((e) => !e.restricted);
  if (entries.length === view.entries.length) return view;
  return {
    ...view,
    entries,
    paging: { total: entries.length, pageStarts: [] },
    people: peopleOf(entries),
    moments: momentsFor(view.moments, new Set(entries.map((e) => e.id))),
  };
}
