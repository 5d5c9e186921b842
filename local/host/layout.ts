import type { SiteUser } from '../principal';
import { esc } from './html';
import { FRAME_RESIZE_SCRIPT, HOST_CSS } from './styles';

export interface LayoutInput {
  product: 'Jira' | 'Confluence';
  title: string;
  currentUser: SiteUser;
  users: readonly SiteUser[];
  path: string;
  body: string;
  globalPageHref: string;
  colorMode: 'light' | 'dark';
  /** false on a Jira-only site: no Confluence in the navigation. */
  confluence?: boolean;
}

/** The product chrome around every host page: top navigation, the user switcher and the theme (light/dark). */
export function layout({
  product,
  title,
  currentUser,
  users,
  path,
  body,
  globalPageHref,
  colorMode,
  confluence = true,
}: LayoutInput): string {
  const options = users
    .map(
      (u) =>
        `<option value="${esc(u.email)}"${u.accountId === currentUser.accountId ? ' selected' : ''}>${esc(u.displayName)} (${esc(u.email)})</option>`,
    )
    .join('');
  const modes = (['light', 'dark'] as const)
    .map((m) => `<option value="${m}"${m === colorMode ? ' selected' : ''}>${m === 'light' ? 'Light' : 'Dark'}</option>`)
    .join('');
  return `<!doctype html><html lang="en" data-color-mode="${colorMode}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} - ${product}</title><style>${HOST_CSS}</style></head><body>
<header class="topnav"><a class="product" href="${product === 'Jira' ? '/' : '/wiki'}"><span class="logo" aria-hidden="true"></span>${product}</a>
<nav aria-label="Products"><a href="/">Jira issues</a>${confluence ? '<a href="/wiki">Confluence</a>' : ''}<a href="${esc(globalPageHref)}">After Action Summaries</a></nav>
<span class="spacer"></span>
<form class="switcher" method="get" action="/__switch-user"><label for="as">Acting as</label>
<select id="as" name="as">${options}</select><input type="hidden" name="back" value="${esc(path)}"><button type="submit">Switch</button></form>
<form class="switcher" method="get" action="/__switch-theme"><label for="theme">Theme</label>
<select id="theme" name="mode">${modes}</select><input type="hidden" name="back" value="${esc(path)}"><button type="submit">Apply</button></form>
</header><main>${body}</main>${FRAME_RESIZE_SCRIPT}</body></html>`;
}
