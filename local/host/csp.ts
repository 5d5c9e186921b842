import { z } from 'zod';

/**
 * The Content-Security-Policy Forge serves Custom UI with (developer.atlassian.com
 * platform/forge/add-content-security-and-egress-controls and manifest-reference/permissions):
 * scripts, styles, images, fonts, media and fetch only from the app's own resource, plus what the
 * manifest declares: `permissions.content.scripts|styles` add the unsafe keywords Forge allows,
 * `permissions.external.*` add hosts to the matching directive. No inline <script> and no inline
 * <style> unless declared. Inline `style` *attributes* in markup fall under style-src too, but
 * styles set through the CSSOM (what React's `style` prop does) are not governed by CSP.
 *
 * The local site is stricter than Forge where Forge's exact list is not documented (no `data:` or
 * `blob:` images, no Atlassian CDN hosts): an app that passes here passes there.
 */

/** Where the local site collects violation reports (`report-uri`), see site.ts. */
export const CSP_REPORT_PATH = '/__app/csp-report';

/** The manifest's keywords, written without quotes in YAML, become CSP keywords in quotes. */
const SCRIPT_KEYWORDS = ['unsafe-inline', 'unsafe-hashes', 'unsafe-eval', 'blob:'] as const;
const STYLE_KEYWORDS = ['unsafe-inline'] as const;

/**
 * A host source as the manifest may write it (`*.giphy.com`, `https://api.example.com`,
 * `api.example.com:8443/path`). Anything that could end or extend a directive (whitespace, `;`,
 * `,`, quotes) is refused, so a manifest cannot smuggle a directive into the policy.
 */
const HostSource = z
  .string()
  .min(1)
  .max(500)
  .regex(
    /^(?:https?:\/\/|wss?:\/\/)?(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:\/[^\s;,'"]*)?$/,
    'not a host source',
  );

/** Forge accepts a bare string or `{ address }` (newer manifests); `{ remote }` entries name Forge Remote, not a host. */
const ExternalEntry = z.union([
  HostSource,
  z.object({ address: HostSource }).transform((e) => e.address),
  z.object({ remote: z.string() }).transform(() => null),
]);
const ExternalList = z.array(ExternalEntry).optional();

const Permissions = z
  .object({
    content: z
      .object({
        scripts: z.array(z.enum(SCRIPT_KEYWORDS)).optional(),
        styles: z.array(z.enum(STYLE_KEYWORDS)).optional(),
      })
      .optional(),
    external: z
      .object({
        fetch: z.object({ client: ExternalList, backend: ExternalList }).optional(),
        images: ExternalList,
        media: ExternalList,
        scripts: ExternalList,
        styles: ExternalList,
        fonts: ExternalList,
        frames: ExternalList,
      })
      .optional(),
  })
  .passthrough();

export class ManifestCspError extends Error {
  constructor(message: string) {
    super(`manifest.yml permissions: ${message}`);
    this.name = 'ManifestCspError';
  }
}

const keyword = (k: string): string => (k.endsWith(':') ? k : `'${k}'`);
const hosts = (list: readonly (string | null)[] | undefined): string[] => (list ?? []).filter((h): h is string => h !== null);

/**
 * The policy for every Custom UI frame of the app whose manifest is `manifest` (the parsed YAML).
 * Throws ManifestCspError when `permissions.content`/`external` hold something Forge would refuse.
 */
export function customUiCsp(manifest: unknown): string {
  const raw = (manifest as { permissions?: unknown } | null)?.permissions ?? {};
  const parsed = Permissions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestCspError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const { content, external } = parsed.data;
  const directive = (name: string, sources: readonly string[]): string => `${name} ${[...new Set(sources)].join(' ')}`;
  const frames = hosts(external?.frames);
  return [
    directive('default-src', ["'self'"]),
    directive('script-src', ["'self'", ...(content?.scripts ?? []).map(keyword), ...hosts(external?.scripts)]),
    directive('style-src', ["'self'", ...(content?.styles ?? []).map(keyword), ...hosts(external?.styles)]),
    directive('img-src', ["'self'", ...hosts(external?.images)]),
    directive('font-src', ["'self'", ...hosts(external?.fonts)]),
    directive('media-src', ["'self'", ...hosts(external?.media)]),
    directive('connect-src', ["'self'", ...hosts(external?.fetch?.client)]),
    directive('frame-src', frames.length ? frames : ["'none'"]),
    directive('object-src', ["'none'"]),
    directive('base-uri', ["'self'"]),
    directive('form-action', ["'self'"]),
    // Only the product page may frame the app.
    directive('frame-ancestors', ["'self'"]),
    directive('report-uri', [CSP_REPORT_PATH]),
  ].join('; ');
}
