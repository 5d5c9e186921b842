/** The review library search: queries, hits and their highlights. Part of the contract (src/contract.ts). */
import type { SeverityLevel } from './common';
import type { FactorCategory } from './review';

/** The parts of a review the library searches. */
export type ReviewSearchField = 'title' | 'learnings' | 'factors' | 'actions' | 'services' | 'tags';

/**
 * A fragment of one field with where the query matched in it: `ranges` are [start, end) offsets
 * into `text` (UTF-16 code units, as JavaScript strings index). Plain text, never markup: the UI
 * wraps each range itself. `text` may begin or end with "…" where the field goes on.
 */
export interface SearchHighlight {
  field: ReviewSearchField;
  text: string;
  ranges: [number, number][];
}

export interface ReviewSearchHit {
  incidentKey: string;
  title: string;
  severityLevel: SeverityLevel;
  /** When impact started (ISO), the review's date; null when unknown. */
  impactStartedAt: string | null;
  /** Services impacted, as typed on the review (the service filter offers those seen). */
  services: string[];
  /** The fields the query matched in, in field order. */
  fields: ReviewSearchField[];
  highlights: SearchHighlight[];
}

export interface ReviewSearchQuery {
  /** 1 to 200 characters after trimming. */
  query: string;
  severity?: SeverityLevel;
  /** A service name as typed on reviews (compared without regard to case). */
  service?: string;
  factorCategory?: FactorCategory;
  /** YYYY-MM-DD, inclusive, on the day impact started (UTC). */
  from?: string;
  to?: string;
  /** 1-based; 10 results a page. */
  page?: number;
}

export interface ReviewSearchResult {
  results: ReviewSearchHit[];
  /** Reviews the viewer may see that match (a lower bound when `capped`). */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** With filters set, only the best-ranked matches were checked against them: more may match. */
  capped: boolean;
  /** The library is being built from the existing reviews: reviews not indexed yet are missing. */
  indexing: boolean;
}
