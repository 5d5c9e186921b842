import {
  LARGE_CHANGES_PER_ISSUE,
  LARGE_COMMENTS_PER_ISSUE,
  LARGE_LINKED_ISSUES,
  LARGE_MAX_SCALE,
  largeScenario,
} from '../../local/seed/large';

const startKeys = { INC: 6, SUP: 6, OPS: 7 };

describe('the large scenario at a scale (issue 13: 2x and 4x the large incident)', () => {
  it('is exactly the default scenario at scale 1', () => {
    expect(largeScenario(startKeys, 1)).toStrictEqual(largeScenario(startKeys));
  });

  it('has scale times the linked issues, each shaped like the default ones, all linked to one incident', () => {
    for (const scale of [2, 4]) {
      const s = largeScenario(startKeys, scale);
      const incident = s.issues[0];
      expect(s.issues).toHaveLength(LARGE_LINKED_ISSUES * scale + 1);
      expect(s.issues.filter((i) => i.type === 'Incident')).toStrictEqual([incident]);
      expect(new Set(s.issues.map((i) => i.key)).size).toBe(s.issues.length);
      for (const issue of s.issues) {
        expect(issue.comments).toHaveLength(LARGE_COMMENTS_PER_ISSUE);
        expect(issue.changes).toHaveLength(LARGE_CHANGES_PER_ISSUE);
      }
      expect(s.links).toHaveLength(LARGE_LINKED_ISSUES * scale);
      expect(s.links.every((l) => l.inward === incident.key || l.outward === incident.key)).toBe(true);
    }
  });

  it('refuses a scale that is not a whole number from 1 to the maximum', () => {
    for (const scale of [0, 1.5, LARGE_MAX_SCALE + 1, Number.NaN]) expect(() => largeScenario(startKeys, scale)).toThrow(RangeError);
  });
});
