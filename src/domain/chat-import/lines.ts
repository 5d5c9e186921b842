import { CHAT_AUTHOR_MAX, CHAT_INPUT_MAX, excerptOf, type ChatMessage, type ChatProblem } from './types';

/** The transcript's lines (any line ending), or none past the size the import reads. */
export function linesOf(input: string): string[] {
  if (input.length > CHAT_INPUT_MAX) return [];
  return input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Collects messages as lines arrive; a message's text is its lines, trimmed at both ends. */
export class MessageBuilder {
  readonly messages: ChatMessage[] = [];
  readonly problems: ChatProblem[] = [];
  private open: { message: ChatMessage; lines: string[] } | null = null;

  start(message: Omit<ChatMessage, 'text'>, firstLine: string | null): void {
    this.close();
    this.open = { message: { ...message, text: '' }, lines: firstLine === null ? [] : [firstLine] };
  }

  /** A line of the open message; false when no message is open. */
  add(line: string): boolean {
    if (!this.open) return false;
    this.open.lines.push(line);
    return true;
  }

  get hasOpen(): boolean {
    return this.open !== null;
  }

  problem(line: number, raw: string, message: string): void {
    this.problems.push({ line, excerpt: excerptOf(raw), message });
  }

  close(): void {
    const open = this.open;
    this.open = null;
    if (!open) return;
    const text = open.lines.join('\n').replace(/^\s+|\s+$/g, '');
    const author = open.message.author.trim();
    if (!author) this.problem(open.message.line, '', 'A message with no author: it was left out.');
    else if (author.length > CHAT_AUTHOR_MAX)
      this.problem(open.message.line, author, `An author name longer than ${CHAT_AUTHOR_MAX} characters: the message was left out.`);
    else if (!text) this.problem(open.message.line, author, `A message from ${excerptOf(author)} with no text: it was left out.`);
    else this.messages.push({ ...open.message, author, text });
  }

  finish(): { messages: ChatMessage[]; problems: ChatProblem[] } {
    this.close();
    this.problems.sort((a, b) => a.line - b.line);
    return { messages: this.messages, problems: this.problems };
  }
}
