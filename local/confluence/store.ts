import type { Db } from '../db';
import type { Principal } from '../principal';
import { ConfluenceError } from './errors';
import { nextId } from './schema';

export type PageStatus = 'current' | 'draft' | 'archived' | 'trashed' | 'deleted' | 'historical';
export type BodyRepresentation = 'storage' | 'atlas_doc_format';

export interface SpaceRow {
  id: number;
  key: string;
  name: string;
  type: string;
  status: string;
  author_id: string;
  created_at: string;
  homepage_id: number | null;
  description: string;
  open_to_all: number;
}

export interface PageRow {
  id: number;
  space_id: number;
  parent_id: number | null;
  position: number;
  title: string;
  status: PageStatus;
  author_id: string;
  owner_id: string | null;
  created_at: string;
  modified_at: string;
  version_number: number;
  version_message: string;
  version_minor_edit: number;
  version_author_id: string;
  body_representation: BodyRepresentation;
  body_value: string;
}

export interface VersionRow {
  page_id: number;
  number: number;
  title: string;
  status: PageStatus;
  message: string;
  minor_edit: number;
  author_id: string;
  created_at: string;
  body_representation: BodyRepresentation;
  body_value: string;
}

// ---- spaces ----

export const getSpace = (db: Db, id: number): SpaceRow | undefined =>
  db.prepare('SELECT * FROM confluence_spaces WHERE id = ?').get(id) as SpaceRow | undefined;

export const getSpaceByKey = (db: Db, key: string): SpaceRow | undefined =>
  db.prepare('SELECT * FROM confluence_spaces WHERE key = ?').get(key) as SpaceRow | undefined;

export const listSpaces = (db: Db): SpaceRow[] => db.prepare('SELECT * FROM confluence_spaces ORDER BY id').all() as SpaceRow[];

/** Apps see every space; a user sees open spaces and those they are a member of. */
export function canViewSpace(db: Db, space: SpaceRow, principal: Principal): boolean {
  if (principal.kind === 'app' || space.open_to_all === 1) return true;
  return !!db.prepare('SELECT 1 FROM confluence_space_members WHERE space_id = ? AND account_id = ?').get(space.id, principal.accountId);
}

export interface NewSpace {
  key: string;
  name: string;
  authorId: string;
  createdAt: string;
  description?: string;
  openToAll?: boolean;
  members?: string[];
}

export function insertSpace(db: Db, s: NewSpace): SpaceRow {
  const id = nextId(db, 'space');
  db.prepare(
    `INSERT INTO confluence_spaces (id, key, name, type, status, author_id, created_at, description, open_to_all)
    VALUES (?, ?, ?, 'global', 'current', ?, ?, ?, ?)`,
  ).run(id, s.key, s.name, s.authorId, s.createdAt, s.description ?? '', s.openToAll === false ? 0 : 1);
  const member = db.prepare('INSERT OR IGNORE INTO confluence_space_members (space_id, account_id) VALUES (?, ?)');
  for (const m of s.members ?? []) member.run(id, m);
  return getSpace(db, id)!;
}

export const setHomepage = (db: Db, spaceId: number, pageId: number): void => {
  db.prepare('UPDATE confluence_spaces SET homepage_id = ? WHERE id = ?').run(pageId, spaceId);
};

// ---- pages ----

export const getPage = (db: Db, id: number): PageRow | undefined =>
  db.prepare('SELECT * FROM confluence_pages WHERE id = ?').get(id) as PageRow | undefined;

export const getVersion = (db: Db, pageId: number, number: number): VersionRow | undefined =>
  db.prepare('SELECT * FROM confluence_page_versions WHERE page_id = ? AND number = ?').get(pageId, number) as VersionRow | undefined;

export interface PageFilter {
  spaceIds?: number[];
  ids?: number[];
  statuses: PageStatus[];
  title?: string;
  parentId?: number;
  rootOnly?: boolean;
}

/** Every page matching the filter, ordered by id; callers sort and paginate. */
export function findPages(db: Db, f: PageFilter): PageRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  const inList = (col: string, values: readonly unknown[]) => {
    where.push(`${col} IN (${values.map(() => '?').join(',')})`);
    args.push(...values);
  };
  if (f.spaceIds && f.spaceIds.length) inList('space_id', f.spaceIds);
  if (f.ids && f.ids.length) inList('id', f.ids);
  if (f.statuses.length) inList('status', f.statuses);
  if (f.title !== undefined) {
    where.push('title = ?');
    args.push(f.title);
  }
  if (f.parentId !== undefined) {
    where.push('parent_id = ?');
    args.push(f.parentId);
  }
  if (f.rootOnly) where.push('parent_id IS NULL');
  const sql = `SELECT * FROM confluence_pages ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id`;
  return db.prepare(sql).all(...args) as PageRow[];
}

function assertTitleFree(db: Db, spaceId: number, title: string, exceptId: number | null): void {
  const clash = db
    .prepare(
      `SELECT id FROM confluence_pages WHERE space_id = ? AND lower(title) = lower(?)
    AND status IN ('current', 'archived') AND id IS NOT ?`,
    )
    .get(spaceId, title, exceptId);
  if (clash) {
    throw new ConfluenceError(400, 'A page with this title already exists: A page already exists with the same TITLE in this space');
  }
}

export interface NewPage {
  spaceId: number;
  parentId: number | null;
  title: string;
  status: 'current' | 'draft';
  authorId: string;
  createdAt: string;
  representation: BodyRepresentation;
  value: string;
  message?: string;
}

function recordVersion(db: Db, p: PageRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO confluence_page_versions (page_id, number, title, status, message, minor_edit, author_id,
    created_at, body_representation, body_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.id,
    p.version_number,
    p.title,
    p.status,
    p.version_message,
    p.version_minor_edit,
    p.version_author_id,
    p.modified_at,
    p.body_representation,
    p.body_value,
  );
}

export function insertPage(db: Db, n: NewPage): PageRow {
  return db.transaction(() => {
    if (n.status === 'current') assertTitleFree(db, n.spaceId, n.title, null);
    const id = nextId(db, 'page');
    const position =
      n.parentId === null
        ? 0
        : (
            db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM confluence_pages WHERE parent_id = ?').get(n.parentId) as {
              p: number;
            }
          ).p;
    db.prepare(
      `INSERT INTO confluence_pages (id, space_id, parent_id, position, title, status, author_id, owner_id, created_at,
      modified_at, version_number, version_message, version_minor_edit, version_author_id, body_representation, body_value)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?, ?, ?)`,
    ).run(
      id,
      n.spaceId,
      n.parentId,
      position,
      n.title,
      n.status,
      n.authorId,
      n.authorId,
      n.createdAt,
      n.createdAt,
      n.message ?? '',
      n.authorId,
      n.representation,
      n.value,
    );
    const page = getPage(db, id)!;
    recordVersion(db, page);
    return page;
  })();
}

export interface PageUpdate {
  title: string;
  status: 'current' | 'draft';
  parentId?: number;
  ownerId?: string;
  versionNumber: number;
  message: string;
  authorId: string;
  at: string;
  representation: BodyRepresentation;
  value: string;
}

/** Applies an update whose version number the caller has already checked. */
export function updatePageRow(db: Db, page: PageRow, u: PageUpdate): PageRow {
  return db.transaction(() => {
    if (u.status === 'current') assertTitleFree(db, page.space_id, u.title, page.id);
    db.prepare(
      `UPDATE confluence_pages SET title = ?, status = ?, parent_id = ?, owner_id = ?, modified_at = ?, version_number = ?,
      version_message = ?, version_minor_edit = 0, version_author_id = ?, body_representation = ?, body_value = ? WHERE id = ?`,
    ).run(
      u.title,
      u.status,
      u.parentId ?? page.parent_id,
      u.ownerId ?? page.owner_id,
      u.at,
      u.versionNumber,
      u.message,
      u.authorId,
      u.representation,
      u.value,
      page.id,
    );
    const updated = getPage(db, page.id)!;
    recordVersion(db, updated);
    return updated;
  })();
}

/** Restores a trashed page to current without touching its content (PUT with status current on a trashed page). */
export function restorePage(db: Db, page: PageRow): PageRow {
  return db.transaction(() => {
    assertTitleFree(db, page.space_id, page.title, page.id);
    db.prepare("UPDATE confluence_pages SET status = 'current' WHERE id = ?").run(page.id);
    return getPage(db, page.id)!;
  })();
}

export const setPageStatus = (db: Db, id: number, status: PageStatus): void => {
  db.prepare('UPDATE confluence_pages SET status = ? WHERE id = ?').run(status, id);
};

/** Removes a page for good; its children move up to its parent, as Confluence does. */
export function purgePage(db: Db, page: PageRow): void {
  db.transaction(() => {
    db.prepare('UPDATE confluence_pages SET parent_id = ? WHERE parent_id = ?').run(page.parent_id, page.id);
    db.prepare('DELETE FROM confluence_pages WHERE id = ?').run(page.id);
  })();
}

/** Ancestors from the root down to the page's parent. */
export function ancestorsOf(db: Db, page: PageRow): PageRow[] {
  const out: PageRow[] = [];
  const seen = new Set<number>([page.id]);
  let parentId = page.parent_id;
  while (parentId !== null && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = getPage(db, parentId);
    if (!parent) break;
    out.unshift(parent);
    parentId = parent.parent_id;
  }
  return out;
}
