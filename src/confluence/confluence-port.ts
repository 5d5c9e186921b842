import type { PageSummary, SpaceSummary } from '../contract';

/** A page as the publish use case needs it: where it is, which version, and its address. */
export interface ConfluencePage {
  id: string;
  title: string;
  spaceId: string;
  parentId: string | null;
  version: number;
  /** Absolute URL (`_links.base` + `_links.webui`); empty when Confluence did not say. */
  url: string;
}

export interface PageWrite {
  spaceId: string;
  /** null: Confluence's default place (under the space's homepage). */
  parentId: string | null;
  title: string;
  /** Confluence storage format (XHTML). */
  storage: string;
}

/** What publishing needs from Confluence, acting as the calling user. */
export interface ConfluencePort {
  /** Spaces the user can see whose name or key contains `query` (case-insensitive), from a bounded scan. */
  searchSpaces(query: string): Promise<SpaceSummary[]>;
  /** null when the space is missing or not visible. */
  getSpace(spaceId: string): Promise<SpaceSummary | null>;
  /** The root pages of a space (usually its homepage), bounded. */
  rootPages(spaceId: string): Promise<PageSummary[]>;
  /** A page's children, bounded; NOT_FOUND when the page is not visible. */
  childPages(pageId: string): Promise<PageSummary[]>;
  /** The current page, or null when it is missing, trashed or not visible. */
  getPage(pageId: string): Promise<ConfluencePage | null>;
  /** The current page of that exact title in the space (titles are unique per space), or null. */
  findPageByTitle(spaceId: string, title: string): Promise<ConfluencePage | null>;
  /** Creates the page; 'title-taken' when a page of that title already exists in the space. */
  createPage(page: PageWrite): Promise<ConfluencePage | 'title-taken'>;
  /**
   * Writes `version` (current + 1) of the page. 'stale' when Confluence has another current
   * version (409), 'gone' when the page no longer exists (404).
   */
  updatePage(pageId: string, version: number, page: PageWrite & { move: boolean }): Promise<ConfluencePage | 'stale' | 'gone'>;
}
