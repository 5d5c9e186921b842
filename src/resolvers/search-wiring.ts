import { createSummaryAccess } from '../jira/summary-access';
import { createKvsReviewDocStore } from '../storage/review-doc-store';
import { createKvsSearchStore } from '../storage/search-store';
import { createKvsSummaryStore } from '../storage/summary-store';
import type { ReviewSearchDeps } from '../use-cases/review-search';
import { rebuildSearchStep, type SearchRebuildDeps } from '../use-cases/search-rebuild';

/** A rebuild step inside a search: a few reviews, a couple of seconds (the search still answers well inside 25 s). */
const STEP_IN_SEARCH = { reviews: 25, ms: 2_000 };
/** In the hourly job: most of its 55 s is left to this once the rest is done. */
export const STEP_IN_JOB = { reviews: 2_000, ms: 25_000 };

export function searchRebuildDeps(): SearchRebuildDeps {
  return { search: createKvsSearchStore(), summaries: createKvsSummaryStore(), docs: createKvsReviewDocStore(), now: () => new Date() };
}

/** The review library (issue 17): its index in Forge storage, access checked in Jira as the viewer. */
export function searchDeps(): ReviewSearchDeps {
  return { store: createKvsSearchStore(), access: createSummaryAccess(), rebuildStep: () => rebuildSearchStep(searchRebuildDeps(), STEP_IN_SEARCH) };
}
