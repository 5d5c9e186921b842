import fc from 'fast-check';
import { incidentOfSearch, searchWithIncident } from '../../static/app/src/summaries/summary-route';

describe("the printable summary's address (?incident=KEY)", () => {
  it('reads an issue key from the query and ignores anything that is not one', () => {
    expect(incidentOfSearch('?incident=INC-2')).toBe('INC-2');
    expect(incidentOfSearch('?view=print&incident=OPS_2-41')).toBe('OPS_2-41');
    for (const bad of [
      '',
      '?incident=',
      '?incident=inc-2',
      '?incident=INC-0',
      '?incident=INC-2%3Cscript%3E',
      '?incident=../INC-2',
      '?other=INC-2',
    ]) {
      expect(incidentOfSearch(bad)).toBeNull();
    }
  });

  it('sets and clears the incident while keeping the other parameters', () => {
    expect(searchWithIncident('', 'INC-2')).toBe('?incident=INC-2');
    expect(searchWithIncident('?a=1', 'INC-2')).toBe('?a=1&incident=INC-2');
    expect(searchWithIncident('?a=1&incident=INC-2', null)).toBe('?a=1');
    expect(searchWithIncident('?incident=INC-2', null)).toBe('');
  });

  it('reads back every key it writes', () => {
    const key = fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,9}$/), fc.integer({ min: 1, max: 99_999 })).map(([p, n]) => `${p}-${n}`);
    fc.assert(fc.property(key, (k) => expect(incidentOfSearch(searchWithIncident('?x=y', k))).toBe(k)));
  });
});
