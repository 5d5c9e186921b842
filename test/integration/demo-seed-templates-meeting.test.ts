import type { MeetingNotifyResult, ReviewDoc, TemplateSettings } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { freshSite, jiraAs, okAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
  // As `npm start` does on a first start: the demo reviews, made through the app's resolvers.
  const seeded = await fetch(`${site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(seeded.status).toBe(200);
}, 120_000);
afterAll(() => site.close());

const MAYA = 'maya@example.com';

describe('the demo site shows templates and a meeting to notify', () => {
  it('has a Sev1/Sev2 template with customer-communication questions besides the built-in one, chosen for INC-4', async () => {
    const settings = await okAs<TemplateSettings>(site, 'tomas@example.com', 'templates/get', { issueKey: 'INC-4' });
    expect(settings.templates.map((t) => t.id)).toEqual(['default', 'major-incident', 'minor-incident']);
    const major = settings.templates[1];
    expect(major.severities).toEqual([1, 2]);
    expect(major.questions.map((q) => q.kind).sort()).toEqual(['choice', 'text', 'text', 'yes-no']);
    expect(major.questions.some((q) => q.public && /customers/i.test(q.label))).toBe(true);
    expect(settings.suggestedId).toBe('major-incident');
    // The demo reviews made before the templates keep the built-in one: INC-1 stays published as it was.
    const inc1 = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-1' });
    expect(inc1.content.template?.id ?? 'default').toBe('default');
  });

  it("schedules INC-2's meeting with participants, nobody notified yet, and Notify participants posts one comment", async () => {
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-2' });
    expect(doc.content.meeting).toMatchObject({ meetingDate: '2026-11-23', meetingTime: '15:00', meetingTimeZone: 'Europe/London' });
    expect(doc.content.meeting.participants).toHaveLength(5);
    expect(doc.content.template?.id).toBe('major-incident');
    expect(doc.meetingNotice).toBeUndefined();
    const before = (await jiraAs<{ total: number }>(site, MAYA, 'GET', '/issue/INC-2/comment?maxResults=1')).total;
    const sent = await okAs<MeetingNotifyResult>(site, MAYA, 'meeting/notify', { issueKey: 'INC-2', version: doc.version });
    expect(sent.notice.mentioned).toBe(5);
    expect((await jiraAs<{ total: number }>(site, MAYA, 'GET', '/issue/INC-2/comment?maxResults=1')).total).toBe(before + 1);
  });
});
