import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { escapeAttr, escapeText, link, safeHref, shorten, utf8Length, multiline } from '../../src/domain/report/storage-xml';
import { anyRemoteUrl } from '../support/hostile-urls';
import { forgeMacro, jiraMacro, severityLozenge, statusMacro } from '../../src/domain/report/storage-macros';
import { fitTitle, TITLE_MAX } from '../../src/domain/report/page-title';
import { storageToExtension, forgeMacroOf } from '../../local/confluence/adf/extension-storage';
import { parseStorage, firstChild } from '../../local/confluence/render/xhtml-tree';

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const hostile = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '&amp;',
  '&#0;',
  '\u0000',
  '\u0008',
  '\uFFFE',
  '\uFFFF',
  '\t',
  '\n',
  '\r',
  '😀',
  '<ac:structured-macro ac:name="jira">',
);
const anyText = fc
  .array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 8 }), loneSurrogate), { maxLength: 30 })
  .map((p) => p.join(''));

/** What an XML parser reads back from `markup` inside `<p a="…">…</p>`: the text and the attribute. */
function readBack(content: string, attr: string): { text: string; attr: string; elements: number } {
  let text = '';
  let value = '';
  let elements = 0;
  const parser = new Parser(
    {
      onopentag(_name, attrs) {
        elements += 1;
        value = attrs['a'] ?? '';
      },
      ontext(t) {
        text += t;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(`<p a="${attr}">${content}</p>`);
  parser.end();
  return { text, attr: value, elements };
}

describe('escapeText and escapeAttr', () => {
  it('escape the five XML specials', () => {
    expect(escapeText(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;');
    expect(escapeAttr(`"><script>`)).toBe('&quot;&gt;&lt;script&gt;');
  });

  it('remove the characters XML 1.0 does not allow, and keep tab, line breaks and astral characters', () => {
    expect(escapeText('a\u0000b\u0008c\u001fd\uFFFEe\uFFFFf\uD800g\uDC00h')).toBe('abcdefgh');
    expect(escapeText('tab\tlf\ncr\r😀')).toBe('tab\tlf\ncr\r😀');
  });

  it('keep whitespace in attribute values as character references, which a parser would otherwise turn into spaces', () => {
    expect(escapeAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });

  it('leave nothing a parser could read as markup: any text reads back as itself, less illegal characters', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const expected = s.replace(NOT_XML_CHAR, '');
        const back = readBack(escapeText(s), escapeAttr(s));
        expect(back).toStrictEqual({ text: expected, attr: expected, elements: 1 });
        expect(escapeText(s)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
        expect(escapeAttr(s)).not.toMatch(/[<>"'\t\n\r]|&(?!(amp|lt|gt|quot|#39|#9|#10|#13);)/);
        expect(NOT_XML_CHAR.test(escapeAttr(s))).toBe(false);
      }),
    );
  });
});

describe('multiline', () => {
  it('keeps line breaks as bare <br/> and escapes each line', () => {
    expect(multiline('  one <b>\r\ntwo\rthree\n\nfour  ')).toBe('one &lt;b&gt;<br/>two<br/>three<br/><br/>four');
  });
});

describe('safeHref', () => {
  it('accepts absolute http and https URLs only', () => {
    expect(safeHref('https://example.atlassian.net/browse/INC-1')).toBe('https://example.atlassian.net/browse/INC-1');
    expect(safeHref(' http://status.example.com/x?a=1&b=2 ')).toBe('http://status.example.com/x?a=1&b=2');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' java\nscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.test/x',
      '/browse/INC-1',
      'mailto:a@b.c',
      'https://',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });

  it('never lets another scheme through, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.webUrl()), (u) => {
        const href = safeHref(u);
        expect(href === null || /^https?:\/\//.test(href)).toBe(true);
      }),
    );
  });
});

describe('link', () => {
  /** The href of each element in `markup`, as a parser reads it back (references decoded). */
  function hrefs(markup: string): string[] {
    const found: string[] = [];
    const parser = new Parser(
      {
        onopentag: (_name, attrs) =>
          Object.entries(attrs).forEach(([a, v]) => (a === 'href' || a === 'ri:url' ? found.push(v) : undefined)),
      },
      { xmlMode: true, decodeEntities: true },
    );
    parser.write(`<p>${markup}</p>`);
    parser.end();
    return found;
  }

  it('writes an unsafe URL as the escaped label, never a link', () => {
    for (const url of [
      'JaVaScRiPt:alert(1)',
      '\u0001 javascript:alert(1)',
      'java\nscript:alert(1)',
      'https://user:pass@evil.test/',
      '//evil.test/x',
    ]) {
      expect(link('<Runbook>', url)).toBe('&lt;Runbook&gt;');
    }
    expect(link('Runbook', 'https://wiki.example.com/a?b=1&c=2')).toBe('<a href="https://wiki.example.com/a?b=1&amp;c=2">Runbook</a>');
  });

  it('links only absolute http(s) URLs without credentials, whatever the URL', () => {
    fc.assert(
      fc.property(anyText, anyRemoteUrl, (label, url) => {
        for (const href of hrefs(link(label, url))) {
          const parsed = new URL(href);
          expect([parsed.protocol, parsed.username, parsed.password, parsed.href]).toStrictEqual([
            parsed.protocol === 'http:' ? 'http:' : 'https:',
            '',
            '',
            href,
          ]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shorten and utf8Length', () => {
  it('shortens with an ellipsis and never splits a surrogate pair', () => {
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
    expect(shorten('ab😀cd', 4)).toBe('ab…');
  });

  it('counts UTF-8 bytes as Node does', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'))));
  });
});

describe('fitTitle', () => {
  it('keeps the fixed parts and shortens the middle to the 255-character limit', () => {
    const title = fitTitle('INC-1: ', 'x'.repeat(400), ' — post-incident review');
    expect(Array.from(title)).toHaveLength(TITLE_MAX);
    expect(title.startsWith('INC-1: xxx')).toBe(true);
    expect(title.endsWith('x… — post-incident review')).toBe(true);
  });
});

describe('the macros', () => {
  it('write the status macro and the Jira issue macro in storage format', () => {
    expect(statusMacro('Sev1', 'Red')).toBe(
      '<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Sev1</ac:parameter></ac:structured-macro>',
    );
    expect(jiraMacro('INC-7')).toBe(
      '<ac:structured-macro ac:name="jira" ac:schema-version="1"><ac:parameter ac:name="key">INC-7</ac:parameter></ac:structured-macro>',
    );
    expect(jiraMacro('INC-7</ac:parameter><ac:parameter ac:name="jqlQuery">x')).not.toContain('<ac:parameter ac:name="jqlQuery">');
  });

  it('colour severities: critical red, warning yellow, info blue', () => {
    expect(severityLozenge('Sev2', 'critical')).toContain('>Red<');
    expect(severityLozenge('Sev4', 'warning')).toContain('>Yellow<');
    expect(severityLozenge('Sev5', 'info')).toContain('>Blue<');
  });

  it('write a Forge macro the way Confluence stores it, which reads back as the same extension', () => {
    const storage = forgeMacro({
      extensionKey: 'app-1/env-1/static/pir-review-macro',
      localId: 'pir-INC-1',
      title: 'Post-incident review <live>',
      guestParams: { issueKey: 'INC-1', view: 'full' },
      fallback: '<p>fallback</p>',
    });
    const el = firstChild(parseStorage(storage), 'ac:adf-extension');
    const ext = el ? storageToExtension(el) : null;
    expect(ext?.attrs.extensionType).toBe('com.atlassian.ecosystem');
    expect(ext && forgeMacroOf(ext.attrs)).toStrictEqual({
      extensionKey: 'app-1/env-1/static/pir-review-macro',
      localId: 'pir-INC-1',
      guestParams: { issueKey: 'INC-1', view: 'full' },
      title: 'Post-incident review <live>',
    });
  });
});
