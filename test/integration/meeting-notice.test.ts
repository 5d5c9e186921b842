import type { MeetingNotifyResult, Participant, Person, ReviewContent, ReviewDoc } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { basicAuth, callAs, freshSite, jiraAs, okAs } from '../support/site';
import { INCIDENT_RESPONDERS } from '../../local/groups';

let site: RunningSite;
// A site of its own for every test: comments posted and notices recorded stay with the test that made them (the file
// runs in random order).
beforeEach(async () => {
  site = await freshSite();
});
afterEach(() => site.close());

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const ISSUE = 'INC-3';
const DANIEL: Participant = { accountId: '712020:8e3b9a10-daniel-reyes', displayName: 'Daniel Reyes', role: 'first-responder' };
const TOMAS: Participant = { accountId: '712020:9a2e6d34-tomas-herrera', displayName: 'Tomás Herrera', role: 'incident-commander' };
const AIKO: Participant = { accountId: '712020:3d8f1c46-aiko-tanaka', displayName: 'Aiko Tanaka', role: 'stakeholder' };

interface JiraComment {
  id: string;
  author: { accountId: string };
  body: { content: { content?: { type: string; attrs?: { id?: string } }[] }[] };
}

const comments = async (key = ISSUE) =>
  (await jiraAs<{ comments: JiraComment[] }>(site, MAYA, 'GET', `/issue/${key}/comment?maxResults=100`)).comments;
const mentionsOf = (c: JiraComment) =>
  c.body.content
    .flatMap((p) => p.content ?? [])
    .filter((n) => n.type === 'mention')
    .map((n) => n.attrs?.id);

async function saveMeeting(participants: Participant[], patch: Partial<ReviewContent['meeting']> = {}): Promise<ReviewDoc> {
  const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE });
  const content: ReviewContent = {
    ...doc.content,
    meeting: {
      ...doc.content.meeting,
      meetingDate: '2026-12-08',
      meetingTime: '15:00',
      meetingTimeZone: 'Europe/London',
      participants,
      ...patch,
    },
  };
  return okAs<ReviewDoc>(site, MAYA, 'review/save', {
    issueKey: ISSUE,
    content,
    actionItems: doc.actionItems.map(({ id, summary, description, owner, dueDate, priority, question }) => ({
      id,
      summary,
      description,
      owner,
      dueDate,
      priority,
      question,
    })),
    version: doc.version,
  });
}

/** A meeting with `participants` saved and its participants notified: what the tests about a second notice start from. */
async function notified(participants: Participant[]): Promise<MeetingNotifyResult> {
  const saved = await saveMeeting(participants);
  return okAs<MeetingNotifyResult>(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: saved.version });
}

async function setFaults(config: Record<string, unknown> | null) {
  await fetch(
    `${site.url}/__admin/faults`,
    config ? { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) } : { method: 'DELETE' },
  );
}

describe('Notify participants', () => {
  it('refuses to notify before a date and participants are saved, and posts nothing', async () => {
    const before = (await comments()).length;
    const saved = await saveMeeting([], { meetingDate: null });
    const r = await callAs(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: saved.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'meeting.meetingDate': expect.any(String) } } });
    expect((await comments()).length).toBe(before);
  });

  it('posts one comment as the user, mentioning every participant with the meeting time and a link to the review', async () => {
    const before = (await comments()).length;
    const saved = await saveMeeting([DANIEL, TOMAS]);
    const result = await okAs<MeetingNotifyResult>(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: saved.version });
    const after = await comments();
    expect(after.length).toBe(before + 1);
    const posted = after.find((c) => c.id === result.notice.commentId)!;
    expect(posted.author.accountId).toBe('712020:4c1d2f6e-maya-okafor');
    expect(mentionsOf(posted)).toEqual([DANIEL.accountId, TOMAS.accountId]);
    expect(JSON.stringify(posted.body)).toContain('Tuesday, 8 December 2026 at 15:00 (Europe/London)');
    expect(JSON.stringify(posted.body)).toContain(`/browse/${ISSUE}`);
    expect(result.notice).toMatchObject({ mentioned: 2, current: true, sentBy: { displayName: 'Maya Okafor' } });
    expect(result.doc.meetingNotice).toEqual(result.notice);
    // The notice is kept with the review: a reload shows it.
    expect((await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE })).meetingNotice).toEqual(result.notice);
  });

  it('never notifies the same meeting twice, asked again or not, and says when it was sent', async () => {
    await notified([DANIEL, TOMAS]);
    const before = (await comments()).length;
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE });
    for (const again of [false, true]) {
      const r = await callAs(site, 'tomas@example.com', 'meeting/notify', { issueKey: ISSUE, version: doc.version, again });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/already notified on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by Maya Okafor/) },
      });
    }
    expect((await comments()).length).toBe(before);
  });

  it('notifies a changed meeting only when asked to notify again', async () => {
    await notified([DANIEL, TOMAS]);
    const before = (await comments()).length;
    const saved = await saveMeeting([DANIEL, TOMAS, AIKO]);
    expect(saved.meetingNotice?.current).toBe(false);
    const refused = await callAs(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: saved.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Notify again') } });
    expect((await comments()).length).toBe(before);
    const again = await okAs<MeetingNotifyResult>(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: saved.version, again: true });
    expect(again.notice).toMatchObject({ mentioned: 3, current: true });
    expect((await comments()).length).toBe(before + 1);
  });

  it('posts once when two people press Notify at the same moment', async () => {
    const before = (await comments()).length;
    const saved = await saveMeeting([DANIEL]);
    const answers = await Promise.all(
      [MAYA, 'tomas@example.com', MAYA].map((u) =>
        callAs<MeetingNotifyResult>(site, u, 'meeting/notify', { issueKey: ISSUE, version: saved.version, again: true }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(['CONFLICT', 'CONFLICT']);
    expect((await comments()).length).toBe(before + 1);
  });

  it('shows Jira refusing the comment as a clear error, records nothing, and lets the next click send', async () => {
    await notified([DANIEL, TOMAS]); // the notice already sent, which the changed meeting makes out of date
    const saved = await saveMeeting([TOMAS]);
    const before = (await comments()).length;
    await setFaults({ rate5xx: 1, pathPrefix: `/rest/api/3/issue/${ISSUE}/comment` });
    let failed;
    try {
      failed = await callAs(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: saved.version, again: true });
    } finally {
      await setFaults(null);
    }
    expect(failed).toMatchObject({ ok: false, error: { code: 'UPSTREAM', message: expect.stringContaining('meeting notice') } });
    expect((await comments()).length).toBe(before);
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE });
    expect(doc.meetingNotice?.current).toBe(false);
    await okAs(site, MAYA, 'meeting/notify', { issueKey: ISSUE, version: doc.version, again: true });
    expect((await comments()).length).toBe(before + 1);
  });

  it('tells someone who cannot see the incident nothing and posts nothing', async () => {
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: ISSUE });
    const before = (await comments()).length;
    for (const key of ['meeting/notify', 'meeting/ics', 'meeting/suggestions']) {
      const r = await callAs(
        site,
        LENA,
        key,
        key === 'meeting/notify' ? { issueKey: ISSUE, version: doc.version, again: true } : { issueKey: ISSUE },
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await comments()).length).toBe(before);
  });

  it('offers the saved meeting as an .ics file with the start in UTC', async () => {
    await saveMeeting([DANIEL]);
    const { filename, ics } = await okAs<{ filename: string; ics: string }>(site, MAYA, 'meeting/ics', { issueKey: ISSUE });
    expect(filename).toBe(`${ISSUE}-review-meeting.ics`);
    expect(ics).toContain('\r\nDTSTART:20261208T150000Z\r\n');
    expect(ics).toMatch(/\r\nUID:pir-review-meeting-INC-3@[^\r]+\r\n/);
  });

  it('suggests the people acting in the timeline the viewer sees, and the assignee', async () => {
    await okAs(site, MAYA, 'review/start', { issueKey: ISSUE });
    const people = await okAs<Person[]>(site, MAYA, 'meeting/suggestions', { issueKey: ISSUE });
    const incident = await jiraAs<{ fields: { assignee: { accountId: string } | null } }>(
      site,
      MAYA,
      'GET',
      `/issue/${ISSUE}?fields=assignee`,
    );
    expect(people.length).toBeGreaterThan(0);
    if (incident.fields.assignee) expect(people[0].accountId).toBe(incident.fields.assignee.accountId);
    expect(new Set(people.map((p) => p.accountId)).size).toBe(people.length);
  });
});

describe('participant suggestions from the tickets', () => {
  let site: RunningSite;
  beforeEach(async () => {
    site = await freshSite();
  });
  afterEach(() => site.close());

  it('suggests whoever is assigned a linked ticket now, even someone who never acted in the timeline', async () => {
    await okAs(site, MAYA, 'review/start', { issueKey: ISSUE });
    const incident = await okAs<{ linkedIssues: { key: string }[] }>(site, MAYA, 'incident/get', { issueKey: ISSUE });
    expect(incident.linkedIssues.length).toBeGreaterThan(0);
    const before = await okAs<Person[]>(site, MAYA, 'meeting/suggestions', { issueKey: ISSUE });
    // Someone new to the site, in the responders' group, who has done nothing in any ticket yet.
    const newcomer = { accountId: '712020:0c4e7d21-noor-haddad', displayName: 'Noor Haddad' };
    site.db
      .prepare('INSERT INTO users (account_id, email, display_name, time_zone, active) VALUES (?, ?, ?, ?, 1)')
      .run(newcomer.accountId, 'noor@example.com', newcomer.displayName, 'UTC');
    site.db
      .prepare('INSERT INTO site_group_members (group_id, account_id) VALUES (?, ?)')
      .run(INCIDENT_RESPONDERS.groupId, newcomer.accountId);
    // Browsing the linked ticket's project is what makes them assignable there (Jira's Assignable User rule).
    site.db
      .prepare('INSERT INTO jira_project_browsers (project_id, account_id) SELECT id, ? FROM jira_projects WHERE key = ?')
      .run(newcomer.accountId, incident.linkedIssues[0].key.split('-')[0]);
    expect(before.map((p) => p.accountId)).not.toContain(newcomer.accountId);
    await jiraAs(site, MAYA, 'PUT', `/issue/${incident.linkedIssues[0].key}`, { fields: { assignee: { accountId: newcomer.accountId } } });
    const after = await okAs<Person[]>(site, MAYA, 'meeting/suggestions', { issueKey: ISSUE });
    expect(after).toContainEqual({ accountId: newcomer.accountId, displayName: newcomer.displayName });
    expect(new Set(after.map((p) => p.accountId)).size).toBe(after.length);
  });
});

describe('the local Jira checks comment ADF like Jira', () => {
  it('refuses a mention without an account id', async () => {
    const res = await fetch(`${site.url}/rest/api/3/issue/${ISSUE}/comment`, {
      method: 'POST',
      headers: { authorization: basicAuth(MAYA), 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { text: '@Daniel' } }] }] },
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: { comment: 'Comment body is not valid!' } });
  });
});
