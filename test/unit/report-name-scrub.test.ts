import { namePatterns, scrubNames } from '../../src/domain/report/name-scrub';

const scrub = (text: string, names: string[]) => scrubNames(text, namePatterns(names));

describe('scrubNames', () => {
  it('replaces a full name anywhere, whatever its case and spacing', () => {
    expect(scrub('Paged Maya Okafor, then MAYA  okafor again', ['Maya Okafor'])).toBe('Paged a team member, then a team member again');
  });

  it('replaces a first or last name alone when it stands as a word', () => {
    expect(scrub('Maya rolled back; Okafor confirmed', ['Maya Okafor'])).toBe('A team member rolled back; a team member confirmed');
    expect(scrub('the mayan calendar', ['Maya Okafor'])).toBe('the mayan calendar');
  });

  it('prefers the longest name so a shared first name leaves nothing behind', () => {
    expect(scrub('Paged Maya Lind, then Maya Okafor', ['Maya', 'Maya Okafor', 'Maya Lind'])).toBe(
      'Paged a team member, then a team member',
    );
  });

  it('matches names typed in either Unicode form and treats regex characters literally', () => {
    expect(scrub('Tom\u0061\u0301s fixed it', ['Tomás Herrera'])).toBe('A team member fixed it');
    expect(scrub('ping J.R. (ops) now, not JXR', ['J.R. (ops)'])).toBe('ping a team member now, not JXR');
  });

  it('matches short names as whole words only', () => {
    expect(scrub('Al said also', ['Al'])).toBe('A team member said also');
  });

  it('leaves text without names as it was', () => {
    expect(scrub('Rolled back auth-service', ['Maya Okafor', ''])).toBe('Rolled back auth-service');
  });
});
