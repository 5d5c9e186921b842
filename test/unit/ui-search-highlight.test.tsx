import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SearchHighlight } from '../../src/contract';
import { highlight } from '../../src/domain/search-index';
import { Highlighted } from '../../static/app/src/summaries/search/Highlighted';

const render = (h: SearchHighlight) => renderToStaticMarkup(<Highlighted highlight={h} />);
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('search snippets in the UI', () => {
  it('marks exactly the ranges and renders the rest as text, whatever markup the review holds', () => {
    const html = render({ field: 'learnings', text: '<img src=x onerror=alert(1)> outage <b>again</b>', ranges: [[29, 35]] });
    expect(html).toBe(
      `<span>${escaped('<img src=x onerror=alert(1)> ')}</span><mark class="pir-search-mark">outage</mark><span>${escaped(' <b>again</b>')}</span>`,
    );
  });

  it('ignores ranges that overlap, run backwards or fall outside the text', () => {
    const html = render({
      field: 'tags',
      text: 'disk full',
      ranges: [
        [0, 4],
        [2, 6],
        [7, 5],
        [5, 99],
      ],
    });
    expect(html).toBe('<mark class="pir-search-mark">disk</mark><span> full</span>');
  });

  it('shows the parts of a field, joined by line breaks, with a separator', () => {
    expect(render({ field: 'actions', text: 'Alert on lag\nPage the owner', ranges: [] })).toBe(
      '<span>Alert on lag · Page the owner</span>',
    );
  });

  it('for any text the server highlights, the only elements are the marks', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (before, after) => {
        const h = highlight('learnings', `${before} outage ${after}`, new Set(['outage']))!;
        const html = render(h);
        const tags = [...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]);
        expect(tags.every((t) => t === 'span' || t === 'mark')).toBe(true);
        expect((html.match(/<mark /g) ?? []).length).toBe(h.ranges.length);
      }),
    );
  });
});
