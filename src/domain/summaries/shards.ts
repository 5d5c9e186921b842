/** Where a row lives: one shard per month of impact, rows newest first, and the packed form a shard is stored in. Part of the summary index (src/domain/summary-index.ts). */
import type { FactorCategory, SummaryRow } from '../../contract';
import { compareNullsLast, instant } from './values';

/**
 * The pre-aggregated index behind After Action Summaries (docs/DECISIONS.md#journeys, journey 6; docs/DECISIONS.md#performance; issue 6).
 * A review save upserts its row into one shard; a page load reads a constant number of shards
 * (one per month in view), never every review. Pure: times arrive as ISO strings or numbers.
 */

/** KVS allows 240 KiB per value; each stored part of a shard stays under this budget. */
export const SHARD_BUDGET_BYTES = 200 * 1024;
export const UNKNOWN_SHARD = 'unknown';

/**
 * The shard holding the row: the UTC half-month its impact started, named by its first day
 * ('2026-10-01' for the 1st–15th, '2026-10-16' for the rest), or 'unknown'. Half-months keep a
 * realistic load small: 10,000 reviews over two years is ~210 a half-month, ~60 KiB packed.
 */
export function shardOf(row: SummaryRow): string {
  const ms = instant(row.impactStartedAt);
  if (ms === null) return UNKNOWN_SHARD;
  const day = new Date(ms).toISOString().slice(0, 10);
  return `${day.slice(0, 8)}${Number(day.slice(8)) < 16 ? '01' : '16'}`;
}

/** The shards a date range touches, oldest first, so a page load reads only those. */
export function shardsBetween(fromIso: string, toIso: string): string[] {
  const from = instant(fromIso);
  const to = instant(toIso);
  if (from === null || to === null || from > to) return [];
  const shards: string[] = [];
  const d = new Date(from);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() < 16 ? 1 : 16);
  while (cursor <= to) {
    shards.push(new Date(cursor).toISOString().slice(0, 10));
    const c = new Date(cursor);
    cursor =
      c.getUTCDate() === 1 ? Date.UTC(c.getUTCFullYear(), c.getUTCMonth(), 16) : Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  return shards;
}

/** Newest impact first, unknown starts last, then by incident key so the order is total. */
function byImpactDesc(a: SummaryRow, b: SummaryRow): number {
  return compareNullsLast(instant(a.impactStartedAt), instant(b.impactStartedAt), 'desc') || a.incidentKey.localeCompare(b.incidentKey);
}

/** The shard with `row` replacing any row of the same incident, sorted newest impact first. */
export function upsertRow(shard: readonly SummaryRow[], row: SummaryRow): SummaryRow[] {
  return [...shard.filter((r) => r.incidentKey !== row.incidentKey), row].sort(byImpactDesc);
}

/** The shard without the incident's row: the caller's move when a row's shard changes. */
export function removeRow(shard: readonly SummaryRow[], incidentKey: string): SummaryRow[] {
  return shard.filter((r) => r.incidentKey !== incidentKey);
}

// ---- The stored form of a shard ----

/**
 * A shard's rows as stored: one array per row, values in `PACKED_FIELDS` order, open items as
 * [subtaskKey, summary, owner, dueDate]. Key names are not repeated per row, which halves the
 * bytes a page load reads (a row is ~550 bytes as an object, ~300 packed).
 */
export const PACKED_FORMAT = 1;
const PACKED_FIELDS = [
  'incidentKey',
  'projectKey',
  'title',
  'severityLevel',
  'impactStartedAt',
  'ttaMs',
  'ttrMs',
  'impactMs',
  'customerImpact',
  'status',
  'actionsOpen',
  'actionsClosed',
  'openItems',
  'openDueDates',
  'tags',
  'pageUrl',
  'updatedAt',
  'docVersion',
  'services',
  'factorCategories',
  'countermeasures',
  // Issue 17, related reviews: appended, so rows packed before read it as missing.
  'linkedKeys',
] as const;
export type PackedRow = unknown[];

export function packRow(row: SummaryRow): PackedRow {
  return PACKED_FIELDS.map((f) =>
    f === 'openItems'
      ? row.openItems.map((i) => [i.subtaskKey, i.summary, i.owner, i.dueDate])
      : // Countermeasures as [subtaskKey, created, closed, done (1/0), dueDate]: ~45 bytes each.
        f === 'countermeasures'
        ? (row.countermeasures ?? []).map((c) => [c.subtaskKey, c.created, c.closed, c.done ? 1 : 0, c.dueDate])
        : f === 'services' || f === 'factorCategories' || f === 'linkedKeys'
          ? (row[f] ?? [])
          : row[f],
  );
}

/** The row back from its packed form; `actionsOverdue` is 0 until counted on read (`withOverdue`). */
export function unpackRow(packed: PackedRow): SummaryRow {
  const v = Object.fromEntries(PACKED_FIELDS.map((f, i) => [f, packed[i]])) as Record<(typeof PACKED_FIELDS)[number], unknown>;
  const items = (v.openItems as [string | null, string, string | null, string | null][] | undefined) ?? [];
  return {
    ...(v as unknown as Omit<SummaryRow, 'openItems' | 'actionsOverdue'>),
    // Rows packed before the field existed read as version 0.
    docVersion: typeof v.docVersion === 'number' ? v.docVersion : 0,
    actionsOverdue: 0,
    openItems: items.map(([subtaskKey, summary, owner, dueDate]) => ({ subtaskKey, summary, owner, dueDate })),
    // Rows packed before issue 17 have none of these: empty until the review is next saved.
    services: Array.isArray(v.services) ? (v.services as string[]) : [],
    factorCategories: Array.isArray(v.factorCategories) ? (v.factorCategories as FactorCategory[]) : [],
    linkedKeys: Array.isArray(v.linkedKeys) ? (v.linkedKeys as string[]) : [],
    countermeasures: (Array.isArray(v.countermeasures)
      ? (v.countermeasures as [string | null, string | null, string | null, number, string | null][])
      : []
    ).map(([subtaskKey, created, closed, done, dueDate]) => ({ subtaskKey, created, closed, done: done === 1, dueDate })),
  };
}

/**
 * Packed rows split into parts of at most `budget` bytes of JSON each, in order, so a busy
 * half-month never outgrows a storage value (it takes a second key instead). Always one part,
 * possibly empty.
 */
export function splitPacked(rows: readonly PackedRow[], budget = SHARD_BUDGET_BYTES): PackedRow[][] {
  const parts: PackedRow[][] = [[]];
  let size = 2;
  for (const row of rows) {
    const bytes = Buffer.byteLength(JSON.stringify(row), 'utf8') + 1;
    if (parts[parts.length - 1].length > 0 && size + bytes > budget) {
      parts.push([]);
      size = 2;
    }
    parts[parts.length - 1].push(row);
    size += bytes;
  }
  return parts;
}
