import type { FactorCategory, SummaryRow } from '../contract';
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABEL } from './factor-taxonomy';

/**
 * Related reviews (issue 17, item 3): earlier reviews that share something with this one, ranked.
 * Pure: the candidates are rows of the summary index, already limited to what the viewer may see.
 */

/**
 * What one shared thing is worth. Why these numbers:
 * - a link between the two incidents in Jira (6) is a person saying "these belong together";
 * - a linked issue both incidents link to (4), e.g. one support ticket or one change, is nearly as
 *   explicit;
 * - a shared service (3) is why most readers look for earlier reviews ("what happened last time
 *   checkout-api went down"), and service names are specific;
 * - a shared factor category (2) is the same failure mode, but there are only nine categories, so
 *   one alone is a weak hint; 'other' means "uncategorised" and relates nothing;
 * - a shared tag (1) is free-form and often generic ("customer-facing").
 * So two shared services outrank three shared categories, and a direct link outranks any single
 * service: the order a facilitator would read them in.
 */
export const RELATED_WEIGHTS = { linkedDirectly: 6, linkedKey: 4, service: 3, factorCategory: 2, tag: 1 } as const;

/** At most this many related reviews are shown. */
export const RELATED_LIMIT = 5;
/** A reason names at most this many of each kind, then "and N more". */
const NAMED_PER_KIND = 2;

/** The review related reviews are looked up for. */
export interface RelatedSubject {
  incidentKey: string;
  /** When its impact started (else when the incident was created): only incidents that started before it are related. */
  startedAt: string | null;
  services: readonly string[];
  factorCategories: readonly FactorCategory[];
  tags: readonly string[];
  linkedKeys: readonly string[];
}

export interface SharedThings {
  services: string[];
  factorCategories: FactorCategory[];
  tags: string[];
  linkedKeys: string[];
  linkedDirectly: boolean;
}

export interface RankedRelated {
  row: SummaryRow;
  score: number;
  shared: SharedThings;
  why: string;
}

function instant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Service names and tags are typed by people: "Checkout-API " and "checkout-api" are one service. */
const norm = (s: string) => s.trim().toLowerCase();

/** The candidate's values also in `mine`, in the candidate's spelling, each once. */
function common(mine: readonly string[], theirs: readonly string[] | undefined): string[] {
  const wanted = new Set(mine.map(norm).filter((s) => s !== ''));
  const out = new Map<string, string>();
  for (const t of theirs ?? []) if (wanted.has(norm(t)) && !out.has(norm(t))) out.set(norm(t), t.trim());
  return [...out.values()];
}

export function sharedWith(subject: RelatedSubject, row: SummaryRow): SharedThings {
  const mineCats = new Set(subject.factorCategories);
  const linked = new Set(subject.linkedKeys);
  return {
    services: common(subject.services, row.services),
    factorCategories: FACTOR_CATEGORIES.filter((c) => c !== 'other' && mineCats.has(c) && (row.factorCategories ?? []).includes(c)),
    tags: common(subject.tags, row.tags),
    // Keys both incidents link to (not each other: that is `linkedDirectly`).
    linkedKeys: [...new Set(row.linkedKeys ?? [])]
      .filter((k) => linked.has(k) && k !== row.incidentKey && k !== subject.incidentKey)
      .sort(),
    linkedDirectly: linked.has(row.incidentKey) || (row.linkedKeys ?? []).includes(subject.incidentKey),
  };
}

export function scoreOf(s: SharedThings): number {
  const w = RELATED_WEIGHTS;
  return (
    (s.linkedDirectly ? w.linkedDirectly : 0) +
    s.linkedKeys.length * w.linkedKey +
    s.services.length * w.service +
    s.factorCategories.length * w.factorCategory +
    s.tags.length * w.tag
  );
}

function named(noun: string, plural: string, values: readonly string[]): string | null {
  if (values.length === 0) return null;
  const shown = values.slice(0, NAMED_PER_KIND).join(', ');
  const more = values.length - NAMED_PER_KIND;
  return `${values.length === 1 ? noun : plural} ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

function joined(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** One human line: "Linked in Jira; shares service checkout-api and factor Change/deploy". */
export function whyRelated(s: SharedThings): string {
  const parts = [
    named('linked issue', 'linked issues', s.linkedKeys),
    named('service', 'services', s.services),
    named(
      'factor',
      'factors',
      s.factorCategories.map((c) => FACTOR_CATEGORY_LABEL[c]),
    ),
    named('tag', 'tags', s.tags),
  ].filter((p): p is string => p !== null);
  const shares = parts.length > 0 ? `${s.linkedDirectly ? 'shares' : 'Shares'} ${joined(parts)}` : '';
  if (s.linkedDirectly) return shares ? `Linked in Jira; ${shares}` : 'Linked in Jira';
  return shares;
}

/**
 * The closest earlier reviews: only rows of other incidents whose impact started strictly before
 * the subject's (a row without a known start cannot be placed, so it is left out), sharing
 * something; by score, then the most recent first, then by key, so the order is total.
 */
export function rankRelated(subject: RelatedSubject, candidates: readonly SummaryRow[], limit = RELATED_LIMIT): RankedRelated[] {
  const before = instant(subject.startedAt);
  if (before === null) return [];
  const ranked: (RankedRelated & { at: number })[] = [];
  const seen = new Set<string>();
  for (const row of candidates) {
    const at = instant(row.impactStartedAt);
    if (row.incidentKey === subject.incidentKey || at === null || at >= before || seen.has(row.incidentKey)) continue;
    seen.add(row.incidentKey);
    const shared = sharedWith(subject, row);
    const score = scoreOf(shared);
    if (score > 0) ranked.push({ row, score, shared, why: whyRelated(shared), at });
  }
  ranked.sort((a, b) => b.score - a.score || b.at - a.at || a.row.incidentKey.localeCompare(b.row.incidentKey));
  return ranked.slice(0, Math.max(0, limit)).map(({ at: _at, ...r }) => r);
}
