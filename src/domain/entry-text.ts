import { utf8Length } from './report/storage-xml';

/**
 * The most of one entry's text the timeline keeps: 64 KiB of UTF-8. Jira caps a comment at
 * 32,767 characters, which is up to ~128 KiB in UTF-8, and its ADF can turn into more text than
 * that; a stored chunk must stay under Forge's 240 KiB value limit, so an entry that big is kept
 * cut, marked, and linked to Jira, and the pull goes on.
 */
export const ENTRY_TEXT_MAX_BYTES = 64 * 1024;

/** `text` whole when it fits `maxBytes` of UTF-8, else cut at a character boundary with its full length (in characters) noted. */
export function boundedText(text: string, maxBytes: number = ENTRY_TEXT_MAX_BYTES): { text: string; shortened?: { fullLength: number } } {
  if (text.length <= maxBytes / 4 || utf8Length(text) <= maxBytes) return { text };
  // Binary search for the longest prefix that fits; never split a surrogate pair.
  let lo = 0;
  let hi = Math.min(text.length, maxBytes);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (utf8Length(text.slice(0, mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), shortened: { fullLength: [...text].length } };
}
