import { forgeMacroOf, isForgeExtension, storageToExtension } from '../adf/extension-storage';
import { escapeHtml, safeUrl } from './html';
import { childElements, firstChild, macroParams, parseStorage, textOf, type XElement, type XNode } from './xhtml-tree';
import { renderMacro } from './macros';
import type { MacroRenderer, RenderHooks } from './render-hooks';

// The hooks and the renderer's face live apart so that the macros (which this file calls) can
// name them without importing this file back.
export type { ForgeMacroRef, JiraIssueSummary, RenderHooks } from './render-hooks';

/** Plain HTML elements kept (with no attributes unless listed in ATTRS). Everything else is unwrapped or dropped. */
const KEEP = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'u',
  's',
  'del',
  'ins',
  'sub',
  'sup',
  'code',
  'pre',
  'blockquote',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'span',
  'div',
  'a',
  'small',
  'mark',
  'dl',
  'dt',
  'dd',
  'abbr',
]);
const RENAME: Record<string, string> = { b: 'strong', i: 'em', strike: 's' };
const VOID = new Set(['br', 'hr']);
/** Elements dropped together with their content. */
const DROP = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'head',
  'title',
  'svg',
  'math',
  'link',
  'meta',
  'base',
  'textarea',
  'select',
  'button',
  'input',
  'form',
  'audio',
  'video',
  'source',
  'img',
  'ac:parameter',
  'ac:placeholder',
  'ac:adf-node',
  'ac:task-id',
  'ac:task-uuid',
]);

function renderAttrs(name: string, el: XElement): string {
  const out: string[] = [];
  if (name === 'a') {
    const href = safeUrl(el.attrs.href);
    if (href !== null) out.push(`href="${escapeHtml(href)}"`, 'rel="noopener noreferrer"');
    if (el.attrs.title) out.push(`title="${escapeHtml(el.attrs.title)}"`);
  }
  if (name === 'td' || name === 'th') {
    for (const a of ['colspan', 'rowspan']) {
      const v = el.attrs[a];
      if (v && /^\d{1,3}$/.test(v)) out.push(`${a}="${v}"`);
    }
  }
  if (name === 'ol' && el.attrs.start && /^\d{1,6}$/.test(el.attrs.start)) out.push(`start="${el.attrs.start}"`);
  if (name === 'abbr' && el.attrs.title) out.push(`title="${escapeHtml(el.attrs.title)}"`);
  return out.length ? ' ' + out.join(' ') : '';
}

/** Renders one storage-format subtree to safe HTML. */
export class StorageRenderer implements MacroRenderer {
  constructor(readonly hooks: RenderHooks) {}

  children(el: XElement): string {
    return el.children.map((c) => this.node(c)).join('');
  }

  node(n: XNode): string {
    if (n.type === 'text') return escapeHtml(n.text);
    const name = RENAME[n.name] ?? n.name;
    if (DROP.has(name)) return '';
    if (KEEP.has(name)) {
      if (VOID.has(name)) return `<${name}>`;
      return `<${name}${renderAttrs(name, n)}>${this.children(n)}</${name}>`;
    }
    switch (name) {
      case 'ac:structured-macro':
      case 'ac:macro':
        return renderMacro(this, n, macroParams(n));
      case 'ac:link':
        return this.link(n);
      case 'ac:image':
        return this.image(n);
      case 'ac:adf-extension':
        return this.adfExtension(n);
      case 'ac:task-list':
        return `<ul class="cf-tasks">${childElements(n, 'ac:task')
          .map((t) => this.task(t))
          .join('')}</ul>`;
      case 'ac:emoticon':
        return escapeHtml(n.attrs['ac:emoji-fallback'] ?? `:${n.attrs['ac:name'] ?? 'emoticon'}:`);
      case 'time':
        return `<time>${escapeHtml(n.attrs.datetime ?? textOf(n))}</time>`;
      case 'ac:layout':
      case 'ac:layout-section':
      case 'ac:layout-cell':
        return `<div class="cf-${name.slice(3)}">${this.children(n)}</div>`;
      case 'ri:page':
      case 'ri:user':
      case 'ri:attachment':
      case 'ri:url':
        return '';
      default:
        // Unknown elements (ac:inline-comment-marker, font, …): keep their content, drop the element.
        return this.children(n);
    }
  }

  private task(t: XElement): string {
    const done = textOf(firstChild(t, 'ac:task-status') ?? { type: 'text', text: '' }).trim() === 'complete';
    const body = firstChild(t, 'ac:task-body');
    return `<li class="cf-task${done ? ' cf-task-done' : ''}"><input type="checkbox" disabled${done ? ' checked' : ''}> ${body ? this.children(body) : ''}</li>`;
  }

  private link(n: XElement): string {
    const plain = firstChild(n, 'ac:plain-text-link-body');
    const rich = firstChild(n, 'ac:link-body');
    const page = firstChild(n, 'ri:page');
    const user = firstChild(n, 'ri:user');
    const anchor = n.attrs['ac:anchor'];
    let href: string | null = null;
    let label = '';
    if (page) {
      const title = page.attrs['ri:content-title'] ?? '';
      const spaceKey = page.attrs['ri:space-key'];
      href = this.hooks.pageUrl
        ? this.hooks.pageUrl({ title, ...(spaceKey ? { spaceKey } : {}) })
        : `/wiki/display/${encodeURIComponent(spaceKey ?? '')}/${encodeURIComponent(title)}`;
      label = title;
    } else if (user) {
      const id = user.attrs['ri:account-id'] ?? user.attrs['ri:userkey'] ?? '';
      return `<span class="cf-mention">@${escapeHtml(this.hooks.userName?.(id) ?? id)}</span>`;
    } else if (firstChild(n, 'ri:url')) {
      href = safeUrl(firstChild(n, 'ri:url')!.attrs['ri:value']);
    } else if (anchor) {
      href = `#${encodeURIComponent(anchor)}`;
    }
    if (href && anchor && page) href += `#${encodeURIComponent(anchor)}`;
    const body = plain ? escapeHtml(textOf(plain)) : rich ? this.children(rich) : escapeHtml(label || href || '');
    const safe = safeUrl(href ?? undefined);
    return safe !== null ? `<a href="${escapeHtml(safe)}">${body}</a>` : `<span>${body}</span>`;
  }

  private image(n: XElement): string {
    const url = firstChild(n, 'ri:url');
    const alt = escapeHtml(n.attrs['ac:alt'] ?? '');
    const src = url ? safeUrl(url.attrs['ri:value']) : null;
    if (src !== null && /^https?:/i.test(src)) return `<img src="${escapeHtml(src)}" alt="${alt}">`;
    const file = firstChild(n, 'ri:attachment')?.attrs['ri:filename'];
    return `<span class="cf-image-missing">[image${file ? `: ${escapeHtml(file)}` : ''}]</span>`;
  }

  private adfExtension(n: XElement): string {
    const ext = storageToExtension(n);
    if (ext && isForgeExtension(ext.attrs)) return this.hooks.renderForgeMacro(forgeMacroOf(ext.attrs));
    const fallback = firstChild(n, 'ac:adf-fallback');
    return fallback ? this.children(fallback) : '';
  }
}

/** Renders Confluence storage format to HTML for the local site's page view. Only allow-listed markup survives. */
export function renderStorageToHtml(storage: string, hooks: RenderHooks): string {
  const renderer = new StorageRenderer(hooks);
  return renderer.children(parseStorage(storage));
}
