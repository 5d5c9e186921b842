import type { Db } from '../db';
import type { SeedChange, SeedIssue, SeedProject, SeedScenario } from '../seed/types';
import { findUser } from '../users';
import { toAdf } from './adf';
import { DEFAULT_PRIORITY_ID, categoryOf, issueTypeByName, linkTypeByName, priorityByName, statusByName, type StatusDef } from './catalog';
import { parseIsoMs } from './dates';

/**
 * Inserts a seed scenario in one transaction. Status and assignee start at `initialStatus` /
 * `initialAssignee` and are walked through `changes`, so the final fields match the changelog;
 * every other field of a SeedIssue is its final value. Issues whose key already exists are kept
 * as they are (loading the same scenario twice is harmless); projects are upserted.
 */
export function loadScenario(db: Db, scenario: SeedScenario): void {
  db.transaction(() => new Loader(db).load(scenario))();
}

class Loader {
  private readonly accounts = new Map<string, string>();
  private nextIssueId: number;
  private nextCommentId: number;
  private nextHistoryId: number;
  private nextLinkId: number;
  private nextRemoteId: number;
  private readonly st;

  constructor(private readonly db: Db) {
    const max = (t: string) => (db.prepare(`SELECT MAX(id) AS m FROM ${t}`).get() as { m: number | null }).m;
    const next = (t: string) => {
      const m = max(t);
      return m === null ? 10000 : m + 1;
    };
    this.nextIssueId = next('jira_issues');
    this.nextCommentId = next('jira_comments');
    this.nextHistoryId = next('jira_changelogs');
    this.nextLinkId = next('jira_issue_links');
    this.nextRemoteId = next('jira_remote_links');
    this.st = {
      projectByKey: db.prepare('SELECT id FROM jira_projects WHERE key = ?'),
      maxProjectId: db.prepare('SELECT MAX(id) AS m FROM jira_projects'),
      insertProject: db.prepare('INSERT INTO jira_projects (id, key, name, lead_account_id, subtasks_enabled) VALUES (?, ?, ?, ?, ?)'),
      updateProject: db.prepare('UPDATE jira_projects SET name = ?, lead_account_id = ?, subtasks_enabled = ? WHERE id = ?'),
      clearBrowsers: db.prepare('DELETE FROM jira_project_browsers WHERE project_id = ?'),
      addBrowser: db.prepare('INSERT OR IGNORE INTO jira_project_browsers (project_id, account_id) VALUES (?, ?)'),
      clearRoles: db.prepare('DELETE FROM jira_project_roles WHERE project_id = ?'),
      addRole: db.prepare('INSERT OR IGNORE INTO jira_project_roles (project_id, role, account_id) VALUES (?, ?, ?)'),
      issueByKey: db.prepare('SELECT id FROM jira_issues WHERE key = ?'),
      insertIssue: db.prepare(`INSERT INTO jira_issues (id, key, project_id, num, type_id, summary, description, status_id,
        priority_id, assignee, reporter, creator, created, updated, resolved, status_changed, duedate, labels, parent_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL)`),
      setParent: db.prepare('UPDATE jira_issues SET parent_id = ? WHERE id = ?'),
      insertComment: db.prepare(`INSERT INTO jira_comments (id, issue_id, author, update_author, body, created, updated,
        visibility_type, visibility_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertHistory: db.prepare('INSERT INTO jira_changelogs (id, issue_id, author, created) VALUES (?, ?, ?, ?)'),
      insertItem: db.prepare(`INSERT INTO jira_changelog_items (changelog_id, seq, field, field_id, fieldtype, from_value,
        from_string, to_value, to_string) VALUES (?, ?, ?, ?, 'jira', ?, ?, ?, ?)`),
      linkExists: db.prepare('SELECT 1 FROM jira_issue_links WHERE type_id = ? AND source_id = ? AND dest_id = ?'),
      insertLink: db.prepare('INSERT INTO jira_issue_links (id, type_id, source_id, dest_id) VALUES (?, ?, ?, ?)'),
      insertRemote: db.prepare('INSERT INTO jira_remote_links (id, issue_id, global_id, data) VALUES (?, ?, ?, ?)'),
    };
  }

  load(scenario: SeedScenario): void {
    for (const p of scenario.projects) this.project(p);
    const inserted = new Map<string, number>();
    for (const issue of scenario.issues) {
      const id = this.issue(issue);
      if (id !== undefined) inserted.set(issue.key.toUpperCase(), id);
    }
    for (const issue of scenario.issues) {
      const id = inserted.get(issue.key.toUpperCase());
      if (id !== undefined && issue.parent) this.st.setParent.run(this.issueId(issue.parent), id);
    }
    for (const link of scenario.links) {
      const type = linkTypeByName(link.type);
      if (!type) throw new Error(`Unknown link type ${link.type}`);
      const source = this.issueId(link.outward);
      const dest = this.issueId(link.inward);
      if (this.st.linkExists.get(type.id, source, dest)) continue;
      this.st.insertLink.run(this.nextLinkId++, type.id, source, dest);
    }
  }

  private account(email: string): string {
    let id = this.accounts.get(email);
    if (id === undefined) {
      const user = findUser(this.db, email);
      if (!user) throw new Error(`Seed refers to unknown user ${email}: seed the users table first`);
      id = user.accountId;
      this.accounts.set(email, id);
    }
    return id;
  }

  private issueId(key: string): number {
    const row = this.st.issueByKey.get(key.toUpperCase()) as { id: number } | undefined;
    if (!row) throw new Error(`Seed refers to unknown issue ${key}`);
    return row.id;
  }

  private project(p: SeedProject): void {
    const existing = this.st.projectByKey.get(p.key) as { id: number } | undefined;
    const lead = this.account(p.lead);
    let id: number;
    if (existing) {
      id = existing.id;
      this.st.updateProject.run(p.name, lead, p.subtasksEnabled ? 1 : 0, id);
    } else {
      const m = (this.st.maxProjectId.get() as { m: number | null }).m;
      id = m === null ? 10000 : m + 1;
      this.st.insertProject.run(id, p.key, p.name, lead, p.subtasksEnabled ? 1 : 0);
    }
    this.st.clearBrowsers.run(id);
    for (const email of p.browsers) this.st.addBrowser.run(id, this.account(email));
    this.st.clearRoles.run(id);
    for (const [role, emails] of Object.entries(p.roles)) for (const email of emails) this.st.addRole.run(id, role, this.account(email));
  }

  private issue(issue: SeedIssue): number | undefined {
    const key = issue.key.toUpperCase();
    if (this.st.issueByKey.get(key)) return undefined;
    const match = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(key);
    if (!match) throw new Error(`Bad issue key ${issue.key}`);
    const project = this.st.projectByKey.get(match[1]) as { id: number } | undefined;
    if (!project) throw new Error(`Issue ${issue.key} belongs to an unknown project`);
    const type = issueTypeByName(issue.type);
    if (!type) throw new Error(`Unknown issue type ${issue.type}`);
    const created = parseIsoMs(issue.created);

    let status = this.status(issue.initialStatus);
    let assignee = issue.initialAssignee ? this.account(issue.initialAssignee) : null;
    let resolved: number | null = status.category === 'done' ? created : null;
    let statusChanged = created;
    let updated = created;
    const hasResolutionChanges = issue.changes.some((c) => c.field === 'resolution');
    const id = this.nextIssueId++;
    const histories: { at: number; author: string; items: [string, string | null, string | null, string | null, string | null][] }[] = [];

    const changes = [...issue.changes].sort((a, b) => parseIsoMs(a.at) - parseIsoMs(b.at));
    for (const c of changes) {
      const at = parseIsoMs(c.at);
      updated = Math.max(updated, at);
      const items = this.items(c);
      if (c.field === 'status' && c.to) {
        const target = this.status(c.to);
        if (categoryOf(target).key !== categoryOf(status).key) statusChanged = at;
        if (target.category === 'done' && status.category !== 'done') {
          resolved = at;
          if (!hasResolutionChanges) items.push(['resolution', null, null, '10000', 'Done']);
        } else if (target.category !== 'done' && status.category === 'done') {
          resolved = null;
          if (!hasResolutionChanges) items.push(['resolution', '10000', 'Done', null, null]);
        }
        status = target;
      }
      if (c.field === 'assignee') assignee = c.to ? this.account(c.to) : null;
      histories.push({ at, author: this.account(c.author), items });
    }
    for (const c of issue.comments) updated = Math.max(updated, parseIsoMs(c.at));

    const priority = priorityByName(issue.priority)?.id ?? DEFAULT_PRIORITY_ID;
    const reporter = this.account(issue.reporter);
    const description = issue.description === undefined ? null : JSON.stringify(toAdf(issue.description));
    this.st.insertIssue.run(
      id,
      key,
      project.id,
      Number(match[2]),
      type.id,
      issue.summary,
      description,
      status.id,
      priority,
      assignee,
      reporter,
      reporter,
      created,
      updated,
      resolved,
      statusChanged,
      JSON.stringify(issue.labels ?? []),
    );

    for (const c of issue.comments) {
      const at = parseIsoMs(c.at);
      const author = this.account(c.author);
      this.st.insertComment.run(
        this.nextCommentId++,
        id,
        author,
        author,
        JSON.stringify(toAdf(c.body)),
        at,
        at,
        c.visibility?.type ?? null,
        c.visibility?.value ?? null,
      );
    }
    for (const h of histories) {
      const hid = this.nextHistoryId++;
      this.st.insertHistory.run(hid, id, h.author, h.at);
      h.items.forEach(([field, from, fromString, to, toString], seq) =>
        this.st.insertItem.run(hid, seq, field, field, from, fromString, to, toString),
      );
    }
    for (const r of issue.remoteLinks ?? []) {
      const data = { object: { url: r.url, title: r.title, ...(r.summary ? { summary: r.summary } : {}) } };
      this.st.insertRemote.run(this.nextRemoteId++, id, r.globalId ?? null, JSON.stringify(data));
    }
    return id;
  }

  private status(name: string): StatusDef {
    const s = statusByName(name);
    if (!s) throw new Error(`Unknown status ${name}`);
    return s;
  }

  /** One seed change as [field, from, fromString, to, toString]. */
  private items(c: SeedChange): [string, string | null, string | null, string | null, string | null][] {
    switch (c.field) {
      case 'status': {
        const from = c.from ? this.status(c.from) : null;
        const to = c.to ? this.status(c.to) : null;
        return [['status', from?.id ?? null, from?.name ?? null, to?.id ?? null, to?.name ?? null]];
      }
      case 'assignee': {
        const from = c.from ? this.account(c.from) : null;
        const to = c.to ? this.account(c.to) : null;
        const name = (acc: string | null) => (acc ? (findUser(this.db, acc)?.displayName ?? acc) : null);
        return [['assignee', from, name(from), to, name(to)]];
      }
      case 'priority': {
        const from = c.from ? priorityByName(c.from) : undefined;
        const to = c.to ? priorityByName(c.to) : undefined;
        return [['priority', from?.id ?? null, from?.name ?? c.from, to?.id ?? null, to?.name ?? c.to]];
      }
      case 'resolution':
        return [['resolution', c.from ? '10000' : null, c.from, c.to ? '10000' : null, c.to]];
      default:
        return [[c.field, null, c.from, null, c.to]];
    }
  }
}
