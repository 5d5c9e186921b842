import { z } from 'zod';
import { KEY_MOMENTS } from '../contract';

/** Jira issue keys: project key (letters, digits, underscore; starts with a letter) - number. */
export const IssueKey = z
  .string()
  .trim()
  .max(255)
  .regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,9}$/i, 'Must be a Jira issue key like INC-42')
  .transform((k) => k.toUpperCase());

export const IncidentGetPayload = z.object({ issueKey: IssueKey }).strict();

const Version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const EntryId = z.string().min(1).max(300).regex(/^[A-Za-z0-9:_\-.]+$/, 'Not a timeline entry id');
const MomentName = z.enum(KEY_MOMENTS);
/** An instant with an explicit offset; the UI converts the viewer's local time before sending. */
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const IssueOnlyPayload = z.object({ issueKey: IssueKey }).strict();

export const AnnotatePayload = z
  .object({
    issueKey: IssueKey,
    entryId: EntryId,
    version: Version,
    patch: z
      .object({
        kind: z.enum(['task', 'human-interaction', 'automation']).nullable().optional(),
        phase: z.enum(['detection', 'response', 'remediation']).nullable().optional(),
        impact: z.enum(['positive', 'negative', 'neutral']).nullable().optional(),
        moments: z.array(MomentName).max(KEY_MOMENTS.length).refine((m) => new Set(m).size === m.length, 'Each key moment once').optional(),
        internal: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

export const ManualEntrySchema = z
  .object({
    at: Instant,
    manualKind: z.enum(['status-page-update', 'chat-excerpt', 'command-run', 'note']),
    actorName: z.string().trim().max(200, 'At most 200 characters'),
    text: z.string().trim().min(1, 'Say what happened').max(10_000, 'At most 10,000 characters'),
  })
  .strict();

export const ManualAddPayload = z.object({ issueKey: IssueKey, entry: ManualEntrySchema, version: Version }).strict();
export const ManualUpdatePayload = z.object({ issueKey: IssueKey, entryId: EntryId, entry: ManualEntrySchema, version: Version }).strict();
export const ManualRemovePayload = z.object({ issueKey: IssueKey, entryId: EntryId, version: Version }).strict();
export const MomentSetPayload = z.object({ issueKey: IssueKey, moment: MomentName, at: Instant.nullable(), version: Version }).strict();
export const SeveritySetPayload = z
  .object({ issueKey: IssueKey, level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable(), version: Version })
  .strict();
