/**
 * The escaping core of the Confluence pages (docs/DECISIONS.md#what-must-hold). Storage format is XHTML, so every text
 * from users or Jira goes through `escapeText` (element content) or `escapeAttr` (attribute
 * values) and nothing else writes markup: the renderers alone choose elements, attributes and
 * macros. No CDATA is written anywhere, so `]]>` needs no care.
 */

import { safeAbsoluteUrl } from '../safe-url';

/**
 * Characters XML 1.0 does not allow (§2.2 Char): C0 controls other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. A parser rejects the whole page for one of them, even escaped
 * as a character reference, so they are removed rather than escaped.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Attribute values also keep tab and line breaks as character references: a parser would turn
 * the literal characters into spaces (attribute-value normalisation, XML §3.3.3).
 */
const ATTR_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text for element content: XML-illegal characters removed, `& < > " '` escaped. */
export function escapeText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => TEXT_ENTITIES[c] ?? c);
}

/** Text for a double-quoted attribute value: as `escapeText`, and whitespace kept as references. */
export function escapeAttr(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ENTITIES[c] ?? c);
}

/**
 * The URL if it may go in an `href`, by the app's URL policy (`safe-url.ts`): absolute http(s)
 * only, as the URL parser reads it (so `java\nscript:` passes no more than `javascript:`), and no
 * site path, since the page is also exported and printed away from the site. Null otherwise; the
 * caller shows plain text.
 */
export function safeHref(url: string | null | undefined): string | null {
  return safeAbsoluteUrl(url);
}

/** Markup the renderers build: element content already escaped. */
export type Markup = string;

/** An element around markup; attribute values are escaped here, names are the renderer's own. */
export function el(name: string, content: Markup, attrs: Record<string, string> = {}): Markup {
  const attributes = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${escapeAttr(value)}"`)
    .join('');
  return `<${name}${attributes}>${content}</${name}>`;
}

/** An element holding one text. */
export const textEl = (name: string, text: string, attrs: Record<string, string> = {}): Markup => el(name, escapeText(text), attrs);

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Multi-line text with the user's line breaks kept as `<br/>`. The only markup a text can cause,
 * and always exactly one void element per line break.
 */
export function multiline(text: string): Markup {
  return text.trim().split(LINE_BREAK).map(escapeText).join('<br/>');
}

/** A link when the URL is safe, else the label as plain text. */
export function link(label: string, url: string | null | undefined): Markup {
  const href = safeHref(url);
  return href ? el('a', escapeText(label), { href }) : escapeText(label);
}

/** A table with a header row; cells are markup. Rows are joined once (linear in the rows). */
export function table(headers: readonly string[], rows: readonly (readonly Markup[])[]): Markup {
  const head = el('tr', headers.map((h) => textEl('th', h)).join(''));
  return el('table', el('tbody', [head, ...rows.map((cells) => el('tr', cells.map((c) => el('td', c)).join('')))].join('')));
}

/** UTF-8 length of a string (the unit of Confluence's body limit), without Buffer or TextEncoder. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** At most `max` UTF-16 units, never splitting a surrogate pair, with "…" when shortened. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (end > 0 && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return `${text.slice(0, end)}…`;
}
