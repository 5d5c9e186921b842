/** Which free-text field a text comes from; some rules read forward-looking fields differently. */
export type CheckField = 'learning' | 'contributing-factor' | 'action-item' | 'description' | 'timeline' | 'other';

export interface CheckContext {
  /** Display names of the people on the review ("Maya Okafor"); their first names count too. */
  readonly knownNames: readonly string[];
  readonly field?: CheckField;
}

/** One phrase a rule found. Offsets are UTF-16 code units into the checked text, end exclusive. */
export interface BlamelessFinding {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  /** Always `text.slice(start, end)`. */
  readonly excerpt: string;
  readonly reason: string;
  readonly suggestion: string;
}

/** What a rule's `find` returns; a `suggestion` here overrides the rule's own. */
export interface RuleMatch {
  readonly start: number;
  readonly end: number;
  readonly suggestion?: string;
}

/** A match as a rule's suggestion function sees it. */
export interface MatchedPhrase {
  readonly start: number;
  readonly end: number;
  readonly excerpt: string;
}

/**
 * A rule is data: an id, a one-sentence reason (why the phrasing hurts learning), a suggested
 * rewrite, and a pure `find` that returns spans. It must not throw on any text.
 */
export interface BlamelessRule {
  readonly id: string;
  readonly title: string;
  readonly reason: string;
  readonly suggestion: string | ((match: MatchedPhrase) => string);
  find(text: string, ctx: CheckContext): RuleMatch[];
}
