import { parseBlocks, type Header } from './blocks';
import { clockOf, dateOf, TIME_PATTERN } from './clock';
import type { ChatParse } from './types';

/*
 * Microsoft Teams' copied text. A message starts with "[10:42 AM] Maya Okafor" (time in brackets,
 * optionally with its date: "[10/17/2026 10:42 AM]") or "Maya Okafor 10:42 AM" (also with a date,
 * or a comma after the name); the lines under it are the message.
 */
const DATE = String.raw`(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})`;
const BRACKETED = new RegExp(String.raw`^\s*\[(?:${DATE},?\s+)?${TIME_PATTERN}\]\s+(\S.*?)\s*$`);
const NAME_FIRST = new RegExp(String.raw`^\s*(\S.*?),?\s+(?:${DATE},?\s+)?${TIME_PATTERN}\s*$`);

function read(m: RegExpExecArray, dateAt: number, timeAt: number, author: string): Header {
  const time = clockOf(m[timeAt], m[timeAt + 1], m[timeAt + 2], m[timeAt + 3]);
  const rawDate = m[dateAt];
  const date = rawDate ? dateOf(rawDate) : null;
  if (!time) return { ok: false, message: 'Not a real time of day: the message under it was left out.', lines: 1 };
  if (rawDate && !date) return { ok: false, message: `"${rawDate}" is not a real date: the message under it was left out.`, lines: 1 };
  return { ok: true, author: author.trim(), date, time, lines: 1 };
}

export function readTeamsHeader(lines: readonly string[], i: number): Header | null {
  const line = lines[i];
  const bracketed = BRACKETED.exec(line);
  if (bracketed) return read(bracketed, 1, 2, bracketed[6]);
  const nameFirst = NAME_FIRST.exec(line);
  if (nameFirst && nameFirst[1].length <= 80) return read(nameFirst, 2, 3, nameFirst[1]);
  return null;
}

export function parseTeamsText(input: string): ChatParse {
  return parseBlocks(input, 'teams-text', readTeamsHeader);
}
