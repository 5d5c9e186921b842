/**
 * Concurrency (docs/DECISIONS.md#what-must-hold): two people working on one review at the same moment never silently
 * lose an update, and two "Create in Jira" presses never create a sub-task twice.
 */
import type { ActionItemInput, ActionSyncResult, ReviewDoc, SummariesResult, TimelineView } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { basicAuth, callAs, freshSite, okAs } from '../support/site';

const MAYA = 'maya@example.com';
const TOMAS = 'tomas@example.com';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

const item = (id: string, summary: string): ActionItemInput => ({
  id,
  summary,
  description: '',
  owner: null,
  dueDate: '2026-12-15',
  priority: 'High',
  question: 'know-sooner',
});

async function subtasksOf(key: string): Promise<string[]> {
  const res = await fetch(`${site.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { authorization: basicAuth(MAYA), 'content-type': 'application/json' },
    body: JSON.stringify({ jql: `parent = ${key} ORDER BY key ASC`, maxResults: 100, fields: ['summary'] }),
  });
  const body = (await res.json()) as { issues: { fields: { summary: string } }[] };
  return body.issues.map((i) => i.fields.summary);
}

describe('two people at the same moment', () => {
  it('"Create in Jira" pressed by two people at once creates each sub-task exactly once', async () => {
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-1' });
    const items = [
      item('a1', 'Alert on sign-in errors'),
      item('a2', 'Runbook for production access'),
      item('a3', 'Export job on one host'),
    ];
    await okAs<ReviewDoc>(site, MAYA, 'review/save', { issueKey: 'INC-1', content: doc.content, actionItems: items, version: doc.version });

    const [first, second] = await Promise.all([
      callAs<ActionSyncResult>(site, MAYA, 'actions/sync', { issueKey: 'INC-1' }),
      callAs<ActionSyncResult>(site, TOMAS, 'actions/sync', { issueKey: 'INC-1' }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    const created = [first, second].flatMap((r) => (r.ok ? r.data.created : []));
    expect(created).toHaveLength(3);
    expect((await subtasksOf('INC-1')).sort()).toEqual([
      'Alert on sign-in errors',
      'Export job on one host',
      'Runbook for production access',
    ]);

    const after = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-1' });
    expect(after.actionItems.map((i) => i.jira?.key).filter(Boolean)).toHaveLength(3);
  });

  it('two saves of the review from the same version: one wins, the other is told and keeps its text for a retry', async () => {
    const base = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-2' });
    const mayaText = { ...base.content, learnings: { ...base.content.learnings, learned: 'Backups reported success without uploading.' } };
    const tomasText = { ...base.content, learnings: { ...base.content.learnings, wentWell: 'The customer kept their own exports.' } };
    const results = await Promise.all([
      callAs<ReviewDoc>(site, MAYA, 'review/save', { issueKey: 'INC-2', content: mayaText, actionItems: [], version: base.version }),
      callAs<ReviewDoc>(site, TOMAS, 'review/save', { issueKey: 'INC-2', content: tomasText, actionItems: [], version: base.version }),
    ]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) }]);

    // The loser reloads and saves on top: both changes are there, nothing silently dropped.
    const reloaded = await okAs<ReviewDoc>(site, TOMAS, 'review/get', { issueKey: 'INC-2' });
    const winnerIsMaya = reloaded.content.learnings.learned === mayaText.learnings.learned;
    const merged = winnerIsMaya
      ? { ...reloaded.content, learnings: { ...reloaded.content.learnings, wentWell: tomasText.learnings.wentWell } }
      : { ...reloaded.content, learnings: { ...reloaded.content.learnings, learned: mayaText.learnings.learned } };
    const saved = await okAs<ReviewDoc>(site, TOMAS, 'review/save', {
      issueKey: 'INC-2',
      content: merged,
      actionItems: [],
      version: reloaded.version,
    });
    expect(saved.content.learnings).toMatchObject({ learned: mayaText.learnings.learned, wentWell: tomasText.learnings.wentWell });
  });

  it('two annotations of the timeline from the same version: one wins, the other gets CONFLICT, none is half-applied', async () => {
    const view = await okAs<TimelineView>(site, MAYA, 'review/start', { issueKey: 'INC-3' });
    const [e1, e2] = view.entries;
    const results = await Promise.all([
      callAs<TimelineView>(site, MAYA, 'timeline/annotate', {
        issueKey: 'INC-3',
        entryId: e1.id,
        patch: { phase: 'detection' },
        version: view.version,
      }),
      callAs<TimelineView>(site, TOMAS, 'timeline/annotate', {
        issueKey: 'INC-3',
        entryId: e2.id,
        patch: { phase: 'response' },
        version: view.version,
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) }]);
    const now = await okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-3' });
    expect(now.version).toBe(view.version + 1);
    const phases = [now.entries.find((e) => e.id === e1.id)?.annotation.phase, now.entries.find((e) => e.id === e2.id)?.annotation.phase];
    expect(phases.filter(Boolean)).toHaveLength(1);
  });

  it('saves of different reviews landing in one summary shard at once all reach the index', async () => {
    // Three reviews moved at once into one half-month where no seeded incident is (INC-3's review,
    // started above, stays in its own month): their rows share one shard.
    const views = await Promise.all(
      ['INC-1', 'INC-2', 'INC-4'].map((k) => okAs<TimelineView>(site, MAYA, 'review/start', { issueKey: k })),
    );
    await Promise.all(
      views.map((v) =>
        okAs<TimelineView>(site, MAYA, 'moments/set', {
          issueKey: v.incidentKey,
          moment: 'impactStarted',
          at: '2026-02-05T10:00:00Z',
          version: v.version,
        }),
      ),
    );
    const list = await okAs<SummariesResult>(site, MAYA, 'summaries/list', { from: '2026-02-01', to: '2026-02-15' });
    expect(list.rows.map((r) => r.incidentKey).sort()).toEqual(['INC-1', 'INC-2', 'INC-4']);
  });
});
