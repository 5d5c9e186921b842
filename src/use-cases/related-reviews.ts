import { addMonths, format, parseISO } from 'date-fns';
import type { IncidentOverview, RelatedReview, RelatedReviewsResult, SummaryRow } from '../contract';
import { RELATED_LIMIT, rankRelated, type RelatedSubject } from '../domain/related-reviews';
import { UNKNOWN_SHARD, shardsBetween } from '../domain/summary-index';
import type { SummaryAccessPort } from '../jira/summary-access';
import type { RelatedIndex } from '../storage/related-store';

export interface RelatedDeps {
  /** The incident as the viewer sees it: throws NOT_FOUND when missing or not visible. */
  incident(issueKey: string): Promise<IncidentOverview>;
  index: RelatedIndex;
  /** Asked as the viewer. */
  access: SummaryAccessPort;
  issueUrl(issueKey: string): string;
}

/**
 * How far back related reviews look: the half-months of the year before the incident started. A
 * lookup reads those ~25 shards (one or two batch reads) whatever the number of reviews, as the
 * default 12-month view of After Action Summaries does; a year-old review of the same service is
 * still worth reading, older ones rarely describe the system as it is.
 */
export const RELATED_LOOKBACK_MONTHS = 12;
/**
 * Ranked candidates confirmed with Jira (one bulk fetch): issue-level security can hide a few of
 * the closest even in a browsable project, and the next ones then take their place.
 */
const CONFIRMED = RELATED_LIMIT * 4;

const day = (iso: string) => iso.slice(0, 10);
/** date-fns works on the local calendar; a day carried at local noon is the same in every process time zone. */
const yearBefore = (d: string) => format(addMonths(parseISO(`${d}T12:00:00`), -RELATED_LOOKBACK_MONTHS), 'yyyy-MM-dd');

/** The last day of a half-month shard ('2026-10-01' → '2026-10-15', '2026-10-16' → '2026-10-31'). */
function shardEnd(shard: string): string {
  if (shard.endsWith('-01')) return `${shard.slice(0, 8)}15`;
  const [y, m] = shard.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function related(row: SummaryRow, title: string, url: string, r: ReturnType<typeof rankRelated>[number]): RelatedReview {
  return {
    incidentKey: row.incidentKey,
    title: title || row.title,
    url,
    severityLevel: row.severityLevel,
    impactStartedAt: row.impactStartedAt,
    status: row.status,
    score: r.score,
    why: r.why,
    shared: r.shared,
    actionsOpen: row.actionsOpen,
    openItems: row.openItems,
  };
}

/**
 * Earlier reviews related to the incident's, as the viewer may see them. Storage: the row's
 * location (one small key) and the shards of the year before it; never a review itself. Jira, as
 * the viewer: the incident, one permission check per project among the candidates (as
 * `summaries/list`) and one bulk fetch of the closest candidates.
 */
export async function relatedReviews(deps: RelatedDeps, issueKey: string): Promise<RelatedReviewsResult> {
  const [incident, loc] = await Promise.all([deps.incident(issueKey), deps.index.locate(issueKey)]);
  // A dated row's shard says when its impact started to within a half-month; otherwise the
  // incident's creation stands in (a review not started yet still has linked issues to compare).
  const dated = loc !== null && loc !== UNKNOWN_SHARD;
  const until = dated ? shardEnd(loc) : day(incident.created);
  const since = yearBefore(until);
  const shards = shardsBetween(`${since}T00:00:00Z`, `${until}T23:59:59.999Z`);
  const { rows } = await deps.index.readShards(loc === UNKNOWN_SHARD ? [...shards, UNKNOWN_SHARD] : shards);
  const own = rows.find((r) => r.incidentKey === incident.key) ?? null;
  const subject: RelatedSubject = {
    incidentKey: incident.key,
    startedAt: own?.impactStartedAt ?? incident.created,
    services: own?.services ?? [],
    factorCategories: own?.factorCategories ?? [],
    tags: own?.tags ?? [],
    // The incident's links as the viewer reads them now: a shared key named in a reason is one they may see.
    linkedKeys: incident.linkedIssues.map((l) => l.key),
  };
  const others = rows.filter((r) => r.incidentKey !== incident.key);
  const allowed = others.length === 0 ? new Set<string>() : await deps.access.browsableProjects(others.map((r) => r.projectKey));
  const candidates = others.filter((r) => allowed.has(r.projectKey));
  const ranked = rankRelated(subject, candidates, CONFIRMED);
  const shown =
    ranked.length === 0 ? new Map<string, { summary: string }>() : await deps.access.visibleIssues(ranked.map((r) => r.row.incidentKey));
  const items = ranked
    .filter((r) => shown.has(r.row.incidentKey))
    .slice(0, RELATED_LIMIT)
    .map((r) => related(r.row, shown.get(r.row.incidentKey)?.summary ?? '', deps.issueUrl(r.row.incidentKey), r));
  return { items, since };
}
