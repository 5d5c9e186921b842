/**
 * The only module that talks to the Forge bridge. `@forge/bridge` reads
 * `globalThis.__bridge.callBridge` when it is loaded, so the host (Forge, or the local site)
 * must inject `__bridge` before this bundle runs.
 */
import { invoke as bridgeInvoke, router, view } from '@forge/bridge';
import type { ResolverKey, ResolverMap } from '../../../src/contract';
import { toAppRequestError, unwrapResult } from './app-error';
import { parseContext, type AppContext } from './context';

/** Calls a resolver and unwraps its `Result`; rejects with an AppRequestError, never anything else. */
export async function invoke<K extends ResolverKey>(
  key: K,
  payload: ResolverMap[K]['payload'],
): Promise<ResolverMap[K]['result']> {
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
 * falls back to a plain `_top` window.
 */
export function openInTopWindow(url: string): void {
  const fallback = (): void => void window.open(url, '_top');
  try {
    router.navigate(url).catch(fallback);
  } catch {
    fallback();
  }
}

/** Asks the host to apply the viewer's theme (light/dark). Optional: the light tokens are bundled. */
export function enableHostTheme(): void {
  try {
    view.theme.enable().catch(() => undefined);
  } catch {
    // A host without theming keeps the bundled light theme.
  }
}
