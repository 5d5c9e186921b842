import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The parts of manifest.yml the local runner needs to route an invocation like Forge does. */
export interface AppManifest {
  appId: string;
  functions: Map<string, { file: string; exportName: string }>;
  /** moduleKey → { type, function key of its resolver or handler } */
  modules: Map<string, { type: string; functionKey: string | undefined; title: string | undefined }>;
  raw: Record<string, unknown>;
}

interface RawModule {
  key: string;
  title?: string;
  function?: string;
  resolver?: { function?: string };
}

export function loadManifest(path: string): AppManifest {
  const text = readFileSync(path, 'utf8');
  const raw = parse(text) as {
    app: { id: string };
    modules: Record<string, RawModule[] | undefined>;
  };
  const functions = new Map<string, { file: string; exportName: string }>();
  for (const f of (raw.modules.function ?? []) as unknown as { key: string; handler: string }[]) {
    const [file, exportName] = f.handler.split('.');
    if (!file || !exportName) throw new Error(`Bad handler ${f.handler}`);
    functions.set(f.key, { file, exportName });
  }
  const modules = new Map<string, { type: string; functionKey: string | undefined; title: string | undefined }>();
  for (const [type, list] of Object.entries(raw.modules)) {
    if (type === 'function') continue;
    for (const m of list ?? []) {
      modules.set(m.key, { type, functionKey: m.resolver?.function ?? m.function, title: m.title });
    }
  }
  return { appId: raw.app.id, functions, modules, raw };
}

/** The app id's UUID: Forge's extension keys use it, not the full ARI. */
export function appUuid(manifest: AppManifest): string {
  return manifest.appId.replace(/^ari:cloud:ecosystem::app\//, '');
}
