import type { PageRow, SpaceRow, VersionRow } from './store';

/** Account id the emulator records for writes made by the app itself (`asApp()`). */
export const APP_ACCOUNT_ID = '557058:f0a1b2c3-local-forge-app';

const slug = (title: string) => encodeURIComponent(title).replace(/%20/g, '+');

/** `/x/…` short link, derived from the id like Confluence's tiny links. */
function tinyui(id: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(id);
  return `/x/${bytes.toString('base64url').replace(/A+$/, '')}`;
}

export function spaceJson(space: SpaceRow, descriptionFormat?: 'plain' | 'view'): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: String(space.id),
    key: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    authorId: space.author_id,
    createdAt: space.created_at,
    ...(space.homepage_id !== null ? { homepageId: String(space.homepage_id) } : {}),
  };
  if (descriptionFormat) {
    const value =
      descriptionFormat === 'view'
        ? `<p>${space.description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`
        : space.description;
    out.description = { [descriptionFormat]: { representation: descriptionFormat, value } };
  }
  out._links = { webui: `/spaces/${space.key}` };
  return out;
}

export function versionJson(v: { created_at: string; message: string; number: number; minor_edit: number; author_id: string }) {
  return { createdAt: v.created_at, message: v.message, number: v.number, minorEdit: v.minor_edit === 1, authorId: v.author_id };
}

export const currentVersion = (p: PageRow) =>
  versionJson({
    created_at: p.modified_at,
    message: p.version_message,
    number: p.version_number,
    minor_edit: p.version_minor_edit,
    author_id: p.version_author_id,
  });

export const versionRowJson = (v: VersionRow) => versionJson(v);

/** Page JSON (PageBulk / PageSingle) without body; `base` is added for single-page responses. */
export function pageJson(page: PageRow, space: SpaceRow, opts: { includeVersion: boolean; base?: string }): Record<string, unknown> {
  const links: Record<string, string> = {
    editui: `/pages/resumedraft.action?draftId=${page.id}`,
    webui: `/spaces/${space.key}/pages/${page.id}/${slug(page.title)}`,
    tinyui: tinyui(page.id),
  };
  if (opts.base) links.base = opts.base;
  return {
    id: String(page.id),
    status: page.status,
    title: page.title,
    spaceId: String(page.space_id),
    ...(page.parent_id !== null ? { parentId: String(page.parent_id), parentType: 'page' } : {}),
    position: page.position,
    authorId: page.author_id,
    ownerId: page.owner_id,
    lastOwnerId: null,
    createdAt: page.created_at,
    ...(opts.includeVersion ? { version: currentVersion(page) } : {}),
    body: {},
    _links: links,
  };
}

/** ChildPage JSON (GET /pages/{id}/children); direct-children adds `type`. */
export function childJson(page: PageRow, withType: boolean): Record<string, unknown> {
  return {
    id: String(page.id),
    status: page.status,
    title: page.title,
    ...(withType ? { type: 'page' } : {}),
    spaceId: String(page.space_id),
    childPosition: page.position,
  };
}
