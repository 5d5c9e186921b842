import { parsePlainLog } from './plain-log';
import { parseSlackJson, slackItems } from './slack-json';
import { parseSlackText } from './slack-text';
import { parseTeamsText } from './teams-text';
import type { ChatFormat, ChatParse } from './types';

export const PARSERS: Readonly<Record<ChatFormat, (input: string) => ChatParse>> = {
  'slack-json': parseSlackJson,
  'slack-text': parseSlackText,
  'teams-text': parseTeamsText,
  'plain-log': parsePlainLog,
};

/** The text formats, in the order a tie goes to. */
const TEXT_FORMATS: readonly ChatFormat[] = ['plain-log', 'slack-text', 'teams-text'];

/**
 * Which format `input` is in: JSON shaped like a Slack export is Slack's; otherwise the text
 * format that reads the most messages with the fewest problems (ties: plain log, Slack, Teams: "Name  10:42 AM" reads the same in both).
 */
export function detectFormat(input: string): ChatFormat {
  if (slackItems(input) !== null) return 'slack-json';
  let best: { format: ChatFormat; score: number } = { format: 'plain-log', score: -Infinity };
  for (const format of TEXT_FORMATS) {
    const r = PARSERS[format](input);
    const score = r.messages.length * 2 - r.problems.length;
    if (score > best.score) best = { format, score };
  }
  return best.format;
}

/** Parses `input` as `format`, or as the detected format when none is given. Never throws. */
export function parseTranscript(input: string, format?: ChatFormat): ChatParse {
  return PARSERS[format ?? detectFormat(input)](input);
}
