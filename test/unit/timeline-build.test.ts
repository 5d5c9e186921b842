import { buildEntries } from '../../src/domain/timeline-build';
import { loginOutageSources, MAYA, SOFIA, STATUS_PAGE, TOMAS } from '../fixtures/login-outage-sources';

const entries = () => buildEntries(loginOutageSources());
const byId = (id: string) => entries().find((e) => e.id === id);

describe('buildEntries', () => {
  it('makes one entry per creation, comment, changelog item and remote link, sorted by time then id', () => {
    const all = entries();
    const s = loginOutageSources();
    expect(all).toHaveLength(3 + s.comments.length + s.changes.length + s.remoteLinks.length);
    const keys = all.map((e) => `${Date.parse(e.at)}|${e.id}`);
    expect(keys).toStrictEqual([...keys].sort((a, b) => Number(a.split('|')[0]) - Number(b.split('|')[0]) || (a < b ? -1 : 1)));
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('describes the incident creation and a related issue creation, with reporter and link', () => {
    expect(byId('created:INC-1')).toStrictEqual({
      id: 'created:INC-1',
      at: '2026-10-17T18:46:30.000Z',
      source: 'created',
      issueKey: 'INC-1',
      relation: 'incident',
      actor: SOFIA,
      text: 'Created Incident INC-1: Login page outage: sign-in fails for all users',
      url: 'https://example.atlassian.net/browse/INC-1',
    });
    expect(byId('created:SUP-1')).toMatchObject({
      relation: 'is caused by',
      text: "SUP-1 created: Customers report they can't sign in (social media)",
    });
  });

  it('turns a comment body into text and keeps its author, link and restriction', () => {
    expect(byId('comment:10001')).toStrictEqual({
      id: 'comment:10001',
      at: '2026-10-17T18:47:10.000Z',
      source: 'comment',
      issueKey: 'INC-1',
      relation: 'incident',
      actor: SOFIA,
      text: "@Maya Okafor you're the only engineer online. Could you take a look?",
      url: 'https://example.atlassian.net/browse/INC-1?focusedCommentId=10001',
      restricted: false,
    });
    expect(byId('comment:10005')?.restricted).toBe(true);
    expect(byId('comment:10006')?.text).toBe('On web-02 now.\n\n```bash\ntop -b -n 1 | head\n```');
  });

  it('reads status changes, assignments, priority changes and resolutions in words', () => {
    expect(byId('change:20002:status')).toStrictEqual({
      id: 'change:20002:status',
      at: '2026-10-17T18:49:20.000Z',
      source: 'status',
      issueKey: 'INC-1',
      relation: 'incident',
      url: 'https://example.atlassian.net/browse/INC-1',
      actor: MAYA,
      text: 'Open → Investigating',
      from: 'Open',
      to: 'Investigating',
    });
    expect(byId('change:20001:assignee')).toMatchObject({ source: 'assignment', text: 'Assigned to Maya Okafor' });
    expect(byId('change:20004:assignee')).toMatchObject({ source: 'assignment', text: 'Assigned to Tomás Herrera', actor: MAYA });
    expect(byId('change:20003:priority')).toMatchObject({ source: 'priority', text: 'Priority Medium → High' });
    expect(byId('change:20007:resolution')).toMatchObject({ source: 'resolution', text: 'Resolution set to Done' });
    expect(byId('change:20010:status')).toMatchObject({ issueKey: 'SUP-1', relation: 'is caused by', text: 'Open → In Progress' });
  });

  it('reads an unassignment, a link, and any other field', () => {
    const s = loginOutageSources();
    s.changes = [
      {
        historyId: '1',
        issueKey: 'INC-1',
        author: TOMAS,
        at: '2026-10-17T19:00:00.000Z',
        field: 'assignee',
        from: 'Maya Okafor',
        to: null,
        fromId: MAYA.accountId,
        toId: null,
      },
      {
        historyId: '1',
        issueKey: 'INC-1',
        author: TOMAS,
        at: '2026-10-17T19:00:00.000Z',
        field: 'labels',
        from: 'web',
        to: 'login web',
        fromId: null,
        toId: null,
      },
    ];
    const out = buildEntries(s);
    expect(out.find((e) => e.id === 'change:1:assignee')).toMatchObject({ text: 'Unassigned', from: 'Maya Okafor', to: null });
    expect(out.find((e) => e.id === 'change:1:labels')).toMatchObject({ source: 'field', text: 'labels: web → login web' });
    expect(byId('change:20011:Link')).toMatchObject({ source: 'link', text: 'This issue relates to SUP-2' });
    expect(byId('change:20008:RemoteIssueLink')).toMatchObject({ source: 'remote-link' });
  });

  it('numbers a field changed twice in one history so both ids stay unique and stable', () => {
    const s = loginOutageSources();
    const twice = {
      historyId: '9',
      issueKey: 'INC-1',
      author: MAYA,
      at: '2026-10-17T19:00:00.000Z',
      field: 'Link',
      from: null,
      fromId: null,
      toId: null,
    };
    s.changes = [
      { ...twice, to: 'This issue relates to SUP-1' },
      { ...twice, to: 'This issue relates to SUP-2' },
    ];
    expect(
      buildEntries(s)
        .filter((e) => e.source === 'link')
        .map((e) => [e.id, e.text]),
    ).toStrictEqual([
      ['change:9:Link', 'This issue relates to SUP-1'],
      ['change:9:Link:2', 'This issue relates to SUP-2'],
    ]);
  });

  it('places a remote link at the changelog item that added it, with its author', () => {
    expect(byId('remotelink:INC-1:30001')).toStrictEqual({
      id: 'remotelink:INC-1:30001',
      at: '2026-10-17T19:10:00.000Z',
      source: 'remote-link',
      issueKey: 'INC-1',
      relation: 'incident',
      url: STATUS_PAGE,
      actor: SOFIA,
      text: 'Remote link: Status page: Some customers cannot sign in',
    });
  });

  it("places a remote link with no changelog item at its issue's creation, with no actor", () => {
    expect(byId('remotelink:INC-1:30002')).toMatchObject({
      at: '2026-10-17T18:46:30.000Z',
      actor: null,
      url: 'https://grafana.example.org/d/web-login',
    });
    expect(byId('remotelink:SUP-1:30003')).toMatchObject({ at: '2026-10-17T18:45:00.000Z', issueKey: 'SUP-1', relation: 'is caused by' });
  });

  it('is the same on every pull of the same data (ids are stable)', () => {
    expect(entries()).toStrictEqual(entries());
  });

  it('builds only the creation entry for an incident with no history', () => {
    const s = loginOutageSources();
    const empty = { ...s, related: [], comments: [], changes: [], remoteLinks: [] };
    expect(buildEntries(empty).map((e) => e.id)).toStrictEqual(['created:INC-1']);
  });
});
