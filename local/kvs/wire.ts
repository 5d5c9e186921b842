import { z } from 'zod';

/**
 * Request bodies exactly as @forge/kvs 1.6.5 sends them (storage-api.js, kvs.js, entity.js,
 * query.js, entity-query.js, utils/transaction-request-builder.js; types in
 * interfaces/kvs-api.d.ts). Unknown fields are ignored, as a tolerant server would.
 */
export const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataField = z.infer<typeof metadataField>;

const key = z.string();
const anyValue = z.unknown();
const getOptions = z.object({ metadataFields: z.array(metadataField).optional() });

export const ttl = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export type Ttl = z.infer<typeof ttl>;

const setOptions = z.object({ ttl: ttl.optional() });
/** ExtendedSetOptions: PolicySetOptions | OverrideAndReturnSetOptions (interfaces/types.d.ts). */
const extendedSetOptions = setOptions.extend({
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: z.array(metadataField).optional(),
});
export type ExtendedSetOptions = z.infer<typeof extendedSetOptions>;

export const getRequest = z.object({ key, options: getOptions.optional() });
export const setRequest = z.object({ key, value: anyValue, options: extendedSetOptions.optional() });
export const deleteRequest = z.object({ key });

export const entityGetRequest = getRequest.extend({ entityName: z.string() });
export const entitySetRequest = setRequest.extend({ entityName: z.string() });
export const entityDeleteRequest = deleteRequest.extend({ entityName: z.string() });

export const condition = z.enum([
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);
export type Condition = z.infer<typeof condition>;

export const clause = z.object({ condition, values: z.array(z.unknown()) });
export type Clause = z.infer<typeof clause>;
export const filterItem = clause.extend({ property: z.string() });
export type FilterItem = z.infer<typeof filterItem>;
export const filters = z.object({ and: z.array(filterItem).optional(), or: z.array(filterItem).optional() });
export type Filters = z.infer<typeof filters>;

export const queryRequest = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.string(), condition, values: z.array(z.unknown()) })).optional(),
  options: getOptions.optional(),
});

export const entityQueryRequest = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: clause.optional(),
  filters: filters.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
  options: getOptions.optional(),
  /** interfaces/kvs-api.d.ts declares it here; entity-query.js actually sends options.metadataFields. */
  metadataFields: z.array(metadataField).optional(),
});

export const batchSetRequest = z.array(
  z.object({ entityName: z.string().optional(), key, value: anyValue, options: setOptions.optional() }),
);
export const batchGetRequest = z.array(z.object({ entityName: z.string().optional(), key, options: getOptions.optional() }));
export const batchDeleteRequest = z.array(z.object({ entityName: z.string().optional(), key }));

export const transactionRequest = z.object({
  set: z
    .array(
      z.object({
        key,
        value: anyValue,
        entityName: z.string().optional(),
        conditions: filters.optional(),
        options: setOptions.optional(),
      }),
    )
    .optional(),
  delete: z.array(z.object({ key, entityName: z.string().optional(), conditions: filters.optional() })).optional(),
  check: z.array(z.object({ key, entityName: z.string().optional(), conditions: filters })).optional(),
});
export type TransactionRequest = z.infer<typeof transactionRequest>;
