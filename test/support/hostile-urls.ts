import fc from 'fast-check';

/**
 * URLs as an attacker would write them into a Jira remote link, for the URL policy's property
 * tests and the renderers' (docs/DECISIONS.md#what-must-hold: only http(s) URLs are ever opened or linked).
 */

/** Schemes that run script, read local files or leave the web: none may ever become a link. */
export const DANGEROUS_SCHEMES = [
  'javascript',
  'vbscript',
  'data',
  'file',
  'blob',
  'filesystem',
  'about',
  'mailto',
  'jar',
  'view-source',
  'intent',
  'ms-settings',
  'chrome',
] as const;

/** What browsers drop before parsing: leading C0 controls and spaces (the URL parser trims them). */
const c0OrSpace = fc.integer({ min: 0, max: 0x20 }).map((c) => String.fromCharCode(c));
/** What browsers drop anywhere in a URL: tab, LF, CR. */
const tabOrNewline = fc.constantFrom('\t', '\n', '\r');

/** Each letter in either case, with tabs and line breaks sprinkled in (`Ja\tVa\nScRiPt`). */
function disguised(word: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      fc.array(fc.option(tabOrNewline, { freq: 4 }), { minLength: word.length, maxLength: word.length }),
    )
    .map(([upper, after]) => [...word].map((c, i) => `${upper[i] ? c.toUpperCase() : c}${after[i] ?? ''}`).join(''));
}

/** A dangerous scheme in any case, behind any run of controls and spaces, with anything after the colon. */
export const dangerousUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(c0OrSpace, { maxLength: 4 }),
    fc.constantFrom(...DANGEROUS_SCHEMES).chain(disguised),
    fc.array(tabOrNewline, { maxLength: 2 }),
    fc.string({ maxLength: 30 }),
  )
  .map(([lead, scheme, beforeColon, rest]) => `${lead.join('')}${scheme}${beforeColon.join('')}:${rest}`);

/** Tricks that are not links at all, or leave the site while looking relative, or hide a host behind credentials. */
export const TRICKS = [
  'JaVaScRiPt:alert(1)',
  ' \t\n javascript:alert(document.domain)',
  '\u0000javascript:alert(1)',
  '\u001fjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript\r:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '%6Aavascript:alert(1)',
  'javascript%3Aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'mailto:security@example.com',
  '//evil.test/x',
  '\\\\evil.test\\x',
  '/\\evil.test/x',
  '/\t/evil.test/x',
  '/\n/evil.test/x',
  '\t//evil.test/x',
  'https://user:pass@evil.test/',
  'https://user@evil.test/',
  'https://',
  'http:',
  'relative/path',
  './x',
  '?q=1',
  '#top',
  '',
  '   ',
] as const;

/** Text biased towards URL syntax and the characters that end attributes or Markdown destinations. */
const urlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '/',
        '\\',
        ':',
        '//',
        '@',
        '%',
        '?',
        '#',
        '"',
        "'",
        '<',
        '>',
        '(',
        ')',
        ' ',
        '\t',
        '\n',
        '&',
        '.',
        '..',
        'http',
        'https',
        'javascript',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 10 },
  )
  .map((p) => p.join(''));

/** Any URL a remote link could hold: ordinary web URLs and paths, hostile ones, and noise. */
export const anyRemoteUrl: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webPath(),
  dangerousUrl,
  fc.constantFrom(...TRICKS),
  urlish,
  fc.string({ unit: 'binary', maxLength: 20 }),
);
