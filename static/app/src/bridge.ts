/**
 * The only module that talks to the Forge bridge. `@forge/bridge` reads
 * `globalThis.__bridge.callBridge` when it is loaded, so the host (Forge, or the local site)
 * must inject `__bridge` before this bundle runs.
 */
import { invoke as bridgeInvoke, router, view } from '@forge/bridge';
import type { MacroConfig, ResolverKey, ResolverMap } from '../../../src/contract';
import { safeUrl } from '../../../src/domain/safe-url';
import { AppRequestError, BRIDGE_FAILURE_MESSAGE, toAppRequestError, unwrapResult } from './app-error';
import { parseContext, type AppContext } from './context';

/** Calls a resolver and unwraps its `Result`; rejects with an AppRequestError, never anything else. */
export async function invoke<K extends ResolverKey>(key: K, payload: ResolverMap[K]['payload']): Promise<ResolverMap[K]['result']> {
  let response: unknown;
  try {
    response = await bridgeInvoke(key, payload);
  } catch (error) {
    throw toAppRequestError(error);
  }
  return unwrapResult<ResolverMap[K]['result']>(response);
}

export async function getContext(): Promise<AppContext> {
  let raw: unknown;
  try {
    raw = await view.getContext();
  } catch (error) {
    throw toAppRequestError(error);
  }
  // The browser's own zone and locale stand in for anything the host leaves out.
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  return parseContext(raw, { timezone: timeZone, locale });
}

/**
 * Opens a product URL in the top window. The Custom UI iframe is sandboxed without
 * top navigation on Forge, so navigation goes through the host; a host without `navigate`
 * falls back to a plain `_top` window. A URL the app's policy refuses (`javascript:` and the like,
 * which the host would run in its own page) is never handed on: answers false, and nothing happens.
 * The links check first too; this is the last gate before the host.
 */
export function openInTopWindow(url: string): boolean {
  const safe = safeUrl(url);
  if (safe === null) return false;
  const fallback = (): void => void window.open(safe, '_top');
  try {
    router.navigate(safe).catch(fallback);
  } catch {
    fallback();
  }
  return true;
}

/** Asks the host to apply the viewer's theme (light/dark). Optional: the light tokens are bundled. */
export function enableHostTheme(): void {
  try {
    view.theme.enable().catch(() => undefined);
  } catch {
    // A host without theming keeps the bundled light theme.
  }
}

/**
 * Saves the macro's configuration from its custom config view (the manifest's `macro.config.resource`):
 * Forge stores `config` on the macro and hands it back as `context.extension.config`.
 * Rejects with an AppRequestError, e.g. when the view is not a config view.
 */
export async function submitMacroConfig(config: MacroConfig): Promise<void> {
  try {
    await view.submit({ config });
  } catch (error) {
    throw new AppRequestError({
      code: 'UPSTREAM',
      message: error instanceof Error && error.message ? error.message : BRIDGE_FAILURE_MESSAGE,
    });
  }
}

/** Closes the macro's config view without saving; a host without `close` leaves it open. */
export function closeView(): void {
  try {
    view.close().catch(() => undefined);
  } catch {
    // Nothing to close outside a modal host.
  }
}

/** Where a full-page module is: the part of the product URL after the app's own page address. */
export interface PageLocation {
  pathname: string;
  search: string;
}

/** The product URL of a full-page module (the global page), for routes one can share. */
export interface PageHistory {
  location(): PageLocation;
  push(to: PageLocation): void;
  replace(to: PageLocation): void;
  back(): void;
  /** Called with the new location on every change, the browser's Back and Forward included; answers the unsubscribe. */
  listen(onChange: (location: PageLocation) => void): () => void;
}

/** The subset of the `history` package's History (v4) that Forge's `view.createHistory()` answers. */
interface ForgeHistory {
  location: PageLocation;
  push(to: PageLocation): void;
  replace(to: PageLocation): void;
  goBack(): void;
  listen(listener: (location: PageLocation) => void): () => void;
}

/**
 * Forge's `view.createHistory()`: the product URL of a full-page module (jira:globalPage), so a
 * view of the app has an address one can share and the browser's Back and Forward work. Null
 * where the host offers none (a module that is not a full page); the app then keeps its state in memory.
 */
export async function createPageHistory(): Promise<PageHistory | null> {
  let history: ForgeHistory;
  try {
    // Typed here: the `history` package its declaration names is not installed with @forge/bridge.
    const made: unknown = await view.createHistory();
    history = made as ForgeHistory;
  } catch {
    return null;
  }
  const plain = (l: PageLocation): PageLocation => ({ pathname: l.pathname || '/', search: l.search || '' });
  return {
    location: () => plain(history.location),
    push: (to) => history.push(to),
    replace: (to) => history.replace(to),
    back: () => history.goBack(),
    listen: (onChange) => history.listen((location) => onChange(plain(location))),
  };
}
