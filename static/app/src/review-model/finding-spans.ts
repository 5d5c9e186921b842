import type { BlamelessFinding, FieldFindings } from '../../../../src/contract';
import type { FieldPath } from './field-paths';

/** Findings whose span still holds the excerpt they were found on (the text may have changed since). */
export function stillValid(findings: readonly BlamelessFinding[], text: string): BlamelessFinding[] {
  return findings.filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end && text.slice(f.start, f.end) === f.excerpt);
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/** The flagged words with a little context either side, cut at word boundaries, "…" where cut. */
export function findingSnippet(text: string, finding: Pick<BlamelessFinding, 'start' | 'end'>, radius = 30): Snippet {
  const start = Math.max(0, Math.min(finding.start, text.length));
  const end = Math.max(start, Math.min(finding.end, text.length));
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)),
    match: text.slice(start, end),
    after: flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}

/**
 * A suggestion that can replace the flagged words as they stand ("contributing factor" for
 * "root cause"), as opposed to advice about how to rewrite the sentence. Advice is a sentence
 * (ends with punctuation, quotes an example, or leaves a gap "…"); a drop-in is a short phrase.
 */
export function dropInReplacement(finding: Pick<BlamelessFinding, 'suggestion'>): string | null {
  const s = finding.suggestion.trim();
  if (s === '' || s.length > 40 || /[.:;!?"“”…]/.test(s) || s.split(/\s+/).length > 5) return null;
  return s;
}

/** Replaces the finding's span with `replacement` when the span still holds the excerpt. */
export function applyReplacement(text: string, finding: BlamelessFinding, replacement: string): string {
  if (stillValid([finding], text).length === 0) return text;
  return text.slice(0, finding.start) + replacement + text.slice(finding.end);
}

/** The live findings of the fields that exist now, in reading order, skipping fields without any. */
export function currentFindings(
  store: ReadonlyMap<FieldPath, readonly BlamelessFinding[]>,
  fields: readonly [FieldPath, string][],
): FieldFindings[] {
  return fields
    .map(([field, text]) => ({ field, findings: stillValid(store.get(field) ?? [], text) }))
    .filter((f) => f.findings.length > 0);
}

export const countFindings = (fields: readonly FieldFindings[]): number => fields.reduce((n, f) => n + f.findings.length, 0);

export function suggestionsLabel(count: number): string {
  return count === 0 ? 'No wording suggestions' : `${count} wording suggestion${count === 1 ? '' : 's'}`;
}
