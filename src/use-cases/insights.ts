import type { SummaryInsights, SummaryQuery, SummaryRow } from '../contract';
import { backlogSeries, byFactorCategory, byService, countermeasureStats, policyBreaches } from '../domain/insights';
import type { PolicyStore } from '../storage/policy-store';
import { applyFilters, visibleRows, type SummariesDeps } from './summaries';

export interface InsightsDeps extends SummariesDeps {
  policy: Pick<PolicyStore, 'load'>;
}

const BREACHES_SHOWN = 50;

/**
 * Every filtered row the viewer may see: the projects they may browse (one check per project),
 * then each incident confirmed by a bulk fetch as the viewer (issue-level security), so an
 * incident hidden from them is never counted in an aggregate.
 */
async function seenRows(
  deps: SummariesDeps,
  q: Omit<SummaryQuery, 'page' | 'pageSize'>,
  wanted: (row: SummaryRow) => boolean = () => true,
) {
  const visible = await visibleRows(deps, q);
  const filtered = applyFilters(visible.rows, q, visible.range).filter(wanted);
  const shown = await deps.access.visibleIssues(filtered.map((r) => r.incidentKey));
  const rows: SummaryRow[] = filtered
    .filter((r) => shown.has(r.incidentKey))
    .map((r) => ({ ...r, title: shown.get(r.incidentKey)?.summary || r.title }));
  return { ...visible, rows };
}

/** Insights over the filtered reviews the viewer may see (the same filters as the table). */
export async function summaryInsights(deps: InsightsDeps, q: Omit<SummaryQuery, 'page' | 'pageSize'>): Promise<SummaryInsights> {
  const [{ range, today, rows }, policy] = await Promise.all([seenRows(deps, q), deps.policy.load()]);
  const breaches = policyBreaches(rows, policy, today, BREACHES_SHOWN);
  return {
    from: range.from,
    to: range.to,
    today,
    incidents: rows.length,
    byService: byService(rows),
    byFactorCategory: byFactorCategory(rows),
    countermeasures: countermeasureStats(rows),
    backlog: backlogSeries(rows, range.from, range.to, today),
    policy,
    pastPolicy: breaches.items,
    pastPolicyTotal: breaches.total,
  };
}

/** At most this many names are suggested. */
const SERVICES_SUGGESTED = 200;

/**
 * Service names from the reviews of the last year the viewer may see, most used first (then by
 * name), each spelled as most reviews spell it: suggestions while a review's services are typed.
 */
export async function knownServices(deps: SummariesDeps): Promise<string[]> {
  // Only rows that name a service are confirmed with Jira: the rest have nothing to suggest.
  const { rows } = await seenRows(deps, {}, (r) => (r.services ?? []).length > 0);
  return byService(rows)
    .slice(0, SERVICES_SUGGESTED)
    .map((g) => g.label);
}
