import { adfToStorage } from '../adf/adf-to-storage';
import type { AdfNode } from '../adf/types';
import { renderStorageToHtml, type RenderHooks } from './storage-render';

/**
 * Renders an ADF document (object or the JSON string Confluence stores) to HTML by converting it to
 * storage format first, so both representations share one allow-listed renderer. Extension nodes of
 * type `com.atlassian.ecosystem` reach `renderForgeMacro`; ADF nodes with no storage counterpart show their text.
 */
export function renderAdfToHtml(adf: string | AdfNode, hooks: RenderHooks): string {
  let doc: AdfNode;
  try {
    doc = typeof adf === 'string' ? (JSON.parse(adf) as AdfNode) : adf;
  } catch {
    return '';
  }
  if (!doc || typeof doc !== 'object') return '';
  return renderStorageToHtml(adfToStorage(doc).storage, hooks);
}
