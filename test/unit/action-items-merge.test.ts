import fc from 'fast-check';
import { mergeField, mergeItem, SYNCED_FIELDS, type SyncedValues } from '../../src/domain/action-items';

// Few distinct values, so that "equal by chance" cases come up often.
const value = fc.constantFrom<string | null>(null, 'a', 'b', 'c');
const values: fc.Arbitrary<SyncedValues> = fc.record({
  summary: fc.constantFrom('x', 'y', 'z'),
  owner: value,
  dueDate: fc.constantFrom(null, '2026-12-01', '2027-01-15'),
  priority: fc.constantFrom('High', 'Medium', 'Low'),
});

describe('mergeField: base vs app vs Jira, per field', () => {
  it('never ends with a value that neither side had', () => {
    fc.assert(
      fc.property(fc.option(value, { nil: undefined }), value, value, (base, app, jira) => {
        const m = mergeField(base, app, jira);
        expect([app, jira]).toContain(m.value);
        if (m.outcome === 'conflict') expect(m.value).toBe(app);
      }),
    );
  });

  it('lets the side that changed win when only one side changed', () => {
    fc.assert(
      fc.property(value, value, (base, changed) => {
        fc.pre(changed !== base);
        expect(mergeField(base, base, changed)).toStrictEqual({ outcome: 'from-jira', value: changed });
        expect(mergeField(base, changed, base)).toStrictEqual({ outcome: 'to-jira', value: changed });
      }),
    );
  });

  it('is no conflict when both sides agree, whatever the base', () => {
    fc.assert(
      fc.property(fc.option(value, { nil: undefined }), value, (base, both) => {
        expect(mergeField(base, both, both)).toStrictEqual({ outcome: 'agreed', value: both });
      }),
    );
  });

  it('is a conflict when both changed differently, and never writes over Jira then', () => {
    fc.assert(
      fc.property(fc.option(value, { nil: undefined }), value, value, (base, app, jira) => {
        fc.pre(app !== jira && app !== base && jira !== base);
        expect(mergeField(base, app, jira)).toStrictEqual({ outcome: 'conflict', value: app });
      }),
    );
  });

  it('writes to Jira only over the value it last agreed with Jira', () => {
    fc.assert(
      fc.property(fc.option(value, { nil: undefined }), value, value, (base, app, jira) => {
        if (mergeField(base, app, jira).outcome === 'to-jira') expect(jira).toBe(base);
      }),
    );
  });

  it('treats an unknown base (a review stored before bases were kept) as a conflict wherever the sides differ', () => {
    expect(mergeField(undefined, 'a', 'b')).toStrictEqual({ outcome: 'conflict', value: 'a' });
    expect(mergeField(undefined, 'a', 'a')).toStrictEqual({ outcome: 'agreed', value: 'a' });
  });
});

describe('mergeItem', () => {
  it('merges each field on its own, and the new base moves only where the sides now agree', () => {
    fc.assert(
      fc.property(values, values, values, (base, app, jira) => {
        const m = mergeItem(base, app, jira);
        for (const f of SYNCED_FIELDS) {
          const field = mergeField(base[f], app[f], jira[f]);
          expect(m.outcomes[f]).toBe(field.outcome);
          expect(m.values[f]).toBe(field.value);
          expect(m.base[f]).toBe(field.outcome === 'agreed' || field.outcome === 'from-jira' ? field.value : base[f]);
        }
        expect(m.conflicts).toStrictEqual(SYNCED_FIELDS.filter((f) => m.outcomes[f] === 'conflict'));
        expect(m.toJira).toStrictEqual(SYNCED_FIELDS.filter((f) => m.outcomes[f] === 'to-jira'));
      }),
    );
  });

  it('settles to no work at all once both sides take the merged values', () => {
    fc.assert(
      fc.property(values, values, values, (base, app, jira) => {
        const m = mergeItem(base, app, jira);
        // What a sync leaves behind: Jira has the pushed values, the app took Jira's, conflicts stay.
        const jiraAfter = { ...jira, ...Object.fromEntries(m.toJira.map((f) => [f, m.values[f]])) };
        const baseAfter = { ...m.base, ...Object.fromEntries(m.toJira.map((f) => [f, m.values[f]])) } as Partial<SyncedValues>;
        const again = mergeItem(baseAfter, m.values, jiraAfter);
        expect(again.toJira).toStrictEqual([]);
        expect(again.values).toStrictEqual(m.values);
        expect(again.conflicts).toStrictEqual(m.conflicts);
      }),
    );
  });
});
