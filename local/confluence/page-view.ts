import type { Db } from '../db';
import type { Principal } from '../principal';
import { storageOf } from './body';
import { ancestorsOf, canViewSpace, getPage, getSpace } from './store';

export interface PageForView {
  id: string;
  title: string;
  spaceKey: string;
  spaceName: string;
  /** Current version number. */
  version: number;
  /** Storage format (converted from ADF when the page was written in ADF). */
  storage: string;
  ancestors: { id: string; title: string }[];
  /** How the page was written; when `atlas_doc_format`, `adf` holds the JSON string as written. */
  representation: 'storage' | 'atlas_doc_format';
  adf?: string;
  lastModified: { at: string; authorId: string };
}

/** A live page the principal may see, shaped for the site's page view; null otherwise. */
export function getPageForView(db: Db, pageId: string | number, principal: Principal): PageForView | null {
  const id = Number(pageId);
  if (!Number.isInteger(id)) return null;
  const page = getPage(db, id);
  const space = page && getSpace(db, page.space_id);
  if (!page || !space || !canViewSpace(db, space, principal) || !['current', 'archived'].includes(page.status)) return null;
  return {
    id: String(page.id),
    title: page.title,
    spaceKey: space.key,
    spaceName: space.name,
    version: page.version_number,
    storage: storageOf(page),
    ancestors: ancestorsOf(db, page).map((a) => ({ id: String(a.id), title: a.title })),
    representation: page.body_representation,
    ...(page.body_representation === 'atlas_doc_format' ? { adf: page.body_value } : {}),
    lastModified: { at: page.modified_at, authorId: page.version_author_id },
  };
}

/** Site URL of a live page found by space key and title (for `RenderHooks.pageUrl`); null when there is none. */
export function findPageUrl(db: Db, spaceKey: string, title: string): string | null {
  const row = db
    .prepare(
      `SELECT p.id, p.title, s.key FROM confluence_pages p JOIN confluence_spaces s ON s.id = p.space_id
    WHERE s.key = ? AND p.title = ? AND p.status IN ('current', 'archived')`,
    )
    .get(spaceKey, title) as { id: number; title: string; key: string } | undefined;
  return row ? `/wiki/spaces/${row.key}/pages/${row.id}/${encodeURIComponent(row.title).replace(/%20/g, '+')}` : null;
}
