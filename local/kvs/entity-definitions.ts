import { parse } from 'yaml';
import { z } from 'zod';

/** Attribute types allowed by @forge/manifest's schema (app.storage.entities[].attributes). */
export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityIndex {
  name: string;
  /** Attributes whose values must all be given (`index(name, { partition: [...] })`). */
  partition: string[];
  /** Sort-key attributes; `where` applies to the first one. */
  range: string[];
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes: EntityIndex[];
}

/**
 * Shape from node_modules/@forge/manifest/out/schema/manifest-schema.json
 * (#/definitions/AppSchema/properties/storage/properties/entities): an index is either an
 * attribute name (index named after it, ranged on it) or { name, range: [..], partition?: [..] }.
 */
const attributeSchema = z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) });
const indexSchema = z.union([
  z.string().min(1),
  z.object({
    name: z.string().min(1),
    range: z.array(z.string()).min(1),
    partition: z.array(z.string()).min(1).optional(),
  }),
]);
const entitySchema = z.object({
  name: z.string().min(1),
  attributes: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), attributeSchema),
  indexes: z.array(indexSchema).optional(),
});
const manifestSchema = z.object({
  app: z.object({ storage: z.object({ entities: z.array(entitySchema).optional() }).optional() }).optional(),
});

/** Reads `app.storage.entities` from manifest.yml text; an app without entities gives []. */
export function loadEntityDefinitions(manifestYamlText: string): EntityDefinition[] {
  const parsed = manifestSchema.safeParse(parse(manifestYamlText) ?? {});
  if (!parsed.success) {
    throw new Error(`manifest app.storage.entities is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return (parsed.data.app?.storage?.entities ?? []).map((entity) => {
    const indexes = (entity.indexes ?? []).map((index): EntityIndex =>
      typeof index === 'string'
        ? { name: index, partition: [], range: [index] }
        : { name: index.name, partition: index.partition ?? [], range: index.range },
    );
    for (const index of indexes) {
      for (const attribute of [...index.partition, ...index.range]) {
        if (!(attribute in entity.attributes)) {
          throw new Error(`entity '${entity.name}' index '${index.name}' uses undeclared attribute '${attribute}'`);
        }
      }
    }
    return { name: entity.name, attributes: entity.attributes, indexes };
  });
}
