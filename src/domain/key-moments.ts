import type { KeyMomentName, KeyMoments, MomentValue, TimelineEntry } from '../contract';
import { KEY_MOMENTS } from '../vocabulary';
import { compareEntries } from './timeline-order';

/**
 * The key moments of an incident. Each moment takes, in this order of precedence:
 * 1. the facilitator's override (a time typed on the review);
 * 2. the entry marked with it (annotation `moments`); if several are, the earliest;
 * 3. its default, derived from the timeline as below;
 * 4. none: the moment is unknown, and so is every metric that needs it.
 *
 * Defaults (only the incident's own entries count unless said otherwise; "first" is earliest):
 * - detected: the incident's creation.
 * - acknowledged: the earlier of the incident's first assignment to someone and its first status
 *   change (which takes it out of the status it was created in, a "new"-category status).
 * - identified: the incident's first change to a status named "Identified" (any letter case).
 * - restored (service restored): the incident's first change to "Monitoring"; if there is none,
 *   its first change to a done status. Entries carry status names only, so the done statuses are
 *   taken to be those named "Resolved", "Done" or "Closed" (any letter case).
 * - closed (incident closed): the incident's first change to "Closed"; if there is none, the
 *   first time its resolution is set.
 * - impactStarted: the earliest creation among the incident and its related issues, sub-tasks
 *   excepted (a support request raised before the incident shows impact began earlier), when it
 *   is earlier than detected and at most 24 hours before it (planned work linked to the incident,
 *   created days earlier, is not impact); otherwise the same time as detected.
 * - firstCustomerReport: the earliest creation of a related issue of type "Support request".
 * - firstStatusPageUpdate: the earliest manual entry of kind "status page update".
 * - hotfixDeployed: no default; it is known only when marked on an entry or overridden.
 *
 * Entries marked deleted in Jira still count: they happened.
 */
export function deriveMoments(
  entries: readonly TimelineEntry[],
  incidentKey: string,
  overrides: Readonly<Partial<Record<KeyMomentName, string>>>,
  issueTypes: Readonly<Record<string, string>> = {},
): KeyMoments {
  const sorted = [...entries].sort(compareEntries);
  const momentOf = (name: KeyMomentName, derived: () => MomentValue) => resolve(name, sorted, overrides, derived);
  // impactStarted is compared with detected as finally resolved (an override or a marker included).
  const detected = momentOf('detected', () => defaultOf('detected', sorted, incidentKey, issueTypes));
  const entriesOf = KEY_MOMENTS.map((name): [KeyMomentName, MomentValue] => [
    name,
    name === 'detected'
      ? detected
      : momentOf(name, () =>
          name === 'impactStarted' ? impactStarted(sorted, incidentKey, detected) : defaultOf(name, sorted, incidentKey, issueTypes),
        ),
  ]);
  return Object.fromEntries(entriesOf) as KeyMoments;
}

function resolve(
  name: KeyMomentName,
  sorted: readonly TimelineEntry[],
  overrides: Readonly<Partial<Record<KeyMomentName, string>>>,
  derived: () => MomentValue,
): MomentValue {
  const override = overrides[name];
  if (override) return { at: override, source: 'override' };
  const marked = sorted.find((e) => e.annotation.moments.includes(name));
  if (marked) return { at: marked.at, source: 'marked', entryId: marked.id };
  return derived();
}

const NONE: MomentValue = { at: null, source: 'none' };
const derivedFrom = (entry: TimelineEntry | undefined): MomentValue =>
  entry ? { at: entry.at, source: 'derived', entryId: entry.id } : NONE;
const named = (entry: TimelineEntry, ...statuses: string[]) => statuses.includes((entry.to ?? '').trim().toLowerCase());
const DONE_STATUSES = ['resolved', 'done', 'closed'];
const SUPPORT_REQUEST = 'support request';

function defaultOf(
  name: KeyMomentName,
  sorted: readonly TimelineEntry[],
  incidentKey: string,
  issueTypes: Readonly<Record<string, string>>,
): MomentValue {
  const own = sorted.filter((e) => e.issueKey === incidentKey && e.source !== 'manual');
  const statuses = own.filter((e) => e.source === 'status');
  const first = (list: readonly TimelineEntry[], test: (e: TimelineEntry) => boolean) => list.find(test);
  switch (name) {
    case 'detected':
      return derivedFrom(first(own, (e) => e.source === 'created'));
    case 'acknowledged':
      return derivedFrom(first(own, (e) => (e.source === 'assignment' && e.to != null) || e.source === 'status'));
    case 'identified':
      return derivedFrom(first(statuses, (e) => named(e, 'identified')));
    case 'restored':
      return derivedFrom(first(statuses, (e) => named(e, 'monitoring')) ?? first(statuses, (e) => named(e, ...DONE_STATUSES)));
    case 'closed':
      return derivedFrom(first(statuses, (e) => named(e, 'closed')) ?? first(own, (e) => e.source === 'resolution' && e.to != null));
    case 'firstCustomerReport':
      return derivedFrom(
        first(
          sorted,
          (e) => e.source === 'created' && e.issueKey !== incidentKey && issueTypes[e.issueKey]?.trim().toLowerCase() === SUPPORT_REQUEST,
        ),
      );
    case 'firstStatusPageUpdate':
      return derivedFrom(first(sorted, (e) => e.source === 'manual' && e.manualKind === 'status-page-update'));
    case 'impactStarted':
    case 'hotfixDeployed':
      return NONE;
  }
}

/** How long before detection a related issue's creation can still show when impact began. */
const IMPACT_LOOKBACK_MS = 24 * 3_600_000;

function impactStarted(sorted: readonly TimelineEntry[], incidentKey: string, detected: MomentValue): MomentValue {
  const notBefore = detected.at === null ? -Infinity : Date.parse(detected.at) - IMPACT_LOOKBACK_MS;
  const earliest = sorted.find(
    (e) => e.source === 'created' && (e.issueKey === incidentKey || e.relation !== 'sub-task') && Date.parse(e.at) >= notBefore,
  );
  if (!earliest) return detected.at === null ? NONE : { ...detected, source: 'derived' };
  if (detected.at === null || Date.parse(earliest.at) < Date.parse(detected.at)) return derivedFrom(earliest);
  return { ...detected, source: 'derived' };
}
