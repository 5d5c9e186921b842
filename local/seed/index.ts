import type { Db } from '../db';
import { migrateUsers, seedUsers } from '../users';
import { loadScenario, migrateJira, resetJira } from '../jira';
import { migrateConfluence, resetConfluence, seedConfluence } from '../confluence';
import { migrateKvs, resetKvs } from '../kvs';
import { demoScenarioAt } from './incidents';
import { largeScenario } from './large';

export type ScenarioName = 'demo' | 'large';

export function migrateAll(db: Db): void {
  migrateUsers(db);
  migrateJira(db);
  migrateConfluence(db);
  migrateKvs(db);
  db.exec('CREATE TABLE IF NOT EXISTS seed_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
}

/**
 * When the demo now in the database was seeded: the demo's dates and the demo reviews' due dates
 * are relative to it, chosen once (a restart keeps the data and this date; `demo` re-seeds anew).
 */
export function demoSeededAt(db: Db): Date | null {
  const row = db.prepare("SELECT value FROM seed_meta WHERE key = 'demo-seeded-at'").get() as { value: string } | undefined;
  return row ? new Date(row.value) : null;
}

/** Whether the database holds no site yet (first start with an empty DATA_DIR). */
export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
}

/**
 * `demo` resets everything (products and app storage) to the four seeded incidents, placed
 * relative to `now` (see `story-dates.ts`); `large` adds the large incident of docs/DECISIONS.md#performance on top
 * of what is there, `scale` times as many linked issues (1, the default, is the incident of docs/DECISIONS.md#performance).
 */
export function applyScenario(db: Db, name: ScenarioName, now: Date = new Date(), scale = 1): { added: string[] } {
  if (name === 'demo') {
    const demoScenario = demoScenarioAt(now);
    db.transaction(() => {
      resetKvs(db);
      resetConfluence(db);
      resetJira(db);
      seedUsers(db);
      loadScenario(db, demoScenario);
      seedConfluence(db);
      db.prepare("INSERT OR REPLACE INTO seed_meta (key, value) VALUES ('demo-seeded-at', ?)").run(now.toISOString());
    })();
    return { added: demoScenario.issues.map((i) => i.key) };
  }
  const next = nextKeyNumbers(db);
  const scenario = largeScenario(next, scale);
  loadScenario(db, scenario);
  return { added: scenario.issues.filter((i) => i.type === 'Incident').map((i) => i.key) };
}

function nextKeyNumbers(db: Db): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT project_key AS p, MAX(CAST(substr(issue_key, length(project_key) + 2) AS INTEGER)) AS n FROM jira_issues GROUP BY project_key`,
    )
    .all() as { p: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.p, r.n + 1]));
}
