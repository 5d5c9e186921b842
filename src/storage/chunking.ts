/**
 * Splits a list into chunks whose JSON stays under `maxBytes`, so a large incident's timeline
 * fits Forge KVS values (240 KiB each). A single item larger than the limit gets a chunk of
 * its own (the store then reports the size error for that item instead of silently dropping it).
 */
export function chunkBySize<T>(items: readonly T[], maxBytes: number): T[][] {
  // Size alone decides: no chunk is ever past the content cut point.
  return chunkStably(items, maxBytes, Infinity, () => '');
}

/** FNV-1a over a string: a cheap, stable spread of ids for choosing cut points. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Like `chunkBySize`, but the cut points depend on the items themselves, not only on what came
 * before them: past `minBytes`, a chunk ends after an item whose id hashes to 0 mod `spread`
 * (and always before `maxBytes` is passed). An item added or changed in the middle of a long list
 * changes its own chunk and at most the next, not every chunk after it, so a re-pull that finds
 * one new comment rewrites one chunk (issue 13: a refresh writes only what changed).
 */
export function chunkStably<T>(items: readonly T[], maxBytes: number, minBytes: number, idOf: (item: T) => string, spread = 8): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const item of items) {
    const itemSize = Buffer.byteLength(JSON.stringify(item), 'utf8') + 1;
    if (current.length > 0 && size + itemSize > maxBytes) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(item);
    size += itemSize;
    if (size >= minBytes && fnv1a(idOf(item)) % spread === 0) {
      chunks.push(current);
      current = [];
      size = 2;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
