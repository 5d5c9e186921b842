import { openDb, type Db } from '../../local/db';
import { loadScenario, migrateJira, readIssueForView, resetJira } from '../../local/jira';
import { SCENARIO } from '../fixtures/jira-emulator-scenario';
import type { SeedChange, SeedIssue, SeedScenario } from '../../local/seed/types';
import { migrateUsers, seedUsers } from '../../local/users';

const APP = { kind: 'app' as const };
const EMAILS = ['maya@example.com', 'daniel@example.com', 'sofia@example.com', 'tomas@example.com'];
const STATUSES = ['Open', 'Investigating', 'Identified', 'Monitoring'];

/** 60 incidents with 150 comments and 120 changes each, in a project of its own. */
function largeScenario(): SeedScenario {
  const t0 = Date.UTC(2026, 0, 1);
  const at = (i: number, n: number) => new Date(t0 + i * 86_400_000 + n * 60_000).toISOString();
  const issues: SeedIssue[] = Array.from({ length: 60 }, (_, i) => {
    const changes: SeedChange[] = [];
    let status = 'Open';
    let assignee: string | null = null;
    for (let n = 0; n < 120; n++) {
      if (n % 2 === 0) {
        const to = n === 118 ? 'Resolved' : STATUSES[(STATUSES.indexOf(status) + 1) % STATUSES.length];
        changes.push({ at: at(i, n + 1), author: EMAILS[n % 4], field: 'status', from: status, to });
        status = to;
      } else {
        const to = EMAILS[(n + i) % 4];
        changes.push({ at: at(i, n + 1), author: EMAILS[n % 4], field: 'assignee', from: assignee, to });
        assignee = to;
      }
    }
    return {
      key: `BIG-${i + 1}`,
      type: 'Incident',
      summary: `Generated incident ${i + 1}`,
      priority: 'Medium',
      initialStatus: 'Open',
      reporter: EMAILS[i % 4],
      initialAssignee: null,
      created: at(i, 0),
      changes,
      comments: Array.from({ length: 150 }, (_, n) => ({ at: at(i, n + 2), author: EMAILS[n % 4], body: `Comment ${n}` })),
    };
  });
  return {
    projects: [{ key: 'BIG', name: 'Big', lead: EMAILS[0], browsers: EMAILS, subtasksEnabled: true, roles: {} }],
    issues,
    links: [{ type: 'Relates', outward: 'BIG-1', inward: 'BIG-2' }],
  };
}

function freshDb(): Db {
  const db = openDb(':memory:');
  migrateUsers(db);
  seedUsers(db);
  migrateJira(db);
  return db;
}

const count = (db: Db, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('loadScenario', () => {
  it('loads a large scenario quickly, on top of another one, and walks fields through the changelog', () => {
    const db = freshDb();
    loadScenario(db, SCENARIO);
    const started = Date.now();
    const big = largeScenario();
    loadScenario(db, big);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(count(db, 'jira_issues')).toBe(64);
    expect(count(db, 'jira_comments')).toBe(130 + 1 + 60 * 150);
    const view = readIssueForView(db, 'BIG-7', APP)!;
    const last = big.issues[6].changes.filter((c) => c.field === 'assignee').pop()!;
    expect(view.status).toEqual({ name: 'Resolved', category: 'done' });
    expect(view.assignee).toBe(db.prepare('SELECT display_name AS n FROM users WHERE email = ?').pluck().get(last.to));
    expect(readIssueForView(db, 'INC-1', APP)!.status.name).toBe('Resolved');
  });

  it('is harmless to load twice, and resetJira empties the data but keeps the schema', () => {
    const db = freshDb();
    loadScenario(db, SCENARIO);
    loadScenario(db, SCENARIO);
    expect(count(db, 'jira_issues')).toBe(SCENARIO.issues.length);
    expect(count(db, 'jira_issue_links')).toBe(SCENARIO.links.length);
    resetJira(db);
    expect(count(db, 'jira_issues')).toBe(0);
    expect(count(db, 'jira_projects')).toBe(0);
    loadScenario(db, SCENARIO);
    expect(readIssueForView(db, 'INC-2', APP)?.summary).toBe('Document host access');
  });

  it('rejects seeds naming unknown users or statuses', () => {
    const db = freshDb();
    const bad: SeedScenario = { ...SCENARIO, issues: [{ ...SCENARIO.issues[1], reporter: 'nobody@example.com' }] };
    expect(() => loadScenario(db, bad)).toThrow(/unknown user/);
    expect(count(db, 'jira_projects')).toBe(0);
  });
});
