import fc from 'fast-check';
import type { BlamelessFinding } from '../../src/contract';
import {
  applyReplacement,
  countFindings,
  currentFindings,
  dropInReplacement,
  findingSnippet,
  stillValid,
  suggestionsLabel,
} from '../../static/app/src/review-model/finding-spans';

function finding(text: string, phrase: string, suggestion = 'Describe what made it make sense at the time.'): BlamelessFinding {
  const start = text.indexOf(phrase);
  return { ruleId: 'rule', start, end: start + phrase.length, excerpt: phrase, reason: 'why', suggestion };
}

const text = 'The deploy failed because of human error. Greg should have checked the runbook.';

describe('finding spans in the text', () => {
  it('drops findings whose words changed since they were found', () => {
    const f = finding(text, 'human error');
    expect(stillValid([f], text)).toHaveLength(1);
    expect(stillValid([f], text.replace('human error', 'a config change'))).toHaveLength(0);
    expect(stillValid([f], `Intro. ${text}`)).toHaveLength(0);
  });

  it('shows the flagged words with context cut at word boundaries', () => {
    const snippet = findingSnippet(text, finding(text, 'should have checked'), 12);
    expect(snippet.match).toBe('should have checked');
    expect(snippet.before).toBe('…Greg ');
    expect(snippet.after).toBe(' the…');
    expect(findingSnippet('root cause', finding('root cause', 'root cause'))).toStrictEqual({ before: '', match: 'root cause', after: '' });
  });
});

describe('snippets for any span (property)', () => {
  it('always marks exactly the flagged characters, with the context taken from the text around them', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(80), fc.nat(20), (s, at, length) => {
        const start = Math.min(at, s.length);
        const end = Math.min(start + length, s.length);
        const snippet = findingSnippet(s, { start, end });
        expect(snippet.match).toBe(s.slice(start, end));
        expect(s.replace(/\s+/g, ' ').includes(snippet.before.replace(/^…/, '').replace(/\s+/g, ' '))).toBe(true);
      }),
    );
  });
});

describe('applying a suggestion', () => {
  it('offers only short phrases as drop-in replacements, never advice sentences', () => {
    expect(dropInReplacement({ suggestion: 'contributing factor' })).toBe('contributing factor');
    expect(dropInReplacement({ suggestion: 'Describe what made the action make sense at the time.' })).toBeNull();
    expect(dropInReplacement({ suggestion: 'Ask: "What would have helped?"' })).toBeNull();
  });

  it('replaces the span when it still holds the excerpt, and leaves changed text alone', () => {
    const t = 'The root cause was a full disk.';
    const f = finding(t, 'root cause', 'contributing factor');
    expect(applyReplacement(t, f, 'contributing factor')).toBe('The contributing factor was a full disk.');
    expect(applyReplacement('Edited meanwhile.', f, 'contributing factor')).toBe('Edited meanwhile.');
  });
});

describe('the findings summary near Save', () => {
  it('lists the fields that exist now, in reading order, with findings still valid for their text', () => {
    const learned = 'It was human error.';
    const store = new Map([
      ['learnings.learned', [finding(learned, 'human error')]],
      ['actionItems.gone.summary', [finding('x root cause', 'root cause')]],
      ['description', [finding('old text with blame', 'blame')]],
    ]);
    const fields: [string, string][] = [
      ['description', 'new text'],
      ['learnings.learned', learned],
    ];
    const summary = currentFindings(store, fields);
    expect(summary.map((f) => f.field)).toStrictEqual(['learnings.learned']);
    expect(countFindings(summary)).toBe(1);
    expect(suggestionsLabel(3)).toBe('3 wording suggestions');
    expect(suggestionsLabel(1)).toBe('1 wording suggestion');
  });
});
