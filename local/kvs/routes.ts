import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Db } from '../db';
import { batchDelete, batchGet, batchSet } from './batch';
import type { EntityDefinition } from './entity-definitions';
import { badRequest, KvsError, keyNotFound } from './errors';
import { getItem, refFor, setItem } from './item-operations';
import { MAX_REQUEST_BYTES } from './limits';
import { runEntityQuery, runKvsQuery } from './query-engine';
import { ItemStore, type Space } from './store';
import { runTransaction } from './transactions';
import * as wire from './wire';

export interface KvsRouterOptions {
  /** Custom entities declared in the manifest (see loadEntityDefinitions). */
  entities: EntityDefinition[];
  /** Clock in epoch ms, for TTL expiry and timestamps; defaults to Date.now. */
  now?: () => number;
}

/**
 * The Forge KVS wire protocol as @forge/kvs sends it: every operation is
 * `POST /api/v1/<operation>` with a JSON body. Success is 200 with JSON, or 204 with no body
 * where the package expects none; failures are `{ code, message }` with a 4xx/5xx status.
 */
export function createKvsRouter(db: Db, opts: KvsRouterOptions): express.Router {
  const store = new ItemStore(db, opts.now ?? Date.now);
  const entities = opts.entities;
  const router = express.Router();
  router.use(express.json({ limit: MAX_REQUEST_BYTES, strict: true }));

  /** Registers one operation: validates the body, purges expired items, sends the result. */
  const operation = <S extends z.ZodType>(path: string, schema: S, run: (body: z.infer<S>) => unknown) => {
    router.post(`/api/v1/${path}`, (req: Request, res: Response) => {
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) {
        throw badRequest('BAD_REQUEST', 'Provided request body is invalid', {
          issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
        });
      }
      store.purgeExpired();
      const result = run(parsed.data);
      if (result === undefined) res.status(204).end();
      else res.status(200).json(result);
    });
  };

  const single = (space: Space) => ({
    get: (body: { key: string; entityName?: string; options?: { metadataFields?: wire.MetadataField[] } }) => {
      const found = getItem(store, refFor(entities, space, body.key, body.entityName).ref, body.options?.metadataFields);
      if (!found) throw keyNotFound();
      return found;
    },
    set: (body: { key: string; entityName?: string; value: unknown; options?: wire.ExtendedSetOptions }) =>
      setItem(store, refFor(entities, space, body.key, body.entityName), body.value, body.options),
    delete: (body: { key: string; entityName?: string }) => {
      store.delete(refFor(entities, space, body.key, body.entityName).ref);
      return undefined;
    },
  });

  const kvs = single('kvs');
  const secret = single('secret');
  const entity = single('entity');
  operation('get', wire.getRequest, kvs.get);
  operation('set', wire.setRequest, kvs.set);
  operation('delete', wire.deleteRequest, kvs.delete);
  operation('query', wire.queryRequest, (body) => runKvsQuery(store, body));
  operation('secret/get', wire.getRequest, secret.get);
  operation('secret/set', wire.setRequest, secret.set);
  operation('secret/delete', wire.deleteRequest, secret.delete);
  operation('entity/get', wire.entityGetRequest, entity.get);
  operation('entity/set', wire.entitySetRequest, entity.set);
  operation('entity/delete', wire.entityDeleteRequest, entity.delete);
  operation('entity/query', wire.entityQueryRequest, (body) => runEntityQuery(store, entities, body));
  operation('batch/set', wire.batchSetRequest, (body) => batchSet(store, entities, body));
  operation('batch/get', wire.batchGetRequest, (body) => batchGet(store, entities, body));
  operation('batch/delete', wire.batchDeleteRequest, (body) => batchDelete(store, entities, body));
  operation('transaction', wire.transactionRequest, (body) => {
    runTransaction(store, entities, body);
    return undefined;
  });

  router.use((req: Request) => {
    throw new KvsError(404, 'NOT_FOUND', `No KVS operation at ${req.method} ${req.path}`);
  });
  // Express recognises an error handler by its four parameters, so `_next` stays.
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(statusOf(error)).json(bodyOf(error));
  });
  return router;
}

/** body-parser errors carry `status` and `type` (e.g. entity.parse.failed, entity.too.large). */
interface HttpishError {
  status?: number;
  type?: string;
  message?: string;
}

function statusOf(error: unknown): number {
  if (error instanceof KvsError) return error.status;
  const status = (error as HttpishError | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

function bodyOf(error: unknown): Record<string, unknown> {
  if (error instanceof KvsError) return error.toBody();
  const { type, message } = (error ?? {}) as HttpishError;
  if (type === 'entity.too.large') {
    return { code: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds ${MAX_REQUEST_BYTES} bytes` };
  }
  if (type === 'entity.parse.failed') return { code: 'BAD_REQUEST', message: 'Provided request body is not valid JSON' };
  if (statusOf(error) < 500) return { code: 'BAD_REQUEST', message: message ?? 'Provided request body is invalid' };
  // A crash's message can name files on disk: log it, answer the generic one.
  process.stderr.write(`[kvs] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return { code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred' };
}
