import fc from 'fast-check';
import { checkBlameless, fieldKindOf, summarizeFindings } from '../../src/domain/blameless/check';
import { BLAMELESS_RULES } from '../../src/domain/blameless/rules';
import type { BlamelessFinding, BlamelessRule } from '../../src/domain/blameless/types';

const NAMES = ['Maya Okafor', 'Greg Lee', 'Cathy Ng', 'Zoë Ćwik'];
const ctx = { knownNames: NAMES };

describe('checkBlameless', () => {
  it('returns every rule’s findings with reason and suggestion, sorted by start', () => {
    const text = 'Obviously Greg broke prod. The root cause was human error.';
    const found = checkBlameless(text, ctx);
    expect(found.map((f) => [f.ruleId, f.excerpt])).toStrictEqual([
      ['hindsight', 'Obviously'],
      ['person-as-subject', 'Greg broke'],
      ['root-cause', 'root cause'],
      ['human-error', 'human error'],
    ]);
    const humanError = BLAMELESS_RULES.find((r) => r.id === 'human-error') as BlamelessRule;
    expect(found[3]).toStrictEqual<BlamelessFinding>({
      ruleId: 'human-error',
      start: 46,
      end: 57,
      excerpt: 'human error',
      reason: humanError.reason,
      suggestion: humanError.suggestion as string,
    });
  });

  it('finds nothing in an empty text or one without people', () => {
    expect(checkBlameless('', ctx)).toStrictEqual([]);
    expect(checkBlameless('Latency rose at 14:02 and recovered after the rollback.', { knownNames: [] })).toStrictEqual([]);
  });

  it('matches whatever the letter case', () => {
    expect(checkBlameless('HUMAN ERROR. Human Error. hUmAn eRrOr.', ctx).map((f) => f.excerpt)).toStrictEqual([
      'HUMAN ERROR',
      'Human Error',
      'hUmAn eRrOr',
    ]);
  });

  it('gives UTF-16 offsets that still hold after emoji and accented names', () => {
    const text = '🔥🔥 Zoë Ćwik mistyped the flag, 🙂 then we should have checked.';
    const found = checkBlameless(text, ctx);
    expect(found.map((f) => text.slice(f.start, f.end))).toStrictEqual(['Zoë Ćwik mistyped', 'should have checked']);
    expect(found[0].start).toBe(5);
  });

  it('keeps the earlier, then the longer, of overlapping spans from one rule and drops invalid ones', () => {
    const rule: BlamelessRule = {
      id: 'test',
      title: 't',
      reason: 'r.',
      suggestion: (m) => `rewrite ${m.excerpt}`,
      find: () => [
        { start: 2, end: 4 },
        { start: 0, end: 3 },
        { start: 0, end: 1 },
        { start: 5, end: 5 },
        { start: 6, end: 99 },
        { start: 3, end: 6, suggestion: 'own' },
      ],
    };
    expect(checkBlameless('abcdefg', ctx, [rule]).map((f) => [f.start, f.end, f.suggestion])).toStrictEqual([
      [0, 3, 'rewrite abc'],
      [3, 6, 'own'],
    ]);
  });

  it('lets two rules report the same words', () => {
    expect(checkBlameless('Greg failed to check.', ctx).map((f) => [f.ruleId, f.excerpt])).toStrictEqual([
      ['person-as-subject', 'Greg failed'],
      ['counterfactual', 'failed to'],
    ]);
  });

  // The rules are linear (one pass over words, bounded look-around; the word splitter cannot
  // backtrack), so these finish fast; the test asserts only the findings, not the time.
  it('checks a 100 KB text correctly', () => {
    const paragraph =
      'At 14:02 latency rose. Greg broke the cache warmer and we should have noticed sooner. The root cause was a config push. ';
    const reps = Math.ceil(100_000 / paragraph.length);
    const found = checkBlameless(paragraph.repeat(reps), ctx);
    expect(found).toHaveLength(3 * reps);
    expect(found.slice(-3).map((f) => f.excerpt)).toStrictEqual(['Greg broke', 'should have noticed', 'root cause']);
  });

  it.each([
    ['should have', 'should have '.repeat(10_000)],
    ['one long word', 'a'.repeat(100_000)],
    ['apostrophes and hyphens', "a'-".repeat(35_000)],
    ['a hyphenated chain', 'x-'.repeat(50_000)],
    ['whitespace', ' \n\t'.repeat(35_000)],
  ])('checks 100 KB of %s without findings it should not make', (_, text) => {
    expect(checkBlameless(text, ctx)).toStrictEqual([]);
  });
});

describe('summarizeFindings', () => {
  it('lists the fields with findings, in order, and omits the clean ones', () => {
    const summary = summarizeFindings(
      {
        description: 'It was human error.',
        'learnings.wentWell': 'Paging worked.',
        'learnings.learned': 'Obviously the TTL was too long.',
      },
      ctx,
    );
    expect(summary.map((s) => [s.field, s.findings.map((f) => f.ruleId)])).toStrictEqual([
      ['description', ['human-error']],
      ['learnings.learned', ['hindsight']],
    ]);
  });

  it('checks action items, goals and remediation as forward-looking text', () => {
    const text = 'We should have tested backups before the migration.';
    const summary = summarizeFindings(
      { 'actionItems.a1.summary': text, 'goals.knowSooner': text, remediation: text, 'learnings.learned': text },
      ctx,
    );
    expect(summary.map((s) => s.field)).toStrictEqual(['learnings.learned']);
  });

  it('takes the field kind from the caller when given', () => {
    expect(summarizeFindings({ x: 'We should have tested backups.' }, ctx, () => 'action-item')).toStrictEqual([]);
  });

  it('maps review field paths to field kinds', () => {
    expect(
      [
        'actionItems.1.description',
        'goals.recoverSooner',
        'remediation',
        'contributingFactors.c1.text',
        'learnings.surprised',
        'description',
        'customerImpact.text',
      ].map(fieldKindOf),
    ).toStrictEqual(['action-item', 'action-item', 'action-item', 'contributing-factor', 'learning', 'description', 'other']);
  });
});

describe('checkBlameless on any text', () => {
  const triggers = [
    'should have',
    'noticed',
    'human error',
    'Greg',
    'broke',
    "Greg's",
    'fault',
    'root',
    'cause',
    'obviously',
    'if only',
    'had',
    'failed to',
    'blame',
    '-',
    "'",
    '’',
    'Zoë Ćwik',
    'missed',
  ];
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
  const piece = fc.oneof(
    fc.constantFrom(...triggers),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(' ', '. ', '\n', ', '),
    loneSurrogate,
  );
  const anyText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
  const anyNames = fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 4 });

  it('never throws, and gives sorted spans within the text whose excerpt is the text between them', () => {
    fc.assert(
      fc.property(anyText, anyNames, (text, knownNames) => {
        const found = checkBlameless(text, { knownNames });
        for (const [i, f] of found.entries()) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
          expect(f.excerpt).toBe(text.slice(f.start, f.end));
          if (i > 0) expect(found[i - 1].start).toBeLessThanOrEqual(f.start);
        }
        for (const rule of BLAMELESS_RULES) {
          const own = found.filter((f) => f.ruleId === rule.id);
          own.slice(1).forEach((f, i) => expect(f.start).toBeGreaterThanOrEqual(own[i].end));
        }
      }),
    );
  });

  it('finds nothing in text made only of safe words, even ones near a rule', () => {
    const safe = [
      'we',
      'should',
      'add',
      'have',
      'alerts',
      'alerting',
      'on',
      'queue',
      'depth',
      'the',
      'a',
      'runbook',
      'default',
      'fault-tolerant',
      'fault',
      'injection',
      'blameless',
      'no-blame',
      'because',
      'Greg',
      'Cathy',
      'Zoë',
      'fixes',
      'restarts',
      'deploy',
      'service',
      'latency',
      'to',
      'wait',
      'could',
      'would',
      'impact',
      'loading',
      'cause',
      'in',
      'hindsight',
      'error',
      'budget',
      'git',
    ];
    const sentence = fc
      .array(fc.tuple(fc.constantFrom(...safe), fc.constantFrom(' ', ' ', ', ', '. ', '\n')), { maxLength: 30 })
      .map((ws) => ws.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(
        sentence,
        fc.constantFrom<'action-item' | 'learning' | undefined>('action-item', 'learning', undefined),
        (text, field) => {
          expect(checkBlameless(text, { knownNames: NAMES, field })).toStrictEqual([]);
        },
      ),
    );
  });
});
