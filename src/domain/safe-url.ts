/**
 * The app's one URL policy (docs/DECISIONS.md#what-must-hold: only http(s) URLs are ever opened or linked). A Jira remote
 * link's URL is whatever someone typed, `JaVaScRiPt:alert(1)` included, so every URL the Custom UI
 * opens or renders as a link, and every link the Confluence page and the Markdown export write,
 * passes through here first; null means "show it as plain text".
 *
 * Allowed: absolute `http:`/`https:` URLs without credentials, and paths on the site (`/browse/X`).
 * Everything else is text: `javascript:`, `data:`, `vbscript:`, `file:`, `blob:`, and `mailto:` too
 * (the rule is web pages only), protocol-relative `//host`, `/\host` and `\\host`, and
 * `https://user:pass@host` (credentials hide the real host from the reader).
 *
 * It imports nothing and touches no I/O: the Custom UI bundles this very file (the one runtime
 * exception in .dependency-cruiser.cjs), so the browser and the backend cannot disagree.
 */

/** Leading and trailing C0 controls and spaces: the URL parser drops them, and so do browsers in `href`. */
const EDGE_C0_OR_SPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
/** Tab, LF and CR: the URL parser drops them anywhere, so `java\tscript:` is `javascript:`. */
const TAB_OR_NEWLINE = /[\t\n\r]/g;
/** Resolves site paths to check they stay on the site; `.invalid` is reserved (RFC 2606), never a real host. */
const PLACEHOLDER_ORIGIN = 'https://site.invalid';

/**
 * The URL normalised as the WHATWG URL parser writes it (`HTTPS://Example.com` → `https://example.com/`,
 * spaces percent-encoded, dot segments resolved), or null when it may not be opened or linked.
 * Idempotent: a URL it returns, it returns unchanged.
 */
export function safeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Trimmed exactly as the browser would before reading the scheme, so what is checked is what runs.
  const url = raw.replace(EDGE_C0_OR_SPACE, '').replace(TAB_OR_NEWLINE, '');
  return url.startsWith('/') ? sitePath(url) : absoluteWebUrl(url);
}

/**
 * The policy without site paths, for documents read away from the site: a Confluence page is also
 * exported, copied and printed, and a Markdown file has no site at all, so a path would point nowhere.
 */
export function safeAbsoluteUrl(raw: unknown): string | null {
  const safe = safeUrl(raw);
  return safe !== null && !safe.startsWith('/') ? safe : null;
}

function parse(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

function absoluteWebUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

function sitePath(path: string): string | null {
  // `//host` is protocol-relative, and `/\host` is read as `//host` in http(s) URLs: both leave the site.
  if (path[1] === '/' || path[1] === '\\') return null;
  const parsed = parse(path, PLACEHOLDER_ORIGIN);
  if (!parsed || parsed.origin !== PLACEHOLDER_ORIGIN) return null;
  const normalised = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Resolving dot segments can leave `//` in front (`/.//evil.test`): that too would leave the site.
  return normalised.startsWith('//') ? null : normalised;
}
