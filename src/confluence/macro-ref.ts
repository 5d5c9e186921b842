import { getAppContext } from '@forge/api';

/** The manifest's `macro` module key (manifest.yml modules.macro). */
export const REVIEW_MACRO_KEY = 'pir-review-macro';

/**
 * The extension key Confluence gives this app's macro in a page body:
 * `<appId>/<environmentId>/static/<macroKey>` (a Forge macro is an ADF `extension` node of type
 * `com.atlassian.ecosystem`). The ids come from the invocation, so the page embeds the macro of
 * the environment that published it.
 */
export function reviewMacroExtensionKey(macroKey: string = REVIEW_MACRO_KEY): string {
  const ctx = getAppContext();
  return `${ctx.appAri.appId}/${ctx.environmentAri.environmentId}/static/${macroKey}`;
}
