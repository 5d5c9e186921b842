import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Db } from './db';
import type { Principal } from './principal';
import { findUser } from './users';

/**
 * Credentials the local site accepts on its product APIs:
 * - HTTP Basic with a seeded user's email and any token (as Atlassian API tokens are used);
 * - `Bearer <forge token>` minted by the function runner for `asApp()` / `asUser()` calls.
 * The Forge tokens carry a per-process secret so a browser cannot forge an app identity.
 */
export class SiteAuth {
  private readonly secret = randomBytes(18).toString('base64url');

  constructor(private readonly db: Db) {}

  appToken(): string {
    return `forge.${this.secret}.app`;
  }

  userToken(accountId: string): string {
    return `forge.${this.secret}.user.${accountId}`;
  }

  resolve(authorization: string | undefined): Principal | null {
    if (!authorization) return null;
    const [scheme, value = ''] = authorization.split(' ', 2);
    if (scheme?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) return null;
      const user = findUser(this.db, decoded.slice(0, colon));
      return user?.active ? { kind: 'user', accountId: user.accountId } : null;
    }
    if (scheme?.toLowerCase() === 'bearer') return this.resolveForgeToken(value);
    return null;
  }

  private resolveForgeToken(token: string): Principal | null {
    const [prefix, secret, kind, ...rest] = token.split('.');
    if (prefix !== 'forge' || !secret || !sameSecret(secret, this.secret)) return null;
    if (kind === 'app' && rest.length === 0) return { kind: 'app' };
    if (kind === 'user' && rest.length > 0) {
      const user = findUser(this.db, rest.join('.'));
      return user?.active ? { kind: 'user', accountId: user.accountId } : null;
    }
    return null;
  }

  /** Sets `res.locals.principal`, or answers 401 in the product's own error shape. */
  middleware(product: 'jira' | 'confluence') {
    return (req: Request, res: Response, next: NextFunction): void => {
      const principal = this.resolve(req.get('authorization'));
      if (principal) {
        res.locals.principal = principal;
        next();
        return;
      }
      res.set('WWW-Authenticate', 'Basic realm="Atlassian"');
      if (product === 'jira') {
        res
          .status(401)
          .json({ errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
      } else {
        res.status(401).json({ errors: [{ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized', detail: null }] });
      }
    };
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
