/** The slice of ADF the converters read and write. */
export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: AdfMark[];
  version?: number;
}

/** Storage that has no ADF counterpart travels inside this extension (the local site's own convention). */
export const LEGACY_TYPE = 'com.atlassian.confluence.migration';
export const LEGACY_KEY = 'legacy-content';
/** Storage macros without a body map to extensions of this type, as Confluence does. */
export const MACRO_TYPE = 'com.atlassian.confluence.macro.core';
/** ADF nodes with no storage counterpart travel in storage as `<ac:adf-node type="…">` with this attribute. */
export const ADF_JSON_ATTR = 'adf-json';

/** ADF panel types ↔ storage panel macros (Confluence's pairing: a storage "note" is a yellow warning). */
export const PANEL_TO_MACRO: Record<string, string> = { info: 'info', success: 'tip', warning: 'note', error: 'warning' };
export const MACRO_TO_PANEL: Record<string, string> = { info: 'info', tip: 'success', note: 'warning', warning: 'error' };

/** ADF status colours ↔ storage status macro colours. */
export const STATUS_TO_COLOUR: Record<string, string> = {
  neutral: 'Grey',
  purple: 'Purple',
  blue: 'Blue',
  red: 'Red',
  yellow: 'Yellow',
  green: 'Green',
};
export const COLOUR_TO_STATUS: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_TO_COLOUR).map(([k, v]) => [v.toLowerCase(), k]),
);

export function adfText(node: AdfNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(adfText).join(node.content && isBlockish(node) ? ' ' : '');
}

const isBlockish = (n: AdfNode) => !['paragraph', 'heading', 'text'].includes(n.type);
