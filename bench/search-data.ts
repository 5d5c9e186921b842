/**
 * Synthetic reviews for the library search benchmark: deterministic (seeded PRNG), written for
 * this project. Each has a title, three learnings of one to three sentences, two to four
 * contributing factors with categories, two to five action items, one to three of 40 services and
 * a few tags, drawn from a shared vocabulary so words recur across reviews as they do in a real
 * library (some common, like "alert", some rare, like "certificate").
 */
import type { FactorCategory, SeverityLevel } from '../src/contract';
import { FACTOR_CATEGORIES } from '../src/domain/factor-taxonomy';
import { searchText, type SearchDoc } from '../src/domain/search-index';
import { prng } from '../local/prng';

const SERVICES = [
  'checkout-api',
  'payments',
  'search',
  'web sign-in',
  'mobile gateway',
  'reporting',
  'nightly ETL',
  'backups',
  'instance migration',
  'billing',
  'notifications',
  'email relay',
  'cdn edge',
  'dns',
  'identity',
  'feature flags',
  'message queue',
  'order history',
  'inventory',
  'pricing',
  'recommendations',
  'image resizer',
  'audit log',
  'admin console',
  'data warehouse',
  'status page',
  'webhooks',
  'rate limiter',
  'session store',
  'cache',
  'object storage',
  'scheduler',
  'metrics pipeline',
  'log shipping',
  'vpn',
  'office network',
  'mainframe terminals',
  'build farm',
  'artifact registry',
  'secrets vault',
];
const PROJECTS = ['PAY', 'WEB', 'DATA', 'MOB', 'CORE', 'EDGE', 'SEC'];
const THINGS = [
  'database connection pool',
  'replication lag',
  'disk usage',
  'queue depth',
  'certificate expiry',
  'retry storm',
  'cache hit rate',
  'thread pool',
  'memory limit',
  'load balancer health check',
  'feature flag',
  'schema migration',
  'cron schedule',
  'rate limit',
  'DNS record',
  'TLS handshake',
  'garbage collection pause',
  'autoscaling policy',
  'backup job',
  'failover drill',
  'runbook',
  'on-call rota',
  'paging policy',
  'dashboard',
  'deploy pipeline',
  'config change',
];
const VERBS = ['ran out of', 'spiked in', 'hid', 'delayed', 'masked', 'amplified', 'slowed', 'broke', 'degraded', 'silenced'];
const OPENERS = [
  'We learned that',
  'It surprised the team that',
  'What went well:',
  'Responders found that',
  'Nobody expected that',
  'In hindsight the data showed that',
];
const FACTOR_TEXT: Record<FactorCategory, readonly string[]> = {
  change: ['A deploy changed the {t} without a canary', 'The rollback path for the {t} was untested', 'A library upgrade altered the {t}'],
  configuration: [
    'The {t} was set by hand and drifted',
    'A shared configuration role changed the {t}',
    'Defaults for the {t} differed between regions',
  ],
  capacity: ['The {t} saturated under the retry storm', 'Peak traffic exceeded the {t}', 'No headroom was left on the {t}'],
  dependency: ['A third-party provider degraded the {t}', 'An upstream outage hit the {t}', 'The vendor changed the {t} without notice'],
  detection: ['No alert on the {t}', 'The alert on the {t} paged nobody', 'Dashboards hid the {t}'],
  knowledge: ['The runbook for the {t} was out of date', 'Only one engineer knew the {t}', 'Access docs for the {t} had moved'],
  process: [
    'Handover notes had no place for the {t}',
    'The incident channel was opened late for the {t}',
    'Escalation for the {t} was unclear',
  ],
  'hardware-network': ['A switch upgrade cut the {t}', 'A failing disk slowed the {t}', 'An uplink cable for the {t} was unplugged'],
  other: ['The {t} behaved in a way nobody had seen', 'The {t} was involved in an unclear way', 'Timing of the {t} made things worse'],
};
const ACTIONS = [
  'Alert on {t}',
  'Document the {t} in the runbook',
  'Add a canary for the {t}',
  'Load test the {t}',
  'Automate the {t} check',
  'Review the {t} quarterly',
  'Page the owner when the {t} degrades',
  'Deploy rollback drill for the {t}',
];
/** Words about one review in fifty has: what a "rare word" search looks for. */
const RARE = ['kerberos ticket', 'leap second', 'bgp flap', 'inode exhaustion', 'clock skew'];
const TAGS = [
  'latency',
  'data-loss',
  'outage',
  'degradation',
  'security',
  'customer-facing',
  'internal',
  'weekend',
  'migration',
  'on-call',
];

const WINDOW_START = Date.UTC(2024, 10, 1);
const WINDOW_MS = Date.UTC(2026, 10, 1) - WINDOW_START;

export function syntheticSearchDocs(count: number, seed = 0x5ea7c4): SearchDoc[] {
  const r = prng(seed);
  const thing = () => r.pick(THINGS);
  const sentence = () => `${r.pick(OPENERS)} the ${thing()} ${r.pick(VERBS)} the ${thing()} for ${r.int(2, 90)} minutes.`;
  const docs: SearchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const project = r.pick(PROJECTS);
    const incidentKey = `${project}-${i + 1}`;
    const services = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(SERVICES)))];
    const factors = Array.from({ length: r.int(2, 4) }, () => {
      const category = r.pick(FACTOR_CATEGORIES);
      return { category, text: r.pick(FACTOR_TEXT[category]).replace('{t}', thing()) };
    });
    const actions = Array.from({ length: r.int(2, 5) }, () => ({ summary: r.pick(ACTIONS).replace('{t}', thing()) }));
    const rare = r.chance(0.02) ? ` The ${r.pick(RARE)} made it worse.` : '';
    const learn = () => Array.from({ length: r.int(1, 3) }, sentence).join(' ');
    const title = `${services[0]} ${r.pick(['outage', 'degraded', 'slow', 'errors', 'data delay'])}: ${thing()} ${r.pick(VERBS)}`;
    const tags = [...new Set(Array.from({ length: r.int(0, 3) }, () => r.pick(TAGS)))];
    docs.push({
      incidentKey,
      title,
      severityLevel: r.int(1, 5) as SeverityLevel,
      impactStartedAt: new Date(WINDOW_START + Math.floor((r.int(0, 1_000_000) / 1_000_000) * WINDOW_MS)).toISOString(),
      services,
      factorCategories: FACTOR_CATEGORIES.filter((c) => factors.some((f) => f.category === c)),
      text: searchText({
        title,
        learnings: { learned: learn() + rare, wentWell: learn(), surprised: learn() },
        factors,
        actions,
        services,
        tags,
      }),
    });
  }
  return docs;
}
