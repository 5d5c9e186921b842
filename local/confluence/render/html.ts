/** Escaping and URL checks shared by the storage and ADF renderers. */

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Returns the URL if it is safe to put in `href`/`src`: http(s), mailto, or relative.
 * `javascript:`, `data:`, `vbscript:` and obfuscated forms (control characters, entities already decoded) give null.
 */
export function safeUrl(raw: string | undefined): string | null {
  if (!raw) return null;

  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!compact) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return SAFE_SCHEMES.has(scheme[1].toLowerCase()) ? raw.trim() : null;
  if (compact.startsWith('//')) return null;
  return raw.trim();
}

/** Allows `#abc`/`#aabbcc` colours only (panel backgrounds). */
export const safeColor = (raw: string | undefined): string | null => (raw && /^#[0-9a-f]{3,8}$/i.test(raw.trim()) ? raw.trim() : null);
