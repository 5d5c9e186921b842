import type { ErrorRequestHandler, Response } from 'express';

/** One entry of Confluence v2's error body: `{"errors":[{status, code, title, detail}]}`. */
export interface ConfluenceErrorEntry {
  status: number;
  code: string;
  title: string;
  detail: string | null;
}

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_SERVER_ERROR',
};

/** Thrown by the emulator's handlers; turned into the error body by `confluenceErrorHandler`. */
export class ConfluenceError extends Error {
  constructor(
    readonly status: number,
    title: string,
    readonly detail: string | null = null,
  ) {
    super(title);
  }
}

export const badRequest = (title: string, detail: string | null = null) => new ConfluenceError(400, title, detail);
export const notFound = (title = 'Not Found') => new ConfluenceError(404, title);

export function sendError(res: Response, status: number, title: string, detail: string | null = null): void {
  const entry: ConfluenceErrorEntry = { status, code: CODES[status] ?? 'ERROR', title, detail };
  res.status(status).json({ errors: [entry] });
}

/**
 * Express error middleware: maps our errors, body-parser errors (413, bad JSON) and the rest.
 * Never echoes a parser's or a crash's message: those can quote the body or a file path.
 */
export const confluenceErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof ConfluenceError) return sendError(res, err.status, err.message, err.detail);
  const e = err as { type?: string; status?: number };
  if (e.type === 'entity.too.large' || e.status === 413) {
    return sendError(res, 413, 'Request entity too large', 'The request body exceeds the 5 MB limit.');
  }
  if (e.type === 'entity.parse.failed') return sendError(res, 400, 'Invalid JSON in request body');
  if (err instanceof URIError || (typeof e.status === 'number' && e.status >= 400 && e.status < 500)) {
    return sendError(res, typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 400, 'Bad request');
  }
  process.stderr.write(`[confluence emulator] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return sendError(res, 500, 'Internal server error');
};
