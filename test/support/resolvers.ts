/**
 * Shared by the resolver fuzz and permission-matrix suites: the list of resolver keys (read from
 * the code, never typed by hand), one valid payload per key, the three surfaces that call the
 * resolver function, and what a well-formed answer looks like.
 */
import type Resolver from '@forge/resolver';
import type { ActionItem, ActionItemInput, ErrorCode, PublishTarget, ResolverKey, ResolverMap, ReviewContent } from '../../src/contract';
import { registerResolvers } from '../../src/resolvers';
import type { RunningSite } from '../../local/site';
import { invokeAs } from './site';

/** Every keys `registerResolvers` defines, in registration order, read from a recording resolver. */
export function registeredResolverKeys(): string[] {
  const keys: string[] = [];
  const recorder = { define: (key: string) => keys.push(key) } as unknown as Resolver;
  registerResolvers(recorder);
  return keys;
}

/** Every `ErrorCode`; the type below fails to compile when the union grows and this does not. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UPSTREAM',
  'NOT_CONNECTED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];
type MissingCode = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
export const ALL_ERROR_CODES_LISTED: [MissingCode] extends [never] ? true : never = true;

/** The three modules that share the one resolver function (manifest.yml), with a realistic extension context each. */
export const SURFACES = {
  panel: (issueKey: string) => ({
    moduleKey: 'pir-issue-panel',
    extension: { type: 'jira:issuePanel', issue: { key: issueKey, type: 'Incident' }, project: { key: issueKey.split('-')[0] } },
  }),
  macro: (issueKey: string) => ({ moduleKey: 'pir-review-macro', extension: { type: 'macro', config: { issueKey, view: 'full' } } }),
  'global page': () => ({ moduleKey: 'pir-after-action-summaries', extension: { type: 'jira:globalPage' } }),
} as const;
export type Surface = keyof typeof SURFACES;
export const SURFACE_NAMES = Object.keys(SURFACES) as Surface[];

/** What the fixtures below need to know about one started review. */
export interface ReviewFixture {
  issueKey: string;
  timelineVersion: number;
  docVersion: number;
  /** An entry pulled from Jira (annotatable), and its instant. */
  jiraEntryId: string;
  jiraEntryAt: string;
  /** A manual entry (updatable, removable). */
  manualEntryId: string;
  content: ReviewContent;
  actionItems: ActionItemInput[];
  target: PublishTarget;
}

export const toInput = ({ id, summary, description, owner, dueDate, priority, question }: ActionItem): ActionItemInput => ({
  id,
  summary,
  description,
  owner,
  dueDate,
  priority,
  question,
});

type ValidPayloads = { [K in ResolverKey]: ResolverMap[K]['payload'] };

/**
 * One valid payload per resolver key about `f`'s review, with the versions it currently has: if
 * the caller were allowed, each of these would go through. Typed against `ResolverMap`, so a new
 * resolver does not compile until it has one.
 */
export function validPayloads(f: ReviewFixture): ValidPayloads {
  const issueKey = f.issueKey;
  const entry = {
    at: '2026-10-14T09:30:00+02:00',
    manualKind: 'chat-excerpt' as const,
    actorName: 'On-call',
    text: 'Rolled back the deploy.',
  };
  return {
    'incident/get': { issueKey },
    'timeline/get': { issueKey },
    'review/start': { issueKey },
    'timeline/entries': { issueKey, version: f.timelineVersion, from: { at: f.jiraEntryAt, id: f.jiraEntryId }, to: null },
    'timeline/refresh': { issueKey },
    'timeline/annotate': {
      issueKey,
      entryId: f.jiraEntryId,
      patch: { phase: 'response', impact: 'negative', moments: ['detected'] },
      version: f.timelineVersion,
    },
    'timeline/manual/add': { issueKey, entry, version: f.timelineVersion },
    'timeline/manual/update': { issueKey, entryId: f.manualEntryId, entry, version: f.timelineVersion },
    'timeline/manual/remove': { issueKey, entryId: f.manualEntryId, version: f.timelineVersion },
    'timeline/chat/import': {
      issueKey,
      entries: [{ at: '2026-10-14T09:31:00+02:00', author: 'Maya Okafor', text: 'Rolling back now.' }],
      version: f.timelineVersion,
    },
    'moments/set': { issueKey, moment: 'firstCustomerReport', at: '2026-10-14T09:00:00Z', version: f.timelineVersion },
    'severity/set': { issueKey, level: 1, version: f.timelineVersion },
    'review/get': { issueKey },
    'review/save': { issueKey, content: f.content, actionItems: f.actionItems, version: f.docVersion },
    'review/status': { issueKey, status: 'in-review', version: f.docVersion },
    'review/draft': { issueKey, timeZone: 'Europe/London' },
    'review/check': { issueKey, text: 'Someone should have caught it.', field: 'learning' },
    'users/search': { issueKey, query: 'a' },
    'actions/sync': { issueKey },
    'actions/settle': {
      issueKey,
      itemId: f.actionItems?.[0]?.id ?? 'a1',
      conflict: { field: 'dueDate', app: null, jira: '2026-12-31' },
      keep: 'jira',
      version: f.docVersion,
    },
    'review/export/markdown': { issueKey, timeZone: 'Europe/Berlin' },
    'publish/spaces': { issueKey, query: '' },
    'publish/pages': { issueKey, spaceId: f.target.spaceId, parentId: f.target.parentId },
    'publish/state': { issueKey },
    'publish/internal': { issueKey, target: f.target, version: f.docVersion, timeZone: 'Europe/Berlin' },
    'publish/external/preview': { issueKey },
    'publish/external': { issueKey, target: f.target, version: f.docVersion },
    'macro/get': { config: { issueKey, view: 'full' } },
    'summaries/list': { from: '2026-01-01', to: '2026-12-31', sort: 'severityLevel', dir: 'desc', page: 1, pageSize: 25 },
    'summaries/csv': { from: '2026-01-01', to: '2026-12-31' },
    'summaries/incident': { issueKey },
    'summaries/insights': { from: '2026-01-01', to: '2026-12-31' },
    'services/known': { issueKey },
    'review/related': { issueKey },
    'summaries/search': { query: 'login', severity: 2, factorCategory: 'capacity', from: '2026-01-01', to: '2026-12-31' },
    'policy/get': {},
    'policy/set': { dueDays: { 1: 14, 2: 30, 3: 60, 4: 90, 5: null }, expectedVersion: 0 },
    'meeting/notify': { issueKey, version: f.docVersion },
    'meeting/ics': { issueKey },
    'meeting/suggestions': { issueKey },
    'templates/get': { issueKey },
    'templates/save': { templates: [], version: 0 },
  };
}

export type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

/** Calls `key` as `user` from `surface` through the site's bridge transport (`/__forge/invoke`). */
export async function callFrom(
  site: RunningSite,
  user: string,
  key: string,
  payload: unknown,
  surface: Surface = 'panel',
  issueKey = 'INC-1',
): Promise<{ status: number; answer: Answer }> {
  const { status, result } = await invokeAs<Answer>(site, user, key, payload, SURFACES[surface](issueKey));
  return { status, answer: result };
}

/** Signs of an exception leaking into an answer: stack frames, file paths, JS error class names. */
const LEAK_PATTERNS: RegExp[] = [
  /\n\s*at /,
  /\bat [\w$.<>]+ \(/,
  /(^|[\s(])\/[\w.-]+\/[\w./-]+\.(ts|js|mjs|cjs)\b/,
  /\.(ts|js):\d+/,
  /node_modules|node:internal|\bsrc\/|\.build\//,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|AssertionError)\b/,
  /\bundefined is not|Cannot read propert|is not a function|Maximum call stack/,
  /\bSQLITE|\[object Object\]/,
];

const MAX_MESSAGE = 300;

/** Why `status`/`answer` is not a typed success or typed error in short human words, or null when it is. */
export function answerProblem(status: number, answer: unknown): string | null {
  if (status !== 200) return `the site answered HTTP ${status}`;
  if (typeof answer !== 'object' || answer === null) return `the answer is ${JSON.stringify(answer)}`;
  const a = answer as Record<string, unknown>;
  if (a.ok === true) return 'data' in a && Object.keys(a).length === 2 ? null : `a success with keys ${Object.keys(a).join(', ')}`;
  if (a.ok !== false) return `ok is ${JSON.stringify(a.ok)}`;
  if (Object.keys(a).sort().join() !== 'error,ok') return `an error with keys ${Object.keys(a).join(', ')}`;
  const e = a.error as Record<string, unknown> | null;
  if (typeof e !== 'object' || e === null) return 'error is not an object';
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'fields'].includes(k));
  if (extra.length > 0) return `error has extra keys ${extra.join(', ')}`;
  if (!(ERROR_CODES as readonly unknown[]).includes(e.code)) return `error code ${JSON.stringify(e.code)} is not an ErrorCode`;
  const texts: [string, unknown][] = [['message', e.message]];
  if (e.fields !== undefined) {
    if (typeof e.fields !== 'object' || e.fields === null || Array.isArray(e.fields)) return 'fields is not a map';
    for (const [path, text] of Object.entries(e.fields)) texts.push([`fields[${path}]`, text]);
  }
  for (const [where, text] of texts) {
    if (typeof text !== 'string' || text.trim().length === 0) return `${where} is not a text`;
    if (text.length > MAX_MESSAGE) return `${where} is ${text.length} characters long`;
    const leak = LEAK_PATTERNS.find((p) => p.test(text));
    if (leak) return `${where} looks like an exception trace (${leak}): ${text}`;
  }
  return null;
}
