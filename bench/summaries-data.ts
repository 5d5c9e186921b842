/**
 * Synthetic incident reviews for the After Action Summaries benchmark. Deterministic (seeded
 * PRNG, fixed dates): the same `count` gives the same reviews, and the first n of a larger run
 * are the n of a smaller one, each a random draw over the whole 24 months.
 *
 * For each review: the Jira incident (a seed issue, inserted straight into the emulator's DB),
 * what the app stores for it — the `review` and `review-doc` entities and, once published, the
 * internal report's `publish-page:internal:<key>` record — and its summary row, built from those
 * records by `rowOf` with the app's own domain functions, as the scan baseline rebuilds it.
 * The stored records are realistic in shape but small (short texts, no pulled timeline entries;
 * every key moment is a facilitator override), which favours the baseline. A second set (other
 * seed, issue numbers from 100,001, impact starts folded into one half-month) makes the dense shard.
 */
import type {
  ActionItemInput,
  ActionItemJira,
  ContributingFactor,
  DueReviewFlag,
  IncidentOverview,
  KeyMomentName,
  Participant,
  ParticipantRole,
  Person,
  PublishedPage,
  ReviewStatus,
  SeverityLevel,
  SummaryRow,
} from '../src/contract';
import { deriveMoments } from '../src/domain/key-moments';
import { computeMetrics } from '../src/domain/metrics';
import { severityOf } from '../src/domain/severity';
import { FACTOR_CATEGORIES } from '../src/domain/factor-taxonomy';
import { docFacts, mergeRow, timelineFacts } from '../src/domain/summary-index';
import type { ItemSync, StoredReviewDoc } from '../src/storage/review-doc-store';
import type { StoredTimeline } from '../src/storage/timeline-store';
import type { PriorityName, SeedIssue, SeedProject } from '../local/seed/types';
import { SEED_USERS } from '../local/users';
import { prng, type Rng } from '../local/prng';

/** The reviews' impact starts fall in these 24 months (UTC); the benchmark's wide query covers them all. */
export const WINDOW = { from: '2024-11-01', to: '2026-10-31', months: 24 } as const;
const WINDOW_START = Date.UTC(2024, 10, 1);
const WINDOW_END = Date.UTC(2026, 10, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const VIEWER_EMAIL = 'maya@example.com';
const EVERYONE = SEED_USERS.map((u) => u.email);

/** [key, name, share of incidents]; the viewer may browse every project but SEC. */
const PROJECTS: readonly (readonly [string, string, number])[] = [
  ['PAY', 'Payments incidents', 0.2],
  ['WEB', 'Web incidents', 0.2],
  ['DATA', 'Data platform incidents', 0.15],
  ['MOB', 'Mobile incidents', 0.15],
  ['CORE', 'Core services incidents', 0.15],
  ['EDGE', 'Edge and network incidents', 0.1],
  ['SEC', 'Security incidents', 0.05],
];
export const HIDDEN_PROJECT = 'SEC';

export const SYNTHETIC_PROJECTS: readonly SeedProject[] = PROJECTS.map(([key, name]) => ({
  key,
  name,
  lead: 'tomas@example.com',
  browsers: key === HIDDEN_PROJECT ? ['daniel@example.com', 'tomas@example.com'] : EVERYONE,
  subtasksEnabled: true,
  roles: {},
}));

export interface SyntheticReview {
  issue: SeedIssue;
  review: StoredTimeline;
  doc: StoredReviewDoc;
  /** The internal report's record, for published reviews. */
  page: PublishedPage | null;
  /** What the summary index holds for it (the incident's Jira summary as title). */
  row: SummaryRow;
}

/**
 * The summary row of one review, from its stored records: the key moments (all overrides here)
 * and metrics as the timeline view derives them, the document's facts, the report's URL.
 */
export function rowOf(review: StoredTimeline, doc: StoredReviewDoc, page: PublishedPage | null, title: string): SummaryRow {
  const moments = deriveMoments([], review.incidentKey, review.state.momentOverrides, review.state.issueTypes);
  const { metrics } = computeMetrics(moments);
  // timelineFacts reads only the title from the incident.
  const incident = { summary: title } as IncidentOverview;
  const facts = timelineFacts({ incident, moments, metrics, severity: severityOf(review.state.severityOverride ?? 3, 'override') });
  const live = doc.doc.live ?? {};
  const actionItems = doc.doc.actionItems.map((i) => ({ ...i, jira: live[i.id] ?? null, overdue: false, syncError: null }));
  const change = {
    timeline: facts,
    doc: docFacts({ status: doc.doc.status, content: doc.doc.content, actionItems, version: doc.version }),
    pageUrl: page?.url ?? null,
  };
  return mergeRow(null, review.incidentKey, facts, change, Math.max(review.updatedAt, doc.updatedAt));
}

// --- vocabulary --------------------------------------------------------------------------------

const SERVICES = [
  'Checkout API',
  'Payment gateway',
  'Search service',
  'Login service',
  'Order writer',
  'Image CDN',
  'Mobile push',
  'Billing exports',
  'Inventory API',
  'Notification queue',
  'Pricing service',
  'Reporting warehouse',
] as const;
const SYMPTOMS = [
  'elevated 5xx after a config push',
  'latency above SLO',
  'requests timing out',
  'stale data served',
  'partial outage',
  'error rate spike after deploy',
  'queue backlog growing',
  'certificate expired',
  'failed jobs overnight',
  'degraded throughput',
  'connection pool exhausted',
  'intermittent 502s',
] as const;
const REGIONS = ['eu-west', 'us-east', 'us-central', 'ap-northeast', 'all regions'] as const;
const TAGS = [
  'deploy',
  'config',
  'capacity',
  'database',
  'cache',
  'dns',
  'certificates',
  'third-party',
  'customer-impact',
  'monitoring',
  'on-call',
  'rollback',
  'data-loss',
  'security',
] as const;
const ACTIONS = [
  'Alert on {s} error rate before customers notice',
  'Add a canary stage for {s} config changes',
  'Document the failover runbook for {s}',
  'Raise the connection pool limit and load test {s}',
  'Automate certificate renewal checks for {s}',
  'Add a dashboard panel for {s} queue depth',
  'Review paging rota coverage for {s} at weekends',
  'Make {s} retries back off with jitter',
] as const;
const SENTENCES = [
  'The change passed review but was not tested against production-sized data.',
  'Alerting fired, but the runbook pointed at a dashboard that no longer exists.',
  'Customers reported the problem through support before monitoring did.',
  'Rolling back restored service within minutes once the cause was clear.',
  'The dependency degraded slowly, so no single threshold was crossed.',
  'Handover between regions took longer than expected.',
] as const;
const ROLES: readonly ParticipantRole[] = ['first-responder', 'escalation-responder', 'incident-commander', 'stakeholder', 'support'];
const PRIORITIES: readonly PriorityName[] = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const QUESTIONS = ['know-sooner', 'recover-sooner', 'other'] as const;
const PEOPLE: readonly Person[] = SEED_USERS.map((u) => ({ accountId: u.accountId, displayName: u.displayName }));
const MAYA = PEOPLE.find((p) => p.displayName.startsWith('Maya'))!;

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');

/** Per-month weights: incidents grow from 0.8× to 1.2× over the two years, ±15% month to month. */
function monthWeights(): [number, number][] {
  const rng = prng(0x5eed);
  return Array.from({ length: WINDOW.months }, (_, m): [number, number] => [
    m,
    (0.8 + (0.4 * m) / (WINDOW.months - 1)) * (0.85 + 0.3 * rng.next()),
  ]);
}

function impactStart(rng: Rng, weights: readonly [number, number][]): number {
  const m = rng.weighted(weights);
  const start = Date.UTC(2024, 10 + m, 1);
  const end = Date.UTC(2024, 11 + m, 1);
  return start + Math.floor(rng.next() * (end - start));
}

type Moments = Partial<Record<KeyMomentName, string>>;

/** The key moments, all typed by the facilitator; 2% of reviews have none, 5% no acknowledgement. */
function moments(rng: Rng, t: number): { overrides: Moments; detected: number; restored: number | null } {
  if (rng.chance(0.02)) return { overrides: {}, detected: t, restored: null };
  const detected = t + rng.int(2, 45) * MINUTE;
  const acknowledged = rng.chance(0.05) ? null : detected + rng.int(1, 25) * MINUTE;
  const identified = (acknowledged ?? detected) + rng.int(5, 120) * MINUTE;
  const restored = identified + rng.int(10, 360) * MINUTE;
  const closed = restored + rng.int(1, 48) * HOUR;
  return {
    overrides: {
      impactStarted: iso(t),
      detected: iso(detected),
      ...(acknowledged === null ? {} : { acknowledged: iso(acknowledged) }),
      identified: iso(identified),
      restored: iso(restored),
      closed: iso(closed),
    },
    detected,
    restored,
  };
}

function actionItems(rng: Rng, project: string, service: string, t: number, subtaskNo: () => number) {
  const ageDays = (WINDOW_END - t) / DAY;
  const count = rng.weighted<number>([
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 2],
    [4, 1],
    [5, 0.5],
    [6, 0.5],
  ]);
  const items: ActionItemInput[] = [];
  const live: Record<string, ActionItemJira> = {};
  const sync: Record<string, ItemSync> = {};
  for (let j = 0; j < count; j++) {
    const id = `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`;
    const owner = rng.chance(0.9) ? rng.pick(PEOPLE) : null;
    const dueDate = rng.chance(0.85) ? day(t + rng.int(7, 90) * DAY) : null;
    items.push({
      id,
      summary: rng.pick(ACTIONS).replace('{s}', service.toLowerCase()),
      description: '',
      owner,
      dueDate,
      priority: rng.pick(PRIORITIES),
      question: rng.pick(QUESTIONS),
    });
    if (!rng.chance(0.85)) continue;
    const subtask = `${project}-${subtaskNo()}`;
    const syncedAt = iso(t + rng.int(1, 5) * DAY);
    const done = rng.chance(Math.min(0.95, Math.max(0.1, ageDays / 120)));
    const status = done
      ? { name: 'Done', category: 'done' as const }
      : rng.chance(0.5)
        ? { name: 'In Progress', category: 'indeterminate' as const }
        : { name: 'To Do', category: 'new' as const };
    live[id] = { key: subtask, url: `https://pir.example.net/browse/${subtask}`, status, assignee: owner, dueDate, syncedAt };
    sync[id] = { key: subtask, fingerprint: hex(rng, 16), syncedAt };
  }
  return { items, live, sync };
}

function content(rng: Rng, key: string, summary: string, t: number, affected: boolean | null, tags: string[], services: string[]) {
  const person = () => rng.pick(PEOPLE);
  const participants: Participant[] = rng.some(PEOPLE, rng.int(2, 4)).map((p) => ({ ...p, role: rng.pick(ROLES) }));
  const factors: ContributingFactor[] = Array.from({ length: rng.int(1, 2) }, () => ({
    id: `${hex(rng, 8)}-${hex(rng, 4)}`,
    text: rng.pick(SENTENCES),
    category: rng.pick(FACTOR_CATEGORIES),
  }));
  return {
    meeting: {
      title: `${key}: ${summary}`,
      meetingDate: rng.chance(0.8) ? day(t + rng.int(1, 6) * DAY) : null,
      contact: person(),
      createdBy: MAYA,
      facilitator: person(),
      participants,
    },
    goals: { knowSooner: rng.pick(SENTENCES), recoverSooner: rng.pick(SENTENCES) },
    description: `${rng.pick(SENTENCES)} ${rng.pick(SENTENCES)}`,
    customerImpact: { affected, text: affected ? rng.pick(SENTENCES) : '' },
    incidentCommander: person(),
    servicesImpacted: services,
    learnings: { learned: rng.pick(SENTENCES), wentWell: rng.pick(SENTENCES), surprised: '' },
    contributingFactors: factors,
    remediation: rng.pick(SENTENCES),
    tags,
    externalSummary: { proximateCause: '', resolution: '' },
  };
}

/** Options for a second set of reviews beside the main one (the dense half-month). */
export interface SyntheticOptions {
  /** PRNG seed (the main set's by default). */
  seed?: number;
  /** First issue number in each project (1 by default); sub-task and page numbers move along, so keys never collide. */
  numberFrom?: number;
  /** Folds every impact start into `days` days from this UTC instant (epoch ms); the draws are the same, only the dates move. */
  impactFrom?: { at: number; days: number };
}

/** `count` reviews; the i-th is the same whatever `count` is. */
export function syntheticReviews(count: number, options: SyntheticOptions = {}): SyntheticReview[] {
  const weights = monthWeights();
  const rng = prng(options.seed ?? 0x51a7e);
  const numberFrom = options.numberFrom ?? 1;
  const nextNumber = new Map<string, number>();
  let subtasks = 50_000 + numberFrom - 1;
  const reviews: SyntheticReview[] = [];
  for (let i = 0; i < count; i++) {
    const project = rng.weighted(PROJECTS.map(([key, , share]) => [key, share] as const));
    const n = nextNumber.get(project) ?? numberFrom;
    nextNumber.set(project, n + 1);
    const key = `${project}-${n}`;
    const service = rng.pick(SERVICES);
    const summary = `${service}: ${rng.pick(SYMPTOMS)} (${rng.pick(REGIONS)})`;
    const level = rng.weighted<SeverityLevel>([
      [1, 0.05],
      [2, 0.15],
      [3, 0.4],
      [4, 0.3],
      [5, 0.1],
    ]);
    const drawn = impactStart(rng, weights);
    const t = options.impactFrom ? options.impactFrom.at + ((drawn - WINDOW_START) % (options.impactFrom.days * DAY)) : drawn;
    const m = moments(rng, t);
    const recent = WINDOW_END - t < 45 * DAY;
    const status = rng.weighted<ReviewStatus>(
      recent
        ? [
            ['published', 0.2],
            ['in-review', 0.3],
            ['draft', 0.5],
          ]
        : [
            ['published', 0.75],
            ['in-review', 0.1],
            ['draft', 0.15],
          ],
    );
    const affected = rng.weighted<boolean | null>([
      [true, 0.35],
      [false, 0.45],
      [null, 0.2],
    ]);
    const tags = rng.some(TAGS, rng.int(0, 3));
    const services = rng.some(SERVICES, rng.int(1, 2)).map((s) => s.toLowerCase().replace(/ /g, '-'));
    const actions = actionItems(rng, project, service, t, () => subtasks++);
    const reviewUpdated = m.detected + rng.int(1, 72) * HOUR;
    const docUpdated = m.detected + rng.int(1, 30) * DAY;

    const issue: SeedIssue = {
      key,
      type: 'Incident',
      summary,
      priority: PRIORITIES[level - 1],
      initialStatus: recent ? 'Monitoring' : 'Closed',
      reporter: rng.pick(EVERYONE),
      initialAssignee: null,
      created: iso(m.detected),
      labels: tags,
      comments: [],
      changes: [],
    };
    const review: StoredTimeline = {
      incidentKey: key,
      projectKey: project,
      status,
      version: rng.int(2, 6),
      updatedAt: reviewUpdated,
      state: {
        createdAt: iso(m.detected + HOUR),
        createdBy: MAYA.accountId,
        pulledAt: iso(reviewUpdated),
        pulled: { generation: hex(rng, 12), chunks: 1 },
        issueTypes: { [key]: 'Incident' },
        momentOverrides: m.overrides,
        severityOverride: level,
        manual: [],
        annotations: {},
      },
    };
    const doc: StoredReviewDoc = {
      incidentKey: key,
      version: rng.int(3, 12),
      updatedAt: docUpdated,
      doc: {
        status,
        content: content(rng, key, summary, t, affected, tags, services),
        actionItems: actions.items,
        sync: actions.sync,
        syncErrors: {},
        live: actions.live,
      },
    };
    const pageId = String(300_000 + numberFrom - 1 + i);
    const page: PublishedPage | null =
      status === 'published'
        ? {
            pageId,
            url: `https://pir.example.net/wiki/spaces/PIR/pages/${pageId}/${key}+post-incident+review`,
            title: `${key}: ${summary}`,
            version: rng.int(1, 3),
            publishedAt: iso(docUpdated),
          }
        : null;
    reviews.push({ issue, review, doc, page, row: rowOf(review, doc, page, summary) });
  }
  return reviews;
}

/** Due-review flags as the scheduled job writes them: Sev1–2 drafts, restored more than a day before. */
export function dueReviewFlags(reviews: readonly SyntheticReview[], max: number): DueReviewFlag[] {
  return reviews
    .filter((r) => r.row.status === 'draft' && r.row.severityLevel <= 2 && r.review.state.momentOverrides.restored)
    .slice(0, max)
    .map((r) => {
      const restored = Date.parse(r.review.state.momentOverrides.restored!);
      return {
        incidentKey: r.row.incidentKey,
        title: r.row.title,
        severityLevel: r.row.severityLevel,
        restoredAt: iso(restored),
        dueAt: iso(restored + DAY),
        remindedAt: iso(restored + DAY + HOUR),
      };
    });
}
