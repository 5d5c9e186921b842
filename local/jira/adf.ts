import type { DocNode } from '@atlaskit/adf-schema';

/** Plain text (blank lines split paragraphs, single newlines become hard breaks) as an ADF document. */
export function textToAdf(text: string): DocNode {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p
        .split('\n')
        .flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line.length > 0 ? [{ type: 'text', text: line }] : [])]),
    })),
  } as DocNode;
}

export function toAdf(body: string | DocNode): DocNode {
  return typeof body === 'string' ? textToAdf(body) : body;
}

/** A structural check of an ADF document like Jira's ("must be an Atlassian Document"). */
export function isAdfDoc(value: unknown): value is DocNode {
  if (!isNode(value)) return false;
  const v = value as { type: unknown; version?: unknown; content?: unknown };
  return v.type === 'doc' && v.version === 1 && Array.isArray(v.content);
}

function isNode(value: unknown, depth = 0): boolean {
  if (depth > 50 || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const n = value as { type?: unknown; content?: unknown; text?: unknown };
  if (typeof n.type !== 'string') return false;
  if (n.type === 'text' && typeof n.text !== 'string') return false;
  if (n.content !== undefined && (!Array.isArray(n.content) || !n.content.every((c) => isNode(c, depth + 1)))) return false;
  return true;
}

/** The text of an ADF document, paragraphs separated by newlines (for changelog strings). */
export function adfToText(doc: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (typeof n !== 'object' || n === null) return;
    const node = n as { type?: string; text?: string; content?: unknown[] };
    if (node.type === 'text' && node.text) out.push(node.text);
    if (node.type === 'hardBreak') out.push('\n');
    node.content?.forEach(walk);
    if (node.type === 'paragraph' || node.type === 'heading') out.push('\n');
  };
  walk(doc);
  return out.join('').trim();
}

/**
 * Length of an ADF document's text as Jira counts it against its 32,767-character field limit:
 * the UTF-16 code units (Java's String.length) of every text node, markup and attributes excluded.
 */
export function adfTextLength(doc: unknown, depth = 0): number {
  if (depth > 100 || typeof doc !== 'object' || doc === null) return 0;
  const node = doc as { type?: unknown; text?: unknown; content?: unknown };
  let n = node.type === 'text' && typeof node.text === 'string' ? node.text.length : 0;
  if (Array.isArray(node.content)) for (const child of node.content) n += adfTextLength(child, depth + 1);
  return n;
}

/** Jira Cloud's limit on a text field (comment body, description). */
export const JIRA_TEXT_LIMIT = 32_767;
