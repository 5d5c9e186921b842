import { z } from 'zod';
import {
  ACTION_QUESTIONS,
  ENTRY_KINDS,
  IMPACTS,
  ISSUE_KEY_PATTERN,
  KEY_MOMENTS,
  MANUAL_KINDS,
  PARTICIPANT_ROLES,
  PHASES,
  REVIEW_STATUSES,
} from '../vocabulary';
import { FACTOR_CATEGORIES } from '../domain/factor-taxonomy';
import { TemplateUseSchema } from './template-schemas';

/** Jira issue keys: project key (letters, digits, underscore; starts with a letter) - number. */
export const IssueKey = z
  .string()
  .trim()
  .max(255)
  .regex(new RegExp(ISSUE_KEY_PATTERN.source, 'i'), 'Must be a Jira issue key like INC-42')
  .transform((k) => k.toUpperCase());

export const IncidentGetPayload = z.object({ issueKey: IssueKey }).strict();

const Version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Entry ids carry Jira field names (`change:10234:Fix Version`), so any printable text, bounded. */
const EntryId = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'Not a timeline entry id');
const MomentName = z.enum(KEY_MOMENTS);
/** An instant with an explicit offset; the UI converts the viewer's local time before sending. */
const Instant = z
  .string()
  .max(40, 'Not a date and time')
  .pipe(z.iso.datetime({ offset: true }))
  .transform((s) => new Date(s).toISOString());

export const IssueOnlyPayload = z.object({ issueKey: IssueKey }).strict();

export const AnnotatePayload = z
  .object({
    issueKey: IssueKey,
    entryId: EntryId,
    version: Version,
    /** The entry's time as the panel shows it: lets the write read only the stored chunk that holds it. */
    at: z.string().min(1).max(64).optional(),
    patch: z
      .object({
        kind: z.enum(ENTRY_KINDS).nullable().optional(),
        phase: z.enum(PHASES).nullable().optional(),
        impact: z.enum(IMPACTS).nullable().optional(),
        moments: z
          .array(MomentName)
          .max(KEY_MOMENTS.length)
          .refine((m) => new Set(m).size === m.length, 'Each key moment once')
          .optional(),
        internal: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

export const ManualEntrySchema = z
  .object({
    at: Instant,
    manualKind: z.enum(MANUAL_KINDS),
    actorName: z.string().trim().max(200, 'At most 200 characters'),
    text: z.string().trim().min(1, 'Say what happened').max(10_000, 'At most 10,000 characters'),
  })
  .strict();

export const ManualAddPayload = z.object({ issueKey: IssueKey, entry: ManualEntrySchema, version: Version }).strict();
export const ManualUpdatePayload = z.object({ issueKey: IssueKey, entryId: EntryId, entry: ManualEntrySchema, version: Version }).strict();
export const ManualRemovePayload = z.object({ issueKey: IssueKey, entryId: EntryId, version: Version }).strict();
/** A chat import: bounded in count and in text, so one import always fits what a review can hold. */
export const CHAT_IMPORT_MAX_ENTRIES = 500;
export const CHAT_IMPORT_MAX_BYTES = 160 * 1024;
const ChatImportEntrySchema = z
  .object({
    at: Instant,
    author: z.string().trim().min(1, 'Say who wrote it').max(200, 'At most 200 characters'),
    text: z.string().trim().min(1, 'Empty message').max(10_000, 'At most 10,000 characters'),
  })
  .strict();
export const ChatImportPayload = z
  .object({
    issueKey: IssueKey,
    version: Version,
    entries: z
      .array(ChatImportEntrySchema)
      .min(1, 'Choose at least one message')
      .max(CHAT_IMPORT_MAX_ENTRIES, `At most ${CHAT_IMPORT_MAX_ENTRIES} messages at a time: import the transcript in parts`)
      .refine(
        (entries) =>
          entries.reduce((n, e) => n + Buffer.byteLength(e.text, 'utf8') + Buffer.byteLength(e.author, 'utf8'), 0) <= CHAT_IMPORT_MAX_BYTES,
        `At most ${CHAT_IMPORT_MAX_BYTES / 1024} KB of messages at a time: import the transcript in parts`,
      ),
  })
  .strict();
export const MomentSetPayload = z.object({ issueKey: IssueKey, moment: MomentName, at: Instant.nullable(), version: Version }).strict();
export const SeveritySetPayload = z
  .object({
    issueKey: IssueKey,
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable(),
    version: Version,
  })
  .strict();

/**
 * A place in timeline order, only ever compared (never a storage key): `at` as an instant, `id`
 * as text. Any printable id, since a page may start at any entry and changelog ids carry Jira's
 * field name ("change:10023:Fix Version").
 */
const EntryKeySchema = z
  .object({
    at: z.string().min(1).max(64),
    id: z
      .string()
      .min(1)
      .max(300)
      .regex(/^[^\u0000-\u001f\u007f]+$/, 'Not a timeline entry id'),
  })
  .strict();
export const EntriesPayload = z
  .object({ issueKey: IssueKey, version: Version, from: EntryKeySchema.nullable(), to: EntryKeySchema.nullable() })
  .strict();

// ---- The review document ------------------------------------------------------------

const LONG_TEXT = 10_000;
const longText = z.string().max(LONG_TEXT, `At most ${LONG_TEXT.toLocaleString('en-US')} characters`);
const AccountId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9:\-_]+$/, 'Not a Jira account id');
const PersonSchema = z.object({ accountId: AccountId, displayName: z.string().trim().min(1).max(255) }).strict();
const ClientId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9\-_]+$/, 'Not an id');
const IsoDate = z.iso.date();
const PUBLIC_TEXT = 5_000;
/** Text for the public page, kept as typed (the summary trims it when it is built). */
const publicText = z.string().max(PUBLIC_TEXT, `At most ${PUBLIC_TEXT.toLocaleString('en-US')} characters`);

/** HH:mm, 24-hour; the zone it was typed in travels beside it. */
const MeetingTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use a time like 14:30');
/** An IANA time zone this runtime knows (the meeting's, an export's or a publication's times). */
const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Not a time zone');

export const ReviewContentSchema = z
  .object({
    meeting: z
      .object({
        title: z.string().trim().max(255),
        meetingDate: IsoDate.nullable(),
        meetingTime: MeetingTime.nullable().optional(),
        meetingTimeZone: TimeZone.nullable().optional(),
        contact: PersonSchema.nullable(),
        createdBy: PersonSchema.nullable(),
        facilitator: PersonSchema.nullable(),
        participants: z.array(PersonSchema.extend({ role: z.enum(PARTICIPANT_ROLES) }).strict()).max(50, 'At most 50 participants'),
      })
      .strict(),
    goals: z.object({ knowSooner: longText, recoverSooner: longText }).strict(),
    description: longText,
    customerImpact: z.object({ affected: z.boolean().nullable(), text: longText }).strict(),
    incidentCommander: PersonSchema.nullable(),
    servicesImpacted: z.array(z.string().trim().min(1).max(100)).max(50),
    learnings: z.object({ learned: longText, wentWell: longText, surprised: longText }).strict(),
    contributingFactors: z
      // A factor sent without a category (a client older than issue 17) is saved as 'other'.
      .array(z.object({ id: ClientId, text: z.string().max(2_000), category: z.enum(FACTOR_CATEGORIES).default('other') }).strict())
      .max(50, 'At most 50 contributing factors'),
    remediation: longText,
    tags: z.array(z.string().trim().min(1).max(50).regex(/^\S+$/, 'Tags have no spaces')).max(30),
    externalSummary: z.object({ proximateCause: publicText, resolution: publicText }).strict(),
    template: TemplateUseSchema.optional(),
  })
  .strict();

export const ActionItemInputSchema = z
  .object({
    id: ClientId,
    summary: z.string().trim().min(1, 'Give the action item a summary').max(255, 'At most 255 characters (Jira summary limit)'),
    description: z.string().max(5_000),
    owner: PersonSchema.nullable(),
    dueDate: IsoDate.nullable(),
    priority: z.enum(['Highest', 'High', 'Medium', 'Low', 'Lowest']),
    question: z.enum(ACTION_QUESTIONS),
  })
  .strict();

export const ReviewSavePayload = z
  .object({
    issueKey: IssueKey,
    content: ReviewContentSchema,
    actionItems: z
      .array(ActionItemInputSchema)
      .max(60, 'At most 60 action items per review')
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'Action item ids must be unique'),
    version: Version,
  })
  .strict();

const Priority = z.enum(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
const ItemSummary = z.string().trim().min(1).max(255, 'At most 255 characters (Jira summary limit)');
/** A conflict as the answer showed it; each side's value has its field's own shape. */
const ActionItemConflictSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('summary'), app: ItemSummary, jira: ItemSummary }).strict(),
  z.object({ field: z.literal('owner'), app: PersonSchema.nullable(), jira: PersonSchema.nullable() }).strict(),
  z.object({ field: z.literal('dueDate'), app: IsoDate.nullable(), jira: IsoDate.nullable() }).strict(),
  z.object({ field: z.literal('priority'), app: Priority, jira: Priority }).strict(),
]);
export const ActionSettlePayload = z
  .object({ issueKey: IssueKey, itemId: ClientId, conflict: ActionItemConflictSchema, keep: z.enum(['mine', 'jira']), version: Version })
  .strict();

export const ReviewStatusPayload = z.object({ issueKey: IssueKey, status: z.enum(REVIEW_STATUSES), version: Version }).strict();
/** Names typed in the form and not saved yet: hints for the wording check, bounded like a review's people. */
const TypedNames = z.array(z.string().trim().max(255)).max(500);
export const ReviewCheckPayload = z
  .object({
    issueKey: IssueKey,
    text: longText,
    field: z.enum(['learning', 'contributing-factor', 'action-item', 'description', 'timeline', 'other']),
    names: TypedNames.optional(),
  })
  .strict();
export const UserSearchPayload = z.object({ issueKey: IssueKey, query: z.string().trim().max(100) }).strict();

export const ExportPayload = z.object({ issueKey: IssueKey, timeZone: TimeZone.optional() }).strict();

const MacroConfigSchema = z
  .object({
    // A page editor may type anything: an invalid key is simply "not configured" after trimming.
    issueKey: z.string().trim().max(255).optional(),
    view: z.enum(['full', 'summary', 'timeline', 'actions']).optional(),
  })
  .strip();

export const MacroPayload = z.object({ config: MacroConfigSchema }).strict();

/** Forge gives a macro its configuration in the context; it wins over what the frame sends. */
export function macroConfigFrom(
  extension: Record<string, unknown>,
  payloadConfig: z.infer<typeof MacroConfigSchema>,
): z.infer<typeof MacroConfigSchema> {
  const fromContext = MacroConfigSchema.safeParse(extension.config ?? {});
  const config = fromContext.success && fromContext.data.issueKey ? fromContext.data : payloadConfig;
  const key = IssueKey.safeParse(config.issueKey ?? '');
  return { ...(key.success ? { issueKey: key.data } : {}), ...(config.view ? { view: config.view } : {}) };
}

// ---- Publishing to Confluence -------------------------------------------------------

/** Confluence v2 ids are decimal strings (Long). */
const ConfluenceId = z.string().regex(/^[1-9][0-9]{0,18}$/, 'Not a Confluence id');
/** Space keys: letters and digits; personal spaces start with `~` and may hold an account id. */
const SpaceKey = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^~?[A-Za-z0-9_:\-]+$/, 'Not a Confluence space key');

export const PublishTargetSchema = z.object({ spaceId: ConfluenceId, spaceKey: SpaceKey, parentId: ConfluenceId.nullable() }).strict();

export const PublishSpacesPayload = z.object({ issueKey: IssueKey, query: z.string().trim().max(100, 'At most 100 characters') }).strict();
export const PublishPagesPayload = z.object({ issueKey: IssueKey, spaceId: ConfluenceId, parentId: ConfluenceId.nullable() }).strict();
export const PublishInternalPayload = z
  .object({
    issueKey: IssueKey,
    target: PublishTargetSchema,
    version: Version,
    timeZone: TimeZone.optional(),
    includeRestricted: z.boolean().optional(),
  })
  .strict();

// The external summary's own text is saved with the review (content.externalSummary), not sent here.
export const ExternalPreviewPayload = z.object({ issueKey: IssueKey }).strict();
export const PublishExternalPayload = z.object({ issueKey: IssueKey, target: PublishTargetSchema, version: Version }).strict();

// ---- After Action Summaries ---------------------------------------------------------

const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-22');
const ProjectKey = z
  .string()
  .trim()
  .max(255)
  .regex(/^[A-Z][A-Z0-9_]{0,254}$/i, 'Not a Jira project key')
  .transform((k) => k.toUpperCase());
const SummaryFilters = {
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  severities: z
    .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]))
    .max(5)
    .optional(),
  projects: z.array(ProjectKey).max(50).optional(),
  // Jira labels: no spaces, at most 255 characters.
  tag: z.string().trim().max(255).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  hasOverdue: z.boolean().optional(),
  sort: z.enum(['impactStartedAt', 'severityLevel', 'ttaMs', 'ttrMs', 'impactMs', 'actionsOverdue']).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
};

export const SummariesListPayload = z
  .object({
    ...SummaryFilters,
    page: z.number().int().min(1).max(10_000).optional(),
    pageSize: z.number().int().min(10, 'At least 10 rows a page').max(100, 'At most 100 rows a page').optional(),
  })
  .strict();

export const SummariesCsvPayload = z.object(SummaryFilters).strict();

/** "Draft what happened" (issue 18): times written in the viewer's zone. */
export const DraftPayload = z.object({ issueKey: IssueKey, timeZone: TimeZone.optional() }).strict();

// ---- Issue 17: insights, known services, countermeasure policy ---------------------------

const { sort: _sort, dir: _dir, ...InsightFilters } = SummaryFilters;
export const SummariesInsightsPayload = z.object(InsightFilters).strict();
export const KnownServicesPayload = z.object({ issueKey: IssueKey }).strict();
export const PolicyGetPayload = z.object({}).strict();
/** Whole days, 1 to a year, or null for "no default" at that severity. */
const PolicyDays = z.number().int('Whole days').min(1, 'At least 1 day').max(365, 'At most 365 days').nullable();
export const PolicySetPayload = z
  .object({
    dueDays: z.object({ 1: PolicyDays, 2: PolicyDays, 3: PolicyDays, 4: PolicyDays, 5: PolicyDays }).strict(),
    // The version the admin edited: a stale one is refused with CONFLICT rather than overwriting.
    expectedVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export const RelatedReviewsPayload = z.object({ issueKey: IssueKey }).strict();

// ---- Issue 17: the review library search ------------------------------------------------

/** A day that exists: 2026-02-30 matches the pattern but is refused here, not searched as nothing. */
const RealDay = CalendarDate.refine((d) => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(d);
}, 'Not a calendar date');

export const SummariesSearchPayload = z
  .object({
    query: z.string().trim().min(1, 'Type something to search for').max(200, 'At most 200 characters'),
    severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).optional(),
    service: z.string().trim().min(1, 'Choose a service').max(100, 'At most 100 characters').optional(),
    factorCategory: z.enum(FACTOR_CATEGORIES).optional(),
    from: RealDay.optional(),
    to: RealDay.optional(),
    page: z.number().int().min(1).max(100, 'At most 100 pages').optional(),
  })
  .strict();
