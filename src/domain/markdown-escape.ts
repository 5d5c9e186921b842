/**
 * Escaping user and Jira text for CommonMark + GFM, so that text typed by anyone reads as text:
 * it can never open a heading, list, quote, code block, table, link, image, HTML tag or entity.
 * Every ASCII punctuation character may be backslash-escaped in CommonMark, so escaping a
 * character that turns out harmless is always safe; leaving a dangerous one out is not.
 */

import { safeAbsoluteUrl } from './safe-url';

/**
 * Escaped anywhere in a line: backslash itself, emphasis/strikethrough (`* _ ~`), code spans
 * and fences (`` ` ``), links, images and footnotes (`[ ] ( )`), HTML and autolinks (`< >`),
 * entities (`&`), table cells (`|`) and the math renderers some viewers add (`$`).
 */
const INLINE_SPECIAL = /[\\`*_~[\]()<>&|$]/g;

/** Markdown line endings (CommonMark §2.1): LF, CRLF and a lone CR. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Escapes the inline syntax characters of one piece of text (line breaks are kept as they are). */
function escapeInlineChars(text: string): string {
  return text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Escapes what would open a block at the start of a line, for a line already trimmed of its
 * leading whitespace (so it cannot be an indented code block either): ATX headings (`#`), setext
 * underlines and thematic breaks (`=`, `-`), bullets (`-`, `+`; `*` is escaped inline), ordered
 * list markers (`1.`; `1)` is escaped inline). Quotes, fences and HTML blocks need `>`, `` ` ``,
 * `~` or `<`, which are escaped inline.
 */
function escapeLineStart(escapedLine: string): string {
  if (/^[#=+-]/.test(escapedLine)) return `\\${escapedLine}`;
  return escapedLine.replace(/^(\d+)\./, '$1\\.');
}

/**
 * One line of text for inline use (a heading, a list label, a sentence the exporter writes):
 * line breaks and runs of whitespace become one space, and inline syntax is escaped. Safe at the
 * start of a line, and in a table cell (it has no line break and its pipes are escaped).
 */
export function escapeInline(text: string): string {
  return escapeLineStart(escapeInlineChars(text.replace(/\s+/g, ' ').trim()));
}

/**
 * Multi-line text as Markdown paragraphs. Each line is trimmed (leading whitespace would make an
 * indented code block or hide a marker behind it) and escaped; lines of one paragraph are joined
 * with a hard break (a backslash before the line end) so the reader sees the user's lines; blank
 * lines separate paragraphs (several count as one). Returns '' for blank text.
 */
export function escapeBlock(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const raw of text.split(LINE_BREAK)) {
    const line = raw.trim();
    const current = paragraphs[paragraphs.length - 1];
    if (line) current.push(escapeLineStart(escapeInlineChars(line)));
    else if (current.length > 0) paragraphs.push([]);
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\\\n'))
    .join('\n\n');
}

/**
 * Text for one GFM table cell: pipes and backslashes escaped (with the rest of the inline
 * syntax) so the row keeps its columns, and line breaks written as `<br>`, the one HTML tag the
 * exporter itself emits, since a cell cannot hold a line break.
 */
export function escapeCell(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => escapeInlineChars(line.replace(/\s+/g, ' ').trim()))
    .join('<br>')
    .replace(/^(<br>)+|(<br>)+$/g, '');
}

/**
 * A URL the exporter may put in a link destination, or null: the app's URL policy without site
 * paths (`safe-url.ts`; the file is read away from the site), with the characters that could end
 * the destination or a table cell, or start markup, percent-encoded.
 */
export function safeUrl(url: string | null | undefined): string | null {
  const href = safeAbsoluteUrl(url);
  return href && href.replace(/[ ()[\]<>|\\`*_~"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link with escaped text, or the escaped text alone when the URL is not safe to link. */
export function link(text: string, url: string | null | undefined): string {
  const href = safeUrl(url);
  const label = escapeInlineChars(text.replace(/\s+/g, ' ').trim());
  return href && label ? `[${label}](${href})` : escapeInline(text);
}
