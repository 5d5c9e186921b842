import type { MeetingNotifyResult, Participant, ReviewContent, ReviewDoc } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { meetingKey } from '../../src/domain/meeting/meeting-key';
import type { StoredReviewDoc } from '../../src/storage/review-doc-store';
import { callAs, freshSite, jiraAs, okAs } from '../support/site';

/**
 * A notify that posted its comment and then died (Forge ends a resolver at 25 s; an answer can be
 * lost) leaves its claim in 'sending'. After the claim's two minutes anyone may take it over: that
 * must not become a second comment.
 */
let site: RunningSite;
// A site per test: each leaves its own notice and comments behind (tests run in random order).
beforeEach(async () => {
  site = await freshSite();
});
afterEach(() => site.close());

const MAYA = 'maya@example.com';
const MAYA_ID = '712020:4c1d2f6e-maya-okafor';
const ISSUE = 'INC-3';
const DANIEL: Participant = { accountId: '712020:8e3b9a10-daniel-reyes', displayName: 'Daniel Reyes', role: 'first-responder' };
const AIKO: Participant = { accountId: '712020:3d8f1c46-aiko-tanaka', displayName: 'Aiko Tanaka', role: 'stakeholder' };

const commentCount = async () => (await jiraAs<{ total: number }>(site, MAYA, 'GET', `/issue/${ISSUE}/comment?maxResults=1`)).total;

async function saveMeeting(participants: Participant[]): Promise<ReviewDoc> {
  const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE });
  const content: ReviewContent = {
    ...doc.content,
    meeting: { ...doc.content.meeting, meetingDate: '2026-12-09', meetingTime: '10:00', meetingTimeZone: 'UTC', participants },
  };
  return okAs<ReviewDoc>(site, MAYA, 'review/save', { issueKey: ISSUE, content, actionItems: [], version: doc.version });
}

/** Leaves the state a notify that died after posting leaves: its claim, `ageMs` old, and its comment in Jira. */
async function diedAfterPosting(participants: Participant[], ageMs: number): Promise<{ version: number; commentId: string }> {
  const row = site.db
    .prepare(`SELECT value_json FROM kvs_items WHERE space = 'entity' AND entity_name = 'review-doc' AND key = ?`)
    .get(ISSUE) as { value_json: string };
  const stored = JSON.parse(row.value_json) as StoredReviewDoc;
  const key = meetingKey(stored.doc.content.meeting);
  const claimedAt = Date.now() - ageMs;
  const posted = await jiraAs<{ id: string }>(site, MAYA, 'POST', `/issue/${ISSUE}/comment`, {
    body: {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: participants
            .flatMap((p) => [
              { type: 'mention', attrs: { id: p.accountId, text: `@${p.displayName}` } },
              { type: 'text', text: ' ' },
            ])
            .concat([{ type: 'text', text: 'review meeting' }]),
        },
      ],
    },
  });
  const next: StoredReviewDoc = {
    ...stored,
    version: stored.version + 1,
    doc: {
      ...stored.doc,
      notice: {
        state: 'sending',
        meetingKey: key,
        claimedAt,
        claimedBy: { accountId: MAYA_ID, displayName: 'Maya Okafor' },
        previous: null,
      },
    },
  };
  site.db
    .prepare(`UPDATE kvs_items SET value_json = ? WHERE space = 'entity' AND entity_name = 'review-doc' AND key = ?`)
    .run(JSON.stringify(next), ISSUE);
  return { version: next.version, commentId: posted.id };
}

describe('a notify that died after posting its comment', () => {
  it('is not posted again when two people take over its stale claim at once: the comment already in Jira is recorded', async () => {
    await saveMeeting([DANIEL, AIKO]);
    const { version, commentId } = await diedAfterPosting([DANIEL, AIKO], 3 * 60_000);
    const before = await commentCount();
    const answers = await Promise.all(
      [MAYA, 'tomas@example.com'].map((u) => callAs<MeetingNotifyResult>(site, u, 'meeting/notify', { issueKey: ISSUE, version })),
    );
    expect(await commentCount()).toBe(before);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE });
    expect(doc.meetingNotice).toMatchObject({ commentId, current: true, mentioned: 2, sentBy: { accountId: MAYA_ID } });
    // And from now on the meeting counts as notified.
    const again = await callAs(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: doc.version });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already notified') } });
    expect(await commentCount()).toBe(before);
  });

  it('still posts when the stale claim never reached Jira', async () => {
    // An earlier meeting was notified; then the meeting changed, so notifying again needs `again`.
    const first = await saveMeeting([DANIEL, AIKO]);
    await okAs<MeetingNotifyResult>(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: first.version });
    await saveMeeting([DANIEL]);
    const saved = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE });
    const row = site.db
      .prepare(`SELECT value_json FROM kvs_items WHERE space = 'entity' AND entity_name = 'review-doc' AND key = ?`)
      .get(ISSUE) as { value_json: string };
    const stored = JSON.parse(row.value_json) as StoredReviewDoc;
    const prior = stored.doc.notice?.state === 'sent' ? stored.doc.notice : null;
    const { state: _s, ...previous } = prior!;
    const next: StoredReviewDoc = {
      ...stored,
      version: stored.version + 1,
      doc: {
        ...stored.doc,
        notice: {
          state: 'sending',
          meetingKey: meetingKey(stored.doc.content.meeting),
          claimedAt: Date.now() - 3 * 60_000,
          claimedBy: { accountId: MAYA_ID, displayName: 'Maya Okafor' },
          previous,
        },
      },
    };
    site.db
      .prepare(`UPDATE kvs_items SET value_json = ? WHERE space = 'entity' AND entity_name = 'review-doc' AND key = ?`)
      .run(JSON.stringify(next), ISSUE);
    expect(saved.meetingNotice?.current).toBe(false);
    const before = await commentCount();
    const answers = await Promise.all(
      [MAYA, MAYA].map((u) =>
        callAs<MeetingNotifyResult>(site, u, 'meeting/notify', { issueKey: ISSUE, version: next.version, again: true }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(await commentCount()).toBe(before + 1);
  });

  it('keeps refusing while the claim is fresh (the notify may still be running)', async () => {
    await saveMeeting([AIKO]);
    const { version } = await diedAfterPosting([AIKO], 10_000);
    const before = await commentCount();
    const r = await callAs(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version, again: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('being notified right now') } });
    expect(await commentCount()).toBe(before);
  });
});
