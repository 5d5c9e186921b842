import type { NextFunction, Request, Response } from 'express';
import { storageUnits, type StorageUnits } from '../kvs/units';
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
  /** Bytes of the request body as received (0 without one). */
  requestBytes: number;
  /** Bytes of the response body as sent (0 for 204). */
  responseBytes: number;
  /** Storage calls only: Forge's quota units for the call (local/kvs/units.ts). */
  storage?: StorageUnits;
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
      const sizes = countBodies(req, res);
      res.on('finish', () => {
        const principal = res.locals.principal as Principal | undefined;
        const { requestBytes, responseBytes } = sizes();
        this.add({
          kind,
          method: req.method,
          path: req.originalUrl,
          status: res.statusCode,
          startMs,
          endMs: Date.now(),
          user: principal ? (principal.kind === 'app' ? 'app' : principal.accountId) : null,
          ...(req.body !== undefined && Object.keys(req.body as object).length > 0 ? { body: req.body as unknown } : {}),
          requestBytes,
          responseBytes,
          ...(kind === 'kvs' ? { storage: storageUnits(req.originalUrl, requestBytes, responseBytes) } : {}),
        });
      });
      next();
    };
  }
}

/**
 * Counts the bytes of both bodies as they pass, without reading either: a listener on the request
 * would switch it to flowing mode before the route's parser is attached, so the chunks the parser
 * receives are counted where the stream hands them out (`emit('data')`), and the response's where
 * it writes them. A body nobody read (refused before parsing) counts by its Content-Length.
 */
function countBodies(req: Request, res: Response): () => { requestBytes: number; responseBytes: number } {
  let requestBytes = 0;
  let responseBytes = 0;
  const emit = req.emit.bind(req);
  req.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'data' && args[0] instanceof Uint8Array) requestBytes += args[0].byteLength;
    return emit(event, ...args);
  }) as typeof req.emit;

  const sized = (chunk: unknown, encoding: unknown) =>
    typeof chunk === 'string'
      ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : chunk instanceof Uint8Array
        ? chunk.byteLength
        : 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    responseBytes += sized(chunk, encoding);
    return write(chunk, encoding, cb);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    if (typeof chunk !== 'function') responseBytes += sized(chunk, encoding);
    return end(chunk, encoding, cb);
  }) as typeof res.end;

  return () => {
    const declared = Number(req.get('content-length'));
    return { requestBytes: requestBytes || (Number.isSafeInteger(declared) && declared > 0 ? declared : 0), responseBytes };
  };
}
