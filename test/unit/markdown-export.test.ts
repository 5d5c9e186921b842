import fc from 'fast-check';
import {
  type ActionItem,
  type IncidentOverview,
  type KeyMomentName,
  type KeyMoments,
  type Person,
  type ReviewDoc,
  type TimelineEntry,
  type TimelineView,
} from '../../src/contract';
import { KEY_MOMENTS } from '../../src/vocabulary';
import { escapeBlock, escapeCell, escapeInline, link, safeUrl } from '../../src/domain/markdown-escape';
import { renderReviewMarkdown, type MarkdownExportInput } from '../../src/domain/markdown-export';
import { whatHappened } from '../../src/domain/markdown-timeline';
import { computeMetrics } from '../../src/domain/metrics';
import { anyRemoteUrl } from '../support/hostile-urls';
import { severityOf } from '../../src/domain/severity';

// ---- A realistic review: INC-1 "Login page outage" (docs/DECISIONS.md#seed-incidents), times in UTC ----

const SITE = 'https://example.atlassian.net';
const MAYA: Person = { accountId: 'a-maya', displayName: 'Maya Okafor' };
const SOFIA: Person = { accountId: 'a-sofia', displayName: 'Sofia Lindqvist' };
const TOMAS: Person = { accountId: 'a-tomas', displayName: 'Tomás Herrera' };

const at = (hhmm: string) => `2026-10-17T${hhmm}:00.000Z`;

function momentsAt(times: Partial<Record<KeyMomentName, string>>): KeyMoments {
  return Object.fromEntries(
    KEY_MOMENTS.map((m) => [m, times[m] ? { at: times[m], source: 'derived' } : { at: null, source: 'none' }]),
  ) as KeyMoments;
}

function incident(): IncidentOverview {
  return {
    key: 'INC-1',
    summary: 'Login page outage: sign-in fails for all users',
    url: `${SITE}/browse/INC-1`,
    issueType: 'Incident',
    status: { name: 'Closed', category: 'done' },
    priority: 'High',
    severity: severityOf(2, 'priority'),
    assignee: MAYA,
    reporter: SOFIA,
    created: at('18:46'),
    resolved: at('19:34'),
    linkedIssues: [
      {
        key: 'OPS-7',
        summary: 'Roll back auth-service 4.2',
        issueType: 'Task',
        status: { name: 'Done', category: 'done' },
        relation: 'is caused by',
        url: `${SITE}/browse/OPS-7`,
      },
    ],
  };
}

const entry = (id: string, hhmm: string, fields: Partial<TimelineEntry>): TimelineEntry => ({
  id,
  at: at(hhmm),
  source: 'comment',
  issueKey: 'INC-1',
  relation: 'incident',
  actor: MAYA,
  text: '',
  annotation: { moments: [], internal: false },
  ...fields,
});

function timeline(
  moments: KeyMoments = momentsAt({
    impactStarted: at('18:41'),
    detected: at('18:46'),
    acknowledged: at('18:49'),
    identified: at('19:00'),
    restored: at('19:02'),
    closed: at('19:34'),
  }),
): TimelineView {
  const { metrics, problems } = computeMetrics(moments);
  const view: Omit<TimelineView, 'paging'> = {
    incidentKey: 'INC-1',
    incident: incident(),
    started: true,
    pulledAt: at('20:00'),
    entries: [
      entry('created', '18:46', {
        source: 'created',
        actor: SOFIA,
        text: 'Incident created',
        annotation: { moments: ['detected'], internal: false, phase: 'detection' },
      }),
      entry('comment:1', '18:49', {
        text: 'Looking at auth-service | error rate 100%',
        url: `${SITE}/browse/INC-1?focusedCommentId=1`,
        annotation: { moments: [], internal: true, phase: 'response', impact: 'neutral', kind: 'human-interaction' },
      }),
      entry('manual:1', '18:55', {
        source: 'manual',
        manualKind: 'status-page-update',
        actor: null,
        actorName: 'Comms bot',
        text: 'Investigating login failures',
        url: 'https://status.example.com/incidents/1',
      }),
      entry('change:7:status', '19:02', {
        source: 'status',
        issueKey: 'OPS-7',
        relation: 'is caused by',
        actor: TOMAS,
        text: 'In Progress → Done',
        annotation: { moments: ['restored'], internal: false, phase: 'remediation', impact: 'positive' },
      }),
    ],
    moments,
    metrics,
    problems,
    severity: severityOf(1, 'override'),
    people: [MAYA, SOFIA, TOMAS],
    version: 3,
  };
  return { ...view, paging: { total: view.entries.length, pageStarts: [] } };
}

const item = (id: string, fields: Partial<ActionItem>): ActionItem => ({
  id,
  summary: '',
  description: '',
  owner: null,
  dueDate: null,
  priority: 'Medium',
  question: 'other',
  jira: null,
  overdue: false,
  syncError: null,
  ...fields,
});

function fullDoc(): ReviewDoc {
  return {
    incidentKey: 'INC-1',
    status: 'in-review',
    content: {
      meeting: {
        title: 'INC-1 review',
        meetingDate: '2026-10-19',
        contact: SOFIA,
        createdBy: MAYA,
        facilitator: TOMAS,
        participants: [
          { ...MAYA, role: 'incident-commander' },
          { ...SOFIA, role: 'first-responder' },
        ],
      },
      goals: { knowSooner: 'Alert on login error rate.', recoverSooner: 'One-click rollback.' },
      description: 'A config push broke sign-in for 21 minutes.\nRollback restored it.',
      customerImpact: { affected: true, text: 'All users could not sign in.' },
      incidentCommander: MAYA,
      servicesImpacted: ['auth-service', 'web-login'],
      learnings: {
        learned: 'Config pushes skip canaries.',
        wentWell: 'Rollback took 2 minutes.',
        surprised: 'The health check stayed green.',
      },
      contributingFactors: [
        { id: 'f1', text: 'Config pushes bypass the canary stage.', category: 'change' },
        { id: 'f2', text: 'Health check only tests /ping.', category: 'detection' },
      ],
      remediation: 'Rolled back auth-service to 4.1.',
      tags: ['auth', 'config'],
      externalSummary: { proximateCause: '', resolution: '' },
    },
    actionItems: [
      item('a1', {
        summary: 'Alert on login error rate',
        description: 'Page on > 5% errors',
        owner: MAYA,
        dueDate: '2026-10-01',
        priority: 'High',
        question: 'know-sooner',
        overdue: true,
        jira: {
          key: 'INC-2',
          url: `${SITE}/browse/INC-2`,
          status: { name: 'To Do', category: 'new' },
          assignee: MAYA,
          dueDate: '2026-10-01',
          syncedAt: at('20:00'),
        },
      }),
      item('a2', { summary: 'Canary config pushes', question: 'recover-sooner' }),
    ],
    findings: [],
    version: 5,
    updatedAt: at('20:10'),
  };
}

function emptyDoc(): ReviewDoc {
  return {
    incidentKey: 'INC-1',
    status: 'draft',
    content: {
      meeting: { title: '', meetingDate: null, contact: null, createdBy: null, facilitator: null, participants: [] },
      goals: { knowSooner: '', recoverSooner: '' },
      description: '',
      customerImpact: { affected: null, text: '' },
      incidentCommander: null,
      servicesImpacted: [],
      learnings: { learned: '', wentWell: '', surprised: '' },
      contributingFactors: [],
      remediation: '   ',
      tags: [],
      externalSummary: { proximateCause: '', resolution: '' },
    },
    actionItems: [],
    findings: [],
    version: 0,
    updatedAt: null,
  };
}

const input = (overrides: Partial<MarkdownExportInput> = {}): MarkdownExportInput => ({
  doc: fullDoc(),
  timeline: timeline(),
  incident: incident(),
  timeZone: 'Europe/London',
  generatedAt: at('21:00'),
  ...overrides,
});

const lines = (markdown: string) => markdown.split('\n');
const headings = (markdown: string) => lines(markdown).filter((l) => /^ {0,3}#/.test(l));
/** The body of one `## ` section, up to the next `## ` heading. */
function sectionOf(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(/\n## /);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

const SECTION_HEADINGS = [
  '## Meeting details',
  '### Participants',
  '## Goals',
  '### Know sooner',
  '### Recover sooner',
  '## Summary',
  '## Key metrics',
  '## Key moments',
  '## What happened',
  '## Customer impact',
  '## Services impacted',
  '## Learnings',
  '### What we learned',
  '### What went well',
  '### What surprised us',
  '## Contributing factors',
  '## Remediation',
  '## Action items',
  '## Tickets',
  '## Tags',
];

describe('renderReviewMarkdown', () => {
  it('writes every section of the internal report, in order, with the incident in the title', () => {
    const { markdown, filename } = renderReviewMarkdown(input());
    expect(filename).toBe('INC-1-post-incident-review.md');
    expect(headings(markdown)).toStrictEqual([
      '# INC-1: Login page outage: sign-in fails for all users — post-incident review',
      ...SECTION_HEADINGS,
    ]);
    expect(markdown).toContain('**Review status:** In review');
    // The review's severity (here overridden on the timeline) wins over the priority mapping.
    expect(markdown).toContain('**Severity:** Sev1 (critical), Complete outage');
    expect(markdown).toContain('**Generated:** 2026-10-17 22:00 (Europe/London)');
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown).not.toContain('\r');
  });

  it('writes meeting details with participants and their roles as a table', () => {
    const meeting = sectionOf(renderReviewMarkdown(input()).markdown, '## Meeting details');
    expect(lines(meeting)).toEqual(
      expect.arrayContaining([
        '- **Title:** INC-1 review',
        '- **Meeting date:** 2026-10-19',
        '- **Contact:** Sofia Lindqvist',
        '- **Created by:** Maya Okafor',
        '- **Facilitator:** Tomás Herrera',
        '- **Incident commander:** Maya Okafor',
        '| Participant | Role |',
        '| Maya Okafor | Incident commander |',
        '| Sofia Lindqvist | First responder |',
      ]),
    );
  });

  it('writes goals, summary with the user’s line breaks, learnings, factors as a list, remediation and tags', () => {
    const { markdown } = renderReviewMarkdown(input());
    expect(sectionOf(markdown, '## Goals')).toBe(
      '### Know sooner\n\nAlert on login error rate.\n\n### Recover sooner\n\nOne-click rollback.',
    );
    expect(sectionOf(markdown, '## Summary')).toBe('A config push broke sign-in for 21 minutes.\\\nRollback restored it.');
    expect(sectionOf(markdown, '## Learnings')).toContain('### What surprised us\n\nThe health check stayed green.');
    // Each factor led by its category's label (issue 17).
    expect(sectionOf(markdown, '## Contributing factors')).toBe(
      '- Change/deploy: Config pushes bypass the canary stage.\n- Detection/monitoring gap: Health check only tests /ping.',
    );
    expect(markdown).not.toMatch(/root cause/i);
    expect(sectionOf(markdown, '## Customer impact')).toBe('**Customers affected:** yes\n\nAll users could not sign in.');
    expect(sectionOf(markdown, '## Services impacted')).toBe('- auth-service\n- web-login');
    expect(sectionOf(markdown, '## Remediation')).toBe('Rolled back auth-service to 4.1.');
    expect(sectionOf(markdown, '## Tags')).toBe('auth, config');
  });

  it('writes key metrics and key moments in the reader’s zone', () => {
    const { markdown } = renderReviewMarkdown(input());
    const metrics = sectionOf(markdown, '## Key metrics');
    expect(lines(metrics)).toEqual(
      expect.arrayContaining([
        '| Time to acknowledge (TTA) | 3 min |',
        '| Time to recover (TTR) | 16 min |',
        '| Impact duration | 21 min |',
        '| Detection phase | 5 min |',
        '| Response phase | 14 min |',
        '| Remediation phase | 2 min |',
      ]),
    );
    expect(sectionOf(markdown, '## Key moments')).toContain('| Detected | 2026-10-17 19:46 (Europe/London) | derived from the timeline |');
  });

  it('writes every timeline entry as a row, internal ones included and marked', () => {
    const happened = lines(sectionOf(renderReviewMarkdown(input()).markdown, '## What happened'));
    expect(happened).toStrictEqual([
      '| Time (Europe/London) | Source | Issue | Actor | Text | Phase | Impact |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| 2026-10-17 19:46 | Issue created | INC-1 | Sofia Lindqvist | **marks: detected** · Incident created | detection | — |',
      `| 2026-10-17 19:49 | [Comment](${SITE}/browse/INC-1?focusedCommentId=1) | INC-1 | Maya Okafor | **internal** · Looking at auth-service \\| error rate 100% | response | neutral |`,
      '| 2026-10-17 19:55 | [Status page update](https://status.example.com/incidents/1) | INC-1 | Comms bot | Investigating login failures | — | — |',
      '| 2026-10-17 20:02 | Status change | OPS-7 (is caused by) | Tomás Herrera | **marks: service restored** · In Progress → Done | remediation | positive |',
    ]);
  });

  it('writes action items with owner, due date, question, Jira key and status, and the overdue marker', () => {
    const actions = lines(sectionOf(renderReviewMarkdown(input()).markdown, '## Action items'));
    expect(actions).toStrictEqual([
      '| Action item | Owner | Due | Priority | Question | Jira | Flags |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| Alert on login error rate<br>Page on \\> 5% errors | Maya Okafor | 2026-10-01 | High | Know sooner | [INC-2](${SITE}/browse/INC-2) (To Do) | **overdue** |`,
      '| Canary config pushes | — | — | Medium | Recover sooner | not created | — |',
    ]);
  });

  it('lists the incident and its linked issues with the relation wording and their URLs', () => {
    expect(sectionOf(renderReviewMarkdown(input()).markdown, '## Tickets')).toBe(
      [
        `- **Incident:** [INC-1](${SITE}/browse/INC-1): Login page outage: sign-in fails for all users (Incident, Closed)`,
        `- **Is caused by:** [OPS-7](${SITE}/browse/OPS-7): Roll back auth-service 4.2 (Task, Done)`,
      ].join('\n'),
    );
  });

  it('says "None recorded." in every empty section instead of leaving it out', () => {
    const { markdown } = renderReviewMarkdown(input({ doc: emptyDoc(), timeline: null, incident: { ...incident(), linkedIssues: [] } }));
    expect(headings(markdown).slice(1)).toStrictEqual(SECTION_HEADINGS);
    for (const heading of [
      '## Summary',
      '## Key metrics',
      '## Key moments',
      '## What happened',
      '## Customer impact',
      '## Services impacted',
      '## Contributing factors',
      '## Remediation',
      '## Action items',
      '## Tags',
    ]) {
      expect(sectionOf(markdown, heading)).toBe('None recorded.');
    }
    expect(sectionOf(markdown, '## Goals')).toBe('### Know sooner\n\nNone recorded.\n\n### Recover sooner\n\nNone recorded.');
    expect(sectionOf(markdown, '## Meeting details')).toContain('### Participants\n\nNone recorded.');
    expect(sectionOf(markdown, '## Meeting details')).toContain('- **Facilitator:** not recorded');
    expect(markdown).toContain('**Review status:** Draft');
  });

  it('says why a metric is unknown and never writes it as 0', () => {
    const partial = timeline(momentsAt({ impactStarted: at('18:41'), detected: at('18:46'), restored: at('18:40') }));
    const metrics = sectionOf(renderReviewMarkdown(input({ timeline: partial })).markdown, '## Key metrics');
    expect(metrics).toContain('| Time to acknowledge (TTA) | unknown (missing: acknowledged) |');
    expect(metrics).toContain('| Response phase | unknown (missing: identified) |');
    expect(metrics).toContain('| Time to recover (TTR) | unknown (moments out of order) |');
    expect(metrics).toContain('Service restored is set before Detected');
    expect(metrics).not.toMatch(/\| 0 s \|/);
    expect(sectionOf(renderReviewMarkdown(input({ timeline: partial })).markdown, '## Key moments')).toContain(
      '| Acknowledged | not set | — |',
    );
  });

  it('writes the same instant in the given zone: Europe/London and America/Chicago', () => {
    const london = renderReviewMarkdown(input({ timeZone: 'Europe/London' })).markdown;
    const chicago = renderReviewMarkdown(input({ timeZone: 'America/Chicago' })).markdown;
    expect(london).toContain('| Detected | 2026-10-17 19:46 (Europe/London) |');
    expect(chicago).toContain('| Detected | 2026-10-17 13:46 (America/Chicago) |');
    expect(chicago).toContain('| Time (America/Chicago) |');
    expect(chicago).toContain('| 2026-10-17 13:49 |');
    // Across midnight in the zone, the date moves too.
    expect(renderReviewMarkdown(input({ timeZone: 'Asia/Tokyo' })).markdown).toContain(
      '| Service restored | 2026-10-18 04:02 (Asia/Tokyo) |',
    );
  });

  it('falls back to UTC, and says so, for a zone Intl does not know', () => {
    expect(renderReviewMarkdown(input({ timeZone: 'Mars/Olympus' })).markdown).toContain('| Detected | 2026-10-17 18:46 (UTC) |');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(renderReviewMarkdown(input()).markdown).toBe(renderReviewMarkdown(input()).markdown);
  });

  it('names the file from the incident key, keeping only file-safe characters', () => {
    expect(renderReviewMarkdown(input({ incident: { ...incident(), key: '../x y' } })).filename).toBe('x-y-post-incident-review.md');
  });
});

describe('markdown escaping', () => {
  it('escapes markers that would start a block at the start of a line', () => {
    expect(escapeBlock('# h\n> q\n- a\n+ b\n* c\n1. d\n2) e\n```js\n~~~\n===\n---\n    code')).toBe(
      ['\\# h', '\\> q', '\\- a', '\\+ b', '\\* c', '1\\. d', '2\\) e', '\\`\\`\\`js', '\\~\\~\\~', '\\===', '\\---', 'code'].join('\\\n'),
    );
  });

  it('escapes links, images, HTML, entities and emphasis inline', () => {
    expect(escapeInline('see [x](http://e) ![i](j) <img src=x> &lt; *b* _i_ `c` a\\b')).toBe(
      'see \\[x\\]\\(http://e\\) !\\[i\\]\\(j\\) \\<img src=x\\> \\&lt; \\*b\\* \\_i\\_ \\`c\\` a\\\\b',
    );
  });

  it('keeps plain prose readable: digits, hyphens and # inside a line are left alone', () => {
    expect(escapeInline('Deploy 4.2 re-ran job #12 at 18:46.')).toBe('Deploy 4.2 re-ran job #12 at 18:46.');
  });

  it('makes a heading or list marker text in an inline value (it may be written at a line start)', () => {
    expect(escapeInline('# not a heading\n\n- nor a list')).toBe('\\# not a heading - nor a list');
  });

  it('keeps paragraphs, collapses blank runs and drops blank text', () => {
    expect(escapeBlock('\n\n a \r\n\r\n\r\n b\rc \n')).toBe('a\n\nb\\\nc');
    expect(escapeBlock(' \n\t\n')).toBe('');
  });

  it('escapes table cells: pipes, backslashes, and line breaks as <br>', () => {
    expect(escapeCell('a | b \\ c\r\nd\ne')).toBe('a \\| b \\\\ c<br>d<br>e');
    expect(escapeCell('<br>')).toBe('\\<br\\>');
  });

  it('links only absolute http(s) URLs, percent-encoding what could end the destination', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl('https://e.test/a b(c)|d')).toBe('https://e.test/a%20b%28c%29%7Cd');
    expect(link('OPS-1', 'javascript:alert(1)')).toBe('OPS-1');
    expect(link('[x]', 'https://e.test/')).toBe('[\\[x\\]](https://e.test/)');
  });
});

// ---- Properties: arbitrary user text never becomes structure ---------------------------

/** Text biased towards Markdown syntax, line breaks and the exporter's own markup. */
const hostileText = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.string() },
      fc.constantFrom(
        '#',
        '# ',
        '\n',
        '\r',
        '\r\n',
        '\n\n',
        '](',
        '[',
        ']',
        '(',
        ')',
        '<',
        '>',
        '<br>',
        '<script>',
        '|',
        '\\',
        '`',
        '```',
        '~~~',
        '- ',
        '* ',
        '+ ',
        '1. ',
        '===',
        '---',
        '    ',
        '\t',
        '> ',
        '![i](x)',
        '[l](https://evil.test)',
        '&lt;',
        '$',
        '*',
        '_',
        '\u2028',
        '\u00a0#',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const hostilePerson = hostileText.map((displayName): Person => ({ accountId: 'x', displayName }));

const FIXED_URL = `${SITE}/browse/`;

/** A review, its timeline and incident with every free text (names, keys, summaries, tags…) arbitrary; URLs fixed. */
const hostileInput = fc
  .record({
    texts: fc.array(hostileText, { minLength: 30, maxLength: 30 }),
    people: fc.array(hostilePerson, { minLength: 4, maxLength: 4 }),
    tags: fc.array(hostileText, { maxLength: 3 }),
    services: fc.array(hostileText, { maxLength: 3 }),
  })
  .map(({ texts, people, tags, services }): MarkdownExportInput => {
    const t = (i: number) => texts[i];
    const base = input();
    const inc: IncidentOverview = {
      ...incident(),
      key: t(0),
      summary: t(1),
      issueType: t(2),
      status: { name: t(3), category: 'done' },
      linkedIssues: [
        { key: t(4), summary: t(5), issueType: t(6), status: { name: t(7), category: 'new' }, relation: t(8), url: `${FIXED_URL}L` },
      ],
    };
    const tl = timeline();
    tl.entries = tl.entries.map((e, i) => ({
      ...e,
      text: t(9 + i),
      issueKey: t(13),
      relation: t(14),
      actor: i % 2 ? people[i] : null,
      actorName: t(15),
    }));
    const doc = fullDoc();
    doc.content = {
      ...doc.content,
      meeting: {
        ...doc.content.meeting,
        title: t(16),
        meetingDate: t(17),
        contact: people[0],
        facilitator: people[1],
        participants: [{ ...people[2], role: 'support' }],
      },
      goals: { knowSooner: t(18), recoverSooner: t(19) },
      description: t(20),
      customerImpact: { affected: false, text: t(21) },
      incidentCommander: people[3],
      servicesImpacted: services,
      learnings: { learned: t(22), wentWell: t(23), surprised: t(24) },
      contributingFactors: [
        { id: 'f', text: t(25), category: 'other' },
        { id: 'g', text: t(26), category: 'other' },
      ],
      remediation: t(27),
      tags,
    };
    doc.actionItems = doc.actionItems.map((a) => ({
      ...a,
      summary: t(28),
      description: t(29),
      priority: t(2),
      dueDate: t(17),
      owner: people[0],
      syncError: t(3),
      jira: a.jira ? { ...a.jira, key: t(4), status: { name: t(7), category: 'new' } } : null,
    }));
    return { ...base, doc, timeline: tl, incident: inc };
  });

/** A line's characters that are not backslash-escaped, with their offsets (CommonMark: `\` escapes the next character). */
function unescaped(line: string): { char: string; index: number }[] {
  const out: { char: string; index: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else out.push({ char: line[i], index: i });
  }
  return out;
}

const outputLines = (markdown: string) => markdown.split(/\r\n|\r|\n/);

describe('renderReviewMarkdown with arbitrary user text', () => {
  it('writes no heading but its own, and no setext underline, fence or indented code', () => {
    fc.assert(
      fc.property(hostileInput, (given) => {
        const all = outputLines(renderReviewMarkdown(given).markdown);
        const own = all.filter((l) => /^ {0,3}#/.test(l));
        expect(own[0]).toMatch(/^# .* — post-incident review$/);
        expect(own.slice(1)).toStrictEqual(SECTION_HEADINGS);
        // Setext underlines, fences, indented code and block quotes.
        expect(all.filter((l) => /^ {0,3}(=+|-+) *$|^ {0,3}(```|~~~)|^( {4}|\t)|^ {0,3}>/.test(l))).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes no link but the exporter’s own to a known URL, and no HTML but its <br> in table cells', () => {
    fc.assert(
      fc.property(hostileInput, (given) => {
        const violations: string[] = [];
        for (const line of outputLines(renderReviewMarkdown(given).markdown)) {
          const chars = unescaped(line);
          chars.forEach(({ char, index }, k) => {
            const destination = line.slice(index + 2);
            if (
              char === ']' &&
              chars[k + 1]?.char === '(' &&
              ![FIXED_URL, 'https://status.example.com/'].some((u) => destination.startsWith(u))
            )
              violations.push(`link: ${line}`);
            if (char === '<' && !(line.startsWith('| ') && line.startsWith('<br>', index))) violations.push(`tag: ${line}`);
            if (char === '&') violations.push(`entity: ${line}`);
          });
        }
        expect(violations).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every table row at its header’s column count', () => {
    const columns = (line: string) => unescaped(line).filter((c) => c.char === '|').length;
    fc.assert(
      fc.property(hostileInput, (given) => {
        const all = outputLines(renderReviewMarkdown(given).markdown);
        let expected = 0;
        let rows = 0;
        all.forEach((line, i) => {
          if (!line.startsWith('|')) return;
          if (!all[i - 1]?.startsWith('|')) expected = columns(line);
          expect(columns(line)).toBe(expected);
          rows++;
        });
        // Participants 1, metrics 6, moments 6, entries 4, action items 2; each table has a header and a delimiter row.
        expect(rows).toBe(1 + 6 + 6 + 4 + 2 + 5 * 2);
      }),
      { numRuns: 300 },
    );
  });

  it('links an arbitrary URL only when it is http(s), and never lets it end the destination early', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), hostileText, fc.constantFrom('javascript:alert(1)', 'https://e.test/a)(b|c d<e>')), (url) => {
        const rendered = link('K-1', url);
        if (rendered === 'K-1') return;
        expect(rendered).toMatch(/^\[K-1\]\(https?:\/\/[^\s()<>|]*\)$/);
      }),
    );
  });
});

/** Every link destination in a Markdown export (`](` not backslash-escaped, up to the next `)`). */
function linkDestinations(markdown: string): string[] {
  const found: string[] = [];
  for (const line of outputLines(markdown)) {
    const chars = unescaped(line);
    chars.forEach(({ char, index }, k) => {
      if (char !== ']' || chars[k + 1]?.char !== '(') return;
      const start = index + 2;
      const end = line.indexOf(')', start);
      found.push(line.slice(start, end < 0 ? line.length : end));
    });
  }
  return found;
}

/** A link destination the URL policy allows in a file read away from the site: absolute http(s), no credentials. */
function isWebDestination(destination: string): boolean {
  if (!/^https?:\/\/[^\s()<>|]+$/.test(destination)) return false;
  const parsed = new URL(destination);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.username === '' && parsed.password === '';
}

describe('links in the export follow the URL policy (docs/DECISIONS.md#what-must-hold)', () => {
  it('links a remote link to an http(s) URL, and writes any other as text', () => {
    expect(link('Runbook', 'JaVaScRiPt:alert(1)')).toBe('Runbook');
    expect(link('Runbook', ' \u0001java\tscript:alert(1)')).toBe('Runbook');
    expect(link('Runbook', 'https://user:pass@evil.test/')).toBe('Runbook');
    expect(link('Runbook', '//evil.test/x')).toBe('Runbook');
    expect(link('Runbook', 'https://wiki.example.com/Runbook')).toBe('[Runbook](https://wiki.example.com/Runbook)');
  });

  it('writes no link whose destination is not an absolute http(s) URL, for any URL in any field', () => {
    const urls = fc.array(anyRemoteUrl, { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(urls, (u) => {
        const base = input();
        const tl = timeline();
        tl.entries = tl.entries.map((e, i) => ({ ...e, source: i % 2 ? 'remote-link' : e.source, url: u[i] }));
        const inc: IncidentOverview = { ...incident(), url: u[4], linkedIssues: incident().linkedIssues.map((l) => ({ ...l, url: u[5] })) };
        const doc = fullDoc();
        doc.actionItems = doc.actionItems.map((a, i) => (a.jira ? { ...a, jira: { ...a.jira, url: u[6 + (i % 2)] } } : a));
        const destinations = linkDestinations(
          renderReviewMarkdown({ ...base, doc, timeline: { ...tl, incident: inc }, incident: inc }).markdown,
        );
        expect(destinations.filter((d) => !isWebDestination(d))).toStrictEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the exported timeline of a very large incident', () => {
  it('keeps within its byte budget, curated entries first, in time order, and says how many it left out', () => {
    const t = timeline();
    const plain = Array.from({ length: 400 }, (_, i) => entry(`comment:p${i}`, '19:10', { text: `Plain comment ${i} ${'x'.repeat(200)}` }));
    const many: TimelineView = { ...t, entries: [...t.entries, ...plain] };
    const table = whatHappened(many, 'UTC', 20_000);
    expect(Buffer.byteLength(table)).toBeLessThan(22_000);
    expect(table).toMatch(/^Showing \d+ of 404 entries \(the annotated ones first\)/);
    // Every curated entry is there (created, the internal comment, the manual entry, the status change).
    for (const text of ['Incident created', 'Investigating login failures', 'In Progress → Done']) expect(table).toContain(text);
    const shown = [...table.matchAll(/Plain comment (\d+)/g)].map((m) => Number(m[1]));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(whatHappened(t, 'UTC')).not.toMatch(/^Showing/);
  });
});
