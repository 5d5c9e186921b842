import type { ExternalSummary, PageSummary, PublishResult, PublishTarget, SpaceSummary } from '../../../../src/contract';

/** "Created" the first time (or after the page was deleted), "Updated to version N" after. */
export function outcomeText(result: Pick<PublishResult, 'outcome' | 'page'>): string {
  return result.outcome === 'created' ? 'Created' : `Updated to version ${result.page.version}`;
}

/** The question asked before publishing a review that still has wording suggestions (docs/DECISIONS.md#blameless-language). */
export function findingsQuestion(count: number): string {
  const what = count === 1 ? '1 wording suggestion is' : `${count} wording suggestions are`;
  return `${what} still open in this review. Publish it to Confluence anyway?`;
}

/** A page in the parent browser's trail: null is the space's root. */
export interface Crumb {
  id: string | null;
  title: string;
}

/** Where the parent-page browser stands: the trail from the space's root to the listed level. */
export type BrowsePath = readonly Crumb[];

export const rootPath = (space: Pick<SpaceSummary, 'name'>): BrowsePath => [{ id: null, title: space.name }];

/** Opens a page's children: the page joins the trail (a page already on it cuts the trail back there). */
export function browseInto(path: BrowsePath, page: Pick<PageSummary, 'id' | 'title'>): BrowsePath {
  const at = path.findIndex((crumb) => crumb.id === page.id);
  if (at >= 0) return path.slice(0, at + 1);
  return [...path, { id: page.id, title: page.title }];
}

/** Goes back to the crumb at `index` (0 is the space's root); out of range leaves the trail. */
export function browseTo(path: BrowsePath, index: number): BrowsePath {
  if (index < 0 || index >= path.length) return path;
  return path.slice(0, index + 1);
}

/** The parent whose children are listed now (null at the space's root). */
export const listedParent = (path: BrowsePath): string | null => path[path.length - 1]?.id ?? null;

/** Where the report goes: the chosen space, under the chosen page or at the root. */
export function targetOf(space: Pick<SpaceSummary, 'id' | 'key'>, parentId: string | null): PublishTarget {
  return { spaceId: space.id, spaceKey: space.key, parentId };
}

/** The remembered target seen as a space choice until 'publish/spaces' says its name. */
export function spaceFromTarget(target: PublishTarget): SpaceSummary {
  return { id: target.spaceId, key: target.spaceKey, name: target.spaceKey };
}

export interface PreviewSection {
  id: keyof ExternalSummary;
  heading: string;
  /** One paragraph, or a list when the field is a list. */
  text: string | null;
  items: string[] | null;
}

const SECTIONS: [Exclude<keyof ExternalSummary, 'title' | 'answers'>, string][] = [
  ['summary', 'Summary'],
  ['servicesImpacted', 'Services impacted'],
  ['duration', 'Duration'],
  ['severity', 'Severity'],
  ['customerImpact', 'Customer impact'],
  ['proximateCause', 'Proximate cause'],
  ['resolution', 'Resolution'],
  ['countermeasures', 'Countermeasures'],
];

/** The external summary's sections in publishing order (docs/DECISIONS.md#vocabulary), every one shown even when empty. */
export function previewSections(summary: ExternalSummary): PreviewSection[] {
  const fixed = SECTIONS.map(([id, heading]): PreviewSection => {
    const value = summary[id];
    return Array.isArray(value) ? { id, heading, text: null, items: value } : { id, heading, text: value, items: null };
  });
  // The template's public questions, as the page shows them (only when there are any).
  const answers = (summary.answers ?? []).map((a): PreviewSection => ({ id: 'answers', heading: a.question, text: a.answer, items: null }));
  return [...fixed, ...answers];
}

/** A VALIDATION error's messages about the target (space or parent page), joined for one line. */
export function targetFieldError(fields: Readonly<Record<string, string>> | undefined): string | null {
  const messages = Object.entries(fields ?? {})
    .filter(([path]) => /(^|\.)(target|spaceId|spaceKey|parentId)(\.|$)/.test(path))
    .map(([, message]) => message);
  return messages.length > 0 ? [...new Set(messages)].join(' ') : null;
}

/**
 * Where the report goes, named: the page and its space. A remembered page the publisher cannot see
 * (or that is gone) has no title to show, and the sentence says so rather than naming nothing.
 */
export function chosenText(value: { id: string | null; title: string | null }, space: Pick<SpaceSummary, 'name'>): string {
  if (value.id === null) return `Publishes at the root of ${space.name}.`;
  if (value.title) return `Publishes under “${value.title}” in ${space.name}.`;
  return `Publishes under the page chosen last time in ${space.name}, which you cannot see or which no longer exists: choose a page or the space root.`;
}
