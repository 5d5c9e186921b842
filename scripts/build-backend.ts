import { build } from 'esbuild';
import { join, resolve } from 'node:path';

/**
 * Bundles src/index.ts for the local function runner, as `forge deploy` bundles it for Forge:
 * CommonJS for Node, dependencies left as packages so @forge/* read the host's globals.
 */
const root = resolve(__dirname, '..');
build({
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: join(root, '.build', 'backend', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
}).catch(() => process.exit(1));
