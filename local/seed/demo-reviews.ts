import type { ActionItemInput, Person, Result, ReviewContent, ReviewDoc } from '../../src/contract';
import type { FunctionRunner } from '../runner/function-runner';

/**
 * Reviews for the demo incidents, made the way a facilitator makes them: through the app's own
 * resolvers, as Maya, on the running site (so the summary index, the sub-tasks and the timeline
 * are exactly what the app writes). INC-4 is left without a review on purpose: it is the Sev2
 * incident the 24-hour rule reminds about.
 */
const MAYA: Person = { accountId: '712020:4c1d2f6e-maya-okafor', displayName: 'Maya Okafor' };
const DANIEL: Person = { accountId: '712020:8e3b9a10-daniel-reyes', displayName: 'Daniel Reyes' };

type Invoke = <T>(functionKey: string, payload: unknown) => Promise<T>;

function invoker(runner: FunctionRunner): Invoke {
  return async <T>(functionKey: string, payload: unknown): Promise<T> => {
    const result = (await runner.invokeResolver({
      moduleKey: 'pir-issue-panel',
      functionKey,
      payload,
      extensionContext: { extension: {}, timezone: 'Europe/London', locale: 'en-US' },
      accountId: MAYA.accountId,
    })) as Result<T>;
    if (!result.ok) throw new Error(`Seeding reviews: ${functionKey} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
}

function item(id: string, summary: string, dueDate: string, question: ActionItemInput['question'], owner: Person | null): ActionItemInput {
  return { id, summary, description: '', owner, dueDate, priority: 'High', question };
}

interface DemoReview {
  key: string;
  edit(content: ReviewContent): ReviewContent;
  items: ActionItemInput[];
  status: 'draft' | 'in-review';
}

const REVIEWS: DemoReview[] = [
  {
    key: 'INC-1',
    status: 'in-review',
    edit: (c) => ({
      ...c,
      customerImpact: { affected: true, text: 'New sign-ins failed for about 20 minutes; existing sessions kept working.' },
      servicesImpacted: ['Web sign-in'],
      learnings: {
        learned: 'A monthly export job was scheduled on every web host instead of one, and its CPU use starved the sign-in service.',
        wentWell: 'Support noticed the complaints on social media within minutes and found an engineer quickly.',
        surprised: 'Nobody on call could find the production access runbook or the senior engineer\'s phone number.',
      },
      contributingFactors: [
        { id: 'f1', text: 'The export job was deployed to every web host by a shared configuration role.' },
        { id: 'f2', text: 'No alert on sign-in error rate: customers told us first.' },
      ],
      tags: ['login', 'on-call'],
      externalSummary: {
        proximateCause: 'A monthly export job ran on every web host at once and used up their CPU.',
        resolution: 'The export job was stopped and the web service restarted; the job now runs on one host.',
      },
    }),
    items: [
      item('a1', 'Alert on sign-in error rate above 5% for two minutes', '2026-11-10', 'know-sooner', DANIEL),
      item('a2', 'Publish the production access runbook where on-call can find it', '2026-11-14', 'recover-sooner', MAYA),
      item('a3', 'Run the monthly export on one host only', '2027-01-15', 'other', DANIEL),
    ],
  },
  {
    key: 'INC-2',
    status: 'draft',
    edit: (c) => ({
      ...c,
      customerImpact: { affected: true, text: 'One customer lost a month of shipment data after moving clouds.' },
      servicesImpacted: ['Instance migration', 'Backups'],
      learnings: {
        learned: 'Backups for one shard reported success while uploading nothing for a month.',
        wentWell: 'The customer\'s data was rebuilt from their own exports within two days.',
        surprised: 'A migration that finished fast was taken as good news.',
      },
      contributingFactors: [{ id: 'f1', text: 'Backup jobs checked their exit code, not what they uploaded.' }],
      tags: ['backups', 'migration'],
    }),
    items: [
      item('b1', 'Alert when the newest backup of any shard is older than 26 hours', '2026-11-06', 'know-sooner', DANIEL),
      item('b2', 'Compare row counts before retiring a migrated instance', '2026-12-18', 'recover-sooner', null),
    ],
  },
  {
    key: 'INC-3',
    status: 'draft',
    edit: (c) => ({ ...c, customerImpact: { affected: false, text: 'Internal dashboards only.' }, tags: ['etl'] }),
    items: [item('c1', 'Page the data team when the nightly load has not started by 02:00', '2026-12-05', 'know-sooner', null)],
  },
];

export async function seedDemoReviews(runner: FunctionRunner): Promise<string[]> {
  const invoke = invoker(runner);
  for (const r of REVIEWS) {
    await invoke('review/start', { issueKey: r.key });
    const doc = await invoke<ReviewDoc>('review/get', { issueKey: r.key });
    let saved = await invoke<ReviewDoc>('review/save', { issueKey: r.key, content: r.edit(doc.content), actionItems: r.items, version: doc.version });
    saved = (await invoke<{ doc: ReviewDoc }>('actions/sync', { issueKey: r.key })).doc;
    if (r.status !== 'draft') await invoke('review/status', { issueKey: r.key, status: r.status, version: saved.version });
  }
  return REVIEWS.map((r) => r.key);
}
