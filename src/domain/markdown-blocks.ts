import { escapeBlock } from './markdown-escape';

/** What an empty section says, so that a reader can tell "nothing" from "not exported". */
export const NONE_RECORDED = 'None recorded.';

/**
 * A GFM table. Cells must already be escaped (`escapeCell`, `link`); every row is padded or cut
 * to the header's width, so a row can never gain or lose a column. An empty cell reads "—".
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]) => `| ${headers.map((_, i) => cells[i] || '—').join(' | ')} |`;
  return [row(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(row)].join('\n');
}

/** A table, or "None recorded." when there are no rows. */
export function tableOrNone(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return rows.length > 0 ? table(headers, rows) : NONE_RECORDED;
}

/** User text as paragraphs, or "None recorded." when it is blank. */
export function textOrNone(text: string): string {
  return escapeBlock(text) || NONE_RECORDED;
}

/**
 * A bullet list of user texts (blank ones left out), each item's further lines indented under
 * it; or "None recorded." when nothing is left.
 */
export function listOrNone(texts: readonly string[]): string {
  const items = texts.map(escapeBlock).filter(Boolean);
  if (items.length === 0) return NONE_RECORDED;
  const indent = (item: string) =>
    item
      .split('\n')
      .map((line, i) => (i === 0 || !line ? line : `  ${line}`))
      .join('\n');
  return items.map((item) => `- ${indent(item)}`).join('\n');
}

/** A section: its heading, then its blocks separated by blank lines. */
export function section(heading: string, ...blocks: string[]): string {
  return [heading, ...blocks.filter(Boolean)].join('\n\n');
}
