/** The transcript formats the chat import reads (issue 18). */
export const CHAT_FORMATS = ['slack-json', 'slack-text', 'teams-text', 'plain-log'] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];

/**
 * When a message was sent: an instant when the format says (Slack's JSON export), else the wall
 * clock as written, with its date when the line has one; the user supplies the rest.
 */
export type ChatTime = { kind: 'instant'; iso: string } | { kind: 'local'; date: string | null; time: string };

export interface ChatMessage {
  /** Where it starts: a line number (text formats) or a message number (JSON), from 1. */
  line: number;
  time: ChatTime;
  author: string;
  text: string;
}

export interface ChatProblem {
  line: number;
  /** The start of what could not be read, for the user to recognise it. */
  excerpt: string;
  message: string;
}

export interface ChatParse {
  format: ChatFormat;
  /** 'line' for the text formats, 'message' for the JSON export's items. */
  unit: 'line' | 'message';
  messages: ChatMessage[];
  problems: ChatProblem[];
}

/** A parsed message on the timeline: its instant settled. */
export interface ChatEntry {
  line: number;
  at: string;
  author: string;
  text: string;
}

/** Longest author and message kept; match the manual entry's bounds (src/resolvers/schemas.ts). */
export const CHAT_AUTHOR_MAX = 200;
export const CHAT_TEXT_MAX = 10_000;
/** One import adds at most this many entries (the review entity holds them all: Forge's 240 KiB value limit). */
export const CHAT_IMPORT_MAX = 500;
/** A transcript longer than this (characters) is not read: the UI says so instead. */
export const CHAT_INPUT_MAX = 2_000_000;
const EXCERPT = 80;

export function excerptOf(line: string): string {
  const t = line.trim();
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT - 1)}…` : t;
}
