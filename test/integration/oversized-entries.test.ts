/** Issue 12, item 5: an entry too large for storage degrades (cut, marked, linked to Jira); the pull never fails for it. */
import type { EntryPage, TimelineView } from '../../src/contract';
import { ENTRY_TEXT_MAX_BYTES } from '../../src/domain/entry-text';
import type { RunningSite } from '../../local/site';
import { freshSite, jiraAs, okAs } from '../support/site';
import { adf } from '../support/helpers';

const MAYA = 'maya@example.com';
let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

describe('a comment too large to keep whole', () => {
  it('is refused by Jira over 32,767 characters, as real Jira does', async () => {
    await expect(jiraAs(site, MAYA, 'POST', '/issue/INC-2/comment', { body: adf('x'.repeat(32_768)) })).rejects.toThrow(/answered 400/);
  });

  it('is stored cut to the bound with a mark, and Start review completes', async () => {
    // 32,000 characters of three bytes each: within Jira's limit, 96,000 bytes of UTF-8, over the app's 64 KiB.
    const big = await jiraAs<{ id: string }>(site, MAYA, 'POST', '/issue/INC-2/comment', { body: adf('€'.repeat(32_000)) });
    const view = await okAs<TimelineView>(site, MAYA, 'review/start', { issueKey: 'INC-2' });
    const page = await okAs<EntryPage>(site, MAYA, 'timeline/entries', { issueKey: 'INC-2', version: view.version, from: null, to: null });
    const entry = page.entries.find((e) => e.id === `comment:${big.id}`);
    expect(entry?.shortened).toStrictEqual({ fullLength: 32_000 });
    expect(Buffer.byteLength(entry!.text, 'utf8')).toBeLessThanOrEqual(ENTRY_TEXT_MAX_BYTES);
    expect(entry!.text.length).toBeGreaterThan(20_000);
    expect(entry!.url).toContain(`focusedCommentId=${big.id}`);
  });
});
