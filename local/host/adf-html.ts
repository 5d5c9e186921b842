import { esc } from './html';
import { asText } from '../text';

interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: AdfNode[];
}

const BLOCK: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};

function marked(text: string, marks: AdfNode['marks']): string {
  let html = esc(text);
  for (const m of marks ?? []) {
    if (m.type === 'strong') html = `<strong>${html}</strong>`;
    else if (m.type === 'em') html = `<em>${html}</em>`;
    else if (m.type === 'code') html = `<code>${html}</code>`;
    else if (m.type === 'link' && typeof m.attrs?.href === 'string' && /^https?:\/\//i.test(m.attrs.href)) {
      html = `<a href="${esc(m.attrs.href)}" rel="noopener noreferrer">${html}</a>`;
    }
  }
  return html;
}

/** Renders the ADF of a Jira description for the host's issue view; every text is escaped. */
export function adfToHtml(node: unknown): string {
  const n = node as AdfNode;
  if (!n || typeof n !== 'object') return '';
  const inner = () => (n.content ?? []).map(adfToHtml).join('');
  switch (n.type) {
    case 'text':
      return marked(n.text ?? '', n.marks);
    case 'hardBreak':
      return '<br>';
    case 'mention':
      return `<span class="mention">@${esc(asText(n.attrs?.text).replace(/^@/, ''))}</span>`;
    case 'emoji':
      return esc(n.attrs?.text ?? n.attrs?.shortName ?? '');
    case 'heading': {
      const level = Math.min(6, Math.max(2, Number(n.attrs?.level ?? 3)));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'codeBlock':
      return `<pre><code>${(n.content ?? []).map((c) => esc(c.text ?? '')).join('')}</code></pre>`;
    case 'panel':
      return `<div class="panel">${inner()}</div>`;
    case 'rule':
      return '<hr>';
    default: {
      const tag = BLOCK[n.type];
      return tag ? `<${tag}>${inner()}</${tag}>` : inner();
    }
  }
}
