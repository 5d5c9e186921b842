import type { FrameLocator, Page } from 'playwright-core';
import type { ReviewDoc, Result } from '../../src/contract';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { invokeAs, jiraAs } from '../support/site';

const e2e = siteAndBrowserPerFile();
const MAYA = 'maya@example.com';
/** The demo schedules INC-2's meeting two days after seeding (the story's 2026-11-21): Monday 23 November, 15:00 London (UTC then). */
const ISSUE = 'INC-2';

beforeAll(async () => {
  const res = await fetch(`${e2e.site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(res.status).toBe(200);
}, 180_000);

interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: AdfNode[];
}
interface JiraComment {
  id: string;
  author: { accountId: string };
  body: AdfNode;
}

const nodes = (n: AdfNode): AdfNode[] => [n, ...(n.content ?? []).flatMap(nodes)];
const comments = async (key: string) =>
  (await jiraAs<{ comments: JiraComment[] }>(e2e.site, MAYA, 'GET', `/issue/${key}/comment?maxResults=100`)).comments;

async function meetingSection(page: Page, key: string): Promise<FrameLocator> {
  await signInAs(page, e2e.site, MAYA, `/browse/${key}`);
  const panel = page.frameLocator('iframe[title="Post-incident review"]');
  await panel.getByRole('tab', { name: 'Review' }).click({ timeout: 30_000 });
  await panel.locator('[data-ready="review-doc"]').waitFor({ timeout: 20_000 });
  await panel.locator('#pir-doc-meeting').scrollIntoViewIfNeeded();
  return panel;
}

describe("notifying the review meeting's participants, in Chromium", () => {
  it('posts one Jira comment mentioning each participant with the date and a link to the review; a second click elsewhere posts nothing and says why', async () => {
    const doc = (await invokeAs<Result<ReviewDoc>>(e2e.site, MAYA, 'review/get', { issueKey: ISSUE })).result;
    if (!doc.ok) throw new Error(doc.error.message);
    const participants = doc.data.content.meeting.participants.map((p) => p.accountId);
    expect(participants).toHaveLength(5);
    const before = await comments(ISSUE);

    // Two tabs open on the same review; the first notifies.
    const first = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const second = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const panel = await meetingSection(first, ISSUE);
    const stale = await meetingSection(second, ISSUE);
    await panel.getByRole('button', { name: 'Notify participants' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Participants were notified on .* by Maya Okafor \(5 mentioned\)/ })
      .waitFor({ timeout: 30_000 });
    // Once notified, the first tab offers no second notice for the same meeting.
    expect(await panel.getByRole('button', { name: /^Notify/ }).count()).toBe(0);

    const after = await comments(ISSUE);
    expect(after).toHaveLength(before.length + 1);
    const posted = after.find((c) => !before.some((b) => b.id === c.id))!;
    expect(posted.author.accountId).toBe('712020:4c1d2f6e-maya-okafor');
    const all = nodes(posted.body);
    expect(all.filter((n) => n.type === 'mention').map((n) => n.attrs?.id)).toEqual(participants);
    const text = all.map((n) => n.text ?? '').join('');
    expect(text).toContain('Monday, 23 November 2026 at 15:00 (Europe/London)');
    const hrefs = all.flatMap((n) => (n.marks ?? []).filter((m) => m.type === 'link').map((m) => String(m.attrs?.href)));
    expect(hrefs).toContain(`${e2e.site.url}/browse/${ISSUE}`);

    // The second tab still shows the button; pressing it posts nothing and says who notified when.
    await stale.getByRole('button', { name: 'Notify participants' }).click();
    const refused = stale
      .locator('.pir-meeting-notify')
      .getByText(
        /^Couldn't notify the participants: The participants of this meeting were already notified on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by Maya Okafor/,
      );
    await refused.waitFor({ timeout: 20_000 });
    expect(await comments(ISSUE)).toHaveLength(before.length + 1);
    await first.close();
    await second.close();
  }, 180_000);

  it('offers the meeting as an .ics file that calendars read', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    const panel = await meetingSection(page, ISSUE);
    await panel.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
    const link = panel.getByRole('link', { name: `Download ${ISSUE}-review-meeting.ics` });
    await link.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${ISSUE}-review-meeting.ics`);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const ics = readFileSync(path, 'utf8');
    // RFC 5545: CRLF lines; unfold continuation lines before reading properties.
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
    const prop = (name: string) =>
      event
        .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
        ?.split(':')
        .slice(1)
        .join(':');
    expect(event.length).toBeGreaterThan(2);
    expect(prop('DTSTART')).toBe('20261123T150000Z');
    expect(prop('DTEND')).toBe('20261123T160000Z');
    expect(prop('SUMMARY')).toBe('Stale-backup migration: learning review');
    expect(prop('URL')).toBe(`${e2e.site.url}/browse/${ISSUE}`);
    expect(prop('UID')).toMatch(new RegExp(`^pir-review-meeting-${ISSUE}@`));
    await page.close();
  }, 120_000);

  it("suggests as participants the people who commented on or were assigned to the incident's tickets", async () => {
    // INC-3's review has no participants yet: every suggestion is offered.
    const key = 'INC-3';
    const issue = await jiraAs<{
      fields: { assignee: { accountId: string } | null; issuelinks: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] };
    }>(e2e.site, MAYA, 'GET', `/issue/${key}?fields=assignee,issuelinks`);
    const tickets = [key, ...issue.fields.issuelinks.map((l) => (l.inwardIssue ?? l.outwardIssue)!.key)];
    const expected = new Set<string>();
    for (const t of tickets) {
      for (const c of await comments(t)) expected.add(c.author.accountId);
      const current = await jiraAs<{ fields: { assignee: { accountId: string } | null } }>(
        e2e.site,
        MAYA,
        'GET',
        `/issue/${t}?fields=assignee`,
      );
      if (current.fields.assignee) expected.add(current.fields.assignee.accountId);
      const history = await jiraAs<{ values: { items: { field: string; to: string | null }[] }[] }>(
        e2e.site,
        MAYA,
        'GET',
        `/issue/${t}/changelog?maxResults=100`,
      );
      for (const h of history.values) for (const item of h.items) if (item.field === 'assignee' && item.to) expected.add(item.to);
    }
    expect(expected.size).toBeGreaterThan(1);
    const names = new Map<string, string>();
    for (const id of expected)
      names.set(
        id,
        (await jiraAs<{ displayName: string }>(e2e.site, MAYA, 'GET', `/user?accountId=${encodeURIComponent(id)}`)).displayName,
      );

    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const panel = await meetingSection(page, key);
    const group = panel.getByRole('group', { name: "Suggested from the incident's tickets" });
    await group.waitFor({ timeout: 20_000 });
    for (const name of names.values()) expect(await group.getByRole('button', { name: `Add ${name} as a participant` }).count()).toBe(1);
    // One click adds a suggestion to the participants, and it is no longer offered.
    const [firstName] = [...names.values()];
    await group.getByRole('button', { name: `Add ${firstName} as a participant` }).click();
    expect(await group.getByRole('button', { name: `Add ${firstName} as a participant` }).count()).toBe(0);
    await page.close();
  }, 120_000);
});
