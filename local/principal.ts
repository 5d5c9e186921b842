/**
 * Who is calling the local site's REST APIs. Set on `res.locals.principal` by the auth
 * middleware in `server.ts` before any product route runs; product routers never parse
 * credentials themselves.
 * - `user`: HTTP Basic (email + any token), or a Forge invocation acting `asUser()`.
 * - `app`: a Forge invocation acting `asApp()`: sees every project, like an installed app.
 */
export type Principal = { kind: 'user'; accountId: string } | { kind: 'app' };

export interface SiteUser {
  accountId: string;
  email: string;
  displayName: string;
  timeZone: string;
  active: boolean;
}
