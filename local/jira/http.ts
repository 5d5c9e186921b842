import type { Request, Response } from 'express';
import type { Db } from '../db';
import type { Principal } from '../principal';

/** Everything a handler needs to answer one request. */
export interface Ctx {
  db: Db;
  principal: Principal;
  base: string;
}

export function ctxOf(db: Db, req: Request, res: Response): Ctx {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('res.locals.principal is not set: mount the auth middleware before the Jira router');
  return { db, principal, base: `${req.protocol}://${req.get('host') ?? 'localhost'}` };
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function sendErrors(res: Response, status: number, errorMessages: string[], errors: Record<string, string> = {}): void {
  res.status(status).json({ errorMessages, errors });
}

export function sendIssueNotFound(res: Response): void {
  sendErrors(res, 404, [ISSUE_NOT_FOUND]);
}

/** Query values that may be repeated and/or comma separated (`fields=a,b&fields=c`). */
export function listParam(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function stringParam(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}

/** Parses an integer query parameter; `undefined` when absent, `null` when not a number. */
export function intParam(value: unknown): number | undefined | null {
  const s = stringParam(value);
  if (s === undefined || s === '') return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : null;
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
