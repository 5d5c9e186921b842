import fc from 'fast-check';
import { CAPITAL_ONLY_WORDS, namePatterns, scrubNames } from '../../src/domain/report/name-scrub';

const scrub = (text: string, names: string[]) => scrubNames(text, namePatterns(names));
const PEOPLE = ['Maya Okafor', 'Daniel Reyes', 'Tomás Herrera', 'Sofia Lindqvist'];

describe('redaction for the public: names in any case or accent, addresses and mentions', () => {
  it.each([
    ['Tomas restarted the web service.', 'A team member restarted the web service.'],
    ['Paged daniel at 19:58.', 'Paged a team member at 19:58.'],
    ['Then TOMÁS HERRERA killed the process.', 'Then a team member killed the process.'],
    ['Escalated to herrera, who restarted it.', 'Escalated to a team member, who restarted it.'],
    ['Mail maya.okafor@example.com or sofia@example.com for the logs.', 'Mail a team member or a team member for the logs.'],
    ['Thanks @Sofia Lindqvist and @greg for the update.', 'Thanks two team members for the update.'],
    ['Ping @oncall-web if it recurs.', 'Ping a team member if it recurs.'],
  ])('"%s" reads "%s"', (text, expected) => {
    expect(scrub(text, PEOPLE)).toBe(expected);
  });

  it('writes a list of people as team members, not a list of "a team member"', () => {
    expect(scrub('Maya and Daniel rolled back.', PEOPLE)).toBe('Two team members rolled back.');
    expect(scrub('Maya, Daniel and Tomás rolled back.', PEOPLE)).toBe('Several team members rolled back.');
    expect(scrub('Thanks to Maya Okafor, daniel, Sofia & Tomas.', PEOPLE)).toBe('Thanks to several team members.');
  });

  it('capitalises the phrase where a sentence or a line starts, and only there', () => {
    expect(scrub('Sign-in failed. Maya rolled back.\nDaniel confirmed; then Sofia updated the page!  Tomás left.', PEOPLE)).toBe(
      'Sign-in failed. A team member rolled back.\nA team member confirmed; then a team member updated the page!  A team member left.',
    );
  });

  it('leaves other words alone, including ones that contain a name', () => {
    expect(scrub('The mayan calendar, danielle and Tomasz.', PEOPLE)).toBe('The mayan calendar, danielle and Tomasz.');
    expect(scrub('Contact support at the status page.', PEOPLE)).toBe('Contact support at the status page.');
  });
});

describe('property: redaction', () => {
  const syllable = fc.stringMatching(/^[bcdfghjklmnprstvz][aeiouáéíóú][nrslm]?$/);
  const word = fc
    .array(syllable, { minLength: 2, maxLength: 3 })
    .map((s) => s.join(''))
    .filter((w) => !['team', 'member', 'members', 'several', 'two', ...CAPITAL_ONLY_WORDS].includes(w));
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const name = fc.tuple(word, word).map(([a, b]) => `${cap(a)} ${cap(b)}`);
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  /** A way of writing a name in a text: whole or one word, any case, with or without its accents, as a mention. */
  const spelling = (n: string) =>
    fc
      .tuple(fc.constantFrom('full', 'first', 'last'), fc.constantFrom('as-is', 'lower', 'upper', 'folded'), fc.boolean())
      .map(([part, kase, at]) => {
        const [first, last] = n.split(' ');
        let s = part === 'full' ? n : part === 'first' ? first : last;
        s =
          kase === 'lower'
            ? s.toLowerCase()
            : kase === 'upper'
              ? s.toUpperCase()
              : kase === 'folded'
                ? s.normalize('NFD').replace(/\p{M}/gu, '')
                : s;
        return at ? `@${s}` : s;
      });
  const email = fc.tuple(word, word).map(([a, b]) => `${a}.${b}@example.com`);
  const plain = fc.constantFrom('restarted the service', 'rolled back', 'the queue drained', 'paged', 'then', 'status page', 'login');
  const sep = fc.constantFrom(' ', ', ', ' and ', '. ', '\n', '! ', ' & ', ', and ');
  const story = fc
    .uniqueArray(name, { minLength: 1, maxLength: 4, selector: fold })
    .chain((names) =>
      fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...names).chain(spelling), email, plain), sep), { minLength: 1, maxLength: 14 })
        .map((parts) => ({ names, text: parts.map(([p, s]) => p + s).join('') })),
    );

  it('leaves no name, in any case or accent, and no email address', () => {
    fc.assert(
      fc.property(story, ({ names, text }) => {
        const out = fold(scrub(text, names));
        const outWords = new Set(out.split(/[^\p{L}\p{N}]+/u));
        for (const n of names) {
          expect(out).not.toContain(fold(n));
          for (const w of fold(n).split(' ')) expect(outWords.has(w)).toBe(false);
        }
        expect(out).not.toMatch(/@/);
      }),
      { numRuns: 300 },
    );
  });

  it('never lists "a team member" after "a team member", and starts sentences with a capital', () => {
    fc.assert(
      fc.property(story, ({ names, text }) => {
        const out = scrub(text, names);
        expect(out.toLowerCase()).not.toMatch(/a team member(,| and| &| \/|,? and)? a team member/);
        expect(out).not.toMatch(/(^|[.!?]\s+|\n\s*)(a team member|two team members|several team members)/);
      }),
      { numRuns: 300 },
    );
  });
});
