import { reduce } from '@atlaskit/adf-utils/traverse';
import type { ADFEntity } from '@atlaskit/adf-utils/types';
import { inlineAtomsAsText, inlineText, isInline } from './adf-inline';
import { attr, childrenOf, sanitizeNode } from './adf-node';

/**
 * Jira comment ADF as faithful, readable plain text for the timeline:
 * - paragraphs and other blocks are separated by a blank line, hard breaks are line breaks;
 * - mentions read "@Display Name", emoji their unicode (else ":shortName:"), dates the ISO date,
 *   status lozenges "[DONE]", smart links and cards their URL, media "[attachment]";
 * - links read "text (url)" unless the text is the URL; inline code `x`; code blocks are fenced
 *   with ``` and keep their language;
 * - lists "• item" / "1. item", nested lists indented under their item; task items "☐"/"☑";
 * - tables one row a line, cells joined by " | ", header row included;
 * - panels "[Info] …", quotes "> …", rules "---", expands their title then their content;
 * - any other node: its text content.
 * Never throws and never prints JSON: malformed parts are skipped, '' when nothing is readable.
 * A string body (Jira's v2 API or a plain-text import) is returned as it is, trimmed.
 */
export function adfToText(doc: unknown): string {
  if (typeof doc === 'string') return doc.trim();
  const root = sanitizeNode(Array.isArray(doc) ? { type: 'doc', content: doc } : doc);
  if (!root) return '';
  return blocks([inlineAtomsAsText(root)])
    .join('\n\n')
    .trim();
}

/** Text content of a node and its descendants (inline atoms are text by now). */
function textContent(node: ADFEntity): string {
  return reduce<string>(node, (acc, n) => (n.type === 'text' ? acc + (n.text ?? '') : acc), '');
}

/** Renders a sequence of nodes: runs of inline nodes form one paragraph; empty blocks are dropped. */
function blocks(nodes: readonly ADFEntity[]): string[] {
  const out: string[] = [];
  let run: ADFEntity[] = [];
  const flush = () => {
    if (run.length > 0) out.push(inlineText(run, textContent));
    run = [];
  };
  for (const node of nodes) {
    if (isInline(node)) {
      run.push(node);
      continue;
    }
    flush();
    out.push(block(node));
  }
  flush();
  return out.filter((b) => b.trim() !== '');
}

const contentText = (node: ADFEntity, separator = '\n\n'): string => blocks(childrenOf(node)).join(separator);

/** Prefixes the first line with `marker` and indents the following lines to line up under it. */
function hang(text: string, marker: string): string {
  const pad = ' '.repeat(marker.length);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? marker + line : line === '' ? '' : pad + line))
    .join('\n');
}

const ITEM_TYPES = new Set(['listItem', 'taskItem', 'decisionItem']);

/** Items get a marker; a list nested directly in a list (task lists do that) is indented instead. */
function list(node: ADFEntity, markerOf: (item: ADFEntity, index: number) => string): string {
  let index = 0;
  return childrenOf(node)
    .map((child) => (ITEM_TYPES.has(child.type) ? hang(contentText(child, '\n'), markerOf(child, index++)) : hang(block(child), '  ')))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function orderedStart(node: ADFEntity): number {
  const order = Number(attr(node, 'order'));
  return Number.isInteger(order) && order >= 0 ? order : 1;
}

function table(node: ADFEntity): string {
  return childrenOf(node)
    .map((row) =>
      childrenOf(row)
        .map((cell) =>
          contentText(cell, ' ')
            .replace(/\s*\n\s*/g, ' ')
            .trim(),
        )
        .join(' | '),
    )
    .filter((row) => row.replace(/[\s|]/g, '') !== '')
    .join('\n');
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function panel(node: ADFEntity): string {
  const type = attr(node, 'panelType') ?? 'info';
  return `[${capitalised(type === 'custom' ? 'note' : type)}] ${contentText(node, '\n')}`;
}

function codeBlock(node: ADFEntity): string {
  const language = attr(node, 'language') ?? '';
  return `\`\`\`${language}\n${textContent(node)}\n\`\`\``;
}

function quote(node: ADFEntity): string {
  return contentText(node)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function block(node: ADFEntity): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'caption':
      return inlineText(childrenOf(node), textContent);
    case 'bulletList':
      return list(node, () => '• ');
    case 'orderedList': {
      const start = orderedStart(node);
      return list(node, (_, i) => `${start + i}. `);
    }
    case 'taskList':
      return list(node, (item) => (attr(item, 'state') === 'DONE' ? '☑ ' : '☐ '));
    case 'decisionList':
      return list(node, () => 'Decision: ');
    case 'codeBlock':
      return codeBlock(node);
    case 'blockquote':
      return quote(node);
    case 'panel':
      return panel(node);
    case 'table':
      return table(node);
    case 'rule':
      return '---';
    case 'media':
      return '[attachment]';
    case 'mediaSingle':
    case 'mediaGroup':
      return contentText(node, ' ');
    case 'blockCard':
    case 'embedCard':
      return attr(node, 'url') ?? '';
    case 'expand':
    case 'nestedExpand':
      return [attr(node, 'title') ?? '', contentText(node)].filter((s) => s !== '').join('\n');
    default:
      return node.content ? contentText(node) : (node.text ?? '');
  }
}
