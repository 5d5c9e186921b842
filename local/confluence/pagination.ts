import type { Request, Response } from 'express';
import { badRequest } from './errors';

type Key = (string | number)[];

/** How a listing is ordered: a sort key per item (ending with a unique id) and a direction. */
export interface SortSpec<T> {
  key: (item: T) => Key;
  desc: boolean;
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

const encodeCursor = (key: Key): string => Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');

function decodeCursor(cursor: string): Key {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (Array.isArray(parsed.k) && parsed.k.every((v) => typeof v === 'string' || typeof v === 'number')) return parsed.k;
  } catch {
    // fall through
  }
  throw badRequest('Invalid cursor', 'The cursor is not one this server handed out.');
}

/**
 * Keyset pagination over an in-memory list: sorts, skips past the cursor's key and cuts `limit` items.
 * Cursors stay valid when items are added or removed between calls.
 */
export function paginate<T>(items: T[], sort: SortSpec<T>, limit: number, cursor: string | undefined): { page: T[]; next?: string } {
  const dir = sort.desc ? -1 : 1;
  const sorted = [...items].sort((a, b) => dir * compareKeys(sort.key(a), sort.key(b)));
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rest = after ? sorted.filter((item) => dir * compareKeys(sort.key(item), after) > 0) : sorted;
  const page = rest.slice(0, limit);
  const next = rest.length > limit ? encodeCursor(sort.key(page[page.length - 1])) : undefined;
  return { page, next };
}

/** `<origin>/wiki`: the router is mounted at `<…>/wiki/api/v2`. */
export function siteBase(req: Request): string {
  const prefix = req.baseUrl.replace(/\/api\/v2$/, '') || '/wiki';
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${prefix}`;
}

/** Relative URL of the next page: same path and query, with the new cursor. */
function nextUrl(req: Request, cursor: string): string {
  const query = new URLSearchParams(req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '');
  query.delete('cursor');
  query.append('cursor', cursor);
  return `${req.baseUrl}${req.path}?${query.toString()}`;
}

/** Sends a `MultiEntityResult`: `{results, _links:{next?, base}}` plus the `Link` header. */
export function sendPage(req: Request, res: Response, results: unknown[], next: string | undefined): void {
  const base = siteBase(req);
  const links: { next?: string; base: string } = { base };
  const header: string[] = [];
  if (next) {
    links.next = nextUrl(req, next);
    header.push(`<${links.next}>; rel="next"`);
  }
  header.push(`<${base}>; rel="base"`);
  res.set('Link', header.join(', '));
  res.json({ results, _links: links });
}

/** Reads `limit` (1..250, default 25). */
export function readLimit(raw: unknown): number {
  if (raw === undefined) return 25;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest("Invalid 'limit' parameter", 'limit must be an integer from 1 to 250');
  return Math.min(n, 250);
}
