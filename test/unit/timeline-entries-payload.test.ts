import { AnnotatePayload, EntriesPayload, ManualRemovePayload } from '../../src/resolvers/schemas';

const at = '2026-11-19T15:04:05.000Z';

describe("the 'timeline/entries' payload", () => {
  it('takes a range between any two entries, open at either end', () => {
    for (const [from, to] of [
      [null, null],
      [{ at, id: 'comment:10023' }, null],
      [
        { at, id: 'created:INC-6' },
        { at, id: 'manual:6f1c2d3e-0000-4000-8000-000000000000' },
      ],
    ]) {
      expect(EntriesPayload.safeParse({ issueKey: 'inc-6', version: 3, from, to })).toMatchObject({
        success: true,
        data: { issueKey: 'INC-6' },
      });
    }
  });

  it('takes the id of an entry whatever Jira named the changed field (a page may start at it)', () => {
    const from = { at, id: 'change:10023:Fix Version' };
    expect(EntriesPayload.safeParse({ issueKey: 'INC-6', version: 3, from, to: null }).success).toBe(true);
  });

  it('refuses control characters, over-long keys, a missing version and unknown fields', () => {
    const bad = [
      { issueKey: 'INC-6', version: 3, from: { at, id: 'comment:1\n' }, to: null },
      { issueKey: 'INC-6', version: 3, from: { at: 'x'.repeat(65), id: 'comment:1' }, to: null },
      { issueKey: 'INC-6', version: 3, from: { at, id: 'c'.repeat(301) }, to: null },
      { issueKey: 'INC-6', from: null, to: null },
      { issueKey: 'INC-6', version: 3, from: null, to: null, pageSize: 5000 },
      { issueKey: 'INC-6', version: 3, from: { at, id: 'comment:1', extra: 1 }, to: null },
    ];
    for (const payload of bad) expect(EntriesPayload.safeParse(payload).success).toBe(false);
  });
});

describe('entry ids in annotation and manual-entry payloads', () => {
  it('accept an entry whose id carries a Jira field name with spaces, and refuse control characters', () => {
    const payload = (entryId: string) => ({ issueKey: 'INC-6', entryId, version: 3, patch: { phase: 'response' } });
    expect(AnnotatePayload.safeParse(payload('change:10023:Fix Version')).success).toBe(true);
    expect(AnnotatePayload.safeParse(payload('change:10023:Ziel (Release)')).success).toBe(true);
    expect(AnnotatePayload.safeParse(payload('comment:1\u0000')).success).toBe(false);
    expect(AnnotatePayload.safeParse(payload('x'.repeat(301))).success).toBe(false);
    expect(ManualRemovePayload.safeParse({ issueKey: 'INC-6', entryId: 'manual:abc', version: 1 }).success).toBe(true);
  });
});
