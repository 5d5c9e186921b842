import type { ChatImportEntry } from '../../../../src/contract';

/** What one 'timeline/chat/import' call may carry (src/resolvers/schemas.ts: ChatImportPayload). */
const MAX_ENTRIES = 500;
const MAX_BYTES = 150 * 1024;
const encoder = new TextEncoder();

/** Splits a long import into calls the resolver accepts, in order. */
export function chatBatches(entries: readonly ChatImportEntry[]): ChatImportEntry[][] {
  const batches: ChatImportEntry[][] = [];
  let current: ChatImportEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = encoder.encode(e.text).length + encoder.encode(e.author).length;
    if (current.length > 0 && (current.length >= MAX_ENTRIES || bytes + size > MAX_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The key that tells an entry already on the timeline from a new one (the server decides by id). */
export const chatKey = (at: string, author: string, text: string) =>
  `${new Date(at).toISOString()}\u0000${author.trim()}\u0000${text.trim()}`;

/** Time zones to choose from: every one the browser knows, with the chosen one always present. */
export function timeZones(current: string): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([current, 'UTC', ...supported])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
