import type {
  ActionItemInput,
  ActionSyncResult,
  AnnotationPatch,
  EntrySource,
  KeyMomentName,
  PageSummary,
  Person,
  PublishResult,
  Result,
  ReviewContent,
  ReviewDoc,
  SpaceSummary,
  TimelineChange,
  TimelineEntry,
  TimelineView,
} from '../../src/contract';
import type { Db } from '../db';
import { workflowStatuses } from '../jira/catalog';
import { typeOf } from '../jira/beans';
import { getIssue } from '../jira/store';
import { moveStatus } from '../jira/transitions';
import type { FunctionRunner } from '../runner/function-runner';
import { SEED_USERS } from '../users';
import { storyDates, type Story } from './story-dates';
import { seedDemoTemplates } from './demo-templates';
import { seedDemoMeeting } from './demo-meeting';

/**
 * Reviews for the demo incidents, made the way a facilitator makes them: through the app's own
 * resolvers, as Maya, on the running site (so the summary index, the sub-tasks, the timeline and
 * the Confluence page are exactly what the app writes). INC-1 is the fully worked one: annotated
 * timeline (a recovery path to see), key moments, learnings, factors, countermeasures open,
 * overdue and done in Jira, published to Confluence with the live macro. INC-4 is left without a
 * review on purpose: it is the Sev2 incident the 24-hour rule reminds about.
 *
 * Due dates are days from the day the demo was seeded (`seededAt`), like the incidents, so
 * "overdue" and "open" mean the same whenever the site is first started.
 */
function person(email: string): Person {
  const user = SEED_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`seed user ${email} is not in SEED_USERS`);
  return { accountId: user.accountId, displayName: user.displayName };
}
const MAYA = person('maya@example.com');
const DANIEL = person('daniel@example.com');
const TOMAS = person('tomas@example.com');
const SOFIA = person('sofia@example.com');
const AIKO = person('aiko@example.com');

type Call = <T>(functionKey: string, payload: unknown) => Promise<Result<T>>;
type Invoke = <T>(functionKey: string, payload: unknown) => Promise<T>;

function caller(runner: FunctionRunner): Call {
  return async <T>(functionKey: string, payload: unknown): Promise<Result<T>> =>
    (await runner.invokeResolver({
      moduleKey: 'pir-issue-panel',
      functionKey,
      payload,
      extensionContext: { extension: {}, timezone: 'Europe/London', locale: 'en-US' },
      accountId: MAYA.accountId,
    })) as Result<T>;
}

function invoker(call: Call): Invoke {
  return async <T>(functionKey: string, payload: unknown): Promise<T> => {
    const result = await call<T>(functionKey, payload);
    if (!result.ok) throw new Error(`Seeding reviews: ${functionKey} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
}

/** YYYY-MM-DD `days` after the (UTC) day the demo was seeded. */
function dueIn(seededAt: Date, days: number): string {
  const day = new Date(Date.UTC(seededAt.getUTCFullYear(), seededAt.getUTCMonth(), seededAt.getUTCDate() + days));
  return day.toISOString().slice(0, 10);
}

function item(id: string, summary: string, dueDate: string, question: ActionItemInput['question'], owner: Person | null): ActionItemInput {
  return { id, summary, description: '', owner, dueDate, priority: 'High', question };
}

/** An annotation of INC-1's timeline: the entry is named by its issue, its time as written in `incidents.ts` and its source. */
interface DemoAnnotation {
  issueKey: string;
  at: string;
  source: EntrySource;
  patch: AnnotationPatch;
}

interface DemoReview {
  key: string;
  story: Story;
  edit(content: ReviewContent, at: (written: string) => string): ReviewContent;
  items(seededAt: Date): ActionItemInput[];
  annotations?: DemoAnnotation[];
  /** Key moments set by hand (the times the team confirmed after the incident), as written. */
  moments?: Partial<Record<KeyMomentName, string>>;
  /** Items whose sub-task the owner has since closed in Jira. */
  doneInJira?: string[];
  status: 'draft' | 'in-review' | 'published';
}

const task = (phase: AnnotationPatch['phase'], impact: AnnotationPatch['impact']): AnnotationPatch => ({ kind: 'task', phase, impact });
const talk = (phase: AnnotationPatch['phase'], impact: AnnotationPatch['impact']): AnnotationPatch => ({
  kind: 'human-interaction',
  phase,
  impact,
});

const REVIEWS: readonly DemoReview[] = [
  {
    key: 'INC-1',
    story: 'login',
    status: 'published',
    edit: (c, at) => ({
      ...c,
      meeting: {
        ...c.meeting,
        title: 'Login page outage: learning review',
        meetingDate: at('2026-10-22'),
        contact: TOMAS,
        facilitator: TOMAS,
        participants: [
          { ...MAYA, role: 'first-responder' },
          { ...TOMAS, role: 'escalation-responder' },
          { ...SOFIA, role: 'support' },
          { ...AIKO, role: 'stakeholder' },
          { ...DANIEL, role: 'stakeholder' },
        ],
      },
      goals: {
        knowSooner: 'Hear about failing sign-ins from our own alerts before customers post about them.',
        recoverSooner: 'Let whoever is on call reach the web hosts and the right people in minutes, at any hour.',
      },
      description:
        'On a Saturday evening new sign-ins failed for about 20 minutes. A monthly export job had started on a web host instead of the reporting worker and used up its CPU. Support noticed posts on social media and found the one engineer online; she escalated to a senior engineer, who stopped the job and restarted the web service.',
      incidentCommander: TOMAS,
      customerImpact: { affected: true, text: 'New sign-ins failed for about 20 minutes; existing sessions kept working.' },
      // The export job belongs to reporting: INC-3 names that service too (insights, suggestions).
      servicesImpacted: ['Web sign-in', 'Reporting'],
      learnings: {
        learned: 'A monthly export job was scheduled on every web host instead of one, and its CPU use starved the sign-in service.',
        wentWell: 'Support noticed the complaints on social media within minutes and found an engineer quickly.',
        surprised: "Nobody on call could find the production access runbook or the senior engineer's phone number.",
      },
      contributingFactors: [
        { id: 'f1', text: 'The export job was deployed to every web host by a shared configuration role.', category: 'configuration' },
        { id: 'f2', text: 'No alert on sign-in error rate: customers told us first.', category: 'detection' },
        {
          id: 'f3',
          text: 'The production access page linked from the web runbook had moved, and the vault entry it named was out of date.',
          category: 'knowledge',
        },
        { id: 'f4', text: 'Nobody is paged for the web tier at weekends, so support found an engineer through chat.', category: 'process' },
      ],
      remediation:
        "The export job was stopped and the web service on web-02 restarted; the job was taken out of the web hosts' schedule the same evening and moved to the reporting worker in OPS-1.",
      tags: ['login', 'on-call'],
      externalSummary: {
        proximateCause: 'A monthly export job ran on every web host at once and used up their CPU.',
        resolution: 'The export job was stopped and the web service restarted; the job now runs on one host.',
      },
    }),
    items: (seededAt) => [
      item('a1', 'Alert on sign-in error rate above 5% for two minutes', dueIn(seededAt, -11), 'know-sooner', DANIEL),
      item('a2', 'Publish the production access runbook where on-call can find it', dueIn(seededAt, -7), 'recover-sooner', MAYA),
      item('a3', 'Page the web team at weekends through the on-call rota', dueIn(seededAt, 24), 'recover-sooner', TOMAS),
      item('a4', "Keep every escalation contact's phone number in the on-call sheet", dueIn(seededAt, 10), 'recover-sooner', AIKO),
    ],
    doneInJira: ['a1'],
    // The evening as the team annotated it: detection, then a response slowed by access and
    // contacts, then the remediation. Enough entries that the recovery plot draws its path.
    annotations: [
      { issueKey: 'SUP-1', at: '2026-10-17T20:45:20+02:00', source: 'comment', patch: talk('detection', 'positive') },
      { issueKey: 'INC-1', at: '2026-10-17T20:47:10+02:00', source: 'comment', patch: talk('detection', 'neutral') },
      { issueKey: 'INC-1', at: '2026-10-17T19:49:10+01:00', source: 'comment', patch: task('response', 'positive') },
      { issueKey: 'INC-1', at: '2026-10-17T19:54:40+01:00', source: 'comment', patch: task('response', 'negative') },
      { issueKey: 'SUP-2', at: '2026-10-17T20:53:10+02:00', source: 'comment', patch: task('response', 'neutral') },
      { issueKey: 'INC-1', at: '2026-10-17T19:56:50+01:00', source: 'comment', patch: task('response', 'negative') },
      { issueKey: 'INC-1', at: '2026-10-17T19:57:40+01:00', source: 'comment', patch: talk('response', 'positive') },
      { issueKey: 'INC-1', at: '2026-10-17T14:59:20-04:00', source: 'comment', patch: talk('response', 'positive') },
      { issueKey: 'INC-1', at: '2026-10-17T15:00:40-04:00', source: 'comment', patch: task('remediation', 'positive') },
      { issueKey: 'INC-1', at: '2026-10-17T15:02:10-04:00', source: 'comment', patch: task('remediation', 'positive') },
      { issueKey: 'INC-1', at: '2026-10-17T20:03:30+01:00', source: 'comment', patch: task('remediation', 'positive') },
    ],
    // From the dashboard and load balancer times Daniel posted two days later.
    moments: {
      impactStarted: '2026-10-17T19:41:30+01:00',
      firstCustomerReport: '2026-10-17T19:44:00+01:00',
      firstStatusPageUpdate: '2026-10-17T19:53:10+01:00',
      restored: '2026-10-17T20:01:40+01:00',
    },
  },
  {
    key: 'INC-2',
    story: 'backup',
    status: 'draft',
    edit: (c) => ({
      ...c,
      customerImpact: { affected: true, text: 'One customer lost a month of shipment data after moving clouds.' },
      servicesImpacted: ['Instance migration', 'Backups'],
      learnings: {
        learned: 'Backups for one shard reported success while uploading nothing for a month.',
        wentWell: "The customer's data was rebuilt from their own exports within two days.",
        surprised: 'A migration that finished fast was taken as good news.',
      },
      contributingFactors: [
        { id: 'f1', text: 'Backup jobs checked their exit code, not what they uploaded.', category: 'detection' },
        { id: 'f2', text: 'The migration tool copied whatever the newest backup held, however old it was.', category: 'change' },
      ],
      tags: ['backups', 'migration'],
    }),
    items: (seededAt) => [
      item('b1', 'Alert when the newest backup of any shard is older than 26 hours', dueIn(seededAt, -15), 'know-sooner', DANIEL),
      item('b2', 'Compare row counts before retiring a migrated instance', dueIn(seededAt, 27), 'recover-sooner', null),
    ],
  },
  {
    key: 'INC-3',
    story: 'etl',
    status: 'draft',
    edit: (c) => ({
      ...c,
      customerImpact: { affected: false, text: 'Internal dashboards only.' },
      servicesImpacted: ['Nightly ETL', 'Reporting'],
      // Shares detection and configuration with INC-1 and INC-2, so the insights group them.
      contributingFactors: [
        {
          id: 'f1',
          text: 'The scheduler was paused by hand during maintenance and nothing reminded anyone to resume it.',
          category: 'configuration',
        },
        {
          id: 'f2',
          text: 'Nothing alerts when the nightly load has not started; the first sign was an empty dashboard.',
          category: 'detection',
        },
        { id: 'f3', text: 'Maintenance handover notes have no place for "things paused".', category: 'process' },
      ],
      tags: ['etl'],
    }),
    items: (seededAt) => [
      item('c1', 'Page the data team when the nightly load has not started by 02:00', dueIn(seededAt, 14), 'know-sooner', null),
      // No due date on purpose: the site's countermeasure policy gives its sub-task one (Sev3: 60 days).
      { ...item('c2', 'Add "paused jobs" to the maintenance handover checklist', dueIn(seededAt, 0), 'other', null), dueDate: null },
    ],
  },
];

function findEntry(entries: readonly TimelineEntry[], key: string, a: DemoAnnotation, at: string): TimelineEntry {
  const ms = Date.parse(at);
  const found = entries.find((e) => e.issueKey === a.issueKey && e.source === a.source && Date.parse(e.at) === ms);
  if (!found) throw new Error(`Seeding reviews: no ${a.source} of ${a.issueKey} at ${at} on ${key}'s timeline`);
  return found;
}

/** Closes a sub-task in Jira as its owner would (the emulator's own transition, not the app). */
function closeInJira(db: Db, issueKey: string, ownerAccountId: string): void {
  const row = getIssue(db, issueKey);
  const done = row && workflowStatuses(typeOf(row)).find((s) => s.category === 'done');
  if (!row || !done) throw new Error(`Seeding reviews: cannot close ${issueKey}`);
  moveStatus(db, row, done, ownerAccountId, Date.now());
}

/**
 * Publishes the internal report into Incident Reviews › Post-incident reviews. A site without
 * Confluence (or without that space) keeps the review unpublished: the demo still works.
 */
async function publish(call: Call, key: string, version: number): Promise<ReviewDoc | null> {
  const spaces = await call<SpaceSummary[]>('publish/spaces', { issueKey: key, query: 'Incident Reviews' });
  const space = spaces.ok ? spaces.data.find((s) => s.key === 'IR') : undefined;
  if (!space) return null;
  const roots = await call<PageSummary[]>('publish/pages', { issueKey: key, spaceId: space.id, parentId: null });
  const home = roots.ok ? roots.data[0] : undefined;
  const pages = home ? await call<PageSummary[]>('publish/pages', { issueKey: key, spaceId: space.id, parentId: home.id }) : null;
  const parent = pages?.ok ? pages.data.find((p) => p.title === 'Post-incident reviews') : undefined;
  const target = { spaceId: space.id, spaceKey: space.key, parentId: parent?.id ?? home?.id ?? null };
  const published = await invoker(call)<PublishResult>('publish/internal', { issueKey: key, target, version, timeZone: 'Europe/London' });
  return published.doc;
}

/** Makes the demo reviews for a demo seeded at `seededAt`; answers the incidents reviewed. */
export async function seedDemoReviews(site: { runner: FunctionRunner; db: Db }, seededAt: Date): Promise<string[]> {
  const call = caller(site.runner);
  const invoke = invoker(call);
  const dates = storyDates(seededAt);
  for (const r of REVIEWS) {
    const at = (written: string) => dates(r.story).s(written);
    let view: TimelineView | TimelineChange = await invoke<TimelineView>('review/start', { issueKey: r.key });
    // The first page holds a demo incident whole; a write answers what it changed, not the page again.
    const { entries } = view;
    for (const a of r.annotations ?? []) {
      const entry = findEntry(entries, r.key, a, at(a.at));
      view = await invoke<TimelineChange>('timeline/annotate', {
        issueKey: r.key,
        entryId: entry.id,
        at: entry.at,
        patch: a.patch,
        version: view.version,
      });
    }
    for (const [moment, written] of Object.entries(r.moments ?? {})) {
      view = await invoke<TimelineChange>('moments/set', {
        issueKey: r.key,
        moment,
        at: new Date(at(written)).toISOString(),
        version: view.version,
      });
    }
    const doc = await invoke<ReviewDoc>('review/get', { issueKey: r.key });
    await invoke<ReviewDoc>('review/save', {
      issueKey: r.key,
      content: r.edit(doc.content, at),
      actionItems: r.items(seededAt),
      version: doc.version,
    });
    let saved = (await invoke<ActionSyncResult>('actions/sync', { issueKey: r.key })).doc;
    if (r.doneInJira?.length) {
      for (const id of r.doneInJira) {
        const synced = saved.actionItems.find((i) => i.id === id);
        if (!synced?.jira || !synced.owner) throw new Error(`Seeding reviews: ${r.key} item ${id} has no sub-task`);
        closeInJira(site.db, synced.jira.key, synced.owner.accountId);
      }
      // The closed sub-task's status flows back into the review and the summary index.
      saved = (await invoke<ActionSyncResult>('actions/sync', { issueKey: r.key })).doc;
    }
    if (r.status === 'draft') continue;
    saved = await invoke<ReviewDoc>('review/status', { issueKey: r.key, status: 'in-review', version: saved.version });
    if (r.status === 'published') await publish(call, r.key, saved.version);
  }
  await seedDemoTemplates(site);
  await seedDemoMeeting(site, seededAt);
  // The review library is complete as seeded (each save indexed its review): the trigger records it, as its first run would.
  await site.runner.invokeTrigger('pir-search-rebuild');
  return REVIEWS.map((r) => r.key);
}
