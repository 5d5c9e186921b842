import { escapeHtml, safeColor } from './html';
import type { MacroRenderer } from './render-hooks';
import { firstChild, textOf, type XElement } from './xhtml-tree';

/** Lozenge colours of the status macro (Confluence's colour names). */
const STATUS_COLOURS: Record<string, { bg: string; fg: string }> = {
  grey: { bg: '#dfe1e6', fg: '#42526e' },
  red: { bg: '#ffebe6', fg: '#bf2600' },
  yellow: { bg: '#fff0b3', fg: '#172b4d' },
  green: { bg: '#e3fcef', fg: '#006644' },
  blue: { bg: '#deebff', fg: '#0747a6' },
  purple: { bg: '#eae6ff', fg: '#403294' },
};

/** Jira status categories (keys or names) to lozenge colours. */
const CATEGORY_COLOURS: Record<string, string> = {
  new: 'grey',
  'to do': 'grey',
  undefined: 'grey',
  indeterminate: 'blue',
  'in progress': 'blue',
  done: 'green',
};

export function lozenge(text: string, colour: string, subtle = false): string {
  const name = STATUS_COLOURS[colour.toLowerCase()] ? colour.toLowerCase() : 'grey';
  const c = STATUS_COLOURS[name];
  const style = subtle ? `border:1px solid ${c.fg};color:${c.fg};background:transparent` : `background:${c.bg};color:${c.fg}`;
  return `<span class="cf-status cf-status-${name}" style="${style};border-radius:3px;padding:0 4px;font-size:11px;font-weight:700;text-transform:uppercase">${escapeHtml(text)}</span>`;
}

const PANEL_KINDS = new Set(['info', 'note', 'warning', 'tip', 'panel']);

function richBody(r: MacroRenderer, el: XElement): string {
  const body = firstChild(el, 'ac:rich-text-body');
  return body ? r.children(body) : '';
}

function panel(r: MacroRenderer, el: XElement, kind: string, params: Record<string, string>): string {
  const title = params.title ? `<p class="cf-panel-title"><strong>${escapeHtml(params.title)}</strong></p>` : '';
  const colour = kind === 'panel' ? safeColor(params.bgColor ?? params.bgcolor) : null;
  const style = colour ? ` style="background:${colour}"` : '';
  return `<div class="cf-panel cf-panel-${kind}"${style}>${title}${richBody(r, el)}</div>`;
}

function jira(r: MacroRenderer, params: Record<string, string>): string {
  const key = (params.key ?? '').trim();
  if (!key) {
    const jql = params.jqlQuery ?? params.jqlquery;
    return `<span class="cf-jira cf-jira-query">Jira issues${jql ? `: ${escapeHtml(jql)}` : ''}</span>`;
  }
  const issue = r.hooks.lookupJiraIssue(key);
  if (!issue) return `<span class="cf-jira cf-jira-missing">${escapeHtml(key)}: issue not found</span>`;
  const colour = CATEGORY_COLOURS[issue.statusCategory.toLowerCase()] ?? 'grey';
  const href = /^(https?:\/\/|\/)/i.test(issue.url) ? issue.url : '#';
  return (
    `<span class="cf-jira"><a href="${escapeHtml(href)}">${escapeHtml(key)}</a> ` +
    `<span class="cf-jira-summary">${escapeHtml(issue.summary)}</span> ${lozenge(issue.status, colour)}</span>`
  );
}

function code(el: XElement, params: Record<string, string>): string {
  const body = firstChild(el, 'ac:plain-text-body');
  const lang = params.language && /^[\w+#-]{1,30}$/.test(params.language) ? ` class="language-${params.language}"` : '';
  const title = params.title ? `<div class="cf-code-title">${escapeHtml(params.title)}</div>` : '';
  return `<div class="cf-code">${title}<pre><code${lang}>${escapeHtml(body ? textOf(body) : '')}</code></pre></div>`;
}

/** Renders an `ac:structured-macro`; unknown macros show their body, or a muted placeholder. */
export function renderMacro(r: MacroRenderer, el: XElement, params: Record<string, string>): string {
  const name = (el.attrs['ac:name'] ?? '').toLowerCase();
  if (PANEL_KINDS.has(name)) return panel(r, el, name, params);
  switch (name) {
    case 'status':
      return lozenge(params.title ?? '', params.colour ?? params.color ?? 'grey', params.subtle === 'true');
    case 'jira':
      return jira(r, params);
    case 'code':
    case 'noformat':
      return code(el, params);
    case 'expand':
      return `<details class="cf-expand"><summary>${escapeHtml(params.title ?? 'Click here to expand...')}</summary>${richBody(r, el)}</details>`;
    case 'anchor':
    case 'toc':
      return '';
    default: {
      const body = firstChild(el, 'ac:rich-text-body');
      if (body) return `<div class="cf-macro cf-macro-unknown">${r.children(body)}</div>`;
      return `<span class="cf-macro cf-macro-unknown">[${escapeHtml(name || 'macro')}]</span>`;
    }
  }
}
