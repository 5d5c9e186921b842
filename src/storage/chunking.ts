/**
 * Splits a list into chunks whose JSON stays under `maxBytes`, so a large incident's timeline
 * fits Forge KVS values (240 KiB each). A single item larger than the limit gets a chunk of
 * its own (the store then reports the size error for that item instead of silently dropping it).
 */
export function chunkBySize<T>(items: readonly T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 2; // the enclosing []
  for (const item of items) {
    const itemSize = Buffer.byteLength(JSON.stringify(item), 'utf8') + 1;
    if (current.length > 0 && size + itemSize > maxBytes) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
