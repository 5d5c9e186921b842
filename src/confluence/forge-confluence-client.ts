import api, { route, type Route } from '@forge/api';
import type { PageSummary, SpaceSummary } from '../contract';
import { AppFailure } from '../domain/app-error';
import type { ConfluencePage, ConfluencePort, PageWrite } from './confluence-port';
import {
  confluenceErrorText,
  confluenceFailure,
  createConfluenceRequest,
  type ConfluenceRequest,
  type RequestConfluence,
} from './confluence-request';
import { matchesSpace, nextCursor, toConfluencePage, toPageSummary, toSpaceSummary } from './confluence-transformer';
import type { ChildPageJson, MultiEntityJson, PageJson, SpaceJson } from './confluence-types';

/** Spaces read to answer one search: the search is client-side (v2 has no name filter), so it is bounded. */
export const MAX_SPACES_SCANNED = 250;
/** Matches returned to the picker. */
export const MAX_SPACE_RESULTS = 50;
/** Pages listed under one parent. */
export const MAX_PAGES_LISTED = 250;
/** v2 allows up to 250 per page of results. */
const PAGE_SIZE = 250;

/**
 * Reads a cursor-paginated v2 listing until `max` items or the last page. `path(cursor)` builds
 * the request for a cursor (null: the first page).
 */
async function collect<T>(send: ConfluenceRequest, path: (cursor: string | null) => Route, max: number, what: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const reply = await send({ path: path(cursor), what });
    if (reply.status !== 200) throw confluenceFailure(reply, what);
    const body = reply.body as MultiEntityJson<T>;
    out.push(...(body.results ?? []));
    cursor = nextCursor(body._links?.next);
  } while (cursor !== null && out.length < max);
  return out.slice(0, max);
}

function pageBody(page: PageWrite): { representation: 'storage'; value: string } {
  return { representation: 'storage', value: page.storage };
}

/** Confluence v2 as the calling user, so Confluence's own space permissions decide what they may see and write. */
export function createForgeConfluenceClient(requestConfluence: RequestConfluence = api.asUser().requestConfluence): ConfluencePort {
  const send = createConfluenceRequest(requestConfluence);

  const getPage = async (pageId: string): Promise<ConfluencePage | null> => {
    const what = 'reading the published page';
    const reply = await send({ path: route`/wiki/api/v2/pages/${pageId}`, what });
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw confluenceFailure(reply, what);
    const page = reply.body as PageJson;
    // Only a current page is updated in place; a trashed one is gone as far as publishing goes.
    return page.status === undefined || page.status === 'current' ? toConfluencePage(page) : null;
  };

  const findPageByTitle = async (spaceId: string, title: string): Promise<ConfluencePage | null> => {
    const what = 'looking for the report page';
    const reply = await send({ path: route`/wiki/api/v2/pages?space-id=${spaceId}&title=${title}&status=current&limit=${1}`, what });
    if (reply.status !== 200) throw confluenceFailure(reply, what);
    const found = (reply.body as MultiEntityJson<PageJson>).results?.[0];
    return found ? toConfluencePage(found) : null;
  };

  return {
    async searchSpaces(query): Promise<SpaceSummary[]> {
      const spaces = await collect<SpaceJson>(
        send,
        (cursor) =>
          cursor === null
            ? route`/wiki/api/v2/spaces?limit=${PAGE_SIZE}&sort=name`
            : route`/wiki/api/v2/spaces?limit=${PAGE_SIZE}&sort=name&cursor=${cursor}`,
        MAX_SPACES_SCANNED,
        'listing Confluence spaces',
      );
      return spaces
        .map(toSpaceSummary)
        .filter((s) => matchesSpace(s, query))
        .slice(0, MAX_SPACE_RESULTS);
    },

    async getSpace(spaceId) {
      const what = 'reading the Confluence space';
      const reply = await send({ path: route`/wiki/api/v2/spaces/${spaceId}`, what });
      if (reply.status === 404) return null;
      if (reply.status !== 200) throw confluenceFailure(reply, what);
      return toSpaceSummary(reply.body as SpaceJson);
    },

    async rootPages(spaceId): Promise<PageSummary[]> {
      const pages = await collect<PageJson>(
        send,
        (cursor) =>
          cursor === null
            ? route`/wiki/api/v2/spaces/${spaceId}/pages?depth=root&status=current&sort=title&limit=${PAGE_SIZE}`
            : route`/wiki/api/v2/spaces/${spaceId}/pages?depth=root&status=current&sort=title&limit=${PAGE_SIZE}&cursor=${cursor}`,
        MAX_PAGES_LISTED,
        'listing the pages of the space',
      );
      return pages.map((p) => toPageSummary(p, spaceId));
    },

    async childPages(pageId): Promise<PageSummary[]> {
      const parent = await getPage(pageId);
      if (!parent) throw new AppFailure('NOT_FOUND', 'That Confluence page does not exist or you cannot see it.');
      const pages = await collect<ChildPageJson>(
        send,
        (cursor) =>
          cursor === null
            ? route`/wiki/api/v2/pages/${pageId}/children?limit=${PAGE_SIZE}`
            : route`/wiki/api/v2/pages/${pageId}/children?limit=${PAGE_SIZE}&cursor=${cursor}`,
        MAX_PAGES_LISTED,
        'listing child pages',
      );
      return pages.map((p) => toPageSummary(p, parent.spaceId));
    },

    getPage,
    findPageByTitle,

    async createPage(page) {
      const what = 'creating the report page';
      const reply = await send({
        path: route`/wiki/api/v2/pages`,
        method: 'POST',
        body: {
          spaceId: page.spaceId,
          status: 'current',
          title: page.title,
          ...(page.parentId ? { parentId: page.parentId } : {}),
          body: pageBody(page),
        },
        what,
      });
      // Confluence v2 answers 200 to a create (not 201); accept either.
      if (reply.status === 200 || reply.status === 201) return toConfluencePage(reply.body as PageJson);
      // Titles are unique per space: a 400 naming the title means the page is already there.
      if (reply.status === 400 && /title/i.test(confluenceErrorText(reply.body) ?? '')) return 'title-taken';
      throw confluenceFailure(reply, what);
    },

    async updatePage(pageId, version, page) {
      const what = 'updating the report page';
      const reply = await send({
        path: route`/wiki/api/v2/pages/${pageId}`,
        method: 'PUT',
        body: {
          id: pageId,
          status: 'current',
          title: page.title,
          spaceId: page.spaceId,
          ...(page.move && page.parentId ? { parentId: page.parentId } : {}),
          body: pageBody(page),
          version: { number: version, message: 'Re-published from the post-incident review in Jira' },
        },
        what,
      });
      if (reply.status === 200) return toConfluencePage(reply.body as PageJson);
      if (reply.status === 409) return 'stale';
      if (reply.status === 404) return 'gone';
      throw confluenceFailure(reply, what);
    },
  };
}
