import {
  bulletList,
  code,
  codeBlock,
  doc,
  emoji,
  li,
  link,
  mention,
  orderedList,
  p,
  panel,
  strong,
  table,
  td,
  text,
  th,
  tr,
} from '@atlaskit/adf-utils/builders';
import { PanelType, type DocNode } from '@atlaskit/adf-schema';
import { INCIDENT_RESPONDERS } from '../groups';
import { SEED_USERS } from '../users';
import { STORY_NOW, storyDates, type StoryDates } from './story-dates';
import type { SeedChange, SeedComment, SeedIssue, SeedLink, SeedProject, SeedScenario } from './types';

/**
 * The demo site: four incidents of docs/DECISIONS.md#seed-incidents with the tickets around them, written as a
 * blameless team would leave them in Jira. They are written with the dates of one autumn (the
 * story's "now" is Saturday 2026-11-21) and seeded relative to the day the site first seeds them:
 * each story moves by whole weeks (`story-dates.ts`), so every date written here, in a timestamp,
 * a URL or a command, goes through its story's `s`, and dates in prose through `day`.
 *
 * Conventions the loader and the tests rely on:
 * - Issue keys follow the order of appearance within each project (INC-1..INC-5, SUP-1..SUP-5,
 *   OPS-1..OPS-6, MKT-1..MKT-2), and within a project a higher key was created later.
 *   INC-5 is a sub-task of INC-2, so the next free INC number is 6 (see `nextFreeKeys` in
 *   `large.ts`).
 * - `initialStatus` / `initialAssignee` are the values at creation and `changes` walk them.
 *   `priority`, `summary` and `labels` are the issue's current values: when they have changes,
 *   the last change ends at them (labels as a space-separated string, null when empty).
 * - Times carry the offset of the person acting (London, Stockholm, Chicago, New York, Tokyo),
 *   so the same minute may be written in several zones.
 */

const MAYA = 'maya@example.com';
const DANIEL = 'daniel@example.com';
const SOFIA = 'sofia@example.com';
const TOMAS = 'tomas@example.com';
const AIKO = 'aiko@example.com';
const LENA = 'lena@example.com';

const EVERYONE = [MAYA, DANIEL, SOFIA, TOMAS, AIKO, LENA] as const;
const DEVELOPERS = [MAYA, DANIEL, AIKO, TOMAS] as const;
const DEVELOPERS_ONLY = { type: 'role', value: 'Developers' } as const;
/** A site group (local/groups.ts), not a project role: Daniel is a developer but not a responder. */
const RESPONDERS_ONLY = { type: 'group', value: INCIDENT_RESPONDERS.name } as const;

function who(email: string) {
  const user = SEED_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`seed user ${email} is not in SEED_USERS`);
  return mention({ id: user.accountId, text: `@${user.displayName}`, accessLevel: '' });
}

const comment = (at: string, author: string, body: string | DocNode, visibility?: SeedComment['visibility']): SeedComment =>
  visibility ? { at, author, body, visibility } : { at, author, body };

const change = (at: string, author: string, field: SeedChange['field'], from: string | null, to: string | null): SeedChange => ({
  at,
  author,
  field,
  from,
  to,
});

/** A chat thread's address carries the time of its first message, as a chat tool's permalink does. */
const chatThread = (at: string) => `https://chat.example.com/archives/C07INCIDENTS/p${Date.parse(at) / 1000}`;

const bash = (...lines: string[]) => codeBlock({ language: 'bash' })(text(lines.join('\n')));

export const demoProjects: readonly SeedProject[] = [
  {
    key: 'INC',
    name: 'Incidents',
    lead: TOMAS,
    browsers: EVERYONE.filter((e) => e !== LENA),
    subtasksEnabled: true,
    roles: { Developers: DEVELOPERS, Administrators: [TOMAS] },
  },
  {
    key: 'SUP',
    name: 'Customer Support',
    lead: SOFIA,
    browsers: EVERYONE,
    subtasksEnabled: true,
    roles: { 'Service Desk Team': [SOFIA], Developers: DEVELOPERS, Administrators: [SOFIA] },
  },
  {
    key: 'OPS',
    name: 'Operations',
    lead: DANIEL,
    browsers: EVERYONE.filter((e) => e !== LENA),
    subtasksEnabled: false,
    roles: { Developers: DEVELOPERS, Administrators: [DANIEL] },
  },
  {
    key: 'MKT',
    name: 'Marketing',
    lead: LENA,
    browsers: EVERYONE,
    subtasksEnabled: true,
    roles: { Members: [LENA, SOFIA], Administrators: [LENA] },
  },
];

// ---------------------------------------------------------------------------------------------
// INC-1 Login page outage — Saturday 17 October 2026, evening in the UK (BST, +01:00).
// ---------------------------------------------------------------------------------------------
function loginOutage({ s, day }: StoryDates): SeedIssue[] {
  const STATUS_PAGE_LOGIN = s('https://status.example.com/incidents/2026-10-17-login');
  const LOGIN_DASHBOARD = s('https://grafana.example.org/d/web-login/login-overview?from=2026-10-17T18:30:00Z&to=2026-10-17T19:30:00Z');

  const inc1: SeedIssue = {
    key: 'INC-1',
    type: 'Incident',
    summary: 'Login page outage: sign-in fails for all users',
    priority: 'High',
    initialStatus: 'Open',
    reporter: SOFIA,
    initialAssignee: null,
    created: s('2026-10-17T20:46:30+02:00'),
    labels: ['customer-facing', 'login', 'web'],
    description: doc(
      p(
        "Customers are posting that they can't sign in. The first post I saw was at 19:44 UK time and there are seven now. ",
        'I can reproduce it with my own test account: the login form loads, but after submitting it spins for about half a minute and then says "Something went wrong".',
      ),
      bulletList(
        li([p('People who were already signed in seem unaffected.')]),
        li([p('Same result in Firefox and Chrome.')]),
        li([p('Reports so far from the UK, Germany and Sweden.')]),
      ),
      p('Customer reports are collected in SUP-1.'),
    ),
    comments: [
      comment(
        s('2026-10-17T20:47:10+02:00'),
        SOFIA,
        doc(
          p(
            who(MAYA),
            " you're the only engineer showing as online right now. Could you take a look? Weekend paging isn't set up for the web team yet, so I'm asking here and in ",
            link({ href: chatThread(s('2026-10-17T20:47:00+02:00')) })('#incidents'),
            '.',
          ),
        ),
      ),
      comment(
        s('2026-10-17T19:49:10+01:00'),
        MAYA,
        "Taking this. I can reproduce it too: POST /login hangs and the load balancer answers 502 after 30 seconds. Static pages load fine.\n\nWorking out how to get onto the web hosts from home; I haven't needed to do that before.",
      ),
      comment(
        s('2026-10-17T19:52:30+01:00'),
        MAYA,
        'Raising the priority: every sign-in I have tried fails, across three accounts. Existing sessions keep working, so it is new logins only.',
      ),
      comment(
        s('2026-10-17T19:54:40+01:00'),
        MAYA,
        'The production access page linked from the web runbook has been a dead link since the wiki clean-up. Found a copy through search; the VPN profile connected on the second attempt.',
      ),
      comment(
        s('2026-10-17T19:55:30+01:00'),
        MAYA,
        "Team-only note: the runbook copy says to use the vault entry web-prod, but the SSH key for the web hosts is under web-prod-ssh. Tomás's mobile number isn't in the on-call sheet either; Aiko sent it to me in a direct message.",
        DEVELOPERS_ONLY,
      ),
      comment(
        s('2026-10-17T19:56:50+01:00'),
        MAYA,
        doc(
          p('On web-02 now. Load average is 41 on 8 cores.'),
          bash('top -b -n 1 -o %CPU | head -n 12'),
          p(
            'Top entry is PID 48213, user ',
            code('deploy'),
            ', 395% CPU, command ',
            code('ruby export_runner.rb --all-accounts'),
            ". I don't recognise it and I'd rather not kill something that might be halfway through writing data.",
          ),
        ),
      ),
      comment(s('2026-10-17T19:57:40+01:00'), MAYA, doc(p('Escalating to ', who(TOMAS), '. Calling him now.'))),
      comment(
        s('2026-10-17T14:59:20-04:00'),
        TOMAS,
        "On the phone with Maya. I'm at my niece's birthday party, working from the laptop in the car.\n\nThat PID is the monthly account export. It only reads from the replica and normally runs on the reporting worker; this month it started on web-02 at 19:40 UK time and is starving the login workers of CPU. It is safe to stop.",
      ),
      comment(
        s('2026-10-17T15:00:40-04:00'),
        TOMAS,
        doc(
          p('Stopping it and restarting the web service on web-02:'),
          bash(
            'sudo kill -TERM 48213',
            'sudo systemctl restart webapp.service',
            "curl -s -o /dev/null -w '%{http_code}\\n' https://app.example.com/login",
          ),
          p('The same job is scheduled on all three web hosts; only web-02 picked it up this month.'),
        ),
      ),
      comment(
        s('2026-10-17T15:02:10-04:00'),
        TOMAS,
        'Login returns 200 again and the load average on web-02 is down to 12 and falling. Moving to monitoring.',
      ),
      comment(
        s('2026-10-17T15:03:00-04:00'),
        TOMAS,
        "Responders only: the export job's crontab line on the web hosts has the replica's read-only password in it. I'll rotate it on Monday and move the job to the reporting worker; please don't paste that line into the review or the status page.",
        RESPONDERS_ONLY,
      ),
      comment(
        s('2026-10-17T20:03:30+01:00'),
        MAYA,
        'Signed in with three test accounts, all fine. 5xx on the login endpoint is back to its usual near-zero on the dashboard.',
      ),
      comment(
        s('2026-10-17T21:05:00+02:00'),
        SOFIA,
        doc(
          p(
            'Status page moved to "Monitoring" (tracked in SUP-2). Replying now to everyone who posted. ',
            emoji({ shortName: ':thumbsup:', id: '1f44d', text: '👍' }),
          ),
        ),
      ),
      comment(
        s('2026-10-17T20:34:00+01:00'),
        MAYA,
        "Thirty minutes without errors, resolving. Tomás has gone back to the party; I'll keep the dashboard open this evening.\n\nThe export is still scheduled on the web hosts, so I've commented it out of the deploy user's crontab on all three until Monday.",
      ),
      comment(s('2026-10-18T10:12:00+01:00'), MAYA, 'Quiet night, no recurrence. The export did not start anywhere.'),
      comment(
        s('2026-10-19T08:40:00-05:00'),
        DANIEL,
        doc(
          p('Exact times from the login dashboard and the load balancer logs, for the review:'),
          table(
            tr([th()(p('Moment')), th()(p('Time (UK)'))]),
            tr([td()(p('First 5xx on /login')), td()(p('19:41:30'))]),
            tr([td()(p('First customer post')), td()(p('19:44'))]),
            tr([td()(p('Incident opened')), td()(p('19:46:30'))]),
            tr([td()(p('Export stopped')), td()(p('20:00:50'))]),
            tr([td()(p('5xx back to baseline')), td()(p('20:01:40'))]),
          ),
          p('Dashboard: ', link({ href: LOGIN_DASHBOARD })('login overview, 19:30–20:30')),
        ),
      ),
      comment(
        s('2026-10-19T23:10:00+09:00'),
        AIKO,
        doc(
          p('What made this harder, from my notes of the evening:'),
          bulletList(
            li([p('the production access link in the web runbook points at a page that moved')]),
            li([p('the vault entry named in the runbook is out of date')]),
            li([p('escalation phone numbers live in a sheet that is missing two people')]),
            li([p('nobody is paged for the web tier at weekends, so support found us through chat')]),
            li([p('the export is in the shared base image, so every web host has it scheduled')]),
          ),
          p(
            'Also worth saying: Sofia spotting the posts within three minutes is a big part of why this lasted 20 minutes and not an hour ',
            emoji({ shortName: ':clap:', id: '1f44f', text: '👏' }),
          ),
        ),
      ),
      comment(
        s('2026-10-19T10:30:00-04:00'),
        TOMAS,
        doc(
          panel({ panelType: PanelType.INFO })(
            p('No recurrence since Saturday, so I am closing the incident. Problem ticket for the export schedule: OPS-1.'),
            p(
              `Review on ${day('2026-10-22', 'EEEE d MMMM')}, 15:00 UK time; I will facilitate. Before then, please add to the timeline what you saw, what you tried and what was confusing. `,
              "We're looking at how our setup made this hard, not at who did what.",
            ),
          ),
        ),
      ),
    ],
    changes: [
      change(s('2026-10-17T19:49:00+01:00'), MAYA, 'assignee', null, MAYA),
      change(s('2026-10-17T19:49:20+01:00'), MAYA, 'status', 'Open', 'Investigating'),
      change(s('2026-10-17T19:52:10+01:00'), MAYA, 'priority', 'Medium', 'High'),
      change(s('2026-10-17T19:57:30+01:00'), MAYA, 'assignee', MAYA, TOMAS),
      change(s('2026-10-17T15:00:00-04:00'), TOMAS, 'status', 'Investigating', 'Identified'),
      change(s('2026-10-17T15:01:50-04:00'), TOMAS, 'status', 'Identified', 'Monitoring'),
      change(s('2026-10-17T20:33:30+01:00'), MAYA, 'assignee', TOMAS, MAYA),
      change(s('2026-10-17T20:34:00+01:00'), MAYA, 'status', 'Monitoring', 'Resolved'),
      change(s('2026-10-17T20:34:00+01:00'), MAYA, 'resolution', null, 'Done'),
      change(s('2026-10-19T10:28:00-04:00'), TOMAS, 'labels', 'login web', 'customer-facing login web'),
      change(s('2026-10-19T10:29:40-04:00'), TOMAS, 'status', 'Resolved', 'Closed'),
    ],
    remoteLinks: [
      { url: STATUS_PAGE_LOGIN, title: 'Status page: Some customers cannot sign in', summary: 'Public status page incident' },
      {
        url: chatThread(s('2026-10-17T20:47:00+02:00')),
        title: `Chat thread in #incidents, ${day('2026-10-17', 'd MMM')}`,
      },
      { url: LOGIN_DASHBOARD, title: 'Login overview dashboard (incident window)' },
      {
        globalId: 'wiki-runbook-production-access',
        url: 'https://wiki.example.org/spaces/OPS/pages/4411/Production+access+for+web+hosts',
        title: 'Runbook: production access for web hosts',
      },
    ],
  };

  const sup1: SeedIssue = {
    key: 'SUP-1',
    type: 'Support request',
    summary: "Customers report they can't sign in (social media)",
    priority: 'High',
    initialStatus: 'Open',
    reporter: SOFIA,
    initialAssignee: SOFIA,
    created: s('2026-10-17T20:45:00+02:00'),
    labels: ['social-media'],
    description:
      'Several posts on social media since 19:44 UK time say the login page "just spins" and then errors.\n\nCollecting the posts and customer emails here; engineering incident to follow.',
    comments: [
      comment(
        s('2026-10-17T20:45:20+02:00'),
        SOFIA,
        'First post I saw was at 19:44 UK time: "can\'t log in, it just spins". Five more since then, all saying the same. Links are in the chat thread. Opening an incident for engineering.',
      ),
      comment(
        s('2026-10-17T21:12:00+02:00'),
        SOFIA,
        'Replied to all nine posts with the status page link. Two customers also emailed; both answered.',
      ),
      comment(
        s('2026-10-18T11:05:00+02:00'),
        SOFIA,
        'No new reports overnight. Both customers who emailed confirmed they can sign in. Resolving.',
      ),
    ],
    changes: [
      change(s('2026-10-17T20:45:40+02:00'), SOFIA, 'status', 'Open', 'In Progress'),
      change(s('2026-10-17T20:50:00+02:00'), SOFIA, 'priority', 'Medium', 'High'),
      change(s('2026-10-18T11:05:30+02:00'), SOFIA, 'status', 'In Progress', 'Resolved'),
      change(s('2026-10-18T11:05:30+02:00'), SOFIA, 'resolution', null, 'Done'),
    ],
    remoteLinks: [
      {
        url: s('https://social.example.com/search?q=example%20app%20login&since=2026-10-17'),
        title: `Social media search: login complaints, ${day('2026-10-17', 'd MMM')}`,
      },
    ],
  };

  const sup2: SeedIssue = {
    key: 'SUP-2',
    type: 'Task',
    summary: 'Status page: post and update the login incident',
    priority: 'High',
    initialStatus: 'To Do',
    reporter: SOFIA,
    initialAssignee: SOFIA,
    created: s('2026-10-17T20:52:00+02:00'),
    labels: ['status-page'],
    comments: [
      comment(s('2026-10-17T20:53:10+02:00'), SOFIA, 'Posted "Investigating: some customers cannot sign in" at 20:53 (19:53 UK).'),
      comment(s('2026-10-17T21:04:30+02:00'), SOFIA, 'Updated to "Monitoring: a fix has been applied".'),
      comment(s('2026-10-17T21:40:00+02:00'), SOFIA, 'Posted "Resolved" after Maya confirmed thirty minutes without errors.'),
      comment(
        s('2026-10-19T16:20:00+02:00'),
        SOFIA,
        'For the review: the status page tool had logged me out and asked for a 2FA code from my work phone, which was in my bag. That added about four minutes before the first post.',
      ),
    ],
    changes: [
      change(s('2026-10-17T20:52:30+02:00'), SOFIA, 'status', 'To Do', 'In Progress'),
      change(s('2026-10-17T21:40:30+02:00'), SOFIA, 'status', 'In Progress', 'Done'),
      change(s('2026-10-17T21:40:30+02:00'), SOFIA, 'resolution', null, 'Done'),
    ],
    remoteLinks: [{ url: STATUS_PAGE_LOGIN, title: 'Status page: Some customers cannot sign in' }],
  };

  const ops1: SeedIssue = {
    key: 'OPS-1',
    type: 'Bug',
    summary: 'Monthly account export is scheduled on every web host',
    priority: 'High',
    initialStatus: 'To Do',
    reporter: TOMAS,
    initialAssignee: TOMAS,
    created: s('2026-10-19T09:05:00-04:00'),
    labels: ['cron', 'base-image'],
    description: `The monthly account export (export_runner.rb) ran on web-02 on ${day('2026-10-17', 'd MMM')} and took the login service down with it (INC-1). It is meant to run on the reporting worker only.`,
    comments: [
      comment(
        s('2026-10-19T09:05:30-04:00'),
        TOMAS,
        `The export's cron entry lives in the shared base image, so every host built since the ${day('2026-08-15', 'MMMM')} image refresh carries it. The job takes a leader lock so only one host runs it; the reporting worker usually wins because its clock fires first, but this month web-02 got there first.`,
      ),
      comment(
        s('2026-10-20T10:20:00+09:00'),
        AIKO,
        doc(
          p(
            'Plan: move the schedule into the reporting role only, and make the job exit unless the host carries the ',
            code('reporting'),
            ' tag.',
          ),
          bash(
            'grep -rn export_runner /etc/cron.d/ roles/',
            '# after the change, on each web host:',
            'crontab -l -u deploy | grep -c export_runner   # expect 0',
          ),
        ),
      ),
      comment(
        s('2026-10-22T17:25:00+09:00'),
        AIKO,
        "Rolled out. The web hosts no longer have the export entry and the reporting worker's dry run went fine. This replaces Maya's temporary crontab edit from Saturday.",
      ),
      comment(s('2026-10-22T09:40:00+01:00'), MAYA, 'Checked web-01 to web-03 after the rollout: all clean. Thanks, Aiko.'),
    ],
    changes: [
      change(s('2026-10-19T09:06:00-04:00'), TOMAS, 'assignee', TOMAS, AIKO),
      change(s('2026-10-20T10:15:00+09:00'), AIKO, 'status', 'To Do', 'In Progress'),
      change(s('2026-10-22T18:00:00+09:00'), AIKO, 'status', 'In Progress', 'Done'),
      change(s('2026-10-22T18:00:00+09:00'), AIKO, 'resolution', null, 'Done'),
    ],
  };

  return [inc1, sup1, sup2, ops1];
}

// ---------------------------------------------------------------------------------------------
// INC-2 Stale-backup migration — cutover Monday 26 Oct (Chicago evening), found Tuesday 27 Oct.
// ---------------------------------------------------------------------------------------------
function backupMigration({ s, day }: StoryDates): SeedIssue[] {
  const ops2: SeedIssue = {
    key: 'OPS-2',
    type: 'Task',
    summary: 'Move Harbourline Logistics instance to the new cloud and retire the old one',
    priority: 'Medium',
    initialStatus: 'To Do',
    reporter: DANIEL,
    initialAssignee: DANIEL,
    created: s('2026-10-20T11:00:00-05:00'),
    labels: ['cloud-move'],
    description:
      'Part of the cloud move. Runbook linked. Old instance stays read-only for two weeks after the cutover, then it is retired.',
    comments: [
      comment(
        s('2026-10-20T11:05:00-05:00'),
        DANIEL,
        `Migration window: ${day('2026-10-26', 'EEEE d MMM')} from 19:00 Chicago time (the customer's quiet hours). The rehearsal on the Pinecrest tenant took 5 h 10 min.`,
      ),
      comment(
        s('2026-10-26T19:45:00-05:00'),
        DANIEL,
        'Migration tool finished at 19:41, 38 minutes after starting. Much faster than the rehearsal, but this tenant has far less attachment data. Spot checks fine: login, search, the shipment list loads, a sample of invoices opens. DNS switched at 19:41 and the old instance is read-only.',
      ),
      comment(
        s('2026-10-27T09:20:00-05:00'),
        DANIEL,
        `Putting the retirement on hold: the old instance is the only complete copy of ${day('2026-09-26', 'd MMM')} to ${day('2026-10-26', 'd MMM')} for this customer (INC-2). Nothing gets deleted until the review is done.`,
      ),
      comment(
        s('2026-11-06T11:00:00-05:00'),
        TOMAS,
        'Fine to retire the old instance once Harbourline signs off on their reconciliation. Please keep a final snapshot for 90 days.',
      ),
      comment(s('2026-11-12T15:25:00-06:00'), DANIEL, 'Harbourline signed off. Final snapshot archived for 90 days; old instance deleted.'),
    ],
    changes: [
      change(s('2026-10-26T18:55:00-05:00'), DANIEL, 'status', 'To Do', 'In Progress'),
      change(s('2026-10-27T09:20:30-05:00'), DANIEL, 'status', 'In Progress', 'Blocked'),
      change(s('2026-11-09T10:00:00-06:00'), DANIEL, 'status', 'Blocked', 'In Progress'),
      change(s('2026-11-12T15:30:00-06:00'), DANIEL, 'status', 'In Progress', 'Done'),
      change(s('2026-11-12T15:30:00-06:00'), DANIEL, 'resolution', null, 'Done'),
    ],
    remoteLinks: [
      {
        globalId: 'wiki-runbook-cloud-migration',
        url: 'https://wiki.example.org/spaces/OPS/pages/5120/Cloud+migration+runbook',
        title: 'Runbook: moving a tenant between clouds',
      },
    ],
  };

  const inc2: SeedIssue = {
    key: 'INC-2',
    type: 'Incident',
    summary: 'Stale-backup migration: Harbourline instance missing a month of data',
    priority: 'Highest',
    initialStatus: 'Open',
    reporter: SOFIA,
    initialAssignee: null,
    created: s('2026-10-27T09:34:00+01:00'),
    labels: ['backups', 'data-loss', 'migration'],
    description: doc(
      p(
        'Harbourline Logistics, moved to the new cloud last night (OPS-2), report that nothing they booked in the last month is visible. Details from the customer in SUP-3.',
      ),
      p(
        strong('Impact:'),
        ' one customer; everything written in the month before the cutover appears to be missing on the new instance. The old instance is still running, read-only.',
      ),
    ),
    comments: [
      comment(
        s('2026-10-27T09:36:00+01:00'),
        SOFIA,
        doc(
          p(
            who(MAYA),
            ' ',
            who(DANIEL),
            " customer-facing data problem right after last night's move. Daniel, I know it's the middle of the night for you; Maya, can you start?",
          ),
        ),
      ),
      comment(s('2026-10-27T08:41:00+00:00'), MAYA, 'Starting. Reading OPS-2 first to see what the migration did.'),
      comment(
        s('2026-10-27T08:58:00+00:00'),
        MAYA,
        doc(
          p('Not a display problem. Newest shipment on each side:'),
          codeBlock({ language: 'sql' })(
            text(s('SELECT max(created_at) FROM shipments;\n-- new instance: 2026-09-26 23:58:12\n-- old instance: 2026-10-27 00:39:51')),
          ),
          p(
            'About a month is missing on the new instance. The old one is still up and read-only, so as far as I can see nothing is gone for good.',
          ),
        ),
      ),
      comment(s('2026-10-27T09:03:00+00:00'), MAYA, 'Raising to Highest: confirmed data loss for a customer, even if we can recover it.'),
      comment(
        s('2026-10-27T09:05:00+00:00'),
        MAYA,
        doc(
          p(who(AIKO), ' could you check which backup the migration restored from? The numbers look like a backup from about a month ago.'),
        ),
      ),
      comment(s('2026-10-27T18:12:00+09:00'), AIKO, 'Looking at the backup catalogue for shard eu-3 now.'),
      comment(
        s('2026-10-27T18:31:00+09:00'),
        AIKO,
        doc(
          p(
            `Found it. Every nightly run for eu-3 since ${day('2026-09-27', 'd MMM')} is marked as a success but uploaded 0 bytes. The last real backup is from ${day('2026-09-26', 'd MMM')} 02:00, and that is what the migration restored.`,
          ),
          bulletList(
            li([p('the migration tool restores the newest backup, then copies the changes made since that backup from the live database')]),
            li([p('it took "since" from the catalogue\'s last-run time (yesterday 02:00), not from the newest backup that has data')]),
            li([p('so it copied one day of changes on top of a month-old backup, which is why it finished in 38 minutes')]),
          ),
          p("I'll open a ticket for the backup side."),
        ),
      ),
      comment(
        s('2026-10-27T05:55:00-04:00'),
        TOMAS,
        "Awake and reading. I'll handle the conversation with Harbourline's account lead. Until we agree a plan, please don't run anything that writes to either instance.",
      ),
      comment(
        s('2026-10-27T10:20:00+00:00'),
        MAYA,
        doc(
          p(strong('Recovery plan'), ' (agreed with Tomás on a call):'),
          orderedList()(
            li([p('maintenance mode on the new instance, once the customer agrees')]),
            li([p('export what they have written since the cutover: ', code(s('tenantctl export --since 2026-10-27T00:41Z')))]),
            li([p('re-run the copy directly from a snapshot of the old instance, not from backups')]),
            li([p("re-import this morning's records")]),
            li([p('the customer checks their totals before we switch maintenance mode off')]),
          ),
        ),
      ),
      comment(
        s('2026-10-27T11:26:00+01:00'),
        SOFIA,
        "Customer is OK with maintenance mode from 10:45 UK time. They'll book shipments on paper until we're back.",
      ),
      comment(
        s('2026-10-27T10:48:00+00:00'),
        MAYA,
        'Maintenance mode on at 10:45. Exported 312 records created since the cutover; checksum is in the chat thread.',
      ),
      comment(
        s('2026-10-27T09:10:00-05:00'),
        DANIEL,
        "Picking this up from Aiko, it's past 11 pm in Tokyo. Snapshot of the old instance taken at 13:50 UK time; the copy is running with row checks enabled. Expect about five hours.",
      ),
      comment(s('2026-10-27T12:45:00-05:00'), DANIEL, 'Copy at 70%, on track.'),
      comment(
        s('2026-10-27T14:20:00-05:00'),
        DANIEL,
        doc(
          p("Copy finished and this morning's 312 records are re-imported. Counts:"),
          table(
            tr([th()(p('Table')), th()(p('Old instance at cutover')), th()(p('Re-imported from Tuesday')), th()(p('New instance now'))]),
            tr([td()(p('shipments')), td()(p('48,207')), td()(p('312')), td()(p('48,519'))]),
            tr([td()(p('invoices')), td()(p('9,884')), td()(p('41')), td()(p('9,925'))]),
            tr([td()(p('customers')), td()(p('1,236')), td()(p('3')), td()(p('1,239'))]),
          ),
        ),
      ),
      comment(s('2026-10-27T14:34:30-05:00'), DANIEL, 'Maintenance mode off at 19:33 UK time. The customer is spot-checking.'),
      comment(
        s('2026-10-27T20:52:00+01:00'),
        SOFIA,
        'Customer can see the missing month again and is running their own reconciliation tonight.',
      ),
      comment(
        s('2026-10-28T09:15:00+00:00'),
        MAYA,
        "Customer's overnight spot checks found no gaps. Resolving; the full reconciliation sign-off is tracked in SUP-3.",
      ),
      comment(
        s('2026-10-30T10:00:00-04:00'),
        TOMAS,
        doc(
          panel({ panelType: PanelType.NOTE })(
            p(`Closing the incident. Review meeting booked for ${day('2026-11-04', 'EEEE d MMMM')}.`),
            p(
              "Three things lined up here, and none of them alone would have lost data: a backup job that reported success while uploading nothing, a migration step that trusted the catalogue's last-run time, and a rehearsal on a tenant too small to show the timing difference. Let's not hunt for a single root cause.",
            ),
          ),
        ),
      ),
    ],
    changes: [
      change(s('2026-10-27T08:40:30+00:00'), MAYA, 'assignee', null, MAYA),
      change(s('2026-10-27T08:40:50+00:00'), MAYA, 'status', 'Open', 'Investigating'),
      change(s('2026-10-27T09:02:00+00:00'), MAYA, 'priority', 'High', 'Highest'),
      change(s('2026-10-27T18:40:00+09:00'), AIKO, 'status', 'Investigating', 'Identified'),
      change(s('2026-10-27T18:40:10+09:00'), AIKO, 'assignee', MAYA, AIKO),
      change(
        s('2026-10-27T05:58:00-04:00'),
        TOMAS,
        'summary',
        'Harbourline: a month of data missing after cloud move',
        'Stale-backup migration: Harbourline instance missing a month of data',
      ),
      change(s('2026-10-27T09:09:00-05:00'), DANIEL, 'assignee', AIKO, DANIEL),
      change(s('2026-10-27T14:34:00-05:00'), DANIEL, 'status', 'Identified', 'Monitoring'),
      change(s('2026-10-28T09:15:30+00:00'), MAYA, 'status', 'Monitoring', 'Resolved'),
      change(s('2026-10-28T09:15:30+00:00'), MAYA, 'resolution', null, 'Done'),
      change(s('2026-10-28T09:30:00-04:00'), TOMAS, 'assignee', DANIEL, TOMAS),
      change(s('2026-10-30T10:00:30-04:00'), TOMAS, 'status', 'Resolved', 'Closed'),
    ],
    remoteLinks: [
      { url: chatThread(s('2026-10-27T09:34:00+01:00')), title: `Chat thread in #incidents, ${day('2026-10-27', 'd MMM')}` },
      { url: 'https://grafana.example.org/d/backups/backup-catalogue?var-shard=eu-3', title: 'Backup catalogue dashboard, shard eu-3' },
      {
        globalId: 'wiki-runbook-cloud-migration',
        url: 'https://wiki.example.org/spaces/OPS/pages/5120/Cloud+migration+runbook',
        title: 'Runbook: moving a tenant between clouds',
      },
    ],
  };

  const sup3: SeedIssue = {
    key: 'SUP-3',
    type: 'Support request',
    summary: 'Harbourline Logistics: a month of shipments missing since the move',
    priority: 'High',
    initialStatus: 'Open',
    reporter: SOFIA,
    initialAssignee: SOFIA,
    created: s('2026-10-27T09:20:00+01:00'),
    labels: ['customer-data'],
    comments: [
      comment(
        s('2026-10-27T09:21:00+01:00'),
        SOFIA,
        `Harbourline's operations lead says shipments booked in the last month don't appear in search or in the daily list. Their newest visible shipment is from ${day('2026-09-26', 'd MMMM')}. For now they're working from an export they took last Friday.`,
      ),
      comment(
        s('2026-10-27T09:50:00+01:00'),
        SOFIA,
        "Told them we're treating it as a major incident; next update by 11:30 UK time at the latest.",
      ),
      comment(
        s('2026-10-27T11:25:00+01:00'),
        SOFIA,
        'Customer agrees to maintenance mode from 10:45 UK time while we restore; they will keep booking on paper.',
      ),
      comment(
        s('2026-10-27T20:55:00+01:00'),
        SOFIA,
        'Restore finished. Customer is checking their totals for the month; waiting for their confirmation.',
      ),
      comment(
        s('2026-10-29T10:05:00+01:00'),
        SOFIA,
        'Customer finished their reconciliation: the month is complete and the 312 shipments booked on Tuesday morning are all there. Resolving.',
      ),
    ],
    changes: [
      change(s('2026-10-27T09:22:00+01:00'), SOFIA, 'status', 'Open', 'In Progress'),
      change(s('2026-10-27T20:55:30+01:00'), SOFIA, 'status', 'In Progress', 'Waiting for customer'),
      change(s('2026-10-29T10:10:00+01:00'), SOFIA, 'status', 'Waiting for customer', 'Resolved'),
      change(s('2026-10-29T10:10:00+01:00'), SOFIA, 'resolution', null, 'Done'),
    ],
  };

  const ops3: SeedIssue = {
    key: 'OPS-3',
    type: 'Bug',
    summary: `Nightly backups for shard eu-3 report success but upload nothing since ${day('2026-09-27', 'd MMM')}`,
    priority: 'Highest',
    initialStatus: 'To Do',
    reporter: AIKO,
    initialAssignee: AIKO,
    created: s('2026-10-27T19:05:00+09:00'),
    labels: ['backups'],
    comments: [
      comment(
        s('2026-10-27T19:10:00+09:00'),
        AIKO,
        doc(
          p(
            `Storage credentials for eu-3 were rotated on ${day('2026-09-26', 'd MMM')}. Since then the upload step gets a 403, logs it as a warning, and the wrapper exits 0, so the catalogue records each run as successful with 0 bytes.`,
          ),
          bash(
            'backupctl list --shard eu-3 --last 4',
            s('2026-10-27 02:00  success  0 B'),
            s('2026-10-26 02:00  success  0 B'),
            s('2026-10-25 02:00  success  0 B'),
            s('2026-10-24 02:00  success  0 B'),
          ),
        ),
      ),
      comment(
        s('2026-10-28T08:30:00-05:00'),
        DANIEL,
        'The wrapper now exits non-zero on any upload error, and the catalogue stores the bytes uploaded per run. Reviewed and merged.',
      ),
      comment(
        s('2026-10-28T23:00:00+09:00'),
        AIKO,
        "Checked all 14 shards: eu-3 is the only one with zero-byte runs. Fixed the credentials and took a manual backup (41 GB); tonight's run will use the new wrapper.",
      ),
      comment(
        s('2026-10-29T18:25:00+09:00'),
        AIKO,
        "Last night's run uploaded 41 GB through the new wrapper. Closing; an alert on backup age is a separate action item for the review.",
      ),
    ],
    changes: [
      change(s('2026-10-27T19:06:00+09:00'), AIKO, 'status', 'To Do', 'In Progress'),
      change(s('2026-10-29T18:30:00+09:00'), AIKO, 'status', 'In Progress', 'Done'),
      change(s('2026-10-29T18:30:00+09:00'), AIKO, 'resolution', null, 'Done'),
    ],
  };

  return [ops2, inc2, sup3, ops3];
}

// ---------------------------------------------------------------------------------------------
// INC-3 Overnight ETL not run — scheduler paused Monday 9 Nov, found Tuesday 10 Nov (UK, +00:00).
// ---------------------------------------------------------------------------------------------
function etlNotRun({ s, day }: StoryDates): SeedIssue[] {
  const ops4: SeedIssue = {
    key: 'OPS-4',
    type: 'Task',
    summary: 'Backfill the new currency column in the warehouse orders table',
    priority: 'Medium',
    initialStatus: 'To Do',
    reporter: AIKO,
    initialAssignee: AIKO,
    created: s('2026-11-06T16:00:00+09:00'),
    labels: ['data-warehouse'],
    comments: [
      comment(
        s('2026-11-06T16:05:00+09:00'),
        AIKO,
        doc(
          p('Steps for Monday:'),
          bulletList(
            li([p("pause the ETL scheduler so the nightly jobs don't read a half-filled column")]),
            li([p('run the backfill in batches of 50k rows')]),
            li([p('check that no NULL currency values remain')]),
            li([p('resume the scheduler')]),
          ),
        ),
      ),
      comment(s('2026-11-09T18:04:00+09:00'), AIKO, 'Scheduler paused at 18:03 (09:03 UK). Backfill running.'),
      comment(s('2026-11-09T20:33:00+09:00'), AIKO, 'Backfill finished at 20:30; 0 NULLs left. Marking done.'),
      comment(
        s('2026-11-10T09:45:00+00:00'),
        MAYA,
        "Linking INC-3: the scheduler stayed paused after this, so last night's run didn't happen.",
      ),
      comment(
        s('2026-11-10T19:05:00+09:00'),
        AIKO,
        'Thanks. The pause has no end time, and the scheduler only shows it on its admin page, which none of the dashboards link to.',
      ),
    ],
    changes: [
      change(s('2026-11-09T18:00:00+09:00'), AIKO, 'status', 'To Do', 'In Progress'),
      change(s('2026-11-09T20:35:00+09:00'), AIKO, 'status', 'In Progress', 'Done'),
      change(s('2026-11-09T20:35:00+09:00'), AIKO, 'resolution', null, 'Done'),
    ],
  };

  const inc3: SeedIssue = {
    key: 'INC-3',
    type: 'Incident',
    summary: 'Overnight ETL did not run: dashboards and revenue email show Monday data',
    priority: 'Medium',
    initialStatus: 'Open',
    reporter: MAYA,
    initialAssignee: null,
    created: s('2026-11-10T08:52:00+00:00'),
    labels: ['data-warehouse', 'etl'],
    description:
      "The overnight ETL didn't run: the campaign dashboard and the daily revenue email both show Monday's data. Reported in MKT-1 (campaign dashboard) and SUP-4 (finance email).\n\nThe first missed job looks like the 01:00 UTC orders load.",
    comments: [
      comment(s('2026-11-10T08:54:00+00:00'), MAYA, 'Looking. Scheduler UI loads, no failed runs listed, which is odd.'),
      comment(
        s('2026-11-10T09:05:30+00:00'),
        MAYA,
        'Raising to High while I check whether the billing export depends on the same scheduler. If it does, invoices go out late tomorrow.',
      ),
      comment(
        s('2026-11-10T09:20:30+00:00'),
        MAYA,
        doc(
          p("Found it: the scheduler has been paused since Monday 09:03 for OPS-4's backfill. Nothing has run since:"),
          bash(
            'etlctl scheduler status',
            s('# state: PAUSED since 2026-11-09T09:03:11Z (by aiko)'),
            s('etlctl runs list --since 2026-11-09T09:00Z'),
            '# 0 runs',
          ),
        ),
      ),
      comment(
        s('2026-11-10T09:26:00+00:00'),
        MAYA,
        doc(
          p('Resumed the scheduler and queued the missed runs in dependency order:'),
          bash('etlctl scheduler resume', s('etlctl backfill --from 2026-11-09 --to 2026-11-10 --respect-dependencies')),
        ),
      ),
      comment(
        s('2026-11-10T09:40:30+00:00'),
        MAYA,
        'The billing export has its own scheduler and ran normally at 02:00. Back to Medium: this affects internal reporting only.',
      ),
      comment(
        s('2026-11-10T19:05:30+09:00'),
        AIKO,
        'I paused it for the backfill in OPS-4. Resuming was the last step of my checklist, and I closed OPS-4 straight after the NULL check, late in my evening. Nothing on the dashboards says their data is a day old, so the first signal was people noticing.',
      ),
      comment(
        s('2026-11-10T10:40:00+00:00'),
        MAYA,
        'Orders and customers loads are done; the marketing and finance aggregates are running.',
      ),
      comment(
        s('2026-11-10T11:12:30+00:00'),
        MAYA,
        "All missed runs finished at 11:10. Dashboards show Tuesday's data and the revenue email was re-sent at 11:05.",
      ),
      comment(s('2026-11-10T12:25:00+01:00'), SOFIA, 'Lena and finance have both confirmed.'),
      comment(
        s('2026-11-10T07:10:00-05:00'),
        TOMAS,
        doc(
          p('Questions I would like the review to cover:'),
          bulletList(
            li([p('How do we find out that a scheduled job did not run, as opposed to ran and failed?')]),
            li([p('Can a manual pause expire on its own, or at least announce itself?')]),
            li([p('What made the resume step easy to lose once the backfill itself was done?')]),
          ),
          p(
            'Sev3 and internal only, but INC-2 had the same shape: a scheduled job quietly not doing its work. ',
            emoji({ shortName: ':eyes:', id: '1f440', text: '👀' }),
          ),
        ),
      ),
      comment(s('2026-11-10T12:11:00+00:00'), MAYA, 'Stepping out for lunch; Tomás is watching the aggregates until I am back.'),
      comment(s('2026-11-10T13:00:00+00:00'), MAYA, "Resolving. Tonight's run is the real test; I'll check it in the morning."),
      comment(s('2026-11-11T08:20:00+00:00'), MAYA, 'Overnight run completed on schedule, 01:00 to 01:47.'),
    ],
    changes: [
      change(s('2026-11-10T08:53:00+00:00'), MAYA, 'assignee', null, MAYA),
      change(s('2026-11-10T08:53:20+00:00'), MAYA, 'status', 'Open', 'Investigating'),
      change(s('2026-11-10T09:05:00+00:00'), MAYA, 'priority', 'Medium', 'High'),
      change(s('2026-11-10T09:20:00+00:00'), MAYA, 'status', 'Investigating', 'Identified'),
      change(s('2026-11-10T09:40:00+00:00'), MAYA, 'priority', 'High', 'Medium'),
      change(s('2026-11-10T11:12:00+00:00'), MAYA, 'status', 'Identified', 'Monitoring'),
      change(s('2026-11-10T12:11:30+00:00'), MAYA, 'assignee', MAYA, TOMAS),
      change(s('2026-11-10T12:58:00+00:00'), MAYA, 'assignee', TOMAS, MAYA),
      change(s('2026-11-10T13:00:30+00:00'), MAYA, 'status', 'Monitoring', 'Resolved'),
      change(s('2026-11-10T13:00:30+00:00'), MAYA, 'resolution', null, 'Done'),
    ],
    remoteLinks: [
      { url: 'https://etl.example.org/admin/scheduler', title: 'ETL scheduler admin page' },
      { url: chatThread(s('2026-11-10T08:52:00+00:00')), title: `Chat thread in #incidents, ${day('2026-11-10', 'd MMM')}` },
    ],
  };

  const mkt1: SeedIssue = {
    key: 'MKT-1',
    type: 'Task',
    summary: "Campaign dashboard still showing Monday's numbers",
    priority: 'Medium',
    initialStatus: 'To Do',
    reporter: LENA,
    initialAssignee: LENA,
    created: s('2026-11-10T09:15:00+01:00'),
    labels: ['dashboards'],
    comments: [
      comment(
        s('2026-11-10T09:15:40+01:00'),
        LENA,
        "The weekly campaign dashboard hasn't changed since yesterday morning: sign-ups, spend and conversions are identical to Monday's. I need the numbers for the 11:00 campaign review. Is the data late?",
      ),
      comment(
        s('2026-11-10T09:44:00+01:00'),
        SOFIA,
        "Engineering is on it. It isn't just your dashboard; finance's daily email is missing too. I'll update here.",
      ),
      comment(
        s('2026-11-10T10:45:00+01:00'),
        SOFIA,
        "Data is being reloaded; the dashboard should show Tuesday's numbers by about midday.",
      ),
      comment(s('2026-11-10T12:20:00+01:00'), LENA, 'Numbers are updated, thanks. Moved the campaign review to Wednesday.'),
    ],
    changes: [
      change(s('2026-11-10T09:16:00+01:00'), LENA, 'status', 'To Do', 'In Progress'),
      change(s('2026-11-10T12:22:00+01:00'), LENA, 'status', 'In Progress', 'Done'),
      change(s('2026-11-10T12:22:00+01:00'), LENA, 'resolution', null, 'Done'),
    ],
  };

  const sup4: SeedIssue = {
    key: 'SUP-4',
    type: 'Support request',
    summary: "Daily revenue email didn't arrive this morning",
    priority: 'Medium',
    initialStatus: 'Open',
    reporter: SOFIA,
    initialAssignee: SOFIA,
    created: s('2026-11-10T09:40:00+01:00'),
    comments: [
      comment(
        s('2026-11-10T09:40:30+01:00'),
        SOFIA,
        'Finance say the 07:00 revenue email is missing. Probably the same thing Lena is seeing in MKT-1.',
      ),
      comment(s('2026-11-10T12:29:00+01:00'), SOFIA, 'The email went out at 12:05 after the reload. Closing as a duplicate of INC-3.'),
    ],
    changes: [
      change(s('2026-11-10T09:41:00+01:00'), SOFIA, 'status', 'Open', 'In Progress'),
      change(s('2026-11-10T12:30:00+01:00'), SOFIA, 'status', 'In Progress', 'Resolved'),
      change(s('2026-11-10T12:30:00+01:00'), SOFIA, 'resolution', null, 'Duplicate'),
    ],
  };

  return [ops4, inc3, mkt1, sup4];
}

// ---------------------------------------------------------------------------------------------
// INC-4 Mainframe terminals disconnected — Wednesday 18 Nov, office hours in Chicago (-06:00).
// ---------------------------------------------------------------------------------------------
function terminalsDisconnected({ s, day }: StoryDates): SeedIssue[] {
  const ops5: SeedIssue = {
    key: 'OPS-5',
    type: 'Task',
    summary: 'Firmware upgrade on core-sw-2 (server room B)',
    priority: 'Medium',
    initialStatus: 'To Do',
    reporter: DANIEL,
    initialAssignee: DANIEL,
    created: s('2026-11-11T14:00:00-06:00'),
    labels: ['network', 'standard-change'],
    description: `Standard change: firmware 17.9 on core-sw-2 for the memory leak we saw in ${day('2026-09-15', 'MMMM')}. Supervisor modules one at a time so traffic stays up. ${day('2026-11-18', 'EEEE d MMM')} from 09:30, in office hours because that's when the vendor engineer is available.`,
    comments: [
      comment(s('2026-11-18T09:31:00-06:00'), DANIEL, 'Starting. Standby supervisor first.'),
      comment(
        s('2026-11-18T10:08:00-06:00'),
        DANIEL,
        'Firmware done on both supervisors. Tidying the cables in front of line card 1 that were blocking the fan tray.',
      ),
      comment(
        s('2026-11-18T12:05:00-06:00'),
        DANIEL,
        'Upgrade complete. All uplinks checked against the port map; see INC-4 for the terminal gateway uplink.',
      ),
    ],
    changes: [
      change(s('2026-11-18T09:30:00-06:00'), DANIEL, 'status', 'To Do', 'In Progress'),
      change(s('2026-11-18T12:10:00-06:00'), DANIEL, 'status', 'In Progress', 'Done'),
      change(s('2026-11-18T12:10:00-06:00'), DANIEL, 'resolution', null, 'Done'),
    ],
  };

  const ops6: SeedIssue = {
    key: 'OPS-6',
    type: 'Task',
    summary: 'Firmware upgrade on core-sw-3 (server room B)',
    priority: 'Medium',
    initialStatus: 'To Do',
    reporter: DANIEL,
    initialAssignee: DANIEL,
    created: s('2026-11-11T14:20:00-06:00'),
    labels: ['network', 'standard-change'],
    description: `Same change as OPS-5, for the second core switch. Planned for ${day('2026-11-25', 'EEEE d MMM')}.`,
    comments: [
      comment(
        s('2026-11-18T13:00:00-06:00'),
        DANIEL,
        "On hold until the INC-4 review. We'd like the room B ports labelled and photographed before anyone works in front of that rack again.",
      ),
      comment(
        s('2026-11-19T09:40:00-05:00'),
        TOMAS,
        `Agreed. The vendor engineer can also do ${day('2026-12-02', 'd MMMM')} or ${day('2026-12-03', 'd MMMM')}.`,
      ),
    ],
    changes: [change(s('2026-11-18T13:00:30-06:00'), DANIEL, 'status', 'To Do', 'Blocked')],
  };

  const inc4: SeedIssue = {
    key: 'INC-4',
    type: 'Incident',
    summary: 'Mainframe terminals disconnected at branch offices',
    priority: 'High',
    initialStatus: 'Open',
    reporter: SOFIA,
    initialAssignee: null,
    created: s('2026-11-18T17:22:00+01:00'),
    labels: ['change-related', 'mainframe', 'network'],
    description: doc(
      p(
        'Branch offices report that the claims terminals (mainframe sessions) show "session disconnected" and do not reconnect. PCs, email and the web apps work. Calls are collected in SUP-5.',
      ),
      p('Started around 10:12 Chicago time according to the first callers.'),
    ),
    comments: [
      comment(
        s('2026-11-18T17:22:40+01:00'),
        SOFIA,
        doc(
          p(
            'Paging ',
            who(TOMAS),
            " as this week's incident lead. Branches lost their mainframe terminals around 10:12 Chicago time; SUP-5 has the calls.",
          ),
        ),
      ),
      comment(
        s('2026-11-18T11:25:00-05:00'),
        TOMAS,
        'I have it. The terminals go through gw-3270-a in server room B, and Daniel is in room B this morning for OPS-5. Messaging him.',
      ),
      comment(
        s('2026-11-18T11:31:00-05:00'),
        TOMAS,
        "The gateway process is running and healthy from its own console, but I can't reach it from the office network. Looks like network rather than the gateway.",
      ),
      comment(
        s('2026-11-18T10:41:00-06:00'),
        DANIEL,
        "Seen it. I've been tidying cables in front of core-sw-2 after the firmware upgrade. Checking every port that changed state in the last hour.",
      ),
      comment(
        s('2026-11-18T10:50:00-06:00'),
        DANIEL,
        doc(
          p('The port for the gateway uplink has been down since 10:12:07:'),
          codeBlock({ language: 'text' })(
            text(
              'core-sw-2# show interfaces status | include Te1/1/4\nTe1/1/47  uplink-dist-4   connected   trunk  full  10G\nTe1/1/48  gw-3270-a       notconnect  12     full  10G',
            ),
          ),
          p(
            'The cable for Te1/1/48 is unplugged. It was among the ones I moved to reach the fan tray; its label has faded, so nothing marked it out from the others.',
          ),
        ),
      ),
      comment(
        s('2026-11-18T10:58:00-06:00'),
        DANIEL,
        'Plugged back into Te1/1/48; link up at 10:57:40. The gateway answers from the office network again.',
      ),
      comment(
        s('2026-11-18T12:03:00-05:00'),
        TOMAS,
        'Some branches reconnected on their own; others need the terminal window reopened. Sofia is sending instructions.',
      ),
      comment(s('2026-11-18T12:06:30-05:00'), TOMAS, 'Every branch I have checked with has working sessions. Moving to monitoring.'),
      comment(
        s('2026-11-18T18:25:00+01:00'),
        SOFIA,
        'Branches report everything working. Claims taken on paper this morning are being keyed in now.',
      ),
      comment(
        s('2026-11-18T11:30:00-06:00'),
        DANIEL,
        "Handing back to Tomás. I'm finishing OPS-5 without touching any more cabling, and I've put OPS-6 on hold.",
      ),
      comment(
        s('2026-11-18T13:30:00-05:00'),
        TOMAS,
        doc(
          panel({ panelType: PanelType.NOTE })(p('Resolving. Times as I have them, for the review (Chicago time):')),
          table(
            tr([th()(p('What')), th()(p('When'))]),
            tr([td()(p('Uplink port goes down (switch log)')), td()(p('10:12:07'))]),
            tr([td()(p('First branch call')), td()(p('about 10:14'))]),
            tr([td()(p('Incident opened')), td()(p('10:22'))]),
            tr([td()(p('Unplugged cable found')), td()(p('10:50'))]),
            tr([td()(p('Cable plugged back in')), td()(p('10:57:40'))]),
            tr([td()(p('All branches working')), td()(p('11:06'))]),
          ),
        ),
      ),
      comment(
        s('2026-11-19T10:00:00+09:00'),
        AIKO,
        doc(
          p(
            'Reading this from Tokyo: the network monitor did alert on Te1/1/48 at 10:12, but to the network channel, which was muted for the change window. ',
            link({ href: s('https://netmon.example.org/alerts/2026-11-18/core-sw-2') })('Alert history'),
            '. Adding it to the review notes.',
          ),
        ),
      ),
      comment(
        s('2026-11-19T09:15:00-05:00'),
        TOMAS,
        'Review meeting to be scheduled next week; Daniel and the vendor engineer would both like to attend.',
      ),
    ],
    changes: [
      change(s('2026-11-18T11:24:30-05:00'), TOMAS, 'assignee', null, TOMAS),
      change(s('2026-11-18T11:24:50-05:00'), TOMAS, 'status', 'Open', 'Investigating'),
      change(s('2026-11-18T11:52:00-05:00'), TOMAS, 'status', 'Investigating', 'Identified'),
      change(s('2026-11-18T11:52:20-05:00'), TOMAS, 'assignee', TOMAS, DANIEL),
      change(s('2026-11-18T12:06:00-05:00'), TOMAS, 'status', 'Identified', 'Monitoring'),
      change(s('2026-11-18T11:30:30-06:00'), DANIEL, 'assignee', DANIEL, TOMAS),
      change(s('2026-11-18T13:30:30-05:00'), TOMAS, 'status', 'Monitoring', 'Resolved'),
      change(s('2026-11-18T13:30:30-05:00'), TOMAS, 'resolution', null, 'Done'),
      change(s('2026-11-18T13:31:00-05:00'), TOMAS, 'labels', 'mainframe network', 'change-related mainframe network'),
    ],
    remoteLinks: [
      { url: 'https://netmon.example.org/devices/core-sw-2/ports/Te1-1-48', title: 'Network monitor: core-sw-2 Te1/1/48' },
      { url: chatThread(s('2026-11-18T17:22:00+01:00')), title: `Chat thread in #incidents, ${day('2026-11-18', 'd MMM')}` },
      {
        globalId: 'wiki-runbook-3270-gateway',
        url: 'https://wiki.example.org/spaces/OPS/pages/6302/Mainframe+terminal+gateway',
        title: 'Runbook: mainframe terminal gateway',
      },
    ],
  };

  const sup5: SeedIssue = {
    key: 'SUP-5',
    type: 'Support request',
    summary: "Branch offices: mainframe terminals show 'session disconnected'",
    priority: 'High',
    initialStatus: 'Open',
    reporter: SOFIA,
    initialAssignee: SOFIA,
    created: s('2026-11-18T17:18:00+01:00'),
    labels: ['branches'],
    comments: [
      comment(
        s('2026-11-18T17:18:30+01:00'),
        SOFIA,
        "Four branches called in the last five minutes: claims terminals show 'session disconnected' and won't reconnect. PCs and email work fine.",
      ),
      comment(
        s('2026-11-18T17:35:00+01:00'),
        SOFIA,
        'Now 11 branches, about 140 terminals. Asked branches to take claims on paper forms for now.',
      ),
      comment(
        s('2026-11-18T18:04:00+01:00'),
        SOFIA,
        doc(
          p('Instructions sent to the branches:'),
          bulletList(
            li([p('close the terminal window completely')]),
            li([p('reopen it from the desktop icon')]),
            li([p('if it still says disconnected after two minutes, call us back')]),
          ),
        ),
      ),
      comment(s('2026-11-18T19:04:00+01:00'), SOFIA, 'No callbacks since 18:20. Resolving.'),
    ],
    changes: [
      change(s('2026-11-18T17:19:00+01:00'), SOFIA, 'status', 'Open', 'In Progress'),
      change(s('2026-11-18T19:05:00+01:00'), SOFIA, 'status', 'In Progress', 'Resolved'),
      change(s('2026-11-18T19:05:00+01:00'), SOFIA, 'resolution', null, 'Done'),
    ],
  };

  const mkt2: SeedIssue = {
    key: 'MKT-2',
    type: 'Task',
    summary: "Hold Thursday's 'bring your claim to a branch' email",
    priority: 'Medium',
    initialStatus: 'To Do',
    reporter: LENA,
    initialAssignee: LENA,
    created: s('2026-11-18T17:40:00+01:00'),
    labels: ['email-campaign'],
    comments: [
      comment(
        s('2026-11-18T17:40:30+01:00'),
        LENA,
        "Sofia says the branch claims terminals are down. Thursday's email invites customers to bring claims into a branch, so I've paused the send until the branches are back to normal.",
      ),
      comment(
        s('2026-11-18T19:10:00+01:00'),
        SOFIA,
        'Terminals have been working again since 18:06 our time; branches are catching up on the morning.',
      ),
      comment(s('2026-11-19T09:55:00+01:00'), LENA, 'Rescheduled the email for Thursday 14:00 instead of 08:00. Done.'),
    ],
    changes: [
      change(s('2026-11-18T17:41:00+01:00'), LENA, 'status', 'To Do', 'In Progress'),
      change(s('2026-11-19T10:00:00+01:00'), LENA, 'status', 'In Progress', 'Done'),
      change(s('2026-11-19T10:00:00+01:00'), LENA, 'resolution', null, 'Done'),
    ],
  };

  // An action item someone wrote by hand after the INC-2 discussion, before the app was used.
  const inc5: SeedIssue = {
    key: 'INC-5',
    type: 'Sub-task',
    parent: 'INC-2',
    summary: 'Alert when the newest backup of any shard is older than 26 hours',
    priority: 'High',
    initialStatus: 'To Do',
    reporter: TOMAS,
    initialAssignee: DANIEL,
    created: s('2026-11-19T08:30:00-05:00'),
    labels: ['action-item', 'backups'],
    comments: [
      comment(
        s('2026-11-19T08:31:00-05:00'),
        TOMAS,
        'From the INC-2 discussion: we want to know within a day when any shard stops producing real backups, instead of finding out during a restore. Alert on the age of the newest backup with a non-zero size, per shard, paging the platform rota.',
      ),
      comment(
        s('2026-11-20T10:20:00-06:00'),
        DANIEL,
        doc(
          p(
            'Started. The exporter publishes ',
            code('newest_backup_age_seconds'),
            ' per shard; the alert fires at 26 h so one slow night does not page anyone.',
          ),
        ),
      ),
    ],
    changes: [change(s('2026-11-20T10:15:00-06:00'), DANIEL, 'status', 'To Do', 'In Progress')],
  };

  return [ops5, ops6, inc4, sup5, mkt2, inc5];
}

const demoLinks: readonly SeedLink[] = [
  { type: 'Relates', outward: 'SUP-1', inward: 'INC-1' },
  { type: 'Blocks', outward: 'INC-1', inward: 'SUP-2' },
  { type: 'Causes', outward: 'OPS-1', inward: 'INC-1' },
  { type: 'Relates', outward: 'INC-2', inward: 'SUP-3' },
  { type: 'Blocks', outward: 'INC-2', inward: 'OPS-2' },
  { type: 'Causes', outward: 'OPS-3', inward: 'INC-2' },
  { type: 'Relates', outward: 'INC-3', inward: 'INC-2' },
  { type: 'Relates', outward: 'OPS-4', inward: 'INC-3' },
  { type: 'Relates', outward: 'MKT-1', inward: 'INC-3' },
  { type: 'Duplicate', outward: 'SUP-4', inward: 'INC-3' },
  { type: 'Relates', outward: 'INC-4', inward: 'OPS-5' },
  { type: 'Blocks', outward: 'INC-4', inward: 'OPS-6' },
  { type: 'Cloners', outward: 'OPS-6', inward: 'OPS-5' },
  { type: 'Relates', outward: 'SUP-5', inward: 'INC-4' },
  { type: 'Relates', outward: 'INC-4', inward: 'MKT-2' },
];

/** The demo for a site first seeded at `now` (see `story-dates.ts`). */
export function demoScenarioAt(now: Date): SeedScenario {
  const at = storyDates(now);
  return {
    projects: demoProjects,
    // Order of appearance within a project fixes the keys: keep each project's issues in key order.
    issues: [
      ...loginOutage(at('login')),
      ...backupMigration(at('backup')),
      ...etlNotRun(at('etl')),
      ...terminalsDisconnected(at('mainframe')),
    ],
    links: demoLinks,
  };
}

/** The demo as of the story's own "now": what holds whatever the date (keys, links, bodies) is read from it. */
export const demoScenario: SeedScenario = demoScenarioAt(STORY_NOW);
