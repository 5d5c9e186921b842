import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const appRoot = import.meta.dirname;

/**
 * `@atlaskit/tokens` ships its themes as JS modules exporting a CSS string, not as .css files.
 * Injecting that string through a <style> element would break under Forge's default CSP
 * (`style-src 'self'`), so this plugin turns the themes into a real stylesheet at build time:
 * `import 'virtual:ds-tokens.css'` ends up in the extracted CSS asset.
 */
function atlaskitTokensCss(themes: readonly string[]): Plugin {
  const id = 'virtual:ds-tokens.css';
  const resolvedId = `\0${id}`;
  const requireFromApp = createRequire(path.join(appRoot, 'vite.config.ts'));
  const tokensDir = path.dirname(requireFromApp.resolve('@atlaskit/tokens/package.json'));
  const readTheme = (theme: string): string => {
    const file = path.join(tokensDir, 'dist/esm/artifacts/themes', `${theme}.js`);
    const match = /export default ("(?:[^"\\]|\\.)*");/s.exec(readFileSync(file, 'utf8'));
    if (!match?.[1]) throw new Error(`Unexpected format in ${file}`);
    return JSON.parse(match[1]) as string;
  };
  return {
    name: 'atlaskit-tokens-css',
    resolveId: (source: string) => (source === id ? resolvedId : undefined),
    load: (loadId: string) => (loadId === resolvedId ? themes.map(readTheme).join('\n') : undefined),
  };
}

/**
 * The Confluence macro's custom config view (manifest: `macro.config.resource`) is this same
 * bundle served from its own resource, `dist/macro-config`. A Forge resource is one directory
 * with its own index.html and nothing outside it, so the built files are copied there, and that
 * index.html is marked `data-pir-entry="macro-config"` for the app to render the config form.
 */
function macroConfigEntry(): Plugin {
  const name = 'macro-config';
  return {
    name: 'pir-macro-config-entry',
    apply: 'build',
    closeBundle() {
      const outDir = path.join(appRoot, 'dist');
      // A failed build wrote no index.html: let its own error be the one reported.
      if (!existsSync(path.join(outDir, 'index.html'))) return;
      const target = path.join(outDir, name);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target);
      for (const entry of readdirSync(outDir)) {
        if (entry !== name) cpSync(path.join(outDir, entry), path.join(target, entry), { recursive: true });
      }
      const html = readFileSync(path.join(target, 'index.html'), 'utf8');
      if (!/<html\b/i.test(html)) throw new Error('dist/index.html has no <html> element to mark');
      writeFileSync(path.join(target, 'index.html'), html.replace(/<html\b/i, `<html data-pir-entry="${name}"`));
    },
  };
}

/**
 * Two Atlaskit modules still use the Emotion build of `@atlaskit/primitives` (the date picker's
 * calendar days, the feature-flagged new lozenge), which injects <style> elements at run time:
 * blocked by Forge's default CSP (`style-src 'self'`). They are pointed at the Compiled build of
 * the same primitives, whose CSS is extracted at build time, so the app needs no 'unsafe-inline'.
 */
const emotionFreePrimitives = [
  { find: /^@atlaskit\/primitives\/box$/, replacement: path.join(appRoot, 'src/atlaskit-shims/primitives-box.ts') },
  { find: /^@atlaskit\/primitives\/pressable$/, replacement: path.join(appRoot, 'src/atlaskit-shims/primitives-pressable.ts') },
];

/**
 * `@atlaskit/tokens` can load themes at run time (`setGlobalTheme`, and Atlaskit's app provider,
 * which the date picker reaches), one chunk per theme. Those chunks are dead weight here (see the
 * shim), so the theme import map, asked for by its package path or by tokens' own relative path,
 * resolves to src/atlaskit-shims/theme-import-map.ts.
 */
function noRuntimeThemeChunks(): Plugin {
  const shim = path.join(appRoot, 'src/atlaskit-shims/theme-import-map.ts');
  const fromTokens = (importer: string | undefined) => (importer ?? '').replace(/\\/g, '/').includes('/@atlaskit/tokens/');
  return {
    name: 'pir-no-runtime-theme-chunks',
    enforce: 'pre',
    resolveId: (source: string, importer: string | undefined) =>
      source === '@atlaskit/tokens/artifacts/theme-import-map' || (source === '../artifacts/theme-import-map' && fromTokens(importer))
        ? shim
        : undefined,
  };
}

export default defineConfig({
  root: appRoot,
  resolve: { alias: emotionFreePrimitives },
  // Forge serves a resource from a relative path under its own CDN, never from the site root.
  base: './',
  // Both colour themes: the host picks one with `data-color-mode` on <html> once the app calls
  // `view.theme.enable()`; until then (or on a host without theming) the light fallbacks apply.
  plugins: [
    react(),
    noRuntimeThemeChunks(),
    atlaskitTokensCss(['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-shape', 'atlassian-typography']),
    macroConfigEntry(),
  ],
  build: {
    outDir: path.join(appRoot, 'dist'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
