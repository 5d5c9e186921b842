import { CHAT_INPUT_MAX, excerptOf, type ChatMessage, type ChatParse, type ChatProblem } from './types';

/*
 * Slack's JSON export: a channel's day file is an array of messages ({ ts: "1760694120.000200",
 * user, user_profile: { real_name }, text, subtype? }); the Web API's history answer wraps the
 * same array in { messages }. Joins, leaves, topic changes and the like are skipped silently.
 */

/** Subtypes that are what someone said; every other subtype is channel housekeeping. */
const SAID = new Set(['bot_message', 'me_message', 'thread_broadcast', 'file_share']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function authorOf(m: Json, names: ReadonlyMap<string, string>): string | undefined {
  const profile = isObject(m['user_profile']) ? m['user_profile'] : {};
  const user = str(m['user']);
  return str(profile['real_name']) ?? str(profile['display_name']) ?? (user && names.get(user)) ?? str(m['username']) ?? user;
}

/** Slack's mrkdwn as readable text: mentions by name, links as "label (url)", entities decoded. */
export function slackText(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `@${label || names.get(id) || id}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, (_, name: string) => `#${name}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, (_, what: string) => `@${what}`)
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]*)>/g, (_, url: string, label: string) =>
      label && label !== url ? `${label} (${url})` : url,
    )
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The instant of a Slack `ts` ("1760694120.000200": seconds since the epoch), or null. */
export function instantOfTs(ts: unknown): string | null {
  if (typeof ts !== 'string' || !/^\d{1,11}(\.\d{1,6})?$/.test(ts)) return null;
  const ms = Math.round(Number(ts) * 1000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 ? null : date.toISOString();
}

/** The messages of an export, or null when `input` is not JSON shaped like one. */
export function slackItems(input: string): unknown[] | null {
  if (input.length > CHAT_INPUT_MAX) return null;
  const trimmed = input.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (Array.isArray(parsed)) return parsed as unknown[];
  if (isObject(parsed) && Array.isArray(parsed['messages'])) return parsed['messages'] as unknown[];
  return null;
}

export function parseSlackJson(input: string): ChatParse {
  const items = slackItems(input);
  const problems: ChatProblem[] = [];
  const messages: ChatMessage[] = [];
  if (items === null) {
    problems.push({
      line: 1,
      excerpt: excerptOf(input.slice(0, 200)),
      message: "Not a Slack export: expected a JSON list of messages (a channel's day file).",
    });
    return { format: 'slack-json', unit: 'message', messages, problems };
  }
  // Mentions name people by id; any message of theirs in the file says who that is.
  const names = new Map<string, string>();
  for (const m of items) {
    if (!isObject(m)) continue;
    const user = str(m['user']);
    const profile = isObject(m['user_profile']) ? m['user_profile'] : {};
    const name = str(profile['real_name']) ?? str(profile['display_name']);
    if (user && name && !names.has(user)) names.set(user, name);
  }
  items.forEach((m, i) => {
    const line = i + 1;
    if (!isObject(m)) {
      problems.push({ line, excerpt: excerptOf(String(JSON.stringify(m) ?? '')), message: 'Not a message (expected an object).' });
      return;
    }
    const subtype = str(m['subtype']);
    if (subtype && !SAID.has(subtype)) return;
    const at = instantOfTs(m['ts']);
    const author = authorOf(m, names);
    const text = typeof m['text'] === 'string' ? slackText(m['text'], names).trim() : '';
    const excerpt = excerptOf(text || String(JSON.stringify(m)).slice(0, 200));
    if (!at) problems.push({ line, excerpt, message: 'No readable time ("ts") on this message: it was left out.' });
    else if (!author) problems.push({ line, excerpt, message: 'No author on this message: it was left out.' });
    else if (!text)
      problems.push({
        line,
        excerpt: excerptOf(author),
        message: `A message from ${excerptOf(author)} with no text (an attachment only?): it was left out.`,
      });
    else messages.push({ line, time: { kind: 'instant', iso: at }, author, text });
  });
  return { format: 'slack-json', unit: 'message', messages, problems };
}
