/** Storage-format and ADF rendering for the local site's page view, including injection attempts. */
import Ajv from 'ajv';
import { Parser } from 'htmlparser2';
import { readFileSync } from 'node:fs';
import { adfToStorage, renderAdfToHtml, renderStorageToHtml, storageToAdf, type RenderHooks } from '../../local/confluence';

const forgeCalls: unknown[] = [];
const hooks: RenderHooks = {
  renderForgeMacro: (m) => {
    forgeCalls.push(m);
    return `<div class="macro-frame">${m.extensionKey}</div>`;
  },
  lookupJiraIssue: (key) =>
    key === 'INC-1'
      ? {
          summary: 'Login page <outage>',
          status: 'In Progress',
          statusCategory: 'indeterminate',
          url: 'http://localhost:3000/browse/INC-1',
        }
      : null,
  pageUrl: ({ spaceKey, title }) => `/wiki/spaces/${spaceKey}/pages/1/${encodeURIComponent(title)}`,
};
const render = (s: string) => renderStorageToHtml(s, hooks);

beforeEach(() => {
  forgeCalls.length = 0;
});

const ALLOWED_ATTRS = new Set([
  'href',
  'rel',
  'title',
  'class',
  'style',
  'colspan',
  'rowspan',
  'start',
  'type',
  'disabled',
  'checked',
  'src',
  'alt',
]);

/**
 * No executable markup survives: the output is parsed as a browser would (HTML mode) and checked for
 * script-capable elements, event-handler attributes, unsafe URLs and style values other than ours.
 */
function expectInert(html: string): void {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (['script', 'iframe', 'svg', 'object', 'embed', 'style', 'math', 'base', 'link', 'meta', 'form'].includes(name))
          problems.push(`<${name}>`);
        for (const [k, v] of Object.entries(attrs)) {
          if (!ALLOWED_ATTRS.has(k)) problems.push(`attribute ${k}`);
          if ((k === 'href' || k === 'src') && /^\s*(javascript|data|vbscript):/i.test(v.replace(/[\u0000-\u0020]/g, '')))
            problems.push(`${k}=${v}`);
          if (k === 'style' && /url\(|expression|javascript/i.test(v)) problems.push(`style=${v}`);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  expect(problems).toEqual([]);
}

describe('storage rendering', () => {
  test('headings, paragraphs, lists, tables, links, code, strong/em', () => {
    const html = render(`<h2>Timeline</h2><p>A <strong>bold</strong> and <em>quiet</em> <b>b</b> <i>i</i> step&nbsp;&rsquo;</p>
      <ul><li>one</li><li>two<ol start="3"><li>three</li></ol></li></ul>
      <table><tbody><tr><th>When</th><th colspan="2">What</th></tr><tr><td>09:00</td><td>paged</td></tr></tbody></table>
      <p><a href="https://status.example.com">status page</a> <code>kill -9</code></p>
      <ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[echo "<b>" && exit]]></ac:plain-text-body></ac:structured-macro>`);
    expect(html).toContain('<h2>Timeline</h2>');
    expect(html).toContain('<strong>bold</strong> and <em>quiet</em> <strong>b</strong> <em>i</em> step\u00a0\u2019');
    expect(html).toContain('<ul><li>one</li><li>two<ol start="3"><li>three</li></ol></li></ul>');
    expect(html).toContain('<th colspan="2">What</th>');
    expect(html).toContain('<a href="https://status.example.com" rel="noopener noreferrer">status page</a>');
    expect(html).toContain('<code>kill -9</code>');
    expect(html).toContain('<pre><code class="language-bash">echo &quot;&lt;b&gt;&quot; &amp;&amp; exit</code></pre>');
  });

  test('status lozenge, info/note/warning/tip/panel macros', () => {
    const html =
      render(`<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">Resolved</ac:parameter></ac:structured-macro>
      <ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Heads up</ac:parameter><ac:rich-text-body><p>info body</p></ac:rich-text-body></ac:structured-macro>
      <ac:structured-macro ac:name="note"><ac:rich-text-body><p>note body</p></ac:rich-text-body></ac:structured-macro>
      <ac:structured-macro ac:name="warning"><ac:rich-text-body><p>warning body</p></ac:rich-text-body></ac:structured-macro>
      <ac:structured-macro ac:name="panel"><ac:parameter ac:name="bgColor">#eae6ff</ac:parameter><ac:rich-text-body><p>panel body</p></ac:rich-text-body></ac:structured-macro>`);
    expect(html).toMatch(/<span class="cf-status cf-status-green" style="background:#e3fcef;color:#006644[^"]*">Resolved<\/span>/);
    expect(html).toContain(
      '<div class="cf-panel cf-panel-info"><p class="cf-panel-title"><strong>Heads up</strong></p><p>info body</p></div>',
    );
    expect(html).toContain('<div class="cf-panel cf-panel-note"><p>note body</p></div>');
    expect(html).toContain('<div class="cf-panel cf-panel-warning"><p>warning body</p></div>');
    expect(html).toContain('<div class="cf-panel cf-panel-panel" style="background:#eae6ff"><p>panel body</p></div>');
  });

  test('jira macro shows live summary and status, or "issue not found"', () => {
    const html = render(`<p><ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">INC-1</ac:parameter></ac:structured-macro>
      <ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">NOPE-9</ac:parameter></ac:structured-macro></p>`);
    expect(html).toContain('<a href="http://localhost:3000/browse/INC-1">INC-1</a>');
    expect(html).toContain('Login page &lt;outage&gt;');
    expect(html).toMatch(/cf-status-blue[^>]*>In Progress</);
    expect(html).toContain('NOPE-9: issue not found');
  });

  test('ac:link to pages and users, anchors', () => {
    const html =
      render(`<p><ac:link><ri:page ri:space-key="IR" ri:content-title="Runbooks" /><ac:plain-text-link-body><![CDATA[the runbooks]]></ac:plain-text-link-body></ac:link>
      <ac:link><ri:page ri:space-key="IR" ri:content-title="Post-incident reviews" /></ac:link>
      <ac:link><ri:user ri:account-id="712020:abc" /></ac:link></p>`);
    expect(html).toContain('<a href="/wiki/spaces/IR/pages/1/Runbooks">the runbooks</a>');
    expect(html).toContain('<a href="/wiki/spaces/IR/pages/1/Post-incident%20reviews">Post-incident reviews</a>');
    expect(html).toContain('<span class="cf-mention">@712020:abc</span>');
  });

  test('Forge macro in storage (ac:adf-extension) goes to renderForgeMacro; other extensions show their fallback', () => {
    const html = render(`<ac:adf-extension><ac:adf-node type="extension">
      <ac:adf-attribute key="extension-key">app-1/env-2/static/pir-macro</ac:adf-attribute>
      <ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>
      <ac:adf-attribute key="parameters"><ac:adf-parameter key="local-id">loc-9</ac:adf-parameter>
        <ac:adf-parameter key="extension-title">PIR</ac:adf-parameter>
        <ac:adf-parameter key="guest-params"><ac:adf-parameter key="issueKey">INC-2</ac:adf-parameter></ac:adf-parameter>
      </ac:adf-attribute></ac:adf-node><ac:adf-fallback><p>fallback</p></ac:adf-fallback></ac:adf-extension>
      <ac:adf-extension><ac:adf-node type="decision-list"></ac:adf-node><ac:adf-fallback><p>decided</p></ac:adf-fallback></ac:adf-extension>`);
    expect(forgeCalls).toEqual([
      { extensionKey: 'app-1/env-2/static/pir-macro', localId: 'loc-9', title: 'PIR', guestParams: { issueKey: 'INC-2' } },
    ]);
    expect(html).toContain('<div class="macro-frame">app-1/env-2/static/pir-macro</div>');
    expect(html).not.toContain('fallback');
    expect(html).toContain('<p>decided</p>');
  });
});

describe('injection attempts are escaped or dropped', () => {
  const attacks: [string, string][] = [
    ['script tag', '<p>hi<script>alert(1)</script></p>'],
    ['script split by CDATA', '<p><![CDATA[<script>alert(1)</script>]]></p>'],
    [
      'CDATA closing the plain-text body early',
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[</ac:plain-text-body></ac:structured-macro><script>alert(1)</script>]]></ac:plain-text-body></ac:structured-macro>',
    ],
    ['img onerror', '<p><img src="x" onerror="alert(1)" /></p>'],
    [
      'event handler on an allowed element',
      '<p onclick="alert(1)" style="x:expression(alert(1))"><a href="https://ok.example" onmouseover="alert(1)">x</a></p>',
    ],
    ['javascript: href', '<a href="javascript:alert(1)">x</a>'],
    [
      'obfuscated javascript: href',
      '<a href="  JaVa&#x09;ScRiPt:alert(1)">x</a><a href="jav&#x0A;ascript:alert(1)">y</a><a href="data:text/html,<script>alert(1)</script>">z</a>',
    ],
    [
      'iframe / svg / object',
      '<iframe src="https://evil"></iframe><svg onload="alert(1)"><circle/></svg><object data="x"></object><embed src="y">',
    ],
    [
      'ac:link with javascript ri:url',
      '<ac:link><ri:url ri:value="javascript:alert(1)" /><ac:plain-text-link-body><![CDATA[click]]></ac:plain-text-link-body></ac:link>',
    ],
    [
      'macro parameter breaking out of attributes',
      '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">red" onmouseover="alert(1)</ac:parameter><ac:parameter ac:name="title"><![CDATA["><script>alert(1)</script>]]></ac:parameter></ac:structured-macro>',
    ],
    [
      'panel bgColor injection',
      '<ac:structured-macro ac:name="panel"><ac:parameter ac:name="bgColor">red;background:url(javascript:alert(1))</ac:parameter><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>',
    ],
    [
      'code language injection',
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">x" onclick="alert(1)</ac:parameter><ac:plain-text-body><![CDATA[a]]></ac:plain-text-body></ac:structured-macro>',
    ],
    ['comment and PI tricks', '<!-- --><script>alert(1)</script> --><?xml version="1.0"?><p>ok</p>'],
    ['uppercase tags', '<SCRIPT>alert(1)</SCRIPT><IMG SRC=x ONERROR=alert(1)>'],
    ['style element', '<style>body{background:url(javascript:alert(1))}</style><p>ok</p>'],
    ['image with javascript url', '<ac:image><ri:url ri:value="javascript:alert(1)" /></ac:image>'],
    ['unterminated tags', '<p><a href="https://ok.example">x<script'],
  ];

  test.each(attacks)('%s', (_name, storage) => {
    const html = render(storage);
    expectInert(html);
  });

  test('text that looks like markup is escaped, not dropped', () => {
    const html = render('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes"</p>');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>');
    const cdata = render(
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[</ac:plain-text-body><script>alert(1)</script>]]></ac:plain-text-body></ac:structured-macro>',
    );
    expect(cdata).toContain('&lt;/ac:plain-text-body&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('a Jira lookup with a javascript: URL is not linked', () => {
    const html = renderStorageToHtml(
      '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">X-1</ac:parameter></ac:structured-macro>',
      {
        ...hooks,
        lookupJiraIssue: () => ({
          summary: '<img src=x onerror=alert(1)>',
          status: 'Done',
          statusCategory: 'done',
          url: 'javascript:alert(1)',
        }),
      },
    );
    expectInert(html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('ADF with markup in text and javascript: links renders inert', () => {
    const html = renderAdfToHtml(
      {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '<script>alert(1)</script>' },
              { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            ],
          },
        ],
      },
      hooks,
    );
    expectInert(html);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('ADF', () => {
  // The ADF JSON schema from @atlaskit/adf-schema (draft-04; ajv reads it once `$schema` is dropped).
  const adfSchema = JSON.parse(readFileSync(require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json'), 'utf8'));
  delete adfSchema.$schema;
  const validateAdf = new Ajv({ strict: false, allErrors: true }).compile(adfSchema);
  const adfErrors = (doc: unknown) => (validateAdf(doc) ? [] : validateAdf.errors);

  test('renders ADF: headings, lists, tables, marks, status, panel, code, Forge extension', () => {
    const html = renderAdfToHtml(
      JSON.stringify({
        type: 'doc',
        version: 1,
        content: [
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Actions' }] },
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fix', marks: [{ type: 'em' }] }] }] },
            ],
          },
          {
            type: 'table',
            content: [
              {
                type: 'tableRow',
                content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'H' }] }] }],
              },
            ],
          },
          {
            type: 'paragraph',
            content: [
              { type: 'status', attrs: { text: 'Done', color: 'green' } },
              { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://x.example' } }] },
            ],
          },
          {
            type: 'panel',
            attrs: { panelType: 'warning' },
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'careful' }] }],
          },
          { type: 'codeBlock', attrs: { language: 'sql' }, content: [{ type: 'text', text: 'select 1' }] },
          {
            type: 'extension',
            attrs: {
              extensionType: 'com.atlassian.ecosystem',
              extensionKey: 'a/e/static/m',
              parameters: { localId: 'l1', guestParams: { n: 2 } },
            },
          },
          {
            type: 'decisionList',
            attrs: { localId: 'd' },
            content: [{ type: 'decisionItem', attrs: { localId: 'i', state: 'DECIDED' }, content: [{ type: 'text', text: 'ship it' }] }],
          },
        ],
      }),
      hooks,
    );
    expect(html).toContain('<h3>Actions</h3>');
    expect(html).toContain('<ul><li><p><em>fix</em></p></li></ul>');
    expect(html).toContain('<th><p>H</p></th>');
    expect(html).toMatch(/cf-status-green[^>]*>Done</);
    expect(html).toContain('<a href="https://x.example" rel="noopener noreferrer">link</a>');
    expect(html).toContain('cf-panel-note');
    expect(html).toContain('<code class="language-sql">select 1</code>');
    expect(forgeCalls).toEqual([{ extensionKey: 'a/e/static/m', localId: 'l1', guestParams: { n: 2 } }]);
    expect(html).toContain('ship it');
  });

  test('storage → ADF gives valid ADF, and converts back to equivalent storage', () => {
    const source = `<h2>T</h2><p>a <strong>b</strong> <a href="https://x.example">c</a><br />d</p><ul><li><p>x</p></li></ul>
      <ac:structured-macro ac:name="info"><ac:rich-text-body><p>i</p></ac:rich-text-body></ac:structured-macro>
      <p><ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Open</ac:parameter></ac:structured-macro></p>
      <table><tbody><tr><td>1</td></tr></tbody></table>`;
    const { doc, lossless } = storageToAdf(source);
    expect(lossless).toBe(true);
    expect(adfErrors(doc)).toEqual([]);
    const again = storageToAdf(adfToStorage(doc).storage);
    expect(again.doc).toEqual(doc);
  });

  test('storage with no ADF counterpart is carried losslessly in a legacy-content extension', () => {
    const source =
      '<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>';
    const { doc, lossless } = storageToAdf(source);
    expect(lossless).toBe(false);
    expect(doc.content?.[0]).toMatchObject({ type: 'extension', attrs: { extensionKey: 'legacy-content' } });
    const back = adfToStorage(doc).storage;
    expect(storageToAdf(back).doc).toEqual(doc);
    expect(render(back)).toContain('<input type="checkbox" disabled checked> done');
  });
});
