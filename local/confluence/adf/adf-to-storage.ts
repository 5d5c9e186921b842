import { extensionToStorage, type ExtensionAttrs } from './extension-storage';
import {
  ADF_JSON_ATTR,
  adfText,
  LEGACY_KEY,
  LEGACY_TYPE,
  MACRO_TYPE,
  PANEL_TO_MACRO,
  STATUS_TO_COLOUR,
  type AdfMark,
  type AdfNode,
} from './types';
import { asText } from '../../text';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const param = (name: string, value: string) => `<ac:parameter ac:name="${escAttr(name)}">${esc(value)}</ac:parameter>`;

/** Result of a conversion: `lossless` is false when some ADF had to be carried as opaque JSON. */
export interface StorageResult {
  storage: string;
  lossless: boolean;
}

class AdfToStorage {
  lossless = true;

  nodes(nodes: AdfNode[] | undefined): string {
    return (nodes ?? []).map((n) => this.node(n)).join('');
  }

  node(n: AdfNode): string {
    const a = n.attrs ?? {};
    switch (n.type) {
      case 'doc':
        return this.nodes(n.content);
      case 'paragraph':
        return `<p>${this.nodes(n.content)}</p>`;
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(a.level) || 1));
        return `<h${level}>${this.nodes(n.content)}</h${level}>`;
      }
      case 'bulletList':
        return `<ul>${this.nodes(n.content)}</ul>`;
      case 'orderedList': {
        const order = Number(a.order);
        return `<ol${Number.isInteger(order) && order !== 1 ? ` start="${order}"` : ''}>${this.nodes(n.content)}</ol>`;
      }
      case 'listItem':
        return `<li>${this.nodes(n.content)}</li>`;
      case 'blockquote':
        return `<blockquote>${this.nodes(n.content)}</blockquote>`;
      case 'rule':
        return '<hr />';
      case 'hardBreak':
        return '<br />';
      case 'codeBlock': {
        const lang = typeof a.language === 'string' && a.language ? param('language', a.language) : '';
        return `<ac:structured-macro ac:name="code">${lang}<ac:plain-text-body>${cdata(adfText(n))}</ac:plain-text-body></ac:structured-macro>`;
      }
      case 'panel': {
        const macro = PANEL_TO_MACRO[String(a.panelType)];
        if (!macro) return this.opaque(n);
        return `<ac:structured-macro ac:name="${macro}"><ac:rich-text-body>${this.nodes(n.content)}</ac:rich-text-body></ac:structured-macro>`;
      }
      case 'table':
        return `<table><tbody>${this.nodes(n.content)}</tbody></table>`;
      case 'tableRow':
        return `<tr>${this.nodes(n.content)}</tr>`;
      case 'tableHeader':
      case 'tableCell': {
        const tag = n.type === 'tableHeader' ? 'th' : 'td';
        const span = ['colspan', 'rowspan'].map((k) => (Number(a[k]) > 1 ? ` ${k}="${Number(a[k])}"` : '')).join('');
        return `<${tag}${span}>${this.nodes(n.content)}</${tag}>`;
      }
      case 'status': {
        const colour = STATUS_TO_COLOUR[asText(a.color, 'neutral')] ?? 'Grey';
        return `<ac:structured-macro ac:name="status">${param('colour', colour)}${param('title', asText(a.text))}</ac:structured-macro>`;
      }
      case 'mention':
        return `<ac:link><ri:user ri:account-id="${escAttr(asText(a.id))}" /></ac:link>`;
      case 'date': {
        const d = new Date(Number(a.timestamp));
        return Number.isNaN(d.getTime()) ? this.opaque(n) : `<time datetime="${d.toISOString().slice(0, 10)}" />`;
      }
      case 'extension':
      case 'inlineExtension':
        return this.extension(n);
      case 'text':
        return this.text(n);
      default:
        return this.opaque(n);
    }
  }

  private extension(n: AdfNode): string {
    const attrs = (n.attrs ?? {}) as ExtensionAttrs;
    const params = attrs.parameters ?? {};
    if (attrs.extensionType === LEGACY_TYPE && attrs.extensionKey === LEGACY_KEY && typeof params.storage === 'string') {
      return params.storage;
    }
    if (attrs.extensionType === MACRO_TYPE && macroParamsOk(params.macroParams)) {
      const mp = params.macroParams as Record<string, { value: string }>;
      const body = Object.entries(mp)
        .map(([k, v]) => param(k, v.value))
        .join('');
      return `<ac:structured-macro ac:name="${escAttr(attrs.extensionKey)}">${body}</ac:structured-macro>`;
    }
    const title = typeof params.extensionTitle === 'string' ? params.extensionTitle : (attrs.extensionKey.split('/').pop() ?? '');
    const fallback = n.type === 'inlineExtension' ? esc(title) : `<p>${esc(title)}</p>`;
    return extensionToStorage(n.type === 'inlineExtension' ? 'inlineExtension' : 'extension', attrs, fallback);
  }

  private text(n: AdfNode): string {
    let out = esc(n.text ?? '');
    for (const m of n.marks ?? []) {
      const wrapped = wrapMark(m, out);
      if (wrapped === null) return this.opaque(n);
      out = wrapped;
    }
    return out;
  }

  /** ADF with no storage counterpart: kept as JSON in an `ac:adf-node`, with its text as the fallback. */
  private opaque(n: AdfNode): string {
    this.lossless = false;
    return (
      `<ac:adf-extension><ac:adf-node type="${escAttr(n.type)}"><ac:adf-attribute key="${ADF_JSON_ATTR}">` +
      `${esc(JSON.stringify(n))}</ac:adf-attribute></ac:adf-node><ac:adf-fallback>${esc(adfText(n))}</ac:adf-fallback></ac:adf-extension>`
    );
  }
}

function macroParamsOk(mp: unknown): boolean {
  return (
    !!mp &&
    typeof mp === 'object' &&
    Object.values(mp as Record<string, unknown>).every(
      (v) => !!v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string',
    )
  );
}

function wrapMark(m: AdfMark, inner: string): string | null {
  switch (m.type) {
    case 'strong':
      return `<strong>${inner}</strong>`;
    case 'em':
      return `<em>${inner}</em>`;
    case 'code':
      return `<code>${inner}</code>`;
    case 'strike':
      return `<s>${inner}</s>`;
    case 'underline':
      return `<u>${inner}</u>`;
    case 'subsup':
      return m.attrs?.type === 'sup' ? `<sup>${inner}</sup>` : `<sub>${inner}</sub>`;
    case 'link':
      return typeof m.attrs?.href === 'string' ? `<a href="${escAttr(m.attrs.href)}">${inner}</a>` : null;
    default:
      return null;
  }
}

/** Converts an ADF document to storage format. */
export function adfToStorage(doc: AdfNode): StorageResult {
  const c = new AdfToStorage();
  const storage = c.node(doc);
  return { storage, lossless: c.lossless };
}
