import { validate } from '@forge/manifest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../local/runner/manifest';

const root = join(__dirname, '..', '..');

describe('manifest.yml', () => {
  it('passes the official Forge manifest validation that forge deploy runs', async () => {
    // The validator resolves resources and handlers on disk, relative to the working directory.
    expect(existsSync(join(root, 'static', 'app', 'dist', 'index.html'))).toBe(true);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const result = await validate(false);
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('declares every module the mission needs, each on the one Custom UI resource and resolver', () => {
    const m = loadManifest(join(root, 'manifest.yml'));
    const types = [...m.modules.values()].map((x) => x.type).sort();
    expect(types).toEqual(['jira:adminPage', 'jira:globalPage', 'jira:issuePanel', 'macro', 'scheduledTrigger', 'scheduledTrigger']);
    for (const key of ['pir-issue-panel', 'pir-review-macro', 'pir-after-action-summaries', 'pir-review-templates']) {
      expect(m.modules.get(key)?.functionKey).toBe('resolver');
    }
    expect(m.modules.get('pir-rhythm-check')?.functionKey).toBe('rhythm');
    // Issue 17: the review library's rebuild, in steps.
    expect(m.modules.get('pir-search-rebuild')?.functionKey).toBe('search-rebuild');
  });

  it('declares one installation for Jira and Confluence: Jira required, Confluence optional', () => {
    // Without app.compatibility a Jira + Confluence app is two installations with two storages on
    // Forge: the macro would find no review. One product may be required (@forge/manifest's rule).
    const m = loadManifest(join(root, 'manifest.yml'));
    expect((m.raw.app as Record<string, unknown>).compatibility).toEqual({ jira: { required: true }, confluence: { required: false } });
  });

  it('names handlers that src/index.ts exports, and src/index.ts exports nothing else', async () => {
    const m = loadManifest(join(root, 'manifest.yml'));
    const exported = Object.keys(await import('../../src/index')).sort();
    const named = [...m.functions.values()].map((f) => f.exportName).sort();
    expect(exported).toEqual(named);
  });
});
