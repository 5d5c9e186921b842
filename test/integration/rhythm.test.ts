/**
 * The scheduled trigger `pir-rhythm-check` through the real @forge/api and @forge/kvs against the
 * local site, with a controlled clock: only `Date` is faked, so the app, the Jira emulator's
 * relative JQL dates ("-14d") and the KVS service all read the same "now" while timers and I/O run.
 *
 * Seed incidents as written (UTC): INC-1 Sev2, restored Saturday 2026-10-17 19:34 → due Tuesday
 * 2026-10-20 00:00; INC-2 Sev1, restored Wednesday 2026-10-28 09:15:30 → due Thursday 09:15:30;
 * INC-3 Sev3 (never reminded); INC-4 Sev2, restored Wednesday 2026-11-18 18:30:30 → due Thursday
 * 18:30:30. `freshSite` seeds on the story's own date, where INC-4 stays as written and INC-1 and
 * INC-2 sit some weeks earlier (`story-dates.ts`): `early()` moves their dates the same way.
 */
import { randomUUID } from 'node:crypto';
import type { ActionItemInput, ActionSyncResult, DueReviewFlag, ReviewDoc, SummariesResult, SummaryRow } from '../../src/contract';
import { adfToText } from '../../src/domain/adf-text';
import { isReminderText, reminderComment, type ReminderClaim } from '../../src/domain/review-rhythm';
import { createForgeRhythmJira } from '../../src/jira/rhythm-jira';
import { createKvsRhythmStore, type RhythmStore } from '../../src/storage/rhythm-store';
import { createKvsSummaryStore } from '../../src/storage/summary-store';
import { runRhythm, type RhythmResult } from '../../src/use-cases/rhythm';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { assertLoggedRequestsMatchContract, clearRequestLog } from '../contract/app-traffic';
import { storyDates, STORY_NOW } from '../../local/seed/story-dates';
import { closeIssueAs, freshSite, jiraAs, okAs } from '../support/site';
import { runTrigger } from '../support/helpers';

/** INC-1's and INC-2's dates (and times, offsets kept) as `freshSite` seeds them. */
const early = (written: string) => storyDates(STORY_NOW)('login').s(written);
/** One of their days as the reminder writes it, e.g. "Tuesday, 20 October 2026". */
const earlyDay = (written: string) => storyDates(STORY_NOW)('login').day(written, 'EEEE, d MMMM yyyy');

const MAYA = 'maya@example.com';
const INCIDENTS = ['INC-1', 'INC-2', 'INC-3', 'INC-4'];

let site: RunningSite;
const rhythmStore = createKvsRhythmStore();
const summaryStore = createKvsSummaryStore();

beforeEach(async () => {
  jest.useFakeTimers({
    now: new Date(early('2026-10-01T00:00:00Z')),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  site = await freshSite();
});

afterEach(async () => {
  await site.close();
  delete process.env.PIR_TIME_ZONE;
  jest.restoreAllMocks();
  jest.useRealTimers();
});

const setNow = (iso: string) => jest.setSystemTime(new Date(iso));

/** Runs the use case with the real adapters inside an invocation, with smaller batches than production. */
function runWithLimits(limits: { reminders?: number; reviews?: number }, store: RhythmStore = rhythmStore): Promise<RhythmResult> {
  return runInInvocation(
    { invocationId: randomUUID(), accountId: undefined, moduleKey: 'pir-rhythm-check', deadlineMs: Date.now() + 25_000 },
    () =>
      runRhythm({
        now: () => new Date(),
        timeZone: undefined,
        jira: createForgeRhythmJira(),
        store,
        summaries: summaryStore,
        newId: () => randomUUID(),
        limits,
      }),
  );
}

interface CommentJson {
  id: string;
  author: { accountType: string };
  body: unknown;
}

/** The app's reminder comments on an issue, read as a user through the emulator's REST API. */
async function reminders(key: string): Promise<CommentJson[]> {
  const page = await jiraAs<{ comments: CommentJson[] }>(site, MAYA, 'GET', `/issue/${key}/comment?maxResults=100`);
  return page.comments.filter((c) => c.author.accountType === 'app' && isReminderText(adfToText(c.body)));
}

async function reminderCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const key of INCIDENTS) counts[key] = (await reminders(key)).length;
  return counts;
}

/** A review document saved (no timeline): that too is a started review. */
async function saveReview(issueKey: string, actionItems: ActionItemInput[] = []): Promise<ReviewDoc> {
  const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey });
  return okAs<ReviewDoc>(site, MAYA, 'review/save', { issueKey, content: doc.content, actionItems, version: doc.version });
}

const flagKeys = async () => (await summaryStore.readFlags()).map((f) => f.incidentKey);

describe('the 24-hour rule', () => {
  it('does not remind before the review is due, then reminds each overdue Sev1/Sev2 incident exactly once', async () => {
    await clearRequestLog(site);
    setNow(early('2026-10-19T23:59:59Z'));
    expect(await runTrigger<RhythmResult>(site)).toMatchObject({ timeZone: 'UTC', reminded: [], failed: [], errors: [] });
    expect(await reminderCounts()).toEqual({ 'INC-1': 0, 'INC-2': 0, 'INC-3': 0, 'INC-4': 0 });

    setNow(early('2026-10-20T00:00:01Z'));
    expect(await runTrigger<RhythmResult>(site)).toMatchObject({ reminded: ['INC-1'], failed: [], errors: [] });
    const again = await runTrigger<RhythmResult>(site);
    expect(again).toMatchObject({ reminded: [], failed: [], checked: 1 });
    expect(await reminderCounts()).toEqual({ 'INC-1': 1, 'INC-2': 0, 'INC-3': 0, 'INC-4': 0 });

    setNow(early('2026-10-29T09:15:29Z'));
    expect((await runTrigger<RhythmResult>(site)).reminded).toEqual([]);
    setNow(early('2026-10-29T09:15:31Z'));
    expect((await runTrigger<RhythmResult>(site)).reminded).toEqual(['INC-2']);
    expect((await runTrigger<RhythmResult>(site)).reminded).toEqual([]);
    expect(await reminderCounts()).toEqual({ 'INC-1': 1, 'INC-2': 1, 'INC-3': 0, 'INC-4': 0 });

    const [comment] = await reminders('INC-2');
    const text = adfToText(comment.body);
    expect(text).toContain('within one business day of recovery');
    expect(text).toContain(`${earlyDay('2026-10-28')} at 09:15 (UTC)`);
    expect(text).toContain(`${earlyDay('2026-10-29')} at 09:15 (UTC)`);
    expect(text).toContain('Start review');
    expect(text).not.toMatch(/\b(fault|blame|failed to|should have)\b/i);
    await assertLoggedRequestsMatchContract(site);
  });

  it('never reminds a Sev3 incident, nor one whose review has started', async () => {
    setNow('2026-11-19T09:00:00Z');
    await okAs(site, MAYA, 'review/start', { issueKey: 'INC-4' });
    setNow('2026-11-23T12:00:00Z'); // INC-4 (Sev2) and INC-3 (Sev3) both long past one business day
    const result = await runTrigger<RhythmResult>(site);
    expect(result).toMatchObject({ candidates: 1, checked: 1, reminded: [], failed: [], flagged: 0 });
    expect(await reminderCounts()).toEqual({ 'INC-1': 0, 'INC-2': 0, 'INC-3': 0, 'INC-4': 0 });
    expect(await rhythmStore.claims(['INC-3', 'INC-4'])).toEqual(new Map());
  });

  it('flags each reminded incident on the global page and drops the flag once its review starts', async () => {
    setNow(early('2026-10-29T09:15:31Z'));
    await runTrigger<RhythmResult>(site);
    const flags = await summaryStore.readFlags();
    expect(flags).toStrictEqual<DueReviewFlag[]>([
      {
        incidentKey: 'INC-1',
        title: 'Login page outage: sign-in fails for all users',
        severityLevel: 2,
        restoredAt: early('2026-10-17T19:34:00.000Z'),
        dueAt: early('2026-10-20T00:00:00.000Z'),
        remindedAt: early('2026-10-29T09:15:31.000Z'),
      },
      {
        incidentKey: 'INC-2',
        title: 'Stale-backup migration: Harbourline instance missing a month of data',
        severityLevel: 1,
        restoredAt: early('2026-10-28T09:15:30.000Z'),
        dueAt: early('2026-10-29T09:15:30.000Z'),
        remindedAt: early('2026-10-29T09:15:31.000Z'),
      },
    ]);

    setNow(early('2026-10-29T10:00:00Z'));
    await saveReview('INC-2');
    await runTrigger<RhythmResult>(site);
    expect(await flagKeys()).toEqual(['INC-1']);
    await okAs(site, MAYA, 'review/start', { issueKey: 'INC-1' });
    await runTrigger<RhythmResult>(site);
    expect(await flagKeys()).toEqual([]);
    expect(await reminderCounts()).toEqual({ 'INC-1': 1, 'INC-2': 1, 'INC-3': 0, 'INC-4': 0 });
  });

  it('drops the flag in the same call that starts the review, without waiting for the next run', async () => {
    setNow('2026-11-23T12:00:00Z'); // INC-4 (Sev2) long past one business day, nothing else in the 14 days
    expect(await runTrigger<RhythmResult>(site)).toMatchObject({ reminded: ['INC-4'], flagged: 1 });
    const range = { from: '2026-11-01', to: '2026-11-30' };
    const before = await okAs<SummariesResult>(site, MAYA, 'summaries/list', range);
    expect(before.dueReviews.map((f) => f.incidentKey)).toEqual(['INC-4']);

    await okAs(site, MAYA, 'review/start', { issueKey: 'INC-4' });
    const after = await okAs<SummariesResult>(site, MAYA, 'summaries/list', range);
    expect(after.dueReviews).toEqual([]);
    expect(await flagKeys()).toEqual([]);
  });

  it('drops the flag when the first save of the review document starts the review', async () => {
    setNow('2026-11-23T12:00:00Z');
    await runTrigger<RhythmResult>(site);
    expect(await flagKeys()).toEqual(['INC-4']);
    await saveReview('INC-4');
    expect(await flagKeys()).toEqual([]);
  });

  it('counts the business day in PIR_TIME_ZONE, and falls back to UTC for a zone it does not know', async () => {
    // INC-1 was restored early on Sunday in Tokyo: due at the end of Monday there, 09:00 earlier than in UTC.
    process.env.PIR_TIME_ZONE = 'Asia/Tokyo';
    setNow(early('2026-10-19T15:00:01Z'));
    expect(await runTrigger<RhythmResult>(site)).toMatchObject({ timeZone: 'Asia/Tokyo', reminded: ['INC-1'] });
    expect(adfToText((await reminders('INC-1'))[0].body)).toContain(`${earlyDay('2026-10-20')} at 00:00 (Asia/Tokyo)`);

    process.env.PIR_TIME_ZONE = 'Mars/Olympus_Mons';
    const warn = jest.mocked(console.warn);
    expect(await runTrigger<RhythmResult>(site)).toMatchObject({ timeZone: 'UTC', reminded: [] });
    expect(warn.mock.calls.map(([line]) => String(line)).some((l) => l.includes('rhythm.time-zone-invalid'))).toBe(true);
  });
});

describe('never twice', () => {
  const claim = (over: Partial<ReminderClaim>): ReminderClaim => ({
    incidentKey: 'INC-1',
    state: 'pending',
    claimId: 'crashed-run',
    claimedAt: Date.now(),
    dueAt: early('2026-10-20T00:00:00.000Z'),
    ...over,
  });

  it('leaves a fresh claim to the run holding it, and posts exactly once after that run died', async () => {
    setNow(early('2026-10-20T00:00:01Z'));
    expect(await rhythmStore.putClaim(claim({ claimedAt: Date.now() - 60_000 }), null)).toBe(true);
    expect(await runTrigger<RhythmResult>(site)).toMatchObject({ reminded: [], failed: [] });
    expect((await reminders('INC-1')).length).toBe(0);

    setNow(early('2026-10-20T00:30:00Z')); // the claim is now older than any run could live
    await clearRequestLog(site);
    expect((await runTrigger<RhythmResult>(site)).reminded).toEqual(['INC-1']);
    await assertLoggedRequestsMatchContract(site);
    expect((await runTrigger<RhythmResult>(site)).reminded).toEqual([]);
    const posted = await reminders('INC-1');
    expect(posted.length).toBe(1);
    expect((await rhythmStore.claims(['INC-1'])).get('INC-1')).toMatchObject({
      state: 'sent',
      commentId: posted[0].id,
      sentAt: early('2026-10-20T00:30:00.000Z'),
    });
  });

  it('does not post again when the run died after posting but before recording it', async () => {
    setNow(early('2026-10-20T00:00:01Z'));
    await rhythmStore.putClaim(claim({}), null);
    // The dead run's comment, posted as the app.
    const body = reminderComment({
      severityLevel: 2,
      restoredAt: early('2026-10-17T19:34:00.000Z'),
      dueAt: early('2026-10-20T00:00:00.000Z'),
      timeZone: 'UTC',
    });
    const res = await fetch(`${site.url}/rest/api/3/issue/INC-1/comment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.auth.appToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    setNow(early('2026-10-20T01:00:00Z'));
    await clearRequestLog(site);
    expect(await runTrigger<RhythmResult>(site)).toMatchObject({ reminded: [], failed: [] });
    const sent = await assertLoggedRequestsMatchContract(site);
    expect(sent.filter((r) => r.method === 'GET' && r.path.startsWith('/rest/api/3/issue/INC-1/comment')).length).toBe(1);
    expect(sent.filter((r) => r.method === 'POST' && r.path.startsWith('/rest/api/3/issue/INC-1/comment')).length).toBe(0);
    expect((await reminders('INC-1')).map((c) => c.id)).toEqual([id]);
    expect((await rhythmStore.claims(['INC-1'])).get('INC-1')).toMatchObject({ state: 'sent', commentId: id });
    expect(await flagKeys()).toEqual(['INC-1']);
  });

  it('posts one reminder when runs overlap, even when both read "no claim" before either writes', async () => {
    setNow(early('2026-10-20T00:00:01Z'));
    // Both runs read the claims, then wait for each other: each goes on believing it is first.
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    const racing: RhythmStore = {
      ...rhythmStore,
      async claims(keys) {
        const read = await rhythmStore.claims(keys);
        arrived += 1;
        if (arrived === 2) release();
        await bothRead;
        return read;
      },
    };
    const runs = await Promise.all([runWithLimits({}, racing), runWithLimits({}, racing)]);
    expect(runs.map((r) => r.reminded)).toEqual(expect.arrayContaining([['INC-1'], []]));
    expect((await reminders('INC-1')).length).toBe(1);
    // And through the trigger, three at once.
    setNow(early('2026-10-29T09:15:31Z'));
    const triggered = await Promise.all([runTrigger<RhythmResult>(site), runTrigger<RhythmResult>(site), runTrigger<RhythmResult>(site)]);
    expect(triggered.flatMap((r) => r.reminded)).toEqual(['INC-2']);
    expect(await reminderCounts()).toEqual({ 'INC-1': 1, 'INC-2': 1, 'INC-3': 0, 'INC-4': 0 });
  });
});

describe('bounded work per run', () => {
  it('checks at most a batch of due incidents per run and continues where the last run stopped', async () => {
    setNow(early('2026-10-29T09:15:31Z')); // INC-1 and INC-2 are both due
    const first = await runWithLimits({ reminders: 1 });
    expect(first).toMatchObject({ due: 2, checked: 1, reminded: ['INC-1'], cursors: { reminders: 'INC-1' } });
    expect(await reminderCounts()).toEqual({ 'INC-1': 1, 'INC-2': 0, 'INC-3': 0, 'INC-4': 0 });
    const second = await runWithLimits({ reminders: 1 });
    expect(second).toMatchObject({ checked: 1, reminded: ['INC-2'], cursors: { reminders: null } });
    const third = await runWithLimits({ reminders: 1 });
    expect(third).toMatchObject({ checked: 1, reminded: [], cursors: { reminders: 'INC-1' } });
    expect(await reminderCounts()).toEqual({ 'INC-1': 1, 'INC-2': 1, 'INC-3': 0, 'INC-4': 0 });
  });
});

describe('overdue countermeasures', () => {
  const item = (id: string, summary: string, dueDate: string): ActionItemInput => ({
    id,
    summary,
    description: '',
    owner: null,
    dueDate,
    priority: 'High',
    question: 'know-sooner',
  });

  async function rowOf(incidentKey: string): Promise<SummaryRow | undefined> {
    const { rows } = await summaryStore.readShards(['unknown']);
    return rows.find((r) => r.incidentKey === incidentKey);
  }

  async function withSubtasks(issueKey: string, items: ActionItemInput[]): Promise<string[]> {
    await saveReview(issueKey, items);
    const synced = await okAs<ActionSyncResult>(site, MAYA, 'actions/sync', { issueKey });
    expect(synced.failed).toEqual([]);
    return synced.doc.actionItems.map((i) => i.jira!.key);
  }

  it('stops counting a countermeasure once its sub-task is closed in Jira', async () => {
    setNow('2026-11-21T09:00:00Z');
    const [overdue] = await withSubtasks('INC-3', [
      item('a1', 'Alert when a scheduler is switched off', '2026-11-01'),
      item('a2', 'Document the scheduler switch', '2026-12-15'),
    ]);
    expect(await rowOf('INC-3')).toMatchObject({ actionsOpen: 2, actionsClosed: 0, openDueDates: ['2026-11-01', '2026-12-15'] });

    await closeIssueAs(site, MAYA, overdue);
    expect(await rowOf('INC-3')).toMatchObject({ actionsOpen: 2, openDueDates: ['2026-11-01', '2026-12-15'] });
    await clearRequestLog(site);
    const run = await runTrigger<RhythmResult>(site);
    expect(run).toMatchObject({ refreshed: 1, rowsChanged: 1, errors: [] });
    expect(await rowOf('INC-3')).toMatchObject({ actionsOpen: 1, actionsClosed: 1, openDueDates: ['2026-12-15'] });
    expect((await rowOf('INC-3'))?.openItems.map((i) => i.subtaskKey)).not.toContain(overdue);
    expect((await runTrigger<RhythmResult>(site)).rowsChanged).toBe(0);
    await assertLoggedRequestsMatchContract(site);
  });

  it('refreshes a batch of reviews per run and continues with the next batch', async () => {
    setNow('2026-11-21T09:00:00Z');
    const [a] = await withSubtasks('INC-1', [item('a1', 'Alert on login error rate', '2026-11-01')]);
    const [b] = await withSubtasks('INC-3', [item('b1', 'Alert when a scheduler is switched off', '2026-11-01')]);
    await closeIssueAs(site, MAYA, a);
    await closeIssueAs(site, MAYA, b);
    const first = await runWithLimits({ reviews: 1 });
    expect(first).toMatchObject({ refreshed: 1, rowsChanged: 1, cursors: { reviews: 'INC-1' } });
    expect(await rowOf('INC-1')).toMatchObject({ actionsOpen: 0, actionsClosed: 1 });
    expect(await rowOf('INC-3')).toMatchObject({ actionsOpen: 1, actionsClosed: 0 });
    const second = await runWithLimits({ reviews: 1 });
    expect(second).toMatchObject({ refreshed: 1, rowsChanged: 1, cursors: { reviews: null } });
    expect(await rowOf('INC-3')).toMatchObject({ actionsOpen: 0, actionsClosed: 1 });
  });
});
