import { linesOf, MessageBuilder } from './lines';
import type { ChatFormat, ChatParse } from './types';

/** What a header line (or two) says: who and when; `author` null means "the same person as above". */
export type Header =
  { ok: true; author: string | null; date: string | null; time: string; lines: number } | { ok: false; message: string; lines: number };

/** Reads the header starting at line `i`, or null when line `i` is a message line. */
export type HeaderReader = (lines: readonly string[], i: number) => Header | null;

/**
 * Copied-text transcripts: a header (who and when), then the message's lines, until the next
 * header. Lines before the first header, and a header that cannot be read, are reported once
 * each; the lines under an unreadable header go with it, not one report each.
 */
export function parseBlocks(
  input: string,
  format: ChatFormat,
  readHeader: HeaderReader,
  isDivider: (line: string) => boolean = () => false,
): ChatParse {
  const b = new MessageBuilder();
  const lines = linesOf(input);
  let author: string | null = null;
  let dropping = false;
  for (let i = 0; i < lines.length;) {
    const raw = lines[i];
    const header = raw.trim() ? readHeader(lines, i) : null;
    if (header?.ok) {
      const who: string | null = header.author ?? author;
      if (who === null) {
        b.close();
        b.problem(i + 1, raw, 'A time with no name above it: the message under it was left out.');
        dropping = true;
      } else {
        author = who;
        dropping = false;
        b.start({ line: i + 1, time: { kind: 'local', date: header.date, time: header.time }, author: who }, null);
      }
      i += header.lines;
      continue;
    }
    if (header && !header.ok) {
      b.close();
      b.problem(i + 1, raw, header.message);
      dropping = true;
      i += header.lines;
      continue;
    }
    if (raw.trim() && isDivider(raw) && nextHeader(lines, i + 1, readHeader)) {
      i += 1;
      continue;
    }
    if (!dropping && !b.add(raw) && raw.trim()) b.problem(i + 1, raw, 'No name and time above this line: it was left out.');
    i += 1;
  }
  return { format, unit: 'line', ...b.finish() };
}

function nextHeader(lines: readonly string[], from: number, readHeader: HeaderReader): boolean {
  let i = from;
  while (i < lines.length && !lines[i].trim()) i++;
  return i >= lines.length || readHeader(lines, i) !== null;
}
