import { matchesSpace, nextCursor, pageUrl, toConfluencePage, toPageSummary } from '../../src/confluence/confluence-transformer';

describe('Confluence v2 shapes → what publishing uses', () => {
  it("builds the page URL from _links.base and _links.webui, falling back to another answer's base", () => {
    expect(pageUrl({ base: 'https://acme.atlassian.net/wiki', webui: '/spaces/IR/pages/42/Title' })).toBe(
      'https://acme.atlassian.net/wiki/spaces/IR/pages/42/Title',
    );
    expect(pageUrl({ webui: '/spaces/IR/pages/42/Title' }, 'https://acme.atlassian.net/wiki/')).toBe(
      'https://acme.atlassian.net/wiki/spaces/IR/pages/42/Title',
    );
    expect(pageUrl({ base: 'https://x/wiki' })).toBe('');
    expect(pageUrl(undefined)).toBe('');
  });

  it('maps a page, defaulting a missing parent and version', () => {
    expect(toConfluencePage({ id: '7', title: 'T', spaceId: '3', _links: { base: 'https://x/wiki', webui: '/p/7' } })).toStrictEqual({
      id: '7',
      title: 'T',
      spaceId: '3',
      parentId: null,
      version: 1,
      url: 'https://x/wiki/p/7',
    });
    expect(toConfluencePage({ id: '7', title: 'T', spaceId: '3', parentId: '2', version: { number: 4 } })).toStrictEqual({
      id: '7',
      title: 'T',
      spaceId: '3',
      parentId: '2',
      version: 4,
      url: '',
    });
    expect(toPageSummary({ id: '9', title: 'Child' }, '3')).toStrictEqual({ id: '9', title: 'Child', spaceId: '3' });
  });

  it('reads the cursor of the next link, and none on the last page', () => {
    expect(nextCursor('/wiki/api/v2/spaces?limit=250&sort=name&cursor=eyJrIjpbMV19')).toBe('eyJrIjpbMV19');
    expect(nextCursor(undefined)).toBeNull();
    expect(nextCursor('/wiki/api/v2/spaces?limit=250')).toBeNull();
  });

  it('matches a space on its name or key, ignoring case; an empty query matches all', () => {
    const ir = { id: '1', key: 'IR', name: 'Incident Reviews' };
    expect(matchesSpace(ir, 'review')).toBe(true);
    expect(matchesSpace(ir, ' ir ')).toBe(true);
    expect(matchesSpace(ir, '')).toBe(true);
    expect(matchesSpace(ir, 'eng')).toBe(false);
  });
});
