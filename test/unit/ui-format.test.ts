import { formatDateTime, groupInOrder, initials } from '../../static/app/src/format';

describe('formatDateTime', () => {
  it('shows an instant in the viewer’s time zone, with the zone named', () => {
    expect(formatDateTime('2025-03-12T13:05:00.000Z', 'en-US', 'Europe/Berlin')).toBe('Mar 12, 2025, 2:05 PM GMT+1');
    expect(formatDateTime('2025-03-12T13:05:00.000Z', 'en-US', 'America/New_York')).toBe('Mar 12, 2025, 9:05 AM EDT');
  });

  it('shows text that is not a date as it is instead of "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'en-US', 'UTC')).toBe('not a date');
  });
});

describe('initials', () => {
  it.each([
    ['Priya Raman', 'PR'],
    ['Tomás de la Cruz', 'TC'],
    ['cher', 'C'],
    ['   ', '?'],
  ])('makes %p into %p', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('groupInOrder', () => {
  it('groups by key in order of first appearance', () => {
    const items = [
      { r: 'relates to', k: 'A' },
      { r: 'is caused by', k: 'B' },
      { r: 'relates to', k: 'C' },
    ];
    expect(groupInOrder(items, (i) => i.r).map(([r, g]) => [r, g.map((i) => i.k)])).toStrictEqual([
      ['relates to', ['A', 'C']],
      ['is caused by', ['B']],
    ]);
  });
});
