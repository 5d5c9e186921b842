import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  CHAT_AUTHOR_MAX,
  CHAT_FORMATS,
  detectFormat,
  matchKey,
  parseTranscript,
  resolveTimes,
  type ChatFormat,
  type ChatMessage,
} from '../../src/domain/chat-import';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'chat', name), 'utf8');
const utc = (local: string) => `${local}.000Z`;
const brief = (m: ChatMessage) => [m.time.kind === 'instant' ? m.time.iso : `${m.time.date ?? ''} ${m.time.time}`.trim(), m.author, m.text];

describe('chat transcript parsers', () => {
  it('reads the Slack copied-text fixture: headers with two spaces, a time alone continuing the same person', () => {
    const r = parseTranscript(fixture('inc-1-slack.txt'));
    expect(r.format).toBe('slack-text');
    expect(r.problems).toEqual([]);
    expect(r.messages.map(brief).slice(0, 3)).toStrictEqual([
      ['19:44:00', 'Sofia Lindqvist', 'Social media is filling up with people saying the login page just spins. Anyone from web on?'],
      ['19:47:00', 'Maya Okafor', "I'm here. Reproduced it: POST /login hangs, then the load balancer answers 502."],
      ['19:49:00', 'Maya Okafor', 'Looking for the doc on getting onto the web hosts from home.'],
    ]);
    expect(r.messages).toHaveLength(9);
  });

  it('reads the Slack JSON export: skips joins, names mentions, unescapes entities, keeps link targets', () => {
    const r = parseTranscript(fixture('inc-1-slack.json'));
    expect(r.format).toBe('slack-json');
    expect(r.unit).toBe('message');
    expect(r.problems).toEqual([]);
    expect(r.messages).toHaveLength(8);
    expect(r.messages.map(brief)).toContainEqual([
      '2026-10-17T18:58:00.000Z',
      'Maya Okafor',
      "web-02 is at 100% CPU, one process I don't recognise. Calling @Daniel Reyes.",
    ]);
    expect(r.messages.find((m) => m.author === 'Sofia Lindqvist' && m.text.startsWith('Status page: posted'))!.text).toBe(
      'Status page: posted "Investigating login failures" status page (https://status.example.com/incidents/login)',
    );
    expect(r.messages.find((m) => m.author === 'Tomás Herrera')!.text).toBe(
      'Login 5xx back to near zero on the dashboard & alerts are quiet.',
    );
  });

  it('reads Teams copied text in both header styles, with a date when the header has one', () => {
    expect(parseTranscript(fixture('inc-1-teams.txt')).format).toBe('teams-text');
    const r = parseTranscript('[10/17/2026 7:44 PM] Sofia Lindqvist\nLogins fail.\nSecond line.\nMaya Okafor 7:47 PM\nOn it.');
    expect(r.format).toBe('teams-text');
    expect(r.messages.map(brief)).toStrictEqual([
      ['2026-10-17 19:44:00', 'Sofia Lindqvist', 'Logins fail.\nSecond line.'],
      ['19:47:00', 'Maya Okafor', 'On it.'],
    ]);
  });

  it('reads a plain log with seconds, dates and indented continuation lines', () => {
    expect(parseTranscript(fixture('inc-1-plain.txt')).format).toBe('plain-log');
    const r = parseTranscript('2026-10-17 19:44 Sofia: logins fail\n  stack: 502 from the LB\n[19:45:30] Maya Okafor: on it: looking');
    expect(r.messages.map(brief)).toStrictEqual([
      ['2026-10-17 19:44:00', 'Sofia', 'logins fail\nstack: 502 from the LB'],
      ['19:45:30', 'Maya Okafor', 'on it: looking'],
    ]);
  });

  it('gives one clear message per line it cannot read, and reads the rest', () => {
    const r = parseTranscript(
      'copied from #inc-login\n10:42 Maya: fine\n25:10 Daniel: nope\n10:50 no name here\n2026-02-30 10:51 Ana: bad day\n10:52 Ana:',
      'plain-log',
    );
    expect(r.messages.map(brief)).toStrictEqual([['10:42:00', 'Maya', 'fine']]);
    expect(r.problems.map((p) => [p.line, p.message])).toStrictEqual([
      [1, 'Not a "HH:MM Name: message" line (indent a line to continue the message above).'],
      [3, 'Not a real time of day.'],
      [4, 'A time with no "Name:" after it.'],
      [5, '"2026-02-30" is not a real date.'],
      [6, 'A message from Ana with no text: it was left out.'],
    ]);
    const slack = parseTranscript('#inc-login\nMaya Okafor  13:99\nlost line\nDaniel  9:01 AM\nkept');
    expect(slack.problems.map((p) => [p.line, p.message])).toStrictEqual([
      [1, 'No name and time above this line: it was left out.'],
      [2, 'Not a real time of day: the message under it was left out.'],
    ]);
    expect(slack.messages.map(brief)).toStrictEqual([['09:01:00', 'Daniel', 'kept']]);
  });

  it('tells a JSON file that is not a Slack export, and items that are not messages', () => {
    expect(parseTranscript('{"hello": 1}', 'slack-json').problems[0].message).toMatch(/Not a Slack export/);
    const r = parseTranscript(
      JSON.stringify([1, { ts: 'x', user: 'U1', text: 'a' }, { ts: '1.5', text: 'b' }, { ts: '2', user: 'U1', text: '' }]),
    );
    expect(r.problems.map((p) => p.line)).toStrictEqual([1, 2, 3, 4]);
    expect(r.messages).toEqual([]);
  });

  it('skips Slack day dividers and reads a name line with the time on the next line', () => {
    const r = parseTranscript('Today\nMaya Okafor\n10:42 AM\nFirst\nYesterday was fine\nDaniel Reyes  10:43 AM\nSecond', 'slack-text');
    expect(r.messages.map(brief)).toStrictEqual([
      ['10:42:00', 'Maya Okafor', 'First\nYesterday was fine'],
      ['10:43:00', 'Daniel Reyes', 'Second'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('settles times on the chosen date, moving to the next day when the clock passes midnight', () => {
    const r = parseTranscript('23:50 A: one\n23:58 B: two\n00:05 A: three\n2026-10-20 08:00 B: four\n07:59 A: five');
    const { entries } = resolveTimes(r.messages, { date: '2026-10-17', toInstant: utc });
    expect(entries.map((e) => e.at)).toStrictEqual([
      '2026-10-17T23:50:00.000Z',
      '2026-10-17T23:58:00.000Z',
      '2026-10-18T00:05:00.000Z',
      '2026-10-20T08:00:00.000Z',
      '2026-10-20T07:59:00.000Z',
    ]);
    const skipped = resolveTimes(r.messages.slice(0, 1), { date: '2026-10-17', toInstant: () => null });
    expect(skipped.problems[0].message).toMatch(/does not exist/);
  });

  it('compares names without case, accents or spacing', () => {
    expect(matchKey('Tomás  Herrera')).toBe(matchKey('tomas herrera'));
    expect(matchKey('Maya Okafor (she/her)')).toBe('maya okafor');
    expect(matchKey('Maya Okafor')).not.toBe(matchKey('Maya Okafore'));
  });
});

// ---- Properties ---------------------------------------------------------------------------

const PARTS = [
  '10:42',
  '10:42 AM',
  '[7:05 PM]',
  '2026-10-17',
  '10/17/2026',
  'Maya Okafor',
  ':',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '[',
  ']',
  '{',
  '"ts":',
  'Today',
  'é',
  '\u{1F600}',
  '\u0000',
];
const messy = fc.oneof(
  fc.string({ maxLength: 300, unit: 'grapheme' }),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.array(fc.oneof(fc.constantFrom(...PARTS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((a) => a.join('')),
  fc.json(),
);

describe('chat transcript parser properties', () => {
  it('never throws on any text, in any format, and every message is well formed', () => {
    fc.assert(
      fc.property(messy, fc.constantFrom<ChatFormat | undefined>(undefined, ...CHAT_FORMATS), (input, format) => {
        const r = parseTranscript(input, format);
        const lines = input.split(/\r\n|\r|\n/).length;
        for (const m of r.messages) {
          expect(m.author.trim()).toBe(m.author);
          expect(m.author.length).toBeGreaterThan(0);
          expect(m.author.length).toBeLessThanOrEqual(CHAT_AUTHOR_MAX);
          expect(m.text.trim()).toBe(m.text);
          expect(m.text.length).toBeGreaterThan(0);
          if (m.time.kind === 'local') expect(m.time.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
          else expect(Number.isNaN(Date.parse(m.time.iso))).toBe(false);
        }
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          if (r.unit === 'line') expect(p.line).toBeLessThanOrEqual(lines);
          expect(p.message.length).toBeGreaterThan(0);
        }
        resolveTimes(r.messages, { date: '2026-10-17', toInstant: utc });
      }),
      { numRuns: 400 },
    );
  });

  const word = fc.stringMatching(/^[a-zà-ÿ'"(),.!?-]{1,8}$/);
  const line = fc
    .array(word, { minLength: 1, maxLength: 8 })
    .map((w) => w.join(' '))
    .filter((l) => !/^(today|yesterday|\w+day)\b/i.test(l));
  const name = fc.array(fc.stringMatching(/^[A-ZÀ-Þ][a-zà-ÿ]{1,8}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const said = fc.record({ author: name, lines: fc.array(line, { minLength: 1, maxLength: 3 }), minute: fc.integer({ min: 0, max: 59 }) });
  /** Messages in clock order, one per minute at most (Slack and Teams copy minutes, not seconds). */
  const transcript = fc.array(said, { minLength: 1, maxLength: 12 }).map((ms) => ms.map((m, i) => ({ ...m, hour: 8 + i })));
  const h12 = (h: number) => `${h % 12 === 0 ? 12 : h % 12}`;
  const pad = (n: number) => String(n).padStart(2, '0');

  const RENDER: Record<
    Exclude<ChatFormat, 'slack-json'>,
    (m: { author: string; lines: string[]; hour: number; minute: number }) => string
  > = {
    'plain-log': (m) => [`${pad(m.hour)}:${pad(m.minute)} ${m.author}: ${m.lines[0]}`, ...m.lines.slice(1).map((l) => `  ${l}`)].join('\n'),
    'slack-text': (m) => [`${m.author}  ${h12(m.hour)}:${pad(m.minute)} ${m.hour < 12 ? 'AM' : 'PM'}`, ...m.lines].join('\n'),
    'teams-text': (m) => [`[${h12(m.hour)}:${pad(m.minute)} ${m.hour < 12 ? 'AM' : 'PM'}] ${m.author}`, ...m.lines].join('\n'),
  };

  it.each(Object.keys(RENDER) as (keyof typeof RENDER)[])('reads back every generated %s transcript, and detects its format', (format) => {
    fc.assert(
      fc.property(transcript, (messages) => {
        const text = messages.map(RENDER[format]).join('\n');
        const expected = messages.map((m) => [`${pad(m.hour)}:${pad(m.minute)}:00`, m.author, m.lines.join('\n')]);
        const r = parseTranscript(text, format);
        expect(r.problems).toEqual([]);
        expect(r.messages.map(brief)).toStrictEqual(expected);
        expect(detectFormat(text)).toBe(format);
      }),
      { numRuns: 200 },
    );
  });

  it('reads back every generated Slack JSON export', () => {
    const text = fc
      .array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 })
      .map((l) => l.join('\n').trim())
      .filter((t) => t.length > 0 && !/<[@#!]|<(https?|mailto):/.test(t));
    const item = fc.record({ author: name, text, ms: fc.integer({ min: 0, max: 4_000_000_000_000 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), (items) => {
        const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const json = JSON.stringify(
          items.map((m, i) => ({
            type: 'message',
            ts: `${Math.floor(m.ms / 1000)}.${String(i).padStart(6, '0')}`,
            user: `U${i}`,
            user_profile: { real_name: m.author },
            text: escape(m.text),
          })),
        );
        const r = parseTranscript(json);
        expect(r.format).toBe('slack-json');
        expect(r.problems).toEqual([]);
        expect(r.messages.map((m) => [m.time.kind === 'instant' && m.time.iso, m.author, m.text])).toStrictEqual(
          items.map((m) => [new Date(Math.floor(m.ms / 1000) * 1000).toISOString(), m.author, m.text]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
