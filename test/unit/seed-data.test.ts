import type { SeedIssue, SeedScenario } from '../../local/seed/types';
import fc from 'fast-check';
import { demoScenario, demoScenarioAt } from '../../local/seed/incidents';
import { PAIR_WEEKS_BACK, seededDate, STORY_NOW, WEEKS_BEFORE_LATEST, type Story } from '../../local/seed/story-dates';
import {
  LARGE_CHANGES_PER_ISSUE,
  LARGE_COMMENTS_PER_ISSUE,
  LARGE_LINKED_ISSUES,
  largeScenario,
  nextFreeKeys,
} from '../../local/seed/large';
import { INCIDENT_RESPONDERS, SEED_GROUPS } from '../../local/groups';
import { NO_INCIDENT_ACCESS_EMAIL, SEED_USERS } from '../../local/users';
import { issueTypeByName, statusByName } from '../../local/jira/catalog';
import { incidentsNeedingReminder } from '../../src/domain/review-rhythm';
import { adfValidator } from '../support/helpers';

/** "Today" for the large scenario (fixed dates) and for the demo seeded on its story's own date; nothing may happen after it. */
const NOW = Date.parse('2026-11-21T00:00:00+00:00');
/** A site first started on an ordinary Monday morning months later: the demo moves with it. */
const LATER = new Date('2027-03-15T08:05:00Z');
const EMAILS = new Set(SEED_USERS.map((u) => u.email));
const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/;
const YEAR_MS = 365 * 86_400_000;

const projectOf = (key: string) => key.slice(0, key.lastIndexOf('-'));
const numberOf = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1));
const time = (iso: string) => Date.parse(iso);

function peopleOf(issue: SeedIssue): string[] {
  const people = [issue.reporter, ...issue.comments.map((c) => c.author), ...issue.changes.map((c) => c.author)];
  if (issue.initialAssignee) people.push(issue.initialAssignee);
  for (const c of issue.changes) if (c.field === 'assignee') people.push(...[c.from, c.to].filter((e): e is string => e !== null));
  return people;
}

/** The value a field has before its first change, or undefined when the data gives only the current value. */
function startValue(issue: SeedIssue, field: string): string | null | undefined {
  if (field === 'status') return issue.initialStatus;
  if (field === 'assignee') return issue.initialAssignee ?? null;
  if (field === 'resolution') return null;
  return undefined;
}

/** The value a field must end at, when the issue states its current value. */
function currentValue(issue: SeedIssue, field: string): string | null | undefined {
  if (field === 'priority') return issue.priority;
  if (field === 'summary') return issue.summary;
  if (field === 'labels') return issue.labels?.length ? issue.labels.join(' ') : null;
  return undefined;
}

function adfBodies(scenario: SeedScenario): { where: string; body: object }[] {
  const out: { where: string; body: object }[] = [];
  for (const issue of scenario.issues) {
    if (issue.description && typeof issue.description !== 'string')
      out.push({ where: `${issue.key} description`, body: issue.description });
    issue.comments.forEach((c, i) => {
      if (typeof c.body !== 'string') out.push({ where: `${issue.key} comment ${i}`, body: c.body });
    });
  }
  return out;
}

function nodeTypes(node: unknown, into = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    const n = node as { type?: string; marks?: { type: string }[]; content?: unknown[] };
    if (n.type) into.add(n.type);
    n.marks?.forEach((m) => into.add(`mark:${m.type}`));
    n.content?.forEach((child) => nodeTypes(child, into));
  }
  return into;
}

const validateAdf = adfValidator();
const large = largeScenario();

const scenarios: [string, SeedScenario, readonly SeedScenario['projects'][number][], number][] = [
  ['demo (seeded on the story date)', demoScenario, demoScenario.projects, STORY_NOW.getTime()],
  ['demo (seeded on 2027-03-15)', demoScenarioAt(LATER), demoScenario.projects, LATER.getTime()],
  ['large', large, demoScenario.projects, NOW],
];

describe.each(scenarios)('the %s scenario', (_name, scenario, projects, now) => {
  const projectByKey = new Map(projects.map((p) => [p.key, p]));
  const issueKeys = new Set(scenario.issues.map((i) => i.key));

  it('uses each issue key once, in projects that exist', () => {
    expect(issueKeys.size).toBe(scenario.issues.length);
    for (const key of issueKeys) expect(projectByKey.has(projectOf(key))).toBe(true);
  });

  it('numbers the issues of a project consecutively in order of appearance, oldest first', () => {
    const byProject = new Map<string, SeedIssue[]>();
    for (const issue of scenario.issues) byProject.set(projectOf(issue.key), [...(byProject.get(projectOf(issue.key)) ?? []), issue]);
    for (const issues of byProject.values()) {
      issues.forEach((issue, i) => {
        if (i === 0) return;
        expect(numberOf(issue.key)).toBe(numberOf(issues[i - 1].key) + 1);
        expect(time(issue.created)).toBeGreaterThan(time(issues[i - 1].created));
      });
    }
  });

  it('names only people of the site, who may browse the project they act in', () => {
    for (const issue of scenario.issues) {
      const browsers = projectByKey.get(projectOf(issue.key))?.browsers ?? [];
      for (const person of peopleOf(issue)) {
        expect(EMAILS.has(person)).toBe(true);
        if (!browsers.includes(person)) throw new Error(`${person} acts in ${issue.key} but cannot browse ${projectOf(issue.key)}`);
      }
    }
  });

  it('writes every time with an explicit offset, after the issue was created, before today and within the year before it', () => {
    for (const issue of scenario.issues) {
      const created = time(issue.created);
      expect(issue.created).toMatch(OFFSET_ISO);
      expect(created).toBeLessThan(now);
      expect(created).toBeGreaterThan(now - YEAR_MS);
      for (const { at } of [...issue.comments, ...issue.changes]) {
        expect(at).toMatch(OFFSET_ISO);
        if (!(time(at) >= created && time(at) < now)) throw new Error(`${issue.key}: ${at} is outside ${issue.created}..today`);
      }
    }
  });

  it('keeps comments and changes in chronological order', () => {
    for (const issue of scenario.issues) {
      for (const list of [issue.comments, issue.changes]) {
        list.forEach((entry, i) => {
          if (i > 0 && time(entry.at) < time(list[i - 1].at)) throw new Error(`${issue.key}: ${entry.at} comes before ${list[i - 1].at}`);
        });
      }
    }
  });

  it('chains every change from the previous value of its field and ends at the current value', () => {
    for (const issue of scenario.issues) {
      const fields = new Set(issue.changes.map((c) => c.field));
      for (const field of fields) {
        const changes = issue.changes.filter((c) => c.field === field);
        let previous = startValue(issue, field);
        if (previous === undefined) previous = changes[0].from;
        for (const c of changes) {
          if (c.from !== previous) throw new Error(`${issue.key} ${field} at ${c.at}: from ${c.from}, but it was ${previous}`);
          expect(c.to).not.toBe(c.from);
          previous = c.to;
        }
        const current = currentValue(issue, field);
        if (current !== undefined) expect(`${issue.key} ${field}: ${previous}`).toBe(`${issue.key} ${field}: ${current}`);
      }
    }
  });

  it('links only issues of the scenario, never an issue to itself or the same pair twice', () => {
    const pairs = new Set<string>();
    for (const link of scenario.links) {
      expect(issueKeys.has(link.outward)).toBe(true);
      expect(issueKeys.has(link.inward)).toBe(true);
      expect(link.outward).not.toBe(link.inward);
      const pair = [link.outward, link.inward].sort().join(' ');
      expect(pairs.has(pair)).toBe(false);
      pairs.add(pair);
    }
  });

  it('puts sub-tasks under an older issue of the same project', () => {
    for (const issue of scenario.issues.filter((i) => i.type === 'Sub-task')) {
      const parent = scenario.issues.find((i) => i.key === issue.parent);
      expect(parent).toBeDefined();
      expect(projectOf(parent!.key)).toBe(projectOf(issue.key));
      expect(time(parent!.created)).toBeLessThan(time(issue.created));
      expect(projectByKey.get(projectOf(issue.key))?.subtasksEnabled).toBe(true);
    }
  });

  it("uses only statuses of each issue type's workflow in the emulator's catalog", () => {
    for (const issue of scenario.issues) {
      const workflow = issueTypeByName(issue.type)?.workflow;
      expect(workflow).toBeDefined();
      const statuses = [issue.initialStatus, ...issue.changes.filter((c) => c.field === 'status').flatMap((c) => [c.from, c.to])];
      for (const name of statuses) {
        if (!name || !statusByName(name)?.workflows.includes(workflow!))
          throw new Error(`${issue.key} (${issue.type}): status ${name} is not in the ${workflow} workflow`);
      }
    }
  });

  it('restricts comments only to roles the project has or to groups the site has', () => {
    for (const issue of scenario.issues) {
      for (const c of issue.comments.filter((c) => c.visibility)) {
        const known =
          c.visibility!.type === 'role' ? Object.keys(projectByKey.get(projectOf(issue.key))!.roles) : SEED_GROUPS.map((g) => g.name);
        expect(known).toContain(c.visibility!.value);
      }
    }
  });

  it('lets an author restrict a comment only to a role or group they belong to', () => {
    for (const issue of scenario.issues) {
      for (const c of issue.comments.filter((c) => c.visibility)) {
        const members =
          c.visibility!.type === 'role'
            ? projectByKey.get(projectOf(issue.key))!.roles[c.visibility!.value]
            : SEED_GROUPS.find((g) => g.name === c.visibility!.value)!.members;
        expect(members).toContain(c.author);
      }
    }
  });

  it('has ADF bodies that validate against the ADF JSON schema', () => {
    const invalid = adfBodies(scenario)
      .filter(({ body }) => !validateAdf(body))
      .map(({ where }) => where);
    expect(invalid).toEqual([]);
  });
});

describe('the ADF schema check', () => {
  it('rejects a document the editor would refuse', () => {
    expect(validateAdf({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).toBe(false);
    expect(validateAdf({ type: 'doc', version: 1, content: [{ type: 'bulletList', content: [{ type: 'paragraph' }] }] })).toBe(false);
  });
});

describe('the demo scenario', () => {
  const issue = (key: string) => {
    const found = demoScenario.issues.find((i) => i.key === key);
    if (!found) throw new Error(`no ${key}`);
    return found;
  };
  const project = (key: string) => demoScenario.projects.find((p) => p.key === key)!;
  const linksOf = (key: string) => demoScenario.links.filter((l) => l.outward === key || l.inward === key);
  const other = (key: string, l: { outward: string; inward: string }) => (l.outward === key ? l.inward : l.outward);
  const incidents = ['INC-1', 'INC-2', 'INC-3', 'INC-4'];
  const resolvedAt = (i: SeedIssue) => time(i.changes.find((c) => c.field === 'status' && c.to === 'Resolved')!.at);

  it('keeps Lena out of the incident project but lets her browse support and marketing', () => {
    expect(project('INC').browsers).not.toContain(NO_INCIDENT_ACCESS_EMAIL);
    expect(project('OPS').browsers).not.toContain(NO_INCIDENT_ACCESS_EMAIL);
    expect(project('SUP').browsers).toContain(NO_INCIDENT_ACCESS_EMAIL);
    expect(project('MKT').browsers).toContain(NO_INCIDENT_ACCESS_EMAIL);
    expect(project('INC').roles.Developers).toEqual(
      expect.arrayContaining(['maya@example.com', 'daniel@example.com', 'aiko@example.com', 'tomas@example.com']),
    );
    expect(project('INC').roles.Administrators).toEqual(['tomas@example.com']);
  });

  it('has sub-tasks disabled only in Operations', () => {
    expect(demoScenario.projects.filter((p) => !p.subtasksEnabled).map((p) => p.key)).toEqual(['OPS']);
  });

  it('seeds the four incidents of the design as INC-1..INC-4 with their severities', () => {
    expect(incidents.map((k) => [issue(k).type, issue(k).priority])).toEqual([
      ['Incident', 'High'],
      ['Incident', 'Highest'],
      ['Incident', 'Medium'],
      ['Incident', 'High'],
    ]);
    expect(issue('INC-1').summary).toMatch(/login/i);
    expect(issue('INC-2').summary).toMatch(/backup/i);
    expect(issue('INC-3').summary).toMatch(/ETL/);
    expect(issue('INC-4').summary).toMatch(/mainframe/i);
  });

  it.each(incidents)('gives %s 8-20 comments by at least three people, assignments, a remote link and linked issues', (key) => {
    const inc = issue(key);
    expect(inc.comments.length).toBeGreaterThanOrEqual(8);
    expect(inc.comments.length).toBeLessThanOrEqual(20);
    expect(new Set(inc.comments.map((c) => c.author)).size).toBeGreaterThanOrEqual(3);
    expect(inc.changes.filter((c) => c.field === 'assignee').length).toBeGreaterThanOrEqual(2);
    expect(inc.remoteLinks?.length).toBeGreaterThanOrEqual(1);
    expect(inc.labels?.length).toBeGreaterThanOrEqual(1);
    expect(linksOf(key).length).toBeGreaterThanOrEqual(2);
  });

  it.each(incidents)('walks %s through Open, Investigating, Identified, Monitoring and Resolved', (key) => {
    const statuses = [
      issue(key).initialStatus,
      ...issue(key)
        .changes.filter((c) => c.field === 'status')
        .map((c) => c.to),
    ];
    expect(statuses.slice(0, 5)).toEqual(['Open', 'Investigating', 'Identified', 'Monitoring', 'Resolved']);
    expect(statuses.slice(5).every((s) => s === 'Closed')).toBe(true);
  });

  it('sets the login outage on a Saturday evening three to five months before today, about 20 minutes from first errors to monitoring', () => {
    const inc1 = issue('INC-1');
    const created = new Date(inc1.created);
    expect(created.getUTCDay()).toBe(6);
    expect(created.getUTCHours()).toBeGreaterThanOrEqual(17);
    expect((STORY_NOW.getTime() - created.getTime()) / 86_400_000).toBeGreaterThan(100);
    expect((STORY_NOW.getTime() - created.getTime()) / 86_400_000).toBeLessThan(160);
    const restored = time(inc1.changes.find((c) => c.to === 'Monitoring')!.at);
    const impactStarted = Date.parse(seededDate(STORY_NOW, 'login', '2026-10-17T19:41:30+01:00')); // first 5xx, from Daniel's table
    expect((restored - impactStarted) / 60_000).toBeGreaterThan(15);
    expect((restored - impactStarted) / 60_000).toBeLessThan(25);
  });

  it('restricts at least one INC-1 comment to the Developers role', () => {
    expect(issue('INC-1').comments.some((c) => c.visibility?.type === 'role' && c.visibility.value === 'Developers')).toBe(true);
  });

  it('restricts exactly one INC-1 comment to a site group that leaves out Sofia and Lena', () => {
    const grouped = issue('INC-1').comments.filter((c) => c.visibility?.type === 'group');
    expect(grouped.map((c) => c.visibility!.value)).toEqual([INCIDENT_RESPONDERS.name]);
    expect(INCIDENT_RESPONDERS.members).not.toContain('sofia@example.com');
    expect(INCIDENT_RESPONDERS.members).not.toContain(NO_INCIDENT_ACCESS_EMAIL);
    // Unlike the Developers role, so a test can tell the two apart.
    expect([...INCIDENT_RESPONDERS.members].sort()).not.toEqual([...project('INC').roles.Developers].sort());
  });

  it('links INC-1 to a support ticket and to the status page task it blocks', () => {
    const linked = linksOf('INC-1');
    expect(linked.some((l) => issue(other('INC-1', l)).type === 'Support request')).toBe(true);
    expect(linked).toContainEqual({ type: 'Blocks', outward: 'INC-1', inward: 'SUP-2' });
    expect(issue('SUP-2').labels).toContain('status-page');
  });

  it('uses every link type and both directions around the incidents', () => {
    expect(new Set(demoScenario.links.map((l) => l.type))).toEqual(new Set(['Relates', 'Blocks', 'Causes', 'Duplicate', 'Cloners']));
    expect(demoScenario.links.some((l) => incidents.includes(l.outward))).toBe(true);
    expect(demoScenario.links.some((l) => incidents.includes(l.inward))).toBe(true);
    expect(new Set(demoScenario.links.flatMap((l) => [l.outward, l.inward]).map(projectOf))).toEqual(new Set(['INC', 'SUP', 'OPS', 'MKT']));
  });

  it('has an existing sub-task under INC-2', () => {
    expect(demoScenario.issues.filter((i) => i.type === 'Sub-task' && i.parent === 'INC-2').length).toBeGreaterThanOrEqual(1);
  });

  it('links INC-4 to a marketing issue that Lena can see', () => {
    const mkt = linksOf('INC-4')
      .map((l) => other('INC-4', l))
      .filter((k) => projectOf(k) === 'MKT');
    expect(mkt.length).toBeGreaterThanOrEqual(1);
    expect(project('MKT').browsers).toContain(NO_INCIDENT_ACCESS_EMAIL);
  });

  it('leaves INC-3 resolved more than a business day ago and INC-4 at least two days ago', () => {
    const nextBusinessDay = (ms: number) => {
      const d = new Date(ms + 86_400_000);
      while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
      return d.getTime();
    };
    expect(nextBusinessDay(resolvedAt(issue('INC-3')))).toBeLessThan(STORY_NOW.getTime());
    expect(STORY_NOW.getTime() - resolvedAt(issue('INC-4'))).toBeGreaterThanOrEqual(2 * 86_400_000);
  });

  it('gives the ADF converter mentions, code, lists, links, emoji, panels and tables to work on', () => {
    const types = new Set<string>();
    for (const { body } of adfBodies(demoScenario)) nodeTypes(body, types);
    for (const t of [
      'mention',
      'codeBlock',
      'bulletList',
      'orderedList',
      'emoji',
      'panel',
      'table',
      'tableHeader',
      'mark:link',
      'mark:code',
      'mark:strong',
    ]) {
      expect(types).toContain(t);
    }
    const accountIds = new Set(SEED_USERS.map((u) => u.accountId));
    for (const { body } of adfBodies(demoScenario)) {
      JSON.stringify(body, (k, v: unknown) => {
        if (k === 'attrs' && v && typeof v === 'object' && 'accessLevel' in v)
          expect(accountIds.has(String((v as Record<string, unknown>).id))).toBe(true);
        return v;
      });
    }
  });
});

describe('the large scenario', () => {
  const incident = large.issues[0];

  it('is one incident with 60 linked issues, 150 comments and 120 changes on each, and no new projects', () => {
    expect(large.projects).toEqual([]);
    expect(large.issues).toHaveLength(LARGE_LINKED_ISSUES + 1);
    expect(LARGE_LINKED_ISSUES).toBe(60);
    expect(large.issues.every((i) => i.comments.length === 150 && i.changes.length === 120)).toBe(true);
    expect([LARGE_COMMENTS_PER_ISSUE, LARGE_CHANGES_PER_ISSUE]).toEqual([150, 120]);
    expect(large.links).toHaveLength(60);
    expect(large.issues.filter((i) => i.type === 'Incident').map((i) => i.summary)).toEqual(['Checkout latency storm']);
  });

  it('links every other issue to the incident once, in mixed types and directions', () => {
    const others = large.links.map((l) => (l.outward === incident.key ? l.inward : l.outward));
    expect(large.links.every((l) => l.outward === incident.key || l.inward === incident.key)).toBe(true);
    expect(new Set(others)).toEqual(new Set(large.issues.slice(1).map((i) => i.key)));
    expect(new Set(large.links.map((l) => l.type))).toEqual(new Set(['Relates', 'Blocks', 'Causes', 'Duplicate', 'Cloners']));
    expect(large.links.some((l) => l.outward === incident.key)).toBe(true);
    expect(large.links.some((l) => l.inward === incident.key)).toBe(true);
    expect(new Set(others.map(projectOf))).toEqual(new Set(['SUP', 'OPS', 'INC']));
  });

  it('is identical across calls and does not use Math.random', () => {
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    try {
      expect(largeScenario()).toStrictEqual(large);
    } finally {
      spy.mockRestore();
    }
  });

  it('continues the demo numbering by default, so its keys never collide with the demo', () => {
    expect(nextFreeKeys(demoScenario)).toEqual({ INC: 6, SUP: 6, OPS: 7, MKT: 3 });
    expect(incident.key).toBe('INC-6');
    const demoKeys = new Set(demoScenario.issues.map((i) => i.key));
    expect(large.issues.filter((i) => demoKeys.has(i.key))).toEqual([]);
  });

  it('numbers issues from the given next free numbers and links the keys it computed', () => {
    const shifted = largeScenario({ INC: 40, SUP: 100, OPS: 7 });
    const keys = shifted.issues.map((i) => i.key);
    expect(keys[0]).toBe('INC-40');
    for (const [projectKey, start] of [
      ['INC', 40],
      ['SUP', 100],
      ['OPS', 7],
    ] as const) {
      const numbers = keys.filter((k) => projectOf(k) === projectKey).map(numberOf);
      expect(numbers).toEqual(numbers.map((_, i) => start + i));
    }
    const keySet = new Set(keys);
    expect(shifted.links.every((l) => keySet.has(l.outward) && keySet.has(l.inward))).toBe(true);
    // Only the keys move: the content is the same as with the default numbering.
    expect(shifted.issues.map((i) => i.comments.length)).toEqual(large.issues.map((i) => i.comments.length));
    expect(largeScenario({}).issues[0].key).toBe('INC-1');
  });

  it('keeps the incident at High priority and resolves it at the end of a six-hour window', () => {
    expect(incident.priority).toBe('High');
    const resolved = incident.changes.find((c) => c.field === 'status' && c.to === 'Resolved')!;
    const hours = (time(resolved.at) - time(incident.created)) / 3_600_000;
    expect(hours).toBeGreaterThan(4);
    expect(hours).toBeLessThan(7);
    expect(incident.changes.filter((c) => c.field === 'status').at(-1)?.to).toBe('Resolved');
  });
});

describe('the demo seeded on any day', () => {
  // Which story each ticket belongs to (the tickets around each incident move with it); the rest are INC-4's.
  const STORY_OF: Readonly<Record<string, Story>> = {
    'INC-1': 'login',
    'SUP-1': 'login',
    'SUP-2': 'login',
    'OPS-1': 'login',
    'OPS-2': 'backup',
    'INC-2': 'backup',
    'SUP-3': 'backup',
    'OPS-3': 'backup',
    'OPS-4': 'etl',
    'INC-3': 'etl',
    'MKT-1': 'etl',
    'SUP-4': 'etl',
  };
  const storyOf = (key: string): Story => STORY_OF[key] ?? 'mainframe';
  const times = (s: SeedScenario) =>
    s.issues.flatMap((i) => [{ key: i.key, at: i.created }, ...[...i.comments, ...i.changes].map((e) => ({ key: i.key, at: e.at }))]);
  const WEEK = 7 * 86_400_000;
  // From 2026-11-21 (the story's own date) to 2036: any day a site may first be started.
  const seedDay = fc.date({ min: STORY_NOW, max: new Date('2036-12-31T23:59:59Z'), noInvalidDate: true });
  const incident = (s: SeedScenario, key: string) => s.issues.find((i) => i.key === key)!;
  const restoredAt = (i: SeedIssue) => i.changes.find((c) => c.field === 'status' && c.to === 'Monitoring')!.at;

  it('keeps every story as written: whole weeks moved, so times of day, weekdays, offsets and the minutes between events stay', () => {
    fc.assert(
      fc.property(seedDay, (now) => {
        const written = times(demoScenario);
        const seeded = times(demoScenarioAt(now));
        expect(seeded.map((t) => t.key)).toEqual(written.map((t) => t.key));
        const moved = new Map<Story, number>();
        seeded.forEach((t, i) => {
          const by = time(t.at) - time(written[i].at);
          expect(by % WEEK).toBe(0);
          expect(t.at.slice(10)).toBe(written[i].at.slice(10)); // time of day and offset as written
          const story = storyOf(t.key);
          if (!moved.has(story)) moved.set(story, by);
          expect(by).toBe(moved.get(story));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('always has INC-4 (Sev2, no review) past due under the 24-hour rule and inside the 14 days the job looks back', () => {
    fc.assert(
      fc.property(seedDay, fc.constantFrom('UTC', 'Europe/London', 'America/Chicago', 'Asia/Tokyo', 'Pacific/Auckland'), (now, zone) => {
        const inc4 = incident(demoScenarioAt(now), 'INC-4');
        expect(inc4.priority).toBe('High');
        const restored = restoredAt(inc4);
        expect(
          incidentsNeedingReminder(
            [{ key: 'INC-4', severityLevel: 2, restoredAt: restored, reviewStarted: false, reminded: false }],
            now.toISOString(),
            zone,
          ),
        ).toEqual(['INC-4']);
        const resolved = time(inc4.changes.find((c) => c.to === 'Resolved')!.at);
        expect(now.getTime() - resolved).toBeLessThan(14 * 86_400_000);
      }),
      { numRuns: 60 },
    );
  });

  it('spreads the incidents over at least three months of the twelve before the seeding day, oldest first', () => {
    fc.assert(
      fc.property(seedDay, (now) => {
        const s = demoScenarioAt(now);
        const created = ['INC-1', 'INC-2', 'INC-3', 'INC-4'].map((k) => time(incident(s, k).created));
        expect([...created].sort((a, b) => a - b)).toEqual(created);
        for (const c of created) expect(now.getTime() - c).toBeLessThan(160 * 86_400_000); // about five months at most
        const months = new Set(created.map((c) => new Date(c).toISOString().slice(0, 7)));
        expect(months.size).toBeGreaterThanOrEqual(3);
        // The three incidents the demo reviews are made for: three months of trends.
        expect(new Set(created.slice(0, 3).map((c) => new Date(c).toISOString().slice(0, 7))).size).toBe(3);
        for (const { at } of times(s)) expect(time(at)).toBeLessThan(now.getTime());
      }),
      { numRuns: 60 },
    );
  });

  it('moves dates written in text and links with their story, and the story table places stories oldest first', () => {
    const years = new Date('2029-07-04T10:00:00Z'); // far enough that no story date of 2026 can remain
    const s = demoScenarioAt(years);
    const inc1 = incident(s, 'INC-1');
    const statusPage = inc1.remoteLinks!.find((l) => l.url.startsWith('https://status.example.com/'))!;
    expect(statusPage.url).toBe(`https://status.example.com/incidents/${seededDate(years, 'login', '2026-10-17')}-login`);
    const left = [...JSON.stringify(s).matchAll(/.{30}(?:2026|17 Oct|22 October|4 November|25 Nov)/g)].map((m) => m[0]);
    expect(left).toEqual([]);
    expect(Math.min(...PAIR_WEEKS_BACK)).toBeGreaterThan(WEEKS_BEFORE_LATEST.etl);
    expect(WEEKS_BEFORE_LATEST.etl).toBeGreaterThan(WEEKS_BEFORE_LATEST.mainframe);
  });
});
