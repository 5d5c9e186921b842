import { join } from 'node:path';
import { installApp, productOfModule } from '../../local/runner/installation';
import { loadManifest, type AppManifest } from '../../local/runner/manifest';

const CLOUD = 'cloud-1';
const manifest = loadManifest(join(__dirname, '..', '..', 'manifest.yml'));

/** The app's manifest with `app.compatibility` replaced (undefined: removed). */
function withCompatibility(compatibility: unknown): AppManifest {
  const app = { ...(manifest.raw.app as Record<string, unknown>) };
  if (compatibility === undefined) delete app.compatibility;
  else app.compatibility = compatibility;
  return { ...manifest, raw: { ...manifest.raw, app } };
}

describe('the local site installs the app as Forge would', () => {
  it('maps modules to the product they extend; triggers and functions belong to the whole installation', () => {
    expect(['jira:issuePanel', 'jira:globalPage', 'macro', 'confluence:spacePage', 'scheduledTrigger'].map(productOfModule)).toEqual([
      'jira',
      'jira',
      'confluence',
      'confluence',
      null,
    ]);
  });

  it('makes one installation spanning Jira and Confluence, in the context of the required product', () => {
    const i = installApp(manifest, { cloudId: CLOUD, confluence: true });
    expect([...i.products].sort()).toEqual(['confluence', 'jira']);
    expect(i.installContext).toBe(`ari:cloud:jira::site/${CLOUD}`);
  });

  it('installs on Jira alone when the site has no Confluence (it is optional)', () => {
    expect([...installApp(manifest, { cloudId: CLOUD, confluence: false }).products]).toEqual(['jira']);
  });

  it('refuses a manifest with Jira and Confluence modules and no app.compatibility: Forge would make two installations with two storages', () => {
    expect(() => installApp(withCompatibility(undefined), { cloudId: CLOUD, confluence: true })).toThrow(/no app\.compatibility/);
  });

  it('refuses a site without the required product', () => {
    const confluenceRequired = withCompatibility({ confluence: { required: true }, jira: { required: false } });
    expect(() => installApp(confluenceRequired, { cloudId: CLOUD, confluence: false })).toThrow(/requires confluence/);
  });
});
