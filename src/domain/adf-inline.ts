import { traverse } from '@atlaskit/adf-utils/traverse';
import type { ADFEntity, ADFEntityMark } from '@atlaskit/adf-utils/types';
import { attr } from './adf-node';

/**
 * Inline atoms (mentions, emoji, dates, status lozenges, smart links, hard breaks, inline media)
 * rewritten as plain text nodes with `@atlaskit/adf-utils`' traverse, keeping their marks, so
 * the block renderer only ever meets text.
 */

const textNode = (text: string, marks?: ADFEntityMark[]): ADFEntity => (marks ? { type: 'text', text, marks } : { type: 'text', text });

/** Jira stores date nodes as epoch milliseconds in a string; shown as the ISO calendar date (UTC). */
function isoDate(timestamp: string | undefined): string {
  if (timestamp === undefined || !/^-?\d+$/.test(timestamp.trim())) return '';
  const d = new Date(Number(timestamp));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function mentionText(node: ADFEntity): string {
  const name = attr(node, 'text')?.trim();
  if (!name) return '@someone';
  return name.startsWith('@') ? name : `@${name}`;
}

function emojiText(node: ADFEntity): string {
  const unicode = attr(node, 'text');
  if (unicode) return unicode;
  const short = attr(node, 'shortName')?.replace(/^:|:$/g, '');
  return short ? `:${short}:` : '';
}

const INLINE_TEXT: Record<string, (node: ADFEntity) => string> = {
  mention: mentionText,
  emoji: emojiText,
  hardBreak: () => '\n',
  date: (n) => isoDate(attr(n, 'timestamp')),
  status: (n) => {
    const t = attr(n, 'text')?.trim();
    return t ? `[${t.toUpperCase()}]` : '';
  },
  inlineCard: (n) => attr(n, 'url') ?? '',
  mediaInline: () => '[attachment]',
  placeholder: () => '',
  inlineExtension: (n) => attr(n, 'text') ?? '',
};

export function inlineAtomsAsText(doc: ADFEntity): ADFEntity {
  const visitors = Object.fromEntries(
    Object.entries(INLINE_TEXT).map(([type, render]) => [type, (node: ADFEntity) => textNode(render(node), node.marks)]),
  );
  const result = traverse(doc, visitors);
  return result === false ? { type: 'doc', content: [] } : result;
}

const INLINE_TYPES = new Set(['text', ...Object.keys(INLINE_TEXT)]);

export const isInline = (node: ADFEntity): boolean => INLINE_TYPES.has(node.type);

function linkHref(node: ADFEntity): string | undefined {
  const mark = node.marks?.find((m) => m.type === 'link');
  const href: unknown = mark?.attrs?.href;
  return typeof href === 'string' && href !== '' ? href : undefined;
}

const hasCode = (node: ADFEntity): boolean => node.marks?.some((m) => m.type === 'code') ?? false;

function sameTarget(text: string, href: string): boolean {
  const t = text.trim();
  return t === href || `mailto:${t}` === href || t === href.replace(/^https?:\/\//, '');
}

/**
 * Text of a run of inline nodes. Consecutive nodes under one link (a link whose words carry
 * different marks) are joined first, so the URL is written once: "text (url)", or just the URL
 * when the text is the URL.
 */
export function inlineText(nodes: readonly ADFEntity[], fallback: (node: ADFEntity) => string): string {
  let out = '';
  let i = 0;
  while (i < nodes.length) {
    const href = linkHref(nodes[i]);
    let run = '';
    do {
      const n = nodes[i];
      const t = n.type === 'text' ? (n.text ?? '') : fallback(n);
      run += hasCode(n) && t !== '' ? `\`${t}\`` : t;
      i++;
    } while (href !== undefined && i < nodes.length && linkHref(nodes[i]) === href);
    out += href === undefined ? run : run.trim() === '' || sameTarget(run, href) ? href : `${run} (${href})`;
  }
  return out;
}
