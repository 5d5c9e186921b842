import { parseBlocks, type Header } from './blocks';
import { clockOf, TIME_PATTERN } from './clock';
import type { ChatParse } from './types';

/*
 * Slack's copied text. A message starts with "Maya Okafor  10:42 AM" (name, two spaces or a tab,
 * time), or with the name on its own line and the time on the next; a time alone starts another
 * message from the same person. Day dividers ("Today", "Friday, October 17th") are skipped.
 */
const TIME_ALONE = new RegExp(String.raw`^\s*\[?${TIME_PATTERN}\]?\s*$`);
const NAME_AND_TIME = new RegExp(String.raw`^\s*(\S.*?)(?:\s{2,}|\t)\[?${TIME_PATTERN}\]?\s*$`);
const DIVIDER = /^\s*(Today|Yesterday|(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(,\s+\w+\s+\d{1,2}(st|nd|rd|th)?(,\s+\d{4})?)?)\s*$/i;
/**
 * A line above a time alone is the sender's name only when it reads like one: short, letters,
 * no sentence punctuation. Otherwise it is the last line of a message and the time starts the
 * same person's next message.
 */
const NAME_LINE = /^[\p{L}\p{M}'’ ()-]{1,80}$/u;
const looksLikeName = (line: string) => NAME_LINE.test(line) && line.split(/\s+/).length <= 6;

function timeOf(m: RegExpExecArray, at: number): string | null {
  return clockOf(m[at], m[at + 1], m[at + 2], m[at + 3]);
}

const BAD_TIME = 'Not a real time of day: the message under it was left out.';

export function readSlackHeader(lines: readonly string[], i: number): Header | null {
  const line = lines[i];
  const both = NAME_AND_TIME.exec(line);
  if (both) {
    const time = timeOf(both, 2);
    return time ? { ok: true, author: both[1].trim(), date: null, time, lines: 1 } : { ok: false, message: BAD_TIME, lines: 1 };
  }
  const alone = TIME_ALONE.exec(line);
  if (alone) {
    const time = timeOf(alone, 1);
    return time ? { ok: true, author: null, date: null, time, lines: 1 } : { ok: false, message: BAD_TIME, lines: 1 };
  }
  const next = lines[i + 1];
  const below = next === undefined ? null : TIME_ALONE.exec(next);
  const name = line.trim();
  if (below && looksLikeName(name)) {
    const time = timeOf(below, 1);
    return time ? { ok: true, author: name, date: null, time, lines: 2 } : { ok: false, message: BAD_TIME, lines: 2 };
  }
  return null;
}

export function parseSlackText(input: string): ChatParse {
  return parseBlocks(input, 'slack-text', readSlackHeader, (line) => DIVIDER.test(line));
}
