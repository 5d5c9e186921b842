import { childElements, firstChild, textOf, type XElement } from '../render/xhtml-tree';
import { asText } from '../../text';

/**
 * ADF extension nodes in storage format. Confluence keeps ADF-only nodes (Forge "ecosystem" macros among
 * them) in storage as
 *
 *   <ac:adf-extension>
 *     <ac:adf-node type="extension">
 *       <ac:adf-attribute key="extension-key">appId/envId/static/macro-key</ac:adf-attribute>
 *       <ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>
 *       <ac:adf-attribute key="parameters">
 *         <ac:adf-parameter key="local-id">…</ac:adf-parameter>
 *         <ac:adf-parameter key="extension-title">…</ac:adf-parameter>
 *         <ac:adf-parameter key="guest-params"><ac:adf-parameter key="incidentKey">INC-1</ac:adf-parameter></ac:adf-parameter>
 *       </ac:adf-attribute>
 *       <ac:adf-attribute key="local-id">…</ac:adf-attribute>
 *     </ac:adf-node>
 *     <ac:adf-fallback>…</ac:adf-fallback>
 *   </ac:adf-extension>
 *
 * Attribute names and the top-level parameter names are the ADF names in kebab case; keys below them
 * (guest params) are kept verbatim. Values that are not strings carry `type="number|boolean|null|object|array"`;
 * array items are `<ac:adf-parameter-value>` elements. This keeps the conversion lossless both ways.
 */

export type ExtensionNodeType = 'extension' | 'inlineExtension';
export interface ExtensionAttrs {
  extensionType: string;
  extensionKey: string;
  parameters?: Record<string, unknown>;
  text?: string;
  layout?: string;
  localId?: string;
  [other: string]: unknown;
}

const FORGE_TYPE = 'com.atlassian.ecosystem';
export const isForgeExtension = (a: ExtensionAttrs): boolean => a.extensionType === FORGE_TYPE;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function valueXml(tag: string, key: string | null, value: unknown): string {
  const k = key === null ? '' : ` key="${esc(key)}"`;
  if (typeof value === 'string') return `<${tag}${k}>${esc(value)}</${tag}>`;
  if (typeof value === 'number' || typeof value === 'boolean') return `<${tag}${k} type="${typeof value}">${String(value)}</${tag}>`;
  if (value === null || value === undefined) return `<${tag}${k} type="null"></${tag}>`;
  if (Array.isArray(value)) {
    return `<${tag}${k} type="array">${value.map((v) => valueXml('ac:adf-parameter-value', null, v)).join('')}</${tag}>`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return `<${tag}${k} type="object">${entries.map(([ck, cv]) => valueXml('ac:adf-parameter', ck, cv)).join('')}</${tag}>`;
}

function readValue(el: XElement): unknown {
  const type = el.attrs.type;
  if (type === 'number') return Number(textOf(el));
  if (type === 'boolean') return textOf(el).trim() === 'true';
  if (type === 'null') return null;
  if (type === 'array') return childElements(el, 'ac:adf-parameter-value').map(readValue);
  const params = childElements(el, 'ac:adf-parameter');
  if (type === 'object' || params.length) return Object.fromEntries(params.map((p) => [p.attrs.key ?? '', readValue(p)]));
  return textOf(el);
}

/** Storage XML for an ADF `extension` / `inlineExtension` node; `fallbackHtml` is storage shown by clients that cannot render it. */
export function extensionToStorage(nodeType: ExtensionNodeType, attrs: ExtensionAttrs, fallbackHtml: string): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (name === 'parameters' && value && typeof value === 'object' && !Array.isArray(value)) {
      const params = Object.entries(value as Record<string, unknown>)
        .map(([pk, pv]) => valueXml('ac:adf-parameter', kebab(pk), pv))
        .join('');
      parts.push(`<ac:adf-attribute key="parameters">${params}</ac:adf-attribute>`);
    } else {
      parts.push(valueXml('ac:adf-attribute', kebab(name), value));
    }
  }
  const type = nodeType === 'inlineExtension' ? 'inline-extension' : 'extension';
  return (
    `<ac:adf-extension><ac:adf-node type="${type}">${parts.join('')}</ac:adf-node>` +
    `<ac:adf-fallback>${fallbackHtml}</ac:adf-fallback></ac:adf-extension>`
  );
}

/** Reads an `ac:adf-extension` element back into an ADF extension node, or null when it holds something else. */
export function storageToExtension(el: XElement): { nodeType: ExtensionNodeType; attrs: ExtensionAttrs } | null {
  const node = firstChild(el, 'ac:adf-node');
  const type = node?.attrs.type;
  if (!node || (type !== 'extension' && type !== 'inline-extension')) return null;
  const attrs: Record<string, unknown> = {};
  for (const a of childElements(node, 'ac:adf-attribute')) {
    const name = camel(a.attrs.key ?? '');
    if (name === 'parameters') {
      attrs.parameters = Object.fromEntries(childElements(a, 'ac:adf-parameter').map((p) => [camel(p.attrs.key ?? ''), readValue(p)]));
    } else {
      attrs[name] = readValue(a);
    }
  }
  if (typeof attrs.extensionType !== 'string' || typeof attrs.extensionKey !== 'string') return null;
  return { nodeType: type === 'inline-extension' ? 'inlineExtension' : 'extension', attrs: attrs as ExtensionAttrs };
}

/** What `renderForgeMacro` receives for a Forge extension. */
export function forgeMacroOf(attrs: ExtensionAttrs): {
  extensionKey: string;
  localId: string;
  guestParams: Record<string, unknown>;
  title?: string;
} {
  const p = attrs.parameters ?? {};
  const guest = p.guestParams;
  const title = typeof p.extensionTitle === 'string' ? p.extensionTitle : typeof attrs.text === 'string' ? attrs.text : undefined;
  return {
    extensionKey: attrs.extensionKey,
    localId: asText(p.localId ?? attrs.localId),
    guestParams: guest && typeof guest === 'object' && !Array.isArray(guest) ? (guest as Record<string, unknown>) : {},
    ...(title !== undefined ? { title } : {}),
  };
}
