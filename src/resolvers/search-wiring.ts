import { createSummaryAccess } from '../jira/summary-access';
import { createKvsSearchStore } from '../storage/search-store';
import type { ReviewSearchDeps } from '../use-cases/review-search';

/** The review library (issue 17): its index in Forge storage, access checked in Jira as the viewer. */
export function searchDeps(): ReviewSearchDeps {
  return { store: createKvsSearchStore(), access: createSummaryAccess() };
}
