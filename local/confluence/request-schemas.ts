import { z } from 'zod';
import { badRequest } from './errors';
import type { BodyRepresentation } from './store';

const bodyWrite = z.object({
  representation: z.enum(['storage', 'atlas_doc_format', 'wiki']),
  value: z.string(),
});

const nestedBodyWrite = z.object({
  storage: bodyWrite.optional(),
  atlas_doc_format: bodyWrite.optional(),
  wiki: bodyWrite.optional(),
});

const body = z.union([bodyWrite, nestedBodyWrite]);

/** `PageCreateRequest` (POST /pages). */
export const pageCreateSchema = z.object({
  spaceId: z.union([z.string(), z.number()]).transform(String),
  status: z.enum(['current', 'draft']).optional(),
  title: z.string().optional(),
  parentId: z.union([z.string(), z.number()]).transform(String).optional(),
  body: body.optional(),
});

/** `PageUpdateRequest` (PUT /pages/{id}). */
export const pageUpdateSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  status: z.enum(['current', 'draft']),
  title: z.string(),
  spaceId: z.union([z.string(), z.number()]).transform(String).optional(),
  parentId: z.union([z.string(), z.number()]).transform(String).optional(),
  ownerId: z.string().optional(),
  body: body,
  version: z.object({
    number: z.number().int(),
    message: z.string().optional(),
  }),
});

export type PageCreateRequest = z.infer<typeof pageCreateSchema>;
export type PageUpdateRequest = z.infer<typeof pageUpdateSchema>;

/** Parses a request body or throws a 400 naming the first problem. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `'${issue.path.join('.')}': ` : '';
  throw badRequest('Invalid request body', `${where}${issue?.message ?? 'invalid'}`);
}

/** Picks the single written representation out of a flat or nested body. */
export function writtenBody(b: z.infer<typeof body> | undefined): { representation: BodyRepresentation; value: string } {
  if (!b) return { representation: 'storage', value: '' };
  const flat = 'representation' in b ? b : (b.storage ?? b.atlas_doc_format ?? b.wiki);
  if (!flat) throw badRequest('Invalid request body', "'body' must give one representation");
  if (flat.representation === 'wiki') {
    throw badRequest('Unsupported body representation', "The local site accepts 'storage' and 'atlas_doc_format' only");
  }
  if (flat.representation === 'atlas_doc_format') {
    let doc: unknown;
    try {
      doc = JSON.parse(flat.value);
    } catch {
      throw badRequest('Invalid atlas_doc_format body', 'The value must be an ADF document serialised as a JSON string');
    }
    const d = doc as { type?: unknown } | null;
    if (!d || typeof d !== 'object' || d.type !== 'doc') {
      throw badRequest('Invalid atlas_doc_format body', "The ADF root node must have type 'doc'");
    }
  }
  return { representation: flat.representation, value: flat.value };
}
