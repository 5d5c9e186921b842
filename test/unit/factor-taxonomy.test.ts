import fc from 'fast-check';
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABEL, withFactorCategories } from '../../src/domain/factor-taxonomy';

describe('the contributing-factor taxonomy', () => {
  it('labels every category once, in the order of the list, ending with Other', () => {
    expect(FACTOR_CATEGORIES.map((c) => FACTOR_CATEGORY_LABEL[c])).toStrictEqual([
      'Change/deploy',
      'Configuration',
      'Capacity/saturation',
      'Dependency/third party',
      'Detection/monitoring gap',
      'Knowledge/documentation',
      'Process/coordination',
      'Hardware/network',
      'Other',
    ]);
  });

  it('keeps every factor and its text, reading a missing or unknown category as other', () => {
    const stored = fc.record(
      {
        id: fc.string({ minLength: 1 }),
        text: fc.string(),
        category: fc.option(fc.oneof(fc.constantFrom(...FACTOR_CATEGORIES), fc.string()), { nil: undefined }),
      },
      { requiredKeys: ['id', 'text'] },
    );
    fc.assert(
      fc.property(fc.array(stored), (factors) => {
        const read = withFactorCategories(factors);
        expect(read.map((f) => [f.id, f.text])).toStrictEqual(factors.map((f) => [f.id, f.text]));
        read.forEach((f, i) =>
          expect(f.category).toBe((FACTOR_CATEGORIES as readonly unknown[]).includes(factors[i].category) ? factors[i].category : 'other'),
        );
      }),
    );
  });
});
