import { escapeHtml } from '../render/html';
import type { RenderHooks } from '../render/storage-render';

/** Optional wiring for `body-format=view`: how Jira macros and Forge macros render in REST responses. */
export interface RouterOptions {
  lookupJiraIssue?: RenderHooks['lookupJiraIssue'];
  renderForgeMacro?: RenderHooks['renderForgeMacro'];
}

/** Hooks used when a REST caller asks for `body-format=view`. */
export function renderHooks(o: RouterOptions): RenderHooks {
  return {
    lookupJiraIssue: o.lookupJiraIssue ?? (() => null),
    renderForgeMacro:
      o.renderForgeMacro ??
      ((m) =>
        `<div class="forge-macro" data-extension-key="${escapeHtml(m.extensionKey)}" data-local-id="${escapeHtml(m.localId)}">${escapeHtml(m.title ?? 'Forge app')}</div>`),
  };
}
