import fc from 'fast-check';
import { toInstant } from '../../src/jira/jira-issue-transformer';
import {
  allCommentPages,
  changelogInstant,
  jiraInstant,
  commentUrl,
  missingCommentPages,
  relatedRefsOf,
  sortChanges,
  toSourceChanges,
  toSourceComment,
  toSourceIssue,
  toSourceRemoteLink,
} from '../../src/jira/jira-timeline-transformer';
import type { JiraTimelineIssue } from '../../src/jira/jira-timeline-types';

const SITE = 'https://acme.atlassian.net';
const MAYA = { accountId: 'a-maya', displayName: 'Maya Okafor', avatarUrls: { '48x48': 'x' } };
const status = (name: string, key: string) => ({ name, statusCategory: { key } });
const blocks = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const causes = { name: 'Causes', inward: 'is caused by', outward: 'causes' };
const relates = { name: 'Relates', inward: 'relates to', outward: 'relates to' };

function issue(overrides: Partial<JiraTimelineIssue['fields']> = {}, key = 'INC-1', id = '10001'): JiraTimelineIssue {
  return {
    id,
    key,
    fields: {
      summary: 'Login page outage',
      status: status('Investigating', 'indeterminate'),
      issuetype: { name: 'Incident' },
      priority: { name: 'High' },
      assignee: MAYA,
      reporter: null,
      created: '2026-10-17T19:46:30.000+0100',
      resolutiondate: null,
      ...overrides,
    },
  };
}

describe('relatedRefsOf', () => {
  it('words each link from the incident side: outwardIssue takes the outward wording, inwardIssue the inward one', () => {
    const incident = issue({
      issuelinks: [
        { id: '1', type: blocks, outwardIssue: { id: '20', key: 'SUP-2' } },
        { id: '2', type: causes, inwardIssue: { id: '30', key: 'OPS-1' } },
      ],
    });
    expect(relatedRefsOf(incident)).toStrictEqual([
      { id: '20', key: 'SUP-2', relation: 'blocks' },
      { id: '30', key: 'OPS-1', relation: 'is caused by' },
    ]);
  });

  it("adds sub-tasks as 'sub-task' and keeps one entry per issue, joining the wordings of several links", () => {
    const incident = issue({
      issuelinks: [
        { id: '1', type: relates, outwardIssue: { id: '40', key: 'OPS-5' } },
        { id: '2', type: blocks, inwardIssue: { id: '40', key: 'OPS-5' } },
        { id: '3', type: relates, inwardIssue: { id: '40', key: 'OPS-5' } },
      ],
      subtasks: [{ id: '50', key: 'INC-5' }],
    });
    expect(relatedRefsOf(incident)).toStrictEqual([
      { id: '40', key: 'OPS-5', relation: 'relates to, is blocked by' },
      { id: '50', key: 'INC-5', relation: 'sub-task' },
    ]);
  });

  it('ignores a link of the incident to itself and a link with neither end', () => {
    const incident = issue({
      issuelinks: [
        { id: '1', type: relates, outwardIssue: { id: '10001', key: 'INC-1' } },
        { id: '2', type: relates },
      ],
    });
    expect(relatedRefsOf(incident)).toStrictEqual([]);
  });
});

describe('toSourceIssue', () => {
  it('maps the fields and turns Jira times into ISO UTC', () => {
    const mapped = toSourceIssue(
      issue({ resolutiondate: '2026-10-17T20:06:00.000+0100', reporter: MAYA, status: status('Resolved', 'done') }),
      'incident',
      SITE,
    );
    expect(mapped).toStrictEqual({
      key: 'INC-1',
      id: '10001',
      summary: 'Login page outage',
      issueType: 'Incident',
      status: { name: 'Resolved', category: 'done' },
      priority: 'High',
      created: '2026-10-17T18:46:30.000Z',
      resolved: '2026-10-17T19:06:00.000Z',
      reporter: { accountId: 'a-maya', displayName: 'Maya Okafor' },
      assignee: { accountId: 'a-maya', displayName: 'Maya Okafor' },
      relation: 'incident',
      url: `${SITE}/browse/INC-1`,
    });
  });

  it('gives null for a missing priority, assignee and resolution', () => {
    const mapped = toSourceIssue(issue({ priority: null, assignee: null }), 'blocks', SITE);
    expect([mapped.priority, mapped.assignee, mapped.resolved, mapped.relation]).toStrictEqual([null, null, null, 'blocks']);
  });
});

describe('toSourceComment', () => {
  const body = { type: 'doc', version: 1, content: [] };

  it('keeps the ADF body, marks a restricted comment and links to the comment', () => {
    expect(
      toSourceComment(
        'INC-1',
        {
          id: '10023',
          author: MAYA,
          body,
          created: '2026-10-17T19:55:30.000+0100',
          updated: '2026-10-17T20:01:00.000+0100',
          visibility: { type: 'role', value: 'Developers' },
        },
        SITE,
      ),
    ).toStrictEqual({
      id: '10023',
      issueKey: 'INC-1',
      author: { accountId: 'a-maya', displayName: 'Maya Okafor' },
      created: '2026-10-17T18:55:30.000Z',
      updated: '2026-10-17T19:01:00.000Z',
      body,
      restricted: true,
      restriction: { type: 'role', name: 'Developers' },
      url: `${SITE}/browse/INC-1?focusedCommentId=10023`,
    });
  });

  it('names a group restriction by its name, else by its id, and an unknown kind not at all', () => {
    const base = { id: '8', author: null, body, created: '2026-10-17T18:00:00.000+0000' };
    expect(
      toSourceComment('INC-1', { ...base, visibility: { type: 'group', value: 'incident-responders', identifier: 'g-1' } }, SITE)
        .restriction,
    ).toStrictEqual({ type: 'group', name: 'incident-responders' });
    expect(toSourceComment('INC-1', { ...base, visibility: { type: 'group', identifier: 'g-1' } }, SITE).restriction).toStrictEqual({
      type: 'group',
      name: 'g-1',
    });
    const odd = toSourceComment('INC-1', { ...base, visibility: { type: 'team', value: 'x' } }, SITE);
    expect([odd.restricted, odd.restriction]).toStrictEqual([true, null]);
  });

  it('treats a comment without visibility as unrestricted and without updated as never edited', () => {
    const c = toSourceComment('SUP-1', { id: '7', author: null, body, created: '2026-10-17T18:00:00.000+0000' }, SITE);
    expect([c.restricted, c.author, c.updated]).toStrictEqual([false, null, '2026-10-17T18:00:00.000Z']);
  });

  it('builds the permalink with safe encoding', () => {
    expect(commentUrl(`${SITE}/`, 'INC-1', '1 2')).toBe(`${SITE}/browse/INC-1?focusedCommentId=1%202`);
  });
});

describe('changelogInstant', () => {
  it('reads epoch milliseconds (number or numeric string) and Jira date strings to the same ISO UTC instant', () => {
    const iso = '2026-11-19T15:06:00.000Z';
    const ms = Date.parse(iso);
    expect([changelogInstant(ms), changelogInstant(String(ms)), changelogInstant('2026-11-19T16:06:00.000+0100')]).toStrictEqual([
      iso,
      iso,
      iso,
    ]);
  });

  it('rejects something that is not a time', () => {
    expect(() => changelogInstant('yesterday')).toThrow(RangeError);
  });
});

describe('jiraInstant', () => {
  it('gives the same instant as the general parser for any time written in any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        fc.constantFrom('+hhmm', '+hh:mm', 'Z-or-offset', 'no-millis'),
        (ms, quarterHours, style) => {
          const offset = quarterHours * 15;
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
          const mm = String(Math.abs(offset) % 60).padStart(2, '0');
          const text =
            style === '+hhmm'
              ? `${local}${sign}${hh}${mm}`
              : style === '+hh:mm'
                ? `${local}${sign}${hh}:${mm}`
                : style === 'no-millis'
                  ? `${local.slice(0, 19)}${sign}${hh}${mm}`
                  : offset === 0
                    ? `${local}Z`
                    : `${local}${sign}${hh}${mm}`;
          expect(jiraInstant(text)).toBe(toInstant(text));
        },
      ),
    );
  });

  it('rejects impossible dates and text that is not a time, like the general parser', () => {
    expect(() => jiraInstant('2026-02-30T10:00:00.000+0000')).toThrow(RangeError);
    expect(() => jiraInstant('2026-10-17T25:00:00.000+0000')).toThrow(RangeError);
    expect(() => jiraInstant('soon')).toThrow(RangeError);
  });
});

describe('toSourceChanges', () => {
  it('gives one change per item of a history, with display strings and ids; empty strings become null', () => {
    const changes = toSourceChanges('INC-1', {
      id: '10500',
      author: MAYA,
      created: 1_763_564_760_000,
      items: [
        { field: 'status', fieldId: 'status', from: '1', fromString: 'Open', to: '3', toString: 'Investigating' },
        { field: 'assignee', fieldId: 'assignee', fromString: undefined, to: 'a-maya', toString: 'Maya Okafor' },
        { field: 'labels', fieldId: 'labels', fromString: 'backups', toString: '' },
      ],
    });
    const common = {
      historyId: '10500',
      issueKey: 'INC-1',
      author: { accountId: 'a-maya', displayName: 'Maya Okafor' },
      at: '2025-11-19T15:06:00.000Z',
    };
    expect(changes).toStrictEqual([
      { ...common, field: 'status', from: 'Open', to: 'Investigating', fromId: '1', toId: '3' },
      { ...common, field: 'assignee', from: null, to: 'Maya Okafor', fromId: null, toId: 'a-maya' },
      { ...common, field: 'labels', from: 'backups', to: null, fromId: null, toId: null },
    ]);
  });

  it('keeps an automation change without author', () => {
    expect(
      toSourceChanges('OPS-1', { id: '1', created: '2026-10-17T18:00:00.000+0000', items: [{ field: 'status', toString: 'Done' }] })[0]
        .author,
    ).toBeNull();
  });
});

describe('sortChanges', () => {
  it('orders by time, then issue, then numeric history id, keeping item order within a history', () => {
    const c = (historyId: string, at: string, field: string, issueKey = 'INC-1') => ({
      historyId,
      issueKey,
      author: null,
      at,
      field,
      from: null,
      to: null,
      fromId: null,
      toId: null,
    });
    const sorted = sortChanges([
      c('10010', '2026-01-01T00:00:00.000Z', 'b'),
      c('9999', '2026-01-01T00:00:00.000Z', 'a'),
      c('10010', '2026-01-01T00:00:00.000Z', 'c'),
      c('1', '2025-12-31T00:00:00.000Z', 'z'),
    ]);
    expect(sorted.map((x) => `${x.historyId}:${x.field}`)).toStrictEqual(['1:z', '9999:a', '10010:b', '10010:c']);
  });
});

describe('toSourceRemoteLink', () => {
  it('maps a remote link and falls back to the URL as title', () => {
    expect(
      toSourceRemoteLink('INC-1', {
        id: 10000,
        globalId: 'status-page',
        object: { url: 'https://status.example.com/x', title: 'Status page' },
      }),
    ).toStrictEqual({
      id: '10000',
      issueKey: 'INC-1',
      title: 'Status page',
      url: 'https://status.example.com/x',
      globalId: 'status-page',
    });
    expect(toSourceRemoteLink('INC-1', { id: '2', object: { url: 'https://x.example' } })).toStrictEqual({
      id: '2',
      issueKey: 'INC-1',
      title: 'https://x.example',
      url: 'https://x.example',
      globalId: null,
    });
  });

  it('drops a link without URL', () => {
    expect(toSourceRemoteLink('INC-1', { id: 3, object: { title: 'nothing' } })).toBeNull();
  });
});

describe('comment pages', () => {
  it('asks for nothing when the embedded page is complete', () => {
    expect(missingCommentPages(40, 40)).toStrictEqual([]);
    expect(missingCommentPages(0, 0)).toStrictEqual([]);
  });

  it('asks for the oldest missing comments only, in pages of at most 100', () => {
    expect(missingCommentPages(150, 100)).toStrictEqual([{ startAt: 0, maxResults: 50 }]);
    expect(missingCommentPages(350, 100)).toStrictEqual([
      { startAt: 0, maxResults: 100 },
      { startAt: 100, maxResults: 100 },
      { startAt: 200, maxResults: 50 },
    ]);
  });

  it('covers every comment in the fallback', () => {
    expect(allCommentPages(150)).toStrictEqual([
      { startAt: 0, maxResults: 100 },
      { startAt: 100, maxResults: 50 },
    ]);
  });
});
