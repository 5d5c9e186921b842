import fc from 'fast-check';
import {
  blockCard,
  blockQuote,
  bulletList,
  code,
  codeBlock,
  date,
  doc,
  emoji,
  hardBreak,
  heading,
  inlineCard,
  li,
  link,
  media,
  mediaSingle,
  mention,
  orderedList,
  p,
  panel,
  rule,
  status,
  strong,
  table,
  td,
  text,
  th,
  tr,
} from '@atlaskit/adf-utils/builders';
import { PanelType } from '@atlaskit/adf-schema';
import { demoScenario } from '../../local/seed/incidents';
import { adfToText } from '../../src/domain/adf-text';

describe('adfToText', () => {
  it('separates paragraphs with a blank line and keeps hard breaks as line breaks', () => {
    expect(adfToText(doc(p('First.'), p('Second', hardBreak(), 'line two.')))).toBe('First.\n\nSecond\nline two.');
  });

  it('renders a heading as its own block', () => {
    expect(adfToText(doc(heading({ level: 2 })(text('Timeline')), p('Body')))).toBe('Timeline\n\nBody');
  });

  it('renders mentions as @ plus the display name', () => {
    expect(adfToText(doc(p(mention({ id: 'a1', text: '@Maya Okafor' }), ' please look')))).toBe('@Maya Okafor please look');
    expect(adfToText(doc(p(mention({ id: 'a1', text: 'Maya Okafor' }))))).toBe('@Maya Okafor');
  });

  it('writes a link as "text (url)", and only the url when the text is the url', () => {
    expect(adfToText(doc(p(link({ href: 'https://x.example/a' })('the dashboard'))))).toBe('the dashboard (https://x.example/a)');
    expect(adfToText(doc(p(link({ href: 'https://x.example/a' })('https://x.example/a'))))).toBe('https://x.example/a');
  });

  it('writes a link whose words carry different marks once', () => {
    const href = 'https://x.example/a';
    expect(adfToText(doc(p(link({ href })(strong('login')), link({ href })(' overview'))))).toBe('login overview (https://x.example/a)');
  });

  it('wraps inline code in backticks and fences code blocks with their language', () => {
    expect(adfToText(doc(p('user ', code('deploy'))))).toBe('user `deploy`');
    expect(adfToText(doc(codeBlock({ language: 'bash' })(text('kill 1\nrestart'))))).toBe('```bash\nkill 1\nrestart\n```');
    expect(adfToText(doc(codeBlock({})(text('x'))))).toBe('```\nx\n```');
  });

  it('renders bullet and ordered lists with nested items indented under their parent', () => {
    const nested = doc(bulletList(li([p('one'), orderedList({ order: 3 })(li([p('three')]), li([p('four')]))]), li([p('two')])));
    expect(adfToText(nested)).toBe('• one\n  3. three\n  4. four\n• two');
  });

  it('renders a table one row a line, header row first', () => {
    const t = table(tr([th()(p('Moment')), th()(p('Time'))]), tr([td()(p('Opened')), td()(p('19:46'))]));
    expect(adfToText(doc(t))).toBe('Moment | Time\nOpened | 19:46');
  });

  it('renders emoji as their unicode text, else as :shortName:', () => {
    expect(adfToText(doc(p('ok ', emoji({ shortName: ':thumbsup:', text: '👍' }))))).toBe('ok 👍');
    expect(adfToText(doc(p(emoji({ shortName: ':partyparrot:' }))))).toBe(':partyparrot:');
  });

  it('labels panels with their type, and quotes with "> "', () => {
    expect(adfToText(doc(panel({ panelType: PanelType.WARNING })(p('Careful.'))))).toBe('[Warning] Careful.');
    expect(adfToText(doc(blockQuote(p('a'), p('b'))))).toBe('> a\n>\n> b');
  });

  it('renders status lozenges in brackets, dates as ISO dates, and rules as ---', () => {
    const d = doc(
      p(status({ text: 'done', color: 'green', localId: 's' }), ' on ', date({ timestamp: String(Date.UTC(2026, 9, 17)) })),
      rule(),
    );
    expect(adfToText(d)).toBe('[DONE] on 2026-10-17\n\n---');
  });

  it('renders media as [attachment] and smart links as their url', () => {
    const d = doc(
      mediaSingle({ layout: 'center' })(media({ id: 'm', type: 'file', collection: 'c' })),
      p(inlineCard({ url: 'https://x.example/i' })),
      blockCard({ url: 'https://x.example/b' }),
    );
    expect(adfToText(d)).toBe('[attachment]\n\nhttps://x.example/i\n\nhttps://x.example/b');
  });

  it('renders an unknown node as its text content', () => {
    expect(adfToText({ type: 'doc', content: [{ type: 'futureWidget', content: [{ type: 'text', text: 'inside' }] }] })).toBe('inside');
  });

  it('reads what it can from malformed input and returns "" when nothing is readable', () => {
    expect(adfToText(null)).toBe('');
    expect(adfToText(42)).toBe('');
    expect(adfToText({})).toBe('');
    expect(adfToText({ type: 'doc' })).toBe('');
    expect(adfToText({ type: 'doc', content: 'nope' })).toBe('');
    expect(
      adfToText({ type: 'doc', content: [null, 7, { type: 'paragraph', content: [{ type: 'text', text: 'kept' }, { text: 'no type' }] }] }),
    ).toBe('kept');
    expect(adfToText({ type: 'doc', content: [{ type: 'mention', attrs: { text: { nested: true } } }] })).toBe('@someone');
  });

  it('returns a plain-text body as it is', () => {
    expect(adfToText('  plain wiki text ')).toBe('plain wiki text');
  });

  it('turns every rich comment and description of the seeded incidents into readable text', () => {
    const bodies = demoScenario.issues
      .flatMap((i) => [i.description, ...i.comments.map((c) => c.body)])
      .filter((b) => b !== undefined && typeof b !== 'string');
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) {
      const out = adfToText(body);
      expect(out).not.toBe('');
      expect(out).not.toContain('[object');
      expect(out).not.toMatch(/[{]"?type/);
    }
  });

  it('prints a brace only where the comment itself wrote one (never raw JSON)', () => {
    const texts = (node: unknown): string[] =>
      typeof node !== 'object' || node === null
        ? []
        : [...(typeof (node as any).text === 'string' ? [(node as any).text] : []), ...((node as any).content ?? []).flatMap(texts)];
    const rich = demoScenario.issues.flatMap((i) => i.comments.map((c) => c.body)).filter((b) => typeof b !== 'string');
    const braceFree = rich.filter((b) => !texts(b).some((t) => t.includes('{')));
    expect(braceFree.length).toBeGreaterThan(5);
    for (const body of braceFree) expect(adfToText(body)).not.toContain('{');
  });

  it('never throws and always returns a string, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof adfToText(value)).toBe('string');
      }),
    );
  });

  it('never throws on random node-shaped documents and keeps their text', () => {
    const node = fc.letrec((tie) => ({
      node: fc.record(
        {
          type: fc.constantFrom(
            'doc',
            'paragraph',
            'text',
            'bulletList',
            'listItem',
            'table',
            'tableRow',
            'tableCell',
            'panel',
            'mention',
            'emoji',
            'codeBlock',
            'weird',
          ),
          text: fc.string(),
          attrs: fc.dictionary(fc.constantFrom('text', 'url', 'timestamp', 'order', 'language', 'panelType'), fc.jsonValue()),
          content: fc.array(tie('node'), { maxLength: 3 }),
        },
        { requiredKeys: ['type'] },
      ),
    })).node;
    fc.assert(
      fc.property(node, (value) => {
        const out = adfToText(value);
        expect(typeof out).toBe('string');
        expect(out).not.toContain('[object');
      }),
    );
  });
});
