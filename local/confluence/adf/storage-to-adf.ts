import {
  childElements,
  firstChild,
  macroParams,
  parseStorage,
  serializeStorage,
  textOf,
  type XElement,
  type XNode,
} from '../render/xhtml-tree';
import { storageToExtension } from './extension-storage';
import { ADF_JSON_ATTR, COLOUR_TO_STATUS, LEGACY_KEY, LEGACY_TYPE, MACRO_TO_PANEL, MACRO_TYPE, type AdfMark, type AdfNode } from './types';

const MARKS: Record<string, AdfMark> = {
  strong: { type: 'strong' },
  b: { type: 'strong' },
  em: { type: 'em' },
  i: { type: 'em' },
  u: { type: 'underline' },
  s: { type: 'strike' },
  del: { type: 'strike' },
  strike: { type: 'strike' },
  code: { type: 'code' },
  sub: { type: 'subsup', attrs: { type: 'sub' } },
  sup: { type: 'subsup', attrs: { type: 'sup' } },
};
const INLINE_ADF = new Set(['text', 'hardBreak', 'mention', 'date', 'status', 'emoji', 'inlineCard', 'inlineExtension', 'placeholder']);
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'blockquote',
  'hr',
  'table',
  'div',
  'pre',
  'ac:task-list',
  'ac:layout',
  'ac:layout-section',
  'ac:layout-cell',
]);
const BLOCK_MACROS = new Set(['code', 'noformat', 'info', 'tip', 'note', 'warning', 'panel', 'expand', 'toc', 'children']);

const isBlank = (n: XNode) => n.type === 'text' && !n.text.trim();

export interface AdfResult {
  doc: AdfNode;
  lossless: boolean;
}

class StorageToAdf {
  lossless = true;

  /** Block content: inline runs are wrapped in paragraphs. */
  blocks(children: XNode[]): AdfNode[] {
    const out: AdfNode[] = [];
    let run: XNode[] = [];
    const flush = () => {
      if (run.some((n) => !isBlank(n))) out.push({ type: 'paragraph', content: this.inlines(run, []) });
      run = [];
    };
    for (const c of children) {
      if (this.isBlock(c)) {
        flush();
        out.push(...this.block(c as XElement));
      } else {
        run.push(c);
      }
    }
    flush();
    return out;
  }

  private isBlock(n: XNode): boolean {
    if (n.type === 'text') return false;
    if (BLOCK_TAGS.has(n.name)) return true;
    if (n.name === 'ac:structured-macro') {
      const name = n.attrs['ac:name'] ?? '';
      return BLOCK_MACROS.has(name) || !!firstChild(n, 'ac:rich-text-body') || !!firstChild(n, 'ac:plain-text-body');
    }
    if (n.name === 'ac:adf-extension') {
      const node = firstChild(n, 'ac:adf-node');
      if (node?.attrs.type === 'inline-extension') return false;
      const opaque = this.opaque(n);
      return opaque ? !INLINE_ADF.has(opaque.type) : true;
    }
    return false;
  }

  private legacy(el: XElement, inline: boolean): AdfNode {
    this.lossless = false;
    return {
      type: inline ? 'inlineExtension' : 'extension',
      attrs: { extensionType: LEGACY_TYPE, extensionKey: LEGACY_KEY, parameters: { storage: serializeStorage(el) } },
    };
  }

  private opaque(el: XElement): AdfNode | null {
    const node = firstChild(el, 'ac:adf-node');
    const attr = node && childElements(node, 'ac:adf-attribute').find((a) => a.attrs.key === ADF_JSON_ATTR);
    if (!attr) return null;
    try {
      return JSON.parse(textOf(attr)) as AdfNode;
    } catch {
      return null;
    }
  }

  private block(el: XElement): AdfNode[] {
    const name = el.name;
    if (/^h[1-6]$/.test(name)) return [{ type: 'heading', attrs: { level: Number(name[1]) }, content: this.inlines(el.children, []) }];
    switch (name) {
      case 'p':
        return [{ type: 'paragraph', content: this.inlines(el.children, []) }];
      case 'ul':
        return [{ type: 'bulletList', content: this.items(el) }];
      case 'ol': {
        const start = Number(el.attrs.start);
        return [{ type: 'orderedList', attrs: { order: Number.isInteger(start) ? start : 1 }, content: this.items(el) }];
      }
      case 'blockquote':
        return [{ type: 'blockquote', content: this.cell(el.children) }];
      case 'hr':
        return [{ type: 'rule' }];
      case 'table':
        return [this.table(el)];
      case 'ac:structured-macro':
        return [this.blockMacro(el)];
      case 'ac:adf-extension': {
        const ext = storageToExtension(el);
        if (ext) return [{ type: 'extension', attrs: { ...ext.attrs } }];
        return [this.opaque(el) ?? this.legacy(el, false)];
      }
      default:
        return [this.legacy(el, false)];
    }
  }

  private cell(children: XNode[]): AdfNode[] {
    const blocks = this.blocks(children);
    return blocks.length ? blocks : [{ type: 'paragraph', content: [] }];
  }

  private items(list: XElement): AdfNode[] {
    return childElements(list, 'li').map((li) => ({ type: 'listItem', content: this.cell(li.children) }));
  }

  private table(el: XElement): AdfNode {
    const rows: XElement[] = [];
    for (const c of childElements(el)) {
      if (c.name === 'tr') rows.push(c);
      else if (['tbody', 'thead', 'tfoot'].includes(c.name)) rows.push(...childElements(c, 'tr'));
    }
    if (childElements(el).some((c) => !['tr', 'tbody', 'thead', 'tfoot', 'colgroup'].includes(c.name))) return this.legacy(el, false);
    return {
      type: 'table',
      content: rows.map((tr) => ({
        type: 'tableRow',
        content: childElements(tr)
          .filter((c) => c.name === 'td' || c.name === 'th')
          .map((c) => {
            const attrs: Record<string, number> = {};
            for (const k of ['colspan', 'rowspan']) if (Number(c.attrs[k]) > 1) attrs[k] = Number(c.attrs[k]);
            return {
              type: c.name === 'th' ? 'tableHeader' : 'tableCell',
              ...(Object.keys(attrs).length ? { attrs } : {}),
              content: this.cell(c.children),
            };
          }),
      })),
    };
  }

  private blockMacro(el: XElement): AdfNode {
    const name = el.attrs['ac:name'] ?? '';
    const params = macroParams(el);
    const keys = Object.keys(params);
    const body = firstChild(el, 'ac:rich-text-body');
    const plain = firstChild(el, 'ac:plain-text-body');
    if (name === 'code' && plain && keys.every((k) => k === 'language')) {
      return {
        type: 'codeBlock',
        ...(params.language ? { attrs: { language: params.language } } : {}),
        content: textNodes(textOf(plain), []),
      };
    }
    if (MACRO_TO_PANEL[name] && body && !keys.length) {
      return { type: 'panel', attrs: { panelType: MACRO_TO_PANEL[name] }, content: this.cell(body.children) };
    }
    return this.simpleMacro(el, false) ?? this.legacy(el, false);
  }

  /** A body-less macro with plain parameters → an extension node, as Confluence converts them. */
  private simpleMacro(el: XElement, inline: boolean): AdfNode | null {
    const hasBody = el.children.some((c) => c.type === 'element' && c.name !== 'ac:parameter');
    const paramsPlain = childElements(el, 'ac:parameter').every((p) => p.children.every((c) => c.type === 'text'));
    if (hasBody || !paramsPlain) return null;
    const macroParamsObj = Object.fromEntries(Object.entries(macroParams(el)).map(([k, v]) => [k, { value: v }]));
    return {
      type: inline ? 'inlineExtension' : 'extension',
      attrs: { extensionType: MACRO_TYPE, extensionKey: el.attrs['ac:name'] ?? '', parameters: { macroParams: macroParamsObj } },
    };
  }

  /** Inline content with the marks of its enclosing formatting elements. */
  inlines(children: XNode[], marks: AdfMark[]): AdfNode[] {
    const out: AdfNode[] = [];
    for (const c of children) {
      if (c.type === 'text') {
        out.push(...textNodes(c.text, marks));
        continue;
      }
      const mark = MARKS[c.name];
      if (mark) out.push(...this.inlines(c.children, [...marks, mark]));
      else if (c.name === 'a') out.push(...this.inlines(c.children, [...marks, { type: 'link', attrs: { href: c.attrs.href ?? '' } }]));
      else if (c.name === 'span') out.push(...this.inlines(c.children, marks));
      else out.push(this.inlineElement(c));
    }
    return out;
  }

  private inlineElement(el: XElement): AdfNode {
    switch (el.name) {
      case 'br':
        return { type: 'hardBreak' };
      case 'time': {
        const t = Date.parse(el.attrs.datetime ?? '');
        return Number.isNaN(t) ? this.legacy(el, true) : { type: 'date', attrs: { timestamp: String(t) } };
      }
      case 'ac:link': {
        const user = firstChild(el, 'ri:user');
        if (user && el.children.length === 1 && user.attrs['ri:account-id'])
          return { type: 'mention', attrs: { id: user.attrs['ri:account-id'] } };
        return this.legacy(el, true);
      }
      case 'ac:structured-macro': {
        const params = macroParams(el);
        if (el.attrs['ac:name'] === 'status' && Object.keys(params).every((k) => k === 'colour' || k === 'title')) {
          const color = COLOUR_TO_STATUS[(params.colour ?? 'grey').toLowerCase()];
          if (color) return { type: 'status', attrs: { text: params.title ?? '', color } };
        }
        return this.simpleMacro(el, true) ?? this.legacy(el, true);
      }
      case 'ac:adf-extension': {
        const ext = storageToExtension(el);
        if (ext) return { type: 'inlineExtension', attrs: { ...ext.attrs } };
        return this.opaque(el) ?? this.legacy(el, true);
      }
      default:
        return this.legacy(el, true);
    }
  }
}

function textNodes(text: string, marks: AdfMark[]): AdfNode[] {
  if (!text) return [];
  return [{ type: 'text', text, ...(marks.length ? { marks } : {}) }];
}

/** Converts storage format to an ADF document. */
export function storageToAdf(storage: string): AdfResult {
  const c = new StorageToAdf();
  const content = c.blocks(parseStorage(storage).children);
  return { doc: { type: 'doc', version: 1, content }, lossless: c.lossless };
}
