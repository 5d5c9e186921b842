import { clockOf, dateOf, TIME_PATTERN } from './clock';
import { linesOf, MessageBuilder } from './lines';
import type { ChatParse } from './types';

/*
 * A plain log, one message a line: "10:42 Maya Okafor: text", "10:42:05 Maya: text",
 * "2026-10-17 10:42 Maya: text", optionally with the time in brackets ("[10:42] Maya: text").
 * An indented line continues the message above it (a pasted stack trace, a wrapped line).
 */
const LINE = new RegExp(String.raw`^\s*\[?(?:(\d{4}-\d{2}-\d{2})[ T])?${TIME_PATTERN}\]?\s+([^:\s][^:]*?):(?:\s+(.*))?$`);
const TIME_ONLY_START = new RegExp(String.raw`^\s*\[?(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}`);

export function parsePlainLog(input: string): ChatParse {
  const b = new MessageBuilder();
  linesOf(input).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const m = LINE.exec(raw);
    if (m) {
      const [, date, h, mi, s, ap, author, text] = m;
      const time = clockOf(h, mi, s, ap);
      const day = date ? dateOf(date) : null;
      if (!time || (date && !day)) {
        b.close();
        b.problem(line, raw, date && !day ? `"${date}" is not a real date.` : 'Not a real time of day.');
        return;
      }
      b.start({ line, time: { kind: 'local', date: day, time }, author: author }, text ?? '');
      return;
    }
    if (/^\s/.test(raw) && b.add(raw.trim())) return;
    b.close();
    b.problem(
      line,
      raw,
      TIME_ONLY_START.test(raw)
        ? 'A time with no "Name:" after it.'
        : 'Not a "HH:MM Name: message" line (indent a line to continue the message above).',
    );
  });
  return { format: 'plain-log', unit: 'line', ...b.finish() };
}
