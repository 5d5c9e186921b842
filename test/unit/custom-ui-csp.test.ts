import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { customUiCsp, ManifestCspError } from '../../local/host/csp';

/** The policy as a map: directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the Custom UI content security policy the local host serves', () => {
  it('allows scripts, styles, images, fonts and fetch only from the app itself when the manifest declares nothing', () => {
    const csp = directives(customUiCsp({ permissions: { scopes: ['storage:app'] } }));
    expect(csp.get('script-src')).toStrictEqual(["'self'"]);
    expect(csp.get('style-src')).toStrictEqual(["'self'"]);
    expect(csp.get('img-src')).toStrictEqual(["'self'"]);
    expect(csp.get('font-src')).toStrictEqual(["'self'"]);
    expect(csp.get('connect-src')).toStrictEqual(["'self'"]);
    expect(csp.get('object-src')).toStrictEqual(["'none'"]);
    expect(csp.get('frame-src')).toStrictEqual(["'none'"]);
  });

  it("is the default policy for this app's manifest: no unsafe keyword anywhere", () => {
    const manifest: unknown = parse(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8'));
    const policy = customUiCsp(manifest);
    expect(policy).not.toMatch(/unsafe/);
    expect(directives(policy).get('script-src')).toStrictEqual(["'self'"]);
  });

  it("adds permissions.content's keywords quoted, as Forge does for 'unsafe-inline' styles", () => {
    const csp = directives(customUiCsp({ permissions: { content: { styles: ['unsafe-inline'], scripts: ['unsafe-eval', 'blob:'] } } }));
    expect(csp.get('style-src')).toStrictEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).toStrictEqual(["'self'", "'unsafe-eval'", 'blob:']);
  });

  it('adds permissions.external hosts to the matching directive only', () => {
    const csp = directives(
      customUiCsp({
        permissions: {
          external: {
            images: ['*.giphy.com'],
            fonts: [{ address: 'https://fonts.example.com' }],
            fetch: { client: ['https://api.example.com'], backend: ['https://backend.example.com'] },
            frames: ['https://embed.example.com'],
          },
        },
      }),
    );
    expect(csp.get('img-src')).toStrictEqual(["'self'", '*.giphy.com']);
    expect(csp.get('font-src')).toStrictEqual(["'self'", 'https://fonts.example.com']);
    expect(csp.get('connect-src')).toStrictEqual(["'self'", 'https://api.example.com']);
    expect(csp.get('frame-src')).toStrictEqual(['https://embed.example.com']);
    // Backend egress is the function's, not the browser's.
    expect(
      [...directives(customUiCsp({ permissions: { external: { fetch: { backend: ['https://backend.example.com'] } } } })).values()].flat(),
    ).not.toContain('https://backend.example.com');
  });

  it('refuses a content keyword Forge does not offer', () => {
    expect(() => customUiCsp({ permissions: { content: { styles: ['unsafe-eval'] } } })).toThrow(ManifestCspError);
    expect(() => customUiCsp({ permissions: { content: { scripts: ["'self'"] } } })).toThrow(ManifestCspError);
  });

  it('never lets a declared host add or end a directive', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(';', ' ', ',', "'", '\n'), fc.string(), (a, sep, b) => {
        const host = `${a}${sep}${b}`;
        let policy: string;
        try {
          policy = customUiCsp({ permissions: { external: { images: [host] } } });
        } catch (e) {
          return e instanceof ManifestCspError;
        }
        return directives(policy).size === 13 && !policy.includes(host);
      }),
    );
  });
});
