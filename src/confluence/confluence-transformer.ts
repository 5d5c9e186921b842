import type { PageSummary, SpaceSummary } from '../contract';
import type { ConfluencePage } from './confluence-port';
import type { ChildPageJson, PageJson, SpaceJson } from './confluence-types';

export const toSpaceSummary = (s: SpaceJson): SpaceSummary => ({ id: String(s.id), key: s.key, name: s.name });

export const toPageSummary = (p: PageJson | ChildPageJson, spaceId: string): PageSummary => ({
  id: String(p.id),
  title: p.title,
  spaceId: p.spaceId ? String(p.spaceId) : spaceId,
});

/** The page's absolute URL: `_links.base` (the site's `/wiki`) plus `_links.webui`; `base` from another answer when this one lacks it. */
export function pageUrl(links: PageJson['_links'], fallbackBase = ''): string {
  const webui = links?.webui;
  if (!webui) return '';
  if (/^https?:\/\//i.test(webui)) return webui;
  return `${(links?.base ?? fallbackBase).replace(/\/$/, '')}${webui}`;
}

export function toConfluencePage(p: PageJson, fallbackBase = ''): ConfluencePage {
  return {
    id: String(p.id),
    title: p.title,
    spaceId: String(p.spaceId),
    parentId: p.parentId ? String(p.parentId) : null,
    version: p.version?.number ?? 1,
    url: pageUrl(p._links, fallbackBase),
  };
}

/** Case-insensitive match on name or key; an empty query matches everything. */
export function matchesSpace(space: SpaceSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || space.name.toLowerCase().includes(q) || space.key.toLowerCase().includes(q);
}

/** The cursor of a v2 `_links.next` ("/wiki/api/v2/spaces?limit=…&cursor=…"), or null on the last page. */
export function nextCursor(next: string | undefined): string | null {
  if (!next) return null;
  const query = next.includes('?') ? next.slice(next.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('cursor');
}
