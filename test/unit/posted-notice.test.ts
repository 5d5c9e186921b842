import { adfMentionIds, CLOCK_SLACK_MS, matchesClaim } from '../../src/domain/meeting/posted-notice';

const claim = { authorId: 'maya', since: 1_000_000, mentionIds: ['daniel', 'aiko'] };
const comment = { id: '10', authorId: 'maya', created: 1_000_500, mentionIds: ['aiko', 'daniel'] };

describe('recognising the notice a dead claim posted', () => {
  it('matches a comment by the claimer after the claim mentioning exactly the participants, in any order', () => {
    expect(matchesClaim(comment, claim)).toBe(true);
    expect(matchesClaim({ ...comment, created: claim.since - CLOCK_SLACK_MS }, claim)).toBe(true);
  });

  it('does not match another author, an older comment, or other mentions', () => {
    expect(matchesClaim({ ...comment, authorId: 'tomas' }, claim)).toBe(false);
    expect(matchesClaim({ ...comment, authorId: null }, claim)).toBe(false);
    expect(matchesClaim({ ...comment, created: claim.since - CLOCK_SLACK_MS - 1 }, claim)).toBe(false);
    expect(matchesClaim({ ...comment, mentionIds: ['daniel'] }, claim)).toBe(false);
    expect(matchesClaim({ ...comment, mentionIds: ['daniel', 'aiko', 'tomas'] }, claim)).toBe(false);
  });

  it('reads mention ids from nested ADF and ignores malformed nodes', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'mention', attrs: { id: 'a' } },
            { type: 'text', text: 'x' },
            { type: 'mention', attrs: {} },
          ],
        },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'b' } }] }] }],
        },
      ],
    };
    expect(adfMentionIds(doc)).toEqual(['a', 'b']);
    expect(adfMentionIds(null)).toEqual([]);
    expect(adfMentionIds('text')).toEqual([]);
  });
});
