import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { sendError as sendConfluenceError } from './confluence/errors';

/**
 * How the local site answers what its routes did not: malformed bodies, wrong content types,
 * undecodable paths, unknown routes and unexpected failures. Always JSON in the shape of the API
 * the request was sent to (Jira `{errorMessages, errors}`, Confluence `{errors:[…]}`, plain
 * `{error}` for the site's own routes), and never a stack trace, a file path or an echo of the
 * parser's message: Express's default handler answers HTML with the stack outside production.
 */
export type ErrorShape = 'jira' | 'confluence' | 'plain';

export function sendShapedError(res: Response, shape: ErrorShape, status: number, message: string): void {
  if (shape === 'jira') res.status(status).json({ errorMessages: [message], errors: {} });
  else if (shape === 'confluence') sendConfluenceError(res, status, message);
  else res.status(status).json({ error: message });
}

/** What a client did wrong, from the errors body-parser and the router raise; null for our own failures. */
export function clientErrorOf(err: unknown): { status: number; message: string } | null {
  const e = (err ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  switch (e.type) {
    case 'entity.parse.failed':
      return { status: 400, message: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, message: 'The request body is too large.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: "The request body's encoding is not supported." };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, message: 'The request body was incomplete.' };
    default:
      break;
  }
  // e.g. a path segment whose percent-encoding does not decode (the router marks it 400).
  if (err instanceof URIError || (status !== undefined && status >= 400 && status < 500)) {
    return { status: status !== undefined && status >= 400 && status < 500 ? status : 400, message: 'The request is malformed.' };
  }
  return null;
}

/** The last error handler of a group of routes: client errors keep their status, the rest is a bare 500. */
export function errorHandlerAs(shape: ErrorShape, label: string): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const client = clientErrorOf(err);
    if (client) return sendShapedError(res, shape, client.status, client.message);
    // Details go to the site's log, never to the caller.
    process.stderr.write(`[${label}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    sendShapedError(res, shape, 500, 'Internal server error');
  };
}

export function notFoundAs(shape: ErrorShape): RequestHandler {
  return (req: Request, res: Response) =>
    sendShapedError(res, shape, 404, `No route for ${req.method} ${req.baseUrl}${req.path}`.slice(0, 300));
}

/**
 * 415 for a request body that is not JSON. The real APIs refuse it too; without this check the
 * JSON parser skips such a body and a route would act on an empty one.
 */
export function requireJsonBody(shape: ErrorShape): RequestHandler {
  return (req, res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
    if (!hasBody || req.is(['application/json', '+json'])) return next();
    sendShapedError(res, shape, 415, 'Unsupported Media Type: send the body as application/json.');
  };
}
