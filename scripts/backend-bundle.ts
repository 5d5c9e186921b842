import { build } from 'esbuild';

/**
 * Bundles a backend entry point as `forge deploy` bundles it for Forge: CommonJS for Node,
 * dependencies left as packages so @forge/* read the host's globals. One set of options for the
 * local site's build and the storage bench's baseline build.
 */
export async function bundleBackend(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
