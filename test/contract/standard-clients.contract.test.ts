/**
 * Standard Atlassian REST clients from npm work, unmodified, against the local site.
 *
 * - jira.js (Version3Client), the popular Jira Cloud client, with Basic auth {email, apiToken}
 *   and `host` = the site's URL. Its requests are read back from the site's request log and
 *   checked against the official spec too.
 * - No Confluence client: confluence.js 2.x (the last for Node 20) wraps only the v1 API, which the
 *   site does not emulate (removed for app tokens, see the contracts README); its v2 support needs
 *   Node 22. The Confluence v2 routes are covered by confluence-api.contract.test.ts instead.
 */
import { Version3Client } from 'jira.js';
import type { RunningSite } from '../../local/site';
import { SEED_USERS } from '../../local/users';
import { freshSite } from '../support/site';
import { assertLoggedRequestsMatchContract, clearRequestLog } from './app-traffic';
import { adf } from '../support/helpers';

const MAYA = 'maya@example.com';
const mayaId = SEED_USERS.find((u) => u.email === MAYA)!.accountId;

let site: RunningSite;
let client: Version3Client;

beforeAll(async () => {
  site = await freshSite();
  client = new Version3Client({ host: site.url, authentication: { basic: { email: MAYA, apiToken: 'any' } } });
  await clearRequestLog(site);
});
afterAll(async () => {
  await site.close();
});

describe('jira.js Version3Client against the local site', () => {
  test('issues.getIssue reads INC-1', async () => {
    const issue = await client.issues.getIssue({ issueIdOrKey: 'INC-1', fields: ['summary', 'status', 'comment'] });
    expect(issue.key).toBe('INC-1');
    expect(issue.fields.summary).toMatch(/login/i);
    expect(issue.fields.status?.name).toEqual(expect.any(String));
  });

  test('issueSearch.searchForIssuesUsingJqlEnhancedSearch pages to the end with nextPageToken', async () => {
    const keys: string[] = [];
    let nextPageToken: string | undefined;
    for (let i = 0; i < 20; i += 1) {
      const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
        jql: 'project = INC ORDER BY key ASC',
        fields: ['summary'],
        maxResults: 2,
        nextPageToken,
      });
      keys.push(...(page.issues ?? []).map((issue) => issue.key));
      nextPageToken = page.nextPageToken;
      if (!nextPageToken) break; // jira.js 5.x's SearchAndReconcileResults type has no isLast
    }
    expect(keys.slice(0, 5)).toEqual(['INC-1', 'INC-2', 'INC-3', 'INC-4', 'INC-5']);
  });

  test('issueSearch.searchForIssuesUsingJqlEnhancedSearchPost finds the same issues', async () => {
    const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = SUP ORDER BY key ASC',
      fields: ['summary'],
      maxResults: 50,
    });
    expect(page.issues?.map((issue) => issue.key)).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
  });

  test('issueComments.addComment adds an ADF comment and getComments returns it', async () => {
    const added = await client.issueComments.addComment({ issueIdOrKey: 'INC-2', comment: adf('Added with jira.js') });
    expect(added.id).toEqual(expect.any(String));
    expect(added.author?.accountId).toBe(mayaId);
    const page = await client.issueComments.getComments({ issueIdOrKey: 'INC-2', startAt: 0, maxResults: 100, orderBy: '-created' });
    expect(page.comments?.[0]?.id).toBe(added.id);
    expect(page.total).toBeGreaterThanOrEqual(1);
  });

  test('issues.createIssue creates an issue that getIssue then reads', async () => {
    const created = await client.issues.createIssue({
      fields: {
        project: { key: 'INC' },
        issuetype: { name: 'Task' },
        summary: 'Created with jira.js',
        description: adf('Follow-up from the review.'),
        labels: ['follow-up'],
      },
    });
    expect(created.key).toMatch(/^INC-\d+$/);
    const issue = await client.issues.getIssue({ issueIdOrKey: created.key, fields: ['summary', 'labels'] });
    expect(issue.fields).toMatchObject({ summary: 'Created with jira.js', labels: ['follow-up'] });
  });

  test("a missing issue surfaces as the client's error with Jira's 404 body", async () => {
    await expect(client.issues.getIssue({ issueIdOrKey: 'NOPE-1' })).rejects.toMatchObject({
      status: 404,
    });
  });

  test('every request jira.js sent matches the official spec', async () => {
    const checked = await assertLoggedRequestsMatchContract(site);
    expect(checked.every((r) => r.kind === 'jira' && r.user === mayaId)).toBe(true);
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });
});
