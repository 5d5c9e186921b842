import { BLAMELESS_RULES } from './rules';
import type { BlamelessFinding, BlamelessRule, CheckContext, CheckField, RuleMatch } from './types';

/**
 * Every finding of every rule in `text`, sorted by start (then end, then rule order). Within one
 * rule findings never overlap: the earlier, then the longer, span wins. Matching is case-insensitive
 * and works on Unicode words; offsets are UTF-16. Linear in the text: rules scan words once with
 * bounded look-around, and the only regexes (the word splitter) cannot backtrack.
 */
export function checkBlameless(text: string, ctx: CheckContext, rules: readonly BlamelessRule[] = BLAMELESS_RULES): BlamelessFinding[] {
  const findings: { finding: BlamelessFinding; order: number }[] = [];
  rules.forEach((rule, order) => {
    for (const m of withoutOverlaps(rule.find(text, ctx), text.length)) {
      const excerpt = text.slice(m.start, m.end);
      const suggestion =
        m.suggestion ?? (typeof rule.suggestion === 'string' ? rule.suggestion : rule.suggestion({ start: m.start, end: m.end, excerpt }));
      findings.push({ order, finding: { ruleId: rule.id, start: m.start, end: m.end, excerpt, reason: rule.reason, suggestion } });
    }
  });
  findings.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end || a.order - b.order);
  return findings.map((f) => f.finding);
}

function withoutOverlaps(matches: readonly RuleMatch[], length: number): RuleMatch[] {
  const valid = matches.filter(
    (m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= length,
  );
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RuleMatch[] = [];
  for (const m of valid) {
    if (kept.length === 0 || m.start >= kept[kept.length - 1].end) kept.push(m);
  }
  return kept;
}

export interface FieldFindings {
  readonly field: string;
  readonly findings: BlamelessFinding[];
}

/**
 * The kind of a review field from its path (`textFields` in review-doc.ts): action items, goals and
 * remediation look forward, so "should have alerts on …" there is a recommendation.
 */
export function fieldKindOf(path: string): CheckField {
  if (path.startsWith('actionItems.') || path.startsWith('goals.') || path === 'remediation') return 'action-item';
  if (path.startsWith('contributingFactors.')) return 'contributing-factor';
  if (path.startsWith('learnings.')) return 'learning';
  if (path === 'description') return 'description';
  if (path.startsWith('timeline')) return 'timeline';
  return 'other';
}

/** The pre-publish summary: the fields that have findings, in the order given, each checked as its own kind. */
export function summarizeFindings(
  fields: Readonly<Record<string, string>>,
  ctx: CheckContext,
  kindOf: (field: string) => CheckField = fieldKindOf,
  rules: readonly BlamelessRule[] = BLAMELESS_RULES,
): FieldFindings[] {
  return Object.entries(fields)
    .map(([field, text]) => ({ field, findings: checkBlameless(text, { ...ctx, field: kindOf(field) }, rules) }))
    .filter((f) => f.findings.length > 0);
}
