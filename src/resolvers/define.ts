import type { z } from 'zod';
import type { Result } from '../contract';
import { AppFailure } from '../domain/app-error';
import { logger } from '../logger';

/** What every resolver gets from Forge's invocation context (never from the payload). */
export interface CallContext {
  accountId: string;
  moduleKey: string;
  siteUrl: string;
  extension: Record<string, unknown>;
}

export interface ForgeRequest {
  payload: unknown;
  context: Record<string, unknown>;
}

function callContext(raw: Record<string, unknown>): CallContext | null {
  const accountId = raw.accountId;
  if (typeof accountId !== 'string' || accountId.length === 0) return null;
  return {
    accountId,
    moduleKey: typeof raw.moduleKey === 'string' ? raw.moduleKey : '',
    siteUrl: typeof raw.siteUrl === 'string' ? raw.siteUrl : '',
    extension: typeof raw.extension === 'object' && raw.extension !== null ? (raw.extension as Record<string, unknown>) : {},
  };
}

/** Field paths and messages echo what the caller sent (unknown keys, say): both are cut short. */
const MAX_PATH = 120;
const MAX_MESSAGE = 200;
const MAX_FIELDS = 20;
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues.slice(0, MAX_FIELDS)) {
    const path = cut(issue.path.map(String).join('.') || '(payload)', MAX_PATH);
    const message =
      issue.code === 'unrecognized_keys' ? `Unknown field${issue.keys.length === 1 ? '' : 's'} in the request` : issue.message;
    out[path] = cut(message, MAX_MESSAGE);
  }
  return out;
}

/**
 * The one wrapper every resolver goes through: identity from the context, payload validated
 * by its schema, expected failures mapped to typed errors, anything else logged and hidden.
 */
export function defineResolver<P, R>(
  name: string,
  schema: z.ZodType<P>,
  run: (payload: P, ctx: CallContext) => Promise<R>,
): (req: ForgeRequest) => Promise<Result<R>> {
  return async (req) => {
    const ctx = callContext(req.context ?? {});
    if (!ctx) return { ok: false, error: { code: 'FORBIDDEN', message: 'Sign in to use Post-incident review.' } };
    const parsed = schema.safeParse(req.payload);
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'The request was not valid.', fields: fieldErrors(parsed.error) } };
    }
    try {
      return { ok: true, data: await run(parsed.data, ctx) };
    } catch (e) {
      if (e instanceof AppFailure) return { ok: false, error: e.toAppError() };
      logger.error('resolver.failed', { resolver: name, error: e instanceof Error ? e.message : String(e) });
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again, and contact your admin if it keeps happening.' },
      };
    }
  };
}
