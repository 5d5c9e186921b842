import { join, resolve } from 'node:path';
import { bundleBackend } from './backend-bundle';

/** Bundles src/index.ts for the local function runner (.build/backend/index.js). */
const root = resolve(__dirname, '..');
bundleBackend(join(root, 'src', 'index.ts'), join(root, '.build', 'backend', 'index.js')).catch(() => process.exit(1));
