import type { Request, Response } from 'express';
import type { Principal } from '../principal';
import { badRequest, ConfluenceError } from './errors';
import { asText } from '../text';

/** The caller, set on `res.locals.principal` by the host's auth middleware. */
export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw new ConfluenceError(401, 'Unauthorized', 'No credentials were supplied.');
  return p;
}

/** A repeated or comma-separated query parameter as a list. */
export function queryList(req: Request, name: string): string[] {
  const raw = req.query[name];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values
    .flatMap((v) => asText(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function queryString(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  return asText(Array.isArray(raw) ? raw[0] : raw);
}

export function queryBool(req: Request, name: string, fallback: boolean): boolean {
  const v = queryString(req, name);
  if (v === undefined) return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw badRequest(`Invalid '${name}' parameter`, `${name} must be true or false`);
}

/** A query value that must be one of `allowed`. */
export function queryEnum<T extends string>(req: Request, name: string, allowed: readonly T[]): T | undefined {
  const v = queryString(req, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) {
    throw badRequest(`Invalid '${name}' parameter`, `${name} must be one of: ${allowed.join(', ')}`);
  }
  return v as T;
}

/** A numeric id (path parameter or list item); anything else is a 400. */
export function numericId(raw: string, what = 'id'): number {
  if (!/^\d{1,15}$/.test(raw)) throw badRequest(`Invalid ${what}`, `'${raw}' is not a valid ${what}`);
  return Number(raw);
}
