import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../principal';

export type ApiKind = 'jira' | 'confluence' | 'kvs';

export interface LoggedRequest {
  seq: number;
  kind: ApiKind;
  method: string;
  /** Path with query string, as the client sent it. */
  path: string;
  status: number;
  startMs: number;
  endMs: number;
  /** accountId, 'app' for app-identity calls, or null when unauthenticated. */
  user: string | null;
  /** Parsed JSON request body, when there was one (contract tests validate it). */
  body?: unknown;
}

const MAX_ENTRIES = 200_000;

/** In-memory log of every product and storage call the site answered, oldest first. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    if (this.entries.length >= MAX_ENTRIES) this.entries.shift();
    this.entries.push({ ...entry, seq: ++this.seq });
  }

  /** Express middleware: records the call when the response finishes. */
  middleware(kind: ApiKind) {
    return (req: Request, res: Response, next: NextFunction): void => {
      const startMs = Date.now();
      res.on('finish', () => {
        const principal = res.locals.principal as Principal | undefined;
        this.add({
          kind,
          method: req.method,
          path: req.originalUrl,
          status: res.statusCode,
          startMs,
          endMs: Date.now(),
          user: principal ? (principal.kind === 'app' ? 'app' : principal.accountId) : null,
          ...(req.body !== undefined && Object.keys(req.body as object).length > 0 ? { body: req.body as unknown } : {}),
        });
      });
      next();
    };
  }
}
