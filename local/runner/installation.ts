import type { AppManifest } from './manifest';

export type Product = 'jira' | 'confluence';

/** The app's one installation on the local site: which products it spans, and its context. */
export interface Installation {
  products: ReadonlySet<Product>;
  /** What Forge passes as `installContext`: the site of the required product. */
  installContext: string;
}

/** The product a module extends; null for modules of the whole installation (functions, triggers). */
export function productOfModule(type: string): Product | null {
  if (type.startsWith('jira:')) return 'jira';
  if (type === 'macro' || type.startsWith('confluence:')) return 'confluence';
  return null;
}

type Compatibility = Partial<Record<Product, { required?: boolean }>>;

/**
 * Installs the manifest on a site that has Jira and, unless `confluence` is false, Confluence.
 * Stricter than a lenient emulator, as Forge is: a manifest with modules of two products and no
 * `app.compatibility` would be one installation per product there, each with its own storage,
 * so the local site refuses it rather than sharing one storage Forge would not share. A product
 * the manifest requires must be on the site; an optional one may be missing, and its modules are
 * then not offered.
 */
export function installApp(manifest: AppManifest, site: { cloudId: string; confluence: boolean }): Installation {
  const onSite = new Set<Product>(site.confluence ? ['jira', 'confluence'] : ['jira']);
  const used = new Set([...manifest.modules.values()].map((m) => productOfModule(m.type)).filter((p): p is Product => p !== null));
  const compatibility = (manifest.raw.app as { compatibility?: Compatibility } | undefined)?.compatibility ?? null;
  if (!compatibility) {
    if (used.size > 1) {
      throw new Error(
        `manifest.yml has ${[...used].join(' and ')} modules but no app.compatibility: on Forge that is one installation per product, each with its own storage. Declare app.compatibility (one product required, the others optional).`,
      );
    }
    const only = [...used][0] ?? 'jira';
    if (!onSite.has(only)) throw new Error(`This site has no ${only}, which every module of the app needs.`);
    return { products: new Set([only]), installContext: `ari:cloud:${only}::site/${site.cloudId}` };
  }
  const declared = Object.keys(compatibility) as Product[];
  const undeclared = [...used].filter((p) => !declared.includes(p));
  if (undeclared.length) throw new Error(`manifest.yml has ${undeclared.join(', ')} modules that app.compatibility does not list.`);
  const required = declared.filter((p) => compatibility[p]?.required === true);
  if (required.length !== 1) throw new Error('app.compatibility must mark exactly one product required: true.');
  const missing = required.filter((p) => !onSite.has(p));
  if (missing.length) throw new Error(`The app requires ${missing.join(', ')}, which this site does not have.`);
  return { products: new Set(declared.filter((p) => onSite.has(p))), installContext: `ari:cloud:${required[0]}::site/${site.cloudId}` };
}
