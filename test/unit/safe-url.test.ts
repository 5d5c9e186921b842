import fc from 'fast-check';
import { safeAbsoluteUrl, safeUrl } from '../../src/domain/safe-url';
import { anyRemoteUrl, dangerousUrl, TRICKS } from '../support/hostile-urls';

/** What the policy promises of anything it returns: an absolute http(s) URL or a path on this site. */
function isSafeOutput(out: string): boolean {
  if (/[\u0000-\u0020]/.test(out)) return false;
  if (out.startsWith('/')) return !out.startsWith('//') && new URL(out, 'https://site.invalid').host === 'site.invalid';
  const parsed = new URL(out);
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.host !== '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.href === out
  );
}

describe('safeUrl, the one URL policy', () => {
  it('keeps absolute http(s) URLs, normalised as the URL parser writes them', () => {
    expect(safeUrl('https://example.atlassian.net/browse/INC-1')).toBe('https://example.atlassian.net/browse/INC-1');
    expect(safeUrl(' \n http://Status.Example.com/x?a=1&b=2#top\t')).toBe('http://status.example.com/x?a=1&b=2#top');
    expect(safeUrl('HTTPS://example.com')).toBe('https://example.com/');
    expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
  });

  it('keeps paths on the site, and never a path that leaves it', () => {
    expect(safeUrl('/browse/INC-1')).toBe('/browse/INC-1');
    expect(safeUrl('/wiki/spaces/OPS/pages/1?x=1#h')).toBe('/wiki/spaces/OPS/pages/1?x=1#h');
    expect(safeUrl('/a/../b c')).toBe('/b%20c');
    // The dot segment goes and would leave "//evil.test/x", a protocol-relative URL.
    expect(safeUrl('/.//evil.test/x')).toBeNull();
    expect(safeUrl('/%2F/evil.test')).toBe('/%2F/evil.test');
  });

  it.each(TRICKS.map((t) => [JSON.stringify(t), t]))('shows %s as text: not a link', (_name, trick) => {
    expect(safeUrl(trick)).toBeNull();
    expect(safeAbsoluteUrl(trick)).toBeNull();
  });

  it('answers null for anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, [], new URL('https://example.com/')]) expect(safeUrl(value)).toBeNull();
  });

  it('gives nothing but an absolute http(s) URL or a site path, for any input', () => {
    fc.assert(
      fc.property(anyRemoteUrl, (raw) => {
        const out = safeUrl(raw);
        expect(out === null || isSafeOutput(out)).toBe(true);
        const absolute = safeAbsoluteUrl(raw);
        expect(absolute === null || (isSafeOutput(absolute) && /^https?:\/\//.test(absolute))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every dangerous scheme in any case, behind any controls and spaces, with tabs and line breaks inside', () => {
    fc.assert(
      fc.property(dangerousUrl, (raw) => {
        expect(safeUrl(raw)).toBeNull();
        expect(safeAbsoluteUrl(raw)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent: what it returns, it returns unchanged', () => {
    fc.assert(
      fc.property(anyRemoteUrl, (raw) => {
        const out = safeUrl(raw);
        if (out !== null) expect(safeUrl(out)).toBe(out);
        const absolute = safeAbsoluteUrl(raw);
        if (absolute !== null) expect(safeAbsoluteUrl(absolute)).toBe(absolute);
      }),
      { numRuns: 3000 },
    );
  });

  it('lets every ordinary web URL through, as the URL parser normalises it, whatever whitespace surrounds it', () => {
    const blank = fc.array(fc.constantFrom(' ', '\t', '\n', '\r'), { maxLength: 3 }).map((b) => b.join(''));
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), blank, blank, (url, before, after) => {
        expect(safeUrl(`${before}${url}${after}`)).toBe(new URL(url).href);
        expect(safeAbsoluteUrl(`${before}${url}${after}`)).toBe(new URL(url).href);
      }),
      { numRuns: 1000 },
    );
  });

  it('lets every ordinary site path through, as the URL parser normalises it', () => {
    const path = fc.webPath().filter((p) => p.startsWith('/') && !p.startsWith('//'));
    fc.assert(
      fc.property(path, fc.webQueryParameters(), fc.webFragments(), (p, q, f) => {
        const raw = `${p}?${q}#${f}`;
        const parsed = new URL(raw, 'https://site.invalid');
        const expected = `${parsed.pathname}${parsed.search}${parsed.hash}`;
        expect(safeUrl(raw)).toBe(expected.startsWith('//') ? null : expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('safeAbsoluteUrl, for documents read away from the site', () => {
  it('is the policy without site paths: a page or file has no site to be relative to', () => {
    expect(safeAbsoluteUrl('/browse/INC-1')).toBeNull();
    expect(safeAbsoluteUrl(' https://example.com/x ')).toBe('https://example.com/x');
    fc.assert(
      fc.property(anyRemoteUrl, (raw) => {
        const out = safeUrl(raw);
        expect(safeAbsoluteUrl(raw)).toBe(out !== null && !out.startsWith('/') ? out : null);
      }),
      { numRuns: 2000 },
    );
  });
});
