import { Parser } from 'htmlparser2';

/** A parsed storage-format document: elements (names lower-cased, e.g. `ac:structured-macro`) and text. */
export type XNode = XElement | XText;
export interface XElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}
export interface XText {
  type: 'text';
  text: string;
}

/**
 * Parses Confluence storage format (XHTML with `ac:`/`ri:` elements) into a tree. Uses htmlparser2
 * in HTML mode so that named entities (`&nbsp;`, `&rsquo;`) decode, with self-closing tags and CDATA
 * sections (`ac:plain-text-body`) recognised. Comments and processing instructions are dropped.
 */
export function parseStorage(storage: string): XElement {
  const root: XElement = { type: 'element', name: '#root', attrs: {}, children: [] };
  const stack: XElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: XElement = { type: 'element', name, attrs: { ...attrs }, children: [] };
        stack[stack.length - 1].children.push(el);
        stack.push(el);
      },
      ontext(text) {
        const parent = stack[stack.length - 1];
        const last = parent.children[parent.children.length - 1];
        if (last && last.type === 'text') last.text += text;
        else parent.children.push({ type: 'text', text });
      },
      onclosetag(name) {
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i].name === name) {
            stack.length = i;
            return;
          }
        }
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, recognizeCDATA: true, decodeEntities: true },
  );
  parser.write(storage);
  parser.end();
  return root;
}

export const isElement = (n: XNode | undefined, name?: string): n is XElement =>
  !!n && n.type === 'element' && (name === undefined || n.name === name);

/** Direct child elements, optionally of one name. */
export const childElements = (el: XElement, name?: string): XElement[] => el.children.filter((c): c is XElement => isElement(c, name));

export const firstChild = (el: XElement, name: string): XElement | undefined => childElements(el, name)[0];

/** Concatenated text of a subtree. */
export function textOf(node: XNode): string {
  return node.type === 'text' ? node.text : node.children.map(textOf).join('');
}

/** `ac:parameter` values of a macro, by `ac:name`. */
export function macroParams(macro: XElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of childElements(macro, 'ac:parameter')) out[p.attrs['ac:name'] ?? ''] = textOf(p);
  return out;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const VOID = new Set(['br', 'hr', 'img', 'col']);

/** Serialises a (sub)tree back to storage XHTML; used to carry unconverted content losslessly. */
export function serializeStorage(node: XNode): string {
  if (node.type === 'text') return escapeText(node.text);
  const inner = node.children.map(serializeStorage).join('');
  if (node.name === '#root') return inner;
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (!node.children.length && (VOID.has(node.name) || node.name.includes(':'))) return `<${node.name}${attrs} />`;
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}
