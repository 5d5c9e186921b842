import type { XElement } from './xhtml-tree';

export interface ForgeMacroRef {
  extensionKey: string;
  localId: string;
  guestParams: Record<string, unknown>;
  title?: string;
}

export interface JiraIssueSummary {
  summary: string;
  status: string;
  statusCategory: string;
  url: string;
}

/** What the host page supplies to the renderer. The two optional hooks let it link pages and name people. */
export interface RenderHooks {
  /** Returns trusted HTML (the host's iframe markup) for a Forge macro. */
  renderForgeMacro(m: ForgeMacroRef): string;
  lookupJiraIssue(key: string): JiraIssueSummary | null;
  /** URL of a page linked with `ac:link`/`ri:page`; default `/wiki/display/<space>/<title>`. */
  pageUrl?(ref: { spaceKey?: string; title: string }): string | null;
  /** Display name of a user mentioned with `ri:user`; default the account id. */
  userName?(accountId: string): string | null;
}

/** What a macro needs of the renderer that calls it: the host's hooks and its children rendered. */
export interface MacroRenderer {
  readonly hooks: RenderHooks;
  children(el: XElement): string;
}
