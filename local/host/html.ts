import { asText } from '../text';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(value: unknown): string {
  return asText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A same-site path to return to after switching user; anything else falls back to '/'. */
export function safeLocalPath(value: unknown): string {
  const s = typeof value === 'string' ? value : '';
  return s.startsWith('/') && !s.startsWith('//') && !s.includes('\\') ? s : '/';
}

/** A single query-string value, or '' when absent or repeated/nested. */
export function queryText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
