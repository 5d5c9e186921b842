import { createSummaryAccess } from '../jira/summary-access';
import { createKvsReviewDocStore } from '../storage/review-doc-store';
import { createKvsSearchStore } from '../storage/search-store';
import { createKvsSummaryStore } from '../storage/summary-store';
import type { ReviewSearchDeps } from '../use-cases/review-search';
import type { SearchRebuildDeps } from '../use-cases/search-rebuild';

/** One step of the five-minute rebuild trigger: well inside its 55 s, ~2,000 reviews at most. */
export const STEP_IN_JOB = { reviews: 2_000, ms: 30_000 };

export function searchRebuildDeps(): SearchRebuildDeps {
  return { search: createKvsSearchStore(), summaries: createKvsSummaryStore(), docs: createKvsReviewDocStore(), now: () => new Date() };
}

/** The review library (issue 17): its index in Forge storage, access checked in Jira as the viewer. */
export function searchDeps(): ReviewSearchDeps {
  // A search only reads: building the library is the trigger's work (pir-search-rebuild), so a viewer's search never spends write units.
  return { store: createKvsSearchStore(), access: createSummaryAccess() };
}
