import { z } from 'zod';
import { IssueKey } from './schemas';
import { TemplateListSchema } from './template-schemas';

export const TemplatesGetPayload = z.object({ issueKey: IssueKey.optional() }).strict();
export const TemplatesSavePayload = z
  .object({ templates: TemplateListSchema, version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
  .strict();
