import { bulletList, code, codeBlock, doc, li, mention, p, text } from '@atlaskit/adf-utils/builders';
import type { DocNode } from '@atlaskit/adf-schema';
import { SEED_USERS } from '../users';
import { demoScenario } from './incidents';
import type { LinkTypeName, PriorityName, SeedChange, SeedComment, SeedIssue, SeedLink, SeedScenario } from './types';
import { prng, type Rng } from '../prng';

/**
 * The large incident of docs/DECISIONS.md#performance: "Checkout latency storm" in INC with 60 linked issues in
 * SUP, OPS and INC, and 150 comments and 120 changelog entries on each of the 61 issues.
 * Deterministic: a seeded PRNG, fixed times (impact 2026-11-19 15:00 UTC, a six-hour window,
 * follow-ups until the next evening), so two calls return equal data.
 *
 * Keys: the loader numbers issues in order of appearance within their project, after what is
 * already there. `startKeys` gives the next free number per project (a missing project starts
 * at 1); the incident takes the first INC number, the linked issues follow in array order.
 * On top of the demo site that is INC-6, SUP-6.., OPS-7.. (`nextFreeKeys(demoScenario)`).
 * It adds no projects (`projects: []`): INC, SUP and OPS come from the demo scenario.
 */

export const LARGE_LINKED_ISSUES = 60;
export const LARGE_COMMENTS_PER_ISSUE = 150;
export const LARGE_CHANGES_PER_ISSUE = 120;

/** Next free issue number per project after loading `scenario` on an empty site. */
export function nextFreeKeys(scenario: SeedScenario): Record<string, number> {
  const next: Record<string, number> = {};
  for (const issue of scenario.issues) {
    const [project, n] = splitKey(issue.key);
    next[project] = Math.max(next[project] ?? 1, n + 1);
  }
  return next;
}

function splitKey(key: string): [string, number] {
  const m = /^([A-Z][A-Z0-9]*)-(\d+)$/.exec(key);
  if (!m) throw new Error(`not an issue key: ${key}`);
  return [m[1], Number(m[2])];
}

// --- fixed time frame ------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const IMPACT_START = Date.UTC(2026, 10, 19, 15, 0, 0); // Thu 19 Nov 2026 15:00 UTC
const INCIDENT_CREATED = IMPACT_START + 6 * MINUTE;
const WINDOW_END = IMPACT_START + 6 * HOUR;
const FOLLOW_UP_END = Date.UTC(2026, 10, 20, 21, 30, 0);

const iso = (ms: number): string => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

// --- people ----------------------------------------------------------------------------------

const MAYA = 'maya@example.com';
const DANIEL = 'daniel@example.com';
const SOFIA = 'sofia@example.com';
const TOMAS = 'tomas@example.com';
const AIKO = 'aiko@example.com';
const LENA = 'lena@example.com';

/** Who comments on / is assigned to issues per project (Lena may only appear in SUP). */
const STAFF: Record<string, readonly (readonly [string, number])[]> = {
  INC: [
    [MAYA, 3],
    [DANIEL, 3],
    [AIKO, 2],
    [TOMAS, 3],
    [SOFIA, 1],
  ],
  OPS: [
    [MAYA, 2],
    [DANIEL, 4],
    [AIKO, 3],
    [TOMAS, 2],
  ],
  SUP: [
    [SOFIA, 6],
    [MAYA, 1],
    [DANIEL, 1],
    [TOMAS, 1],
    [AIKO, 1],
    [LENA, 0.3],
  ],
};

function who(email: string) {
  const user = SEED_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`seed user ${email} is not in SEED_USERS`);
  return mention({ id: user.accountId, text: `@${user.displayName}`, accessLevel: '' });
}

// --- vocabulary for generated text -----------------------------------------------------------

const SERVICES = ['checkout-api', 'cart-service', 'payment-gateway', 'pricing-service', 'inventory-api', 'order-writer'] as const;
const DEPENDENCIES = [
  'the card processor',
  'redis-cache-3',
  'orders-db primary',
  'pgbouncer-2',
  'the fraud-scoring API',
  'the tax service',
] as const;
const HOSTS = ['chk-07', 'chk-12', 'cart-04', 'pay-02', 'pay-05', 'ord-03'] as const;
const REGIONS = ['eu-west', 'us-east', 'us-central', 'ap-northeast'] as const;
const MERCHANTS = [
  'Brightwater Books',
  'Kettle & Pine',
  'Northfold Cycles',
  'Amberlane Tea',
  'Quillstone Paper',
  'Harrow Hardware',
  'Linden Outdoor',
  'Saltmarsh Candles',
  'Copperleaf Games',
  'Tidewell Pets',
  'Foxglove Florist',
  'Ironbark Tools',
] as const;
const METRICS = [
  'retries per request',
  'pool wait time',
  'checkout p95 by region',
  'card processor latency',
  'queue depth on order-writer',
] as const;
const COMMANDS = [
  'kubectl -n checkout get hpa checkout-api',
  'kubectl -n checkout rollout status deploy/cart-service',
  'redis-cli -h redis-cache-3 info stats | grep rejected_connections',
  'psql -h orders-db -c "select count(*) from pg_stat_activity where state = \'active\'"',
  "curl -s -o /dev/null -w '%{time_total}\\n' https://checkout.example.com/healthz",
  'kubectl -n checkout logs deploy/payment-gateway --since=10m | grep -c timeout',
] as const;
const LABEL_POOL = [
  'checkout',
  'latency',
  'payments',
  'database',
  'cache',
  'customer-impact',
  'capacity',
  'follow-up',
  'needs-triage',
] as const;
const PRIORITIES: readonly PriorityName[] = ['Lowest', 'Low', 'Medium', 'High', 'Highest'];

interface TextContext {
  rng: Rng;
  at: number;
  merchant: string;
  relatedKey: string;
}

type Template = (c: TextContext) => string;

const fill = (c: TextContext) => ({
  svc: c.rng.pick(SERVICES),
  dep: c.rng.pick(DEPENDENCIES),
  host: c.rng.pick(HOSTS),
  region: c.rng.pick(REGIONS),
  ms: c.rng.int(12, 95) * 100,
  n: c.rng.int(8, 60),
  pct: c.rng.int(3, 40),
});

const DETECTION: readonly Template[] = [
  (c) => {
    const f = fill(c);
    return `Checkout p95 is at ${f.ms} ms in ${f.region}; it normally sits around 400.`;
  },
  (c) => {
    const f = fill(c);
    return `Seeing about ${f.n} timeouts a minute from ${f.svc}.`;
  },
  (c) => `${c.merchant} says their customers are dropping out at the payment step.`,
  (c) => {
    const f = fill(c);
    return `Alert fired for ${f.svc}: error rate ${f.pct}% over five minutes.`;
  },
  (c) => {
    const f = fill(c);
    return `Anyone else seeing slow responses from ${f.svc}? The ${f.region} dashboard is red.`;
  },
  () => 'Joining. Reading the chat thread first so I do not ask what has already been checked.',
];

const INVESTIGATION: readonly Template[] = [
  (c) => {
    const f = fill(c);
    return `${f.svc} connection pool is saturated: all ${f.n} connections busy, requests queueing behind them.`;
  },
  (c) => {
    const f = fill(c);
    return `Rolled back this morning's ${f.svc} config change; no change in latency so far.`;
  },
  (c) => {
    const f = fill(c);
    return `Thread dumps from ${f.host} show most workers waiting on ${f.dep}.`;
  },
  (c) => {
    const f = fill(c);
    return `Traces: ${f.pct}% of checkout time is spent in calls to ${f.dep}.`;
  },
  (c) => `Ruled out the CDN: cache hit ratio is normal at ${c.rng.int(88, 97)}%.`,
  (c) => {
    const f = fill(c);
    return `${f.dep} latency started climbing at ${hhmm(c.at - c.rng.int(10, 40) * MINUTE)} UTC, a few minutes before checkout did.`;
  },
  (c) => {
    const f = fill(c);
    return `Scaling ${f.svc} from ${f.n} to ${f.n + c.rng.int(4, 20)} replicas to buy headroom while we look.`;
  },
  () => 'Clients retry three times without backoff, so every slow call becomes four calls. That would explain the step up in load.',
  (c) => `Cross-referencing with ${c.relatedKey}; same symptoms, same start time.`,
  (c) => {
    const f = fill(c);
    return `Not the database this time: ${f.svc} queries stay under 20 ms, the wait is before they are sent.`;
  },
];

const REMEDIATION: readonly Template[] = [
  (c) => {
    const f = fill(c);
    return `Circuit breaker enabled for ${f.dep}; p95 down to ${c.rng.int(5, 12) * 100} ms.`;
  },
  (c) => {
    const f = fill(c);
    return `Retry budget deployed to ${f.svc}; calls to ${f.dep} back to about ${f.n * 10} per second.`;
  },
  (c) => `Error rate at ${c.rng.int(1, 6)}% and falling.`,
  (c) => {
    const f = fill(c);
    return `Customers in ${f.region} confirm checkout works again.`;
  },
  (c) => {
    const f = fill(c);
    return `Keeping ${f.svc} at the higher replica count overnight.`;
  },
  () => 'Watching for another fifteen minutes before calling it.',
];

const FOLLOW_UP: readonly Template[] = [
  (c) => `Added a dashboard panel for ${c.rng.pick(METRICS)}.`,
  (c) => `For the review: the chat thread export covers everything up to ${hhmm(c.at - c.rng.int(2, 20) * HOUR)} UTC.`,
  (c) => `Load test reproduces the retry amplification at ${c.rng.int(8, 30) * 100} requests per second.`,
  (c) => `Proposed alert: page when checkout p95 stays above ${c.rng.int(8, 15) * 100} ms for five minutes.`,
  (c) => `Replied to ${c.merchant} with a summary; they would like the external report when it is ready.`,
  (c) => {
    const f = fill(c);
    return `Capacity check: ${f.svc} needs roughly ${f.pct}% more headroom for the December peak.`;
  },
  (c) => `Linked ${c.relatedKey}; it covers the same retry behaviour.`,
];

const SUPPORT: readonly Template[] = [
  (c) => `${c.merchant} reports ${c.rng.int(5, 90)} failed orders between ${hhmm(c.at - 2 * HOUR)} and ${hhmm(c.at)} UTC.`,
  (c) => `Sent ${c.merchant} the status page link and our apologies for the disruption.`,
  (c) => `${c.merchant} asks whether the card holds on failed orders will be released; checking with payments.`,
  () => 'Card holds on failed attempts drop off automatically within seven days; told the customer.',
  (c) => `${c.merchant} confirms new orders are going through.`,
  () => 'Customer would like a credit for the lost sales; passing to the account manager.',
];

function phaseTemplates(project: string, at: number, rng: Rng): readonly Template[] {
  if (project === 'SUP' && rng.next() < 0.5) return SUPPORT;
  if (at < IMPACT_START + 45 * MINUTE) return DETECTION;
  if (at < IMPACT_START + 4 * HOUR) return INVESTIGATION;
  if (at < WINDOW_END) return REMEDIATION;
  return FOLLOW_UP;
}

function richComment(c: TextContext, mentioned: string, sentence: string): DocNode {
  const cmd = c.rng.pick(COMMANDS);
  return doc(
    p(who(mentioned), ` ${sentence}`),
    codeBlock({ language: 'bash' })(text(cmd)),
    bulletList(
      li([p(`result at ${hhmm(c.at)} UTC attached in the chat thread`)]),
      li([p('next check in ', code(`${c.rng.int(5, 15)} min`))]),
    ),
  );
}

// --- issue generation ------------------------------------------------------------------------

interface Workflow {
  initial: string;
  first: string;
  middle: readonly string[];
  done: string;
}

const INCIDENT_FLOW: Workflow = {
  initial: 'Open',
  first: 'Investigating',
  middle: ['Investigating', 'Identified', 'Monitoring'],
  done: 'Resolved',
};
const TASK_FLOW: Workflow = { initial: 'To Do', first: 'In Progress', middle: ['In Progress', 'In Review', 'Blocked'], done: 'Done' };
const SUPPORT_FLOW: Workflow = {
  initial: 'Open',
  first: 'In Progress',
  middle: ['In Progress', 'Waiting for customer', 'Escalated'],
  done: 'Resolved',
};

interface Plan {
  key: string;
  project: string;
  created: number;
  resolvedAt: number;
  flow: Workflow;
  relatedKey: string;
  merchant: string;
}

function sortedTimes(rng: Rng, count: number, from: number, inWindowShare: number): number[] {
  const times: number[] = [];
  const windowEnd = Math.max(WINDOW_END, from + 10 * MINUTE);
  for (let i = 0; i < count; i++) {
    const inWindow = rng.next() < inWindowShare;
    const lo = inWindow ? from : windowEnd;
    const hi = inWindow ? windowEnd : FOLLOW_UP_END;
    times.push(Math.floor((lo + rng.next() * (hi - lo)) / 1000) * 1000);
  }
  return times.sort((a, b) => a - b);
}

function buildComments(rng: Rng, plan: Plan): SeedComment[] {
  const staff = STAFF[plan.project];
  return sortedTimes(rng, LARGE_COMMENTS_PER_ISSUE, plan.created + 30_000, 0.75).map((at, i) => {
    const author = rng.weighted(staff);
    const c: TextContext = { rng, at, merchant: plan.merchant, relatedKey: plan.relatedKey };
    const sentence = rng.pick(phaseTemplates(plan.project, at, rng))(c);
    if (i % 9 === 4) {
      const others = staff.filter(([e]) => e !== author && e !== LENA);
      return { at: iso(at), author, body: richComment(c, rng.weighted(others), sentence) };
    }
    return { at: iso(at), author, body: sentence };
  });
}

const labelString = (labels: ReadonlySet<string>): string | null => (labels.size ? [...labels].sort().join(' ') : null);

interface Generated {
  changes: SeedChange[];
  initialAssignee: string | null;
  priority: PriorityName;
  labels: string[];
}

/**
 * `priorityRange` bounds the priority's walk (indexes into PRIORITIES). With a two-step range
 * and an even number of priority changes the walk ends where it started: used for the incident
 * so it stays High (Sev2) however much it was escalated in between.
 */
function buildChanges(rng: Rng, plan: Plan, initialPriority: PriorityName, priorityRange: readonly [number, number]): Generated {
  const staff = STAFF[plan.project].filter(([e]) => e !== LENA);
  const times = sortedTimes(rng, LARGE_CHANGES_PER_ISSUE, plan.created + 60_000, 0.7);
  // The status reaches its final value at the last change before `resolvedAt` (index `last`),
  // with the resolution set at the same second; everything after is reassignment and triage.
  const before = times.filter((t) => t <= plan.resolvedAt).length;
  const last = Math.min(Math.max(before, 12), LARGE_CHANGES_PER_ISSUE - 1) - 1;
  times[last + 1] = times[last];

  let status = plan.flow.initial;
  let assignee: string | null = plan.project === 'SUP' ? SOFIA : null;
  const initialAssignee = assignee;
  let priorityIndex = PRIORITIES.indexOf(initialPriority);
  const labels = new Set<string>([rng.pick(LABEL_POOL)]);

  type Field = SeedChange['field'];
  const fields: Field[] = Array.from({ length: LARGE_CHANGES_PER_ISSUE }, (_, i): Field => {
    if (i === 0 || i === last) return 'status';
    if (i === last + 1) return 'resolution';
    if (i < last && rng.next() < 0.22) return 'status';
    return rng.weighted([
      ['assignee', 45],
      ['labels', 35],
      ['priority', 20],
    ] as const);
  });
  const priorityIdx = fields.flatMap((f, i) => (f === 'priority' ? [i] : []));
  if (priorityRange[1] - priorityRange[0] === 1 && priorityIdx.length % 2 === 1) fields[priorityIdx[priorityIdx.length - 1]] = 'labels';

  const changes: SeedChange[] = [];
  const push = (i: number, author: string, field: SeedChange['field'], from: string | null, to: string | null) =>
    changes.push({ at: iso(times[i]), author, field, from, to });

  for (let i = 0; i < LARGE_CHANGES_PER_ISSUE; i++) {
    const author = rng.weighted(staff);
    const field = fields[i];
    if (field === 'resolution') {
      push(i, changes[changes.length - 1].author, 'resolution', null, 'Done');
    } else if (field === 'status') {
      const to = i === 0 ? plan.flow.first : i === last ? plan.flow.done : rng.pick(plan.flow.middle.filter((s) => s !== status));
      push(i, author, 'status', status, to);
      status = to;
    } else if (field === 'assignee') {
      const to = rng.weighted(staff.filter(([e]) => e !== assignee));
      push(i, author, 'assignee', assignee, to);
      assignee = to;
    } else if (field === 'labels') {
      const from = labelString(labels);
      const absent = LABEL_POOL.filter((l) => !labels.has(l));
      if (labels.size === 0 || (labels.size < 4 && rng.next() < 0.55)) labels.add(rng.pick(absent));
      else labels.delete(rng.pick([...labels]));
      push(i, author, 'labels', from, labelString(labels));
    } else {
      const [lo, hi] = priorityRange;
      const step = priorityIndex <= lo ? 1 : priorityIndex >= hi ? -1 : rng.next() < 0.5 ? -1 : 1;
      const from = PRIORITIES[priorityIndex];
      priorityIndex += step;
      push(i, author, 'priority', from, PRIORITIES[priorityIndex]);
    }
  }
  return { changes, initialAssignee, priority: PRIORITIES[priorityIndex], labels: [...labels].sort() };
}

function linkedSummary(rng: Rng, project: string, merchant: string): string {
  const svc = rng.pick(SERVICES);
  const dep = rng.pick(DEPENDENCIES);
  if (project === 'SUP') {
    return rng.pick([
      `${merchant}: checkout times out at the payment step`,
      `${merchant}: customers charged but no order confirmation`,
      `${merchant}: basket page very slow since this afternoon`,
      `${merchant}: asks for a list of failed orders`,
    ]);
  }
  if (project === 'OPS') {
    return rng.pick([
      `Raise the connection pool limit for ${svc}`,
      `Investigate worker stalls on ${svc} waiting for ${dep}`,
      `Add capacity to ${dep}`,
      `Roll out retry budgets to ${svc}`,
      `Check autoscaling thresholds for ${svc}`,
    ]);
  }
  return rng.pick([
    `Follow-up: alert on checkout p95 per region`,
    `Follow-up: exponential backoff for clients of ${dep}`,
    `Follow-up: load test ${svc} with retries enabled`,
    `Follow-up: document the circuit breaker switch for ${dep}`,
  ]);
}

/** Largest `scale` of the large scenario: 4x is the ~66k-entry incident of issue 13's benchmark. */
export const LARGE_MAX_SCALE = 8;

/**
 * The large incident scenario; see the file comment for `startKeys`. `scale` multiplies the
 * number of linked issues (60 per step), so the timeline grows by about 16.5k entries a step
 * with each issue shaped as before; 1 (the default) is exactly the scenario described above.
 */
export function largeScenario(startKeys: Readonly<Record<string, number>> = nextFreeKeys(demoScenario), scale = 1): SeedScenario {
  if (!Number.isInteger(scale) || scale < 1 || scale > LARGE_MAX_SCALE)
    throw new RangeError(`scale must be an integer from 1 to ${LARGE_MAX_SCALE}`);
  const linkedCount = LARGE_LINKED_ISSUES * scale;
  const rng = prng(0x5eed_c0de);
  const counters: Record<string, number> = { INC: startKeys.INC ?? 1, SUP: startKeys.SUP ?? 1, OPS: startKeys.OPS ?? 1 };
  const nextKey = (project: string): string => `${project}-${counters[project]++}`;

  const incidentKey = nextKey('INC');
  const linkedProjects = Array.from({ length: linkedCount }, (_, i) => ['SUP', 'SUP', 'OPS', 'OPS', 'INC'][i % 5]);
  // Linked issues are opened during the first five hours, in key order.
  const createdTimes = Array.from(
    { length: linkedCount },
    () => Math.floor((IMPACT_START + 10 * MINUTE + rng.next() * (5 * HOUR - 10 * MINUTE)) / 1000) * 1000,
  ).sort((a, b) => a - b);
  const linkedKeys = linkedProjects.map((project) => nextKey(project));

  const plans: Plan[] = [
    {
      key: incidentKey,
      project: 'INC',
      created: INCIDENT_CREATED,
      resolvedAt: WINDOW_END + 10 * MINUTE,
      flow: INCIDENT_FLOW,
      relatedKey: linkedKeys[0],
      merchant: MERCHANTS[0],
    },
    ...linkedKeys.map((key, i): Plan => {
      const project = linkedProjects[i];
      const created = createdTimes[i];
      const settlesInWindow = rng.next() < 0.6;
      const lo = settlesInWindow ? created + 40 * MINUTE : WINDOW_END + HOUR;
      const hi = settlesInWindow ? Math.max(created + 50 * MINUTE, WINDOW_END) : FOLLOW_UP_END - 2 * HOUR;
      return {
        key,
        project,
        created,
        resolvedAt: Math.floor(lo + rng.next() * (hi - lo)),
        flow: project === 'SUP' ? SUPPORT_FLOW : TASK_FLOW,
        relatedKey: i === 0 ? incidentKey : linkedKeys[rng.int(0, i - 1)],
        merchant: rng.pick(MERCHANTS),
      };
    }),
  ];

  const issues = plans.map((plan, index): SeedIssue => {
    const isIncident = index === 0;
    const initialPriority: PriorityName = isIncident ? 'High' : rng.pick(['Medium', 'High', 'Low'] as const);
    const summary = isIncident ? 'Checkout latency storm' : linkedSummary(rng, plan.project, plan.merchant);
    const generated = buildChanges(rng, plan, initialPriority, isIncident ? [3, 4] : [1, 4]);
    return {
      key: plan.key,
      type: isIncident ? 'Incident' : plan.project === 'SUP' ? 'Support request' : rng.next() < 0.5 ? 'Task' : 'Bug',
      summary,
      description: isIncident
        ? doc(
            p('Checkout requests are slow or time out across regions. Alerts on checkout p95 fired at 15:04 UTC.'),
            bulletList(
              li([p('Impact: customers cannot complete purchases; merchants report failed orders.')]),
              li([p('First suspicion: retries towards ', code('the card processor'), ' multiplying load.')]),
            ),
          )
        : `Opened during ${incidentKey} (checkout latency). ${summary}.`,
      priority: generated.priority,
      initialStatus: plan.flow.initial,
      reporter: isIncident ? TOMAS : plan.project === 'SUP' ? SOFIA : rng.weighted(STAFF[plan.project]),
      initialAssignee: generated.initialAssignee,
      created: iso(plan.created),
      labels: generated.labels,
      comments: buildComments(rng, plan),
      changes: generated.changes,
      remoteLinks: isIncident
        ? [
            { url: 'https://status.example.com/incidents/2026-11-19-checkout', title: 'Status page: Slow or failing checkout' },
            { url: 'https://chat.example.com/archives/C07INCIDENTS/p1763564760', title: 'Chat thread in #incidents, 19 Nov' },
            {
              url: 'https://grafana.example.org/d/checkout/checkout-overview?from=2026-11-19T14:30:00Z&to=2026-11-19T21:30:00Z',
              title: 'Checkout overview dashboard',
            },
          ]
        : index % 10 === 0
          ? [
              {
                url: `https://grafana.example.org/d/checkout/checkout-overview?var-issue=${plan.key}`,
                title: 'Checkout overview dashboard',
              },
            ]
          : undefined,
    };
  });

  const linkTypes: readonly (readonly [LinkTypeName, number])[] = [
    ['Relates', 40],
    ['Blocks', 25],
    ['Causes', 15],
    ['Duplicate', 10],
    ['Cloners', 10],
  ];
  const links: SeedLink[] = linkedKeys.map((key) => {
    const type = rng.weighted(linkTypes);
    return rng.next() < 0.5 ? { type, outward: incidentKey, inward: key } : { type, outward: key, inward: incidentKey };
  });

  return { projects: [], issues, links };
}
