import { isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import {
  type ActionItem,
  type EntrySource,
  type ExternalSummary,
  type IncidentOverview,
  type KeyMoments,
  type ParticipantRole,
  type Person,
  type ReviewDoc,
  type SeverityLevel,
  type TimelineEntry,
  type TimelineView,
} from '../../src/contract';
import { KEY_MOMENTS } from '../../src/vocabulary';
import { computeMetrics } from '../../src/domain/metrics';
import { severityOf } from '../../src/domain/severity';
import { buildExternalSummary, externalPageTitle, knownNames, renderExternalSummary } from '../../src/domain/report/external-summary';
import { internalPageTitle, renderInternalReport, type MacroRef } from '../../src/domain/report/internal-report';
import { NAME_REPLACEMENT } from '../../src/domain/report/name-scrub';
import { safeHref } from '../../src/domain/report/storage-xml';
import { renderStorageToHtml, type ForgeMacroRef } from '../../local/confluence/render/storage-render';
import { anyRemoteUrl } from '../support/hostile-urls';
import { renderReviewMarkdown } from '../../src/domain/markdown-export';
import { toCsv } from '../../src/domain/summary-index';
import type { SummaryRow } from '../../src/contract';
import { durationText as uiDurationText, formatDuration as uiFormatDuration } from '../../static/app/src/timeline-model/durations';
import { durationCell } from '../../static/app/src/summaries/summary-format';

// ---- A strict XML 1.0 well-formedness check (no validating parser is installed) ---------

const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>/y;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#([0-9]+)|#x([0-9a-fA-F]+));/y;

function referenceOk(ref: RegExpExecArray): boolean {
  const code = ref[1] ? parseInt(ref[1], 10) : ref[2] ? parseInt(ref[2], 16) : null;
  return code === null || (code <= 0x10ffff && XML_CHARS.test(String.fromCodePoint(code)));
}

/** Entity references in attribute values or text: only XML's five and legal character references. */
function referencesOk(text: string): boolean {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    const ref = REFERENCE.exec(text);
    if (!ref || !referenceOk(ref)) return false;
  }
  return true;
}

/**
 * Why `xml` (a storage body: a sequence of elements and text) is not well-formed XML 1.0, or null:
 * legal characters only, tags well formed and balanced, attributes quoted and unique, only
 * defined references, no `<` or `]]>` in text. Namespace prefixes (`ac:`) are not checked.
 */
function notWellFormed(xml: string): string | null {
  if (!XML_CHARS.test(xml)) return 'a character XML does not allow';
  const open: string[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.includes(']]>')) return `"]]>" in text at ${i}`;
    if (!referencesOk(text)) return `a bad reference in text at ${i}`;
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(xml);
    if (!tag) return `a malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`;
    const [whole, closing, name, attrs, selfClosing] = tag;
    if (closing) {
      if (attrs || selfClosing) return `a malformed closing tag at ${lt}`;
      if (open.pop() !== name) return `</${name}> closes nothing open at ${lt}`;
    } else {
      const names = [...attrs.matchAll(/([\w.:-]+)="([^"]*)"/g)];
      if (new Set(names.map((a) => a[1])).size !== names.length) return `a repeated attribute at ${lt}`;
      if (!names.every((a) => referencesOk(a[2]))) return `a bad reference in an attribute at ${lt}`;
      if (!selfClosing) open.push(name);
    }
    i = lt + whole.length;
  }
  return open.length > 0 ? `<${open[open.length - 1]}> is never closed` : null;
}

/** Elements, attribute names, and the values that name macros and their parameters, counted. */
function structure(xml: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const naming = new Set(['ac:name', 'key', 'type']);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        add(`<${name}>`);
        for (const [a, v] of Object.entries(attrs)) add(naming.has(a) ? `${name}@${a}=${v}` : `${name}@${a}`);
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return counts;
}

describe('the well-formedness check used below', () => {
  it('accepts well-formed storage and rejects each kind of malformed XML', () => {
    expect(notWellFormed('<p a="x&amp;y&#10;">t &lt; u<br/><ac:x ac:name="n">&#x1F600;</ac:x></p><p/>')).toBeNull();
    for (const bad of [
      '<p>a<b</p>',
      '<p>&nbsp;</p>',
      '<p>& </p>',
      '<p a="1" a="2"></p>',
      '<p a=1></p>',
      '<p><b></p></b>',
      '<p>',
      '</p>',
      '<p>\u0001</p>',
      '<p>]]></p>',
      '<p>&#0;</p>',
      '<p a="<"></p>',
      '<p>\uD800</p>',
    ]) {
      expect(notWellFormed(bad)).not.toBeNull();
    }
  });
});

// ---- Reviews built from a supply of texts, so a property can vary every one of them ------

/** Where each text of a review comes from: free text, a URL, or a time. */
interface Supply {
  text(): string;
  /** A person's display name. */
  name(): string;
  url(): string;
  time(): string;
}

interface Shape {
  entries: number;
  items: number;
  factors: number;
  tags: number;
  participants: number;
  linked: number;
  services: number;
  level: SeverityLevel;
  withTimeline: boolean;
  affected: boolean | null;
}

const SOURCES: EntrySource[] = ['created', 'comment', 'status', 'assignment', 'manual', 'remote-link'];
const ROLES: ParticipantRole[] = ['first-responder', 'incident-commander', 'stakeholder', 'support', 'escalation-responder'];
const times = (n: number) => Array.from({ length: n }, (_, i) => i);

interface Case {
  incident: IncidentOverview;
  timeline: TimelineView | null;
  doc: ReviewDoc;
  macro: MacroRef;
  timeZone: string;
  generatedAt: string;
  proximateCause: string;
  resolution: string;
}

function buildCase(s: Supply, shape: Shape): Case {
  const person = (): Person => ({ accountId: `acc-${s.text()}`, displayName: s.name() });
  const incident: IncidentOverview = {
    key: s.text(),
    summary: s.text(),
    url: s.url(),
    issueType: s.text(),
    status: { name: s.text(), category: 'done' },
    priority: s.text(),
    severity: severityOf(shape.level, 'priority'),
    assignee: person(),
    reporter: person(),
    created: s.time(),
    resolved: s.time(),
    linkedIssues: times(shape.linked).map(() => ({
      key: s.text(),
      summary: s.text(),
      issueType: s.text(),
      status: { name: s.text(), category: 'new' },
      relation: s.text(),
      url: s.url(),
    })),
  };
  const entries: TimelineEntry[] = times(shape.entries).map((i) => ({
    id: `e${i}`,
    at: s.time(),
    source: SOURCES[i % SOURCES.length],
    issueKey: s.text(),
    relation: i % 2 ? s.text() : 'incident',
    actor: i % 3 ? person() : null,
    actorName: s.text(),
    text: s.text(),
    url: s.url(),
    restricted: i % 2 === 0,
    deletedInJira: i % 3 === 0,
    ...(SOURCES[i % SOURCES.length] === 'manual' ? { manualKind: 'chat-excerpt' as const } : {}),
    annotation: {
      moments: i % 2 ? ['detected' as const] : [],
      internal: i % 2 === 1,
      ...(i % 2 ? { phase: 'response' as const, impact: 'negative' as const, kind: 'task' as const } : {}),
    },
  }));
  const moments = Object.fromEntries(KEY_MOMENTS.map((m) => [m, { at: s.time(), source: 'override' }])) as KeyMoments;
  const { metrics, problems } = computeMetrics(moments);
  const timeline: TimelineView | null = shape.withTimeline
    ? {
        incidentKey: incident.key,
        incident,
        started: true,
        pulledAt: s.time(),
        entries,
        paging: { total: entries.length, pageStarts: [] },
        moments,
        metrics,
        problems,
        severity: severityOf(shape.level, 'override'),
        people: [person()],
        version: 1,
      }
    : null;
  const items: ActionItem[] = times(shape.items).map((i) => ({
    id: `a${i}`,
    summary: s.text(),
    description: s.text(),
    owner: i % 2 ? person() : null,
    dueDate: s.text(),
    priority: s.text(),
    question: i % 2 ? 'know-sooner' : 'recover-sooner',
    jira:
      i % 2
        ? null
        : {
            key: s.text(),
            url: s.url(),
            status: { name: s.text(), category: 'indeterminate' },
            assignee: person(),
            dueDate: s.text(),
            syncedAt: s.time(),
          },
    overdue: i % 2 === 0,
    syncError: s.text(),
  }));
  const doc: ReviewDoc = {
    incidentKey: incident.key,
    status: 'in-review',
    content: {
      meeting: {
        title: s.text(),
        meetingDate: s.text(),
        contact: person(),
        createdBy: person(),
        facilitator: person(),
        participants: times(shape.participants).map((i) => ({ ...person(), role: ROLES[i % ROLES.length] })),
      },
      goals: { knowSooner: s.text(), recoverSooner: s.text() },
      description: s.text(),
      customerImpact: { affected: shape.affected, text: s.text() },
      incidentCommander: person(),
      servicesImpacted: times(shape.services).map(() => s.text()),
      learnings: { learned: s.text(), wentWell: s.text(), surprised: s.text() },
      contributingFactors: times(shape.factors).map((i) => ({ id: `f${i}`, text: s.text(), category: 'other' as const })),
      remediation: s.text(),
      tags: times(shape.tags).map(() => s.text()),
      externalSummary: { proximateCause: s.text(), resolution: s.text() },
    },
    actionItems: items,
    findings: [],
    version: 1,
    updatedAt: null,
  };
  const macro: MacroRef = { extensionKey: s.text(), localId: s.text(), title: s.text(), view: 'full' };
  return { incident, timeline, doc, macro, timeZone: s.text(), generatedAt: s.time(), proximateCause: s.text(), resolution: s.text() };
}

/** Cycles through fixed lists, so the same shape always draws the same fields in the same order. */
function supplyFrom(texts: readonly string[], urls: readonly string[], isoTimes: readonly string[]): Supply {
  let t = 0;
  let u = 0;
  let m = 0;
  return {
    text: () => texts[t++ % texts.length],
    name: () => texts[t++ % texts.length],
    url: () => urls[u++ % urls.length],
    time: () => isoTimes[m++ % isoTimes.length],
  };
}

// ---- INC-1 "Login page outage", as the examples below read it ------------------------

const SITE = 'https://example.atlassian.net';
const MAYA: Person = { accountId: 'a-maya', displayName: 'Maya Okafor' };
const SOFIA: Person = { accountId: 'a-sofia', displayName: 'Sofia Lindqvist' };
const TOMAS: Person = { accountId: 'a-tomas', displayName: 'Tomás Herrera' };
const at = (hhmm: string) => `2026-10-17T${hhmm}:00.000Z`;

function loginOutage(): Case {
  const base = buildCase(supplyFrom(['x'], [`${SITE}/browse/INC-1`], [at('18:46')]), {
    entries: 0,
    items: 0,
    factors: 0,
    tags: 0,
    participants: 0,
    linked: 0,
    services: 0,
    level: 2,
    withTimeline: true,
    affected: true,
  });
  const incident: IncidentOverview = {
    ...base.incident,
    key: 'INC-1',
    summary: 'Login page outage: sign-in fails for all users',
    issueType: 'Incident',
    status: { name: 'Closed', category: 'done' },
    priority: 'High',
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
  const moments = Object.fromEntries(KEY_MOMENTS.map((m) => [m, { at: null, source: 'none' }])) as KeyMoments;
  Object.assign(moments, {
    impactStarted: { at: at('18:41'), source: 'derived' },
    detected: { at: at('18:46'), source: 'derived' },
    acknowledged: { at: at('18:49'), source: 'derived' },
    identified: { at: at('19:00'), source: 'derived' },
    restored: { at: at('19:02'), source: 'derived' },
  });
  const { metrics, problems } = computeMetrics(moments);
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
  const timeline: TimelineView = {
    ...(base.timeline as TimelineView),
    incidentKey: 'INC-1',
    incident,
    entries: [
      entry('created', '18:46', {
        source: 'created',
        actor: SOFIA,
        text: 'Incident created',
        annotation: { moments: ['detected'], internal: false, phase: 'detection' },
      }),
      entry('comment:1', '18:49', {
        text: 'Maya here: auth-service <error> rate 100% & climbing',
        url: `${SITE}/browse/INC-1?focusedCommentId=1`,
        annotation: { moments: [], internal: true, phase: 'response', impact: 'neutral' },
      }),
      entry('change:7', '19:02', {
        source: 'status',
        issueKey: 'OPS-7',
        relation: 'is caused by',
        actor: TOMAS,
        text: 'In Progress → Done',
        url: 'javascript:alert(1)',
        annotation: { moments: ['restored'], internal: false, phase: 'remediation', impact: 'positive' },
      }),
    ],
    moments,
    metrics,
    problems,
    severity: severityOf(1, 'override'),
    people: [MAYA, SOFIA, TOMAS],
  };
  const jira = {
    key: 'INC-2',
    url: `${SITE}/browse/INC-2`,
    status: { name: 'To Do', category: 'new' as const },
    assignee: MAYA,
    dueDate: '2026-10-01',
    syncedAt: at('20:00'),
  };
  const doc: ReviewDoc = {
    ...base.doc,
    incidentKey: 'INC-1',
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
      description: 'A config push broke sign-in for 21 minutes.\nSofia Lindqvist rolled it back.',
      customerImpact: { affected: true, text: 'All users could not sign in; Maya answered support.' },
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
      {
        id: 'a1',
        summary: 'Alert on login error rate (ask Tomás)',
        description: 'Page on > 5% errors',
        owner: MAYA,
        dueDate: '2026-10-01',
        priority: 'High',
        question: 'know-sooner',
        jira,
        overdue: true,
        syncError: null,
      },
      {
        id: 'a2',
        summary: 'Canary config pushes',
        description: '',
        owner: null,
        dueDate: null,
        priority: 'Medium',
        question: 'recover-sooner',
        jira: null,
        overdue: false,
        syncError: null,
      },
    ],
  };
  const macro: MacroRef = {
    extensionKey: 'app-1/env-1/static/pir-review-macro',
    localId: 'pir-INC-1',
    title: 'Post-incident review',
    view: 'full',
  };
  return {
    incident,
    timeline,
    doc,
    macro,
    timeZone: 'Europe/London',
    generatedAt: at('20:00'),
    proximateCause: 'A config push (by Tomás Herrera) disabled the session store.',
    resolution: '',
  };
}

// ---- The internal report ---------------------------------------------------------------

describe('internalPageTitle', () => {
  it('is the key, the summary and what the page is', () => {
    expect(internalPageTitle(loginOutage().incident)).toBe('INC-1: Login page outage: sign-in fails for all users — post-incident review');
  });

  it('stays within 255 characters and keeps the key and the ending', () => {
    const title = internalPageTitle({ ...loginOutage().incident, summary: 'outage\n'.repeat(100) });
    expect(Array.from(title).length).toBeLessThanOrEqual(255);
    expect(title).toMatch(/^INC-1: outage outage .*… — post-incident review$/);
    expect(title).not.toContain('\n');
  });
});

describe('renderInternalReport', () => {
  const page = renderInternalReport(loginOutage());

  it('is well-formed XML', () => {
    expect(notWellFormed(page)).toBeNull();
  });

  it('has the sections of docs/DECISIONS.md#vocabulary in order', () => {
    const headings = [...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toStrictEqual([
      'Summary',
      'Goals',
      'Key metrics',
      'Live view and recovery plot',
      'Timeline',
      'Customer impact',
      'Services impacted',
      'Learnings',
      'Contributing factors',
      'Remediation',
      'Action items',
      'Related issues',
      'Meeting details',
      'Tags',
    ]);
  });

  it('shows the severity as a red lozenge for Sev1', () => {
    expect(page).toContain('<ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Sev1</ac:parameter>');
  });

  it('gives metrics their durations and says why one is unknown, never 0', () => {
    expect(page).toContain('<td>Time to acknowledge (TTA)</td><td>3 min</td>');
    expect(page).toContain('<td>Time to recover (TTR)</td><td>16 min</td>');
    expect(page).toContain('<td>Impact duration</td><td>21 min</td>');
    const { timeline } = loginOutage();
    const unknown = renderInternalReport({
      ...loginOutage(),
      timeline: { ...timeline!, metrics: { ...timeline!.metrics, tta: { known: false, reason: 'missing', moments: ['acknowledged'] } } },
    });
    expect(unknown).toContain('<td>Time to acknowledge (TTA)</td><td>unknown (missing: acknowledged)</td>');
  });

  it('writes the timeline in the zone, with phase, impact, actor, source and escaped text, internal entries marked', () => {
    expect(page).toContain('<p>Times in Europe/London.</p>');
    expect(page).toContain(
      '<tr><td>2026-10-17 19:49</td><td>Response</td><td>Neutral</td><td>Maya Okafor</td>' +
        `<td><a href="${SITE}/browse/INC-1?focusedCommentId=1">Comment</a><br/>INC-1</td>` +
        '<td><strong>internal</strong> · Maya here: auth-service &lt;error&gt; rate 100% &amp; climbing</td></tr>',
    );
    expect(page).toContain(
      '<td>Status change<br/>OPS-7 (is caused by)</td><td><strong>marks: service restored</strong> · In Progress → Done</td>',
    );
    expect(page).not.toContain('javascript:');
  });

  it("embeds the app's macro configured for the incident and the chosen view", () => {
    expect(page).toContain('<ac:adf-attribute key="extension-key">app-1/env-1/static/pir-review-macro</ac:adf-attribute>');
    expect(page).toContain(
      '<ac:adf-parameter key="guest-params" type="object"><ac:adf-parameter key="issueKey">INC-1</ac:adf-parameter><ac:adf-parameter key="view">full</ac:adf-parameter></ac:adf-parameter>',
    );
  });

  it('lists action items with their Jira issue macro for live status, and says when none was created', () => {
    expect(page).toContain(
      '<ac:structured-macro ac:name="jira" ac:schema-version="1"><ac:parameter ac:name="key">INC-2</ac:parameter></ac:structured-macro>',
    );
    expect(page).toContain(
      '<td>Canary config pushes</td><td><em>not recorded</em></td><td></td><td>Medium</td><td>Recover sooner</td><td><em>not created</em></td>',
    );
    expect(page).toContain('<td>Alert on login error rate (ask Tomás)<br/>Page on &gt; 5% errors</td>');
  });

  it('has learnings, factors, meeting details with participants, and tags', () => {
    expect(page).toContain('<h3>What surprised us</h3><p>The health check stayed green.</p>');
    // Each factor led by its category's label (issue 17).
    expect(page).toContain('<li><strong>Change/deploy</strong>: Config pushes bypass the canary stage.</li>');
    expect(page).toContain('<li><strong>Detection/monitoring gap</strong>: Health check only tests /ping.</li>');
    expect(page).toContain('<td>Facilitator</td><td>Tomás Herrera</td>');
    expect(page).toContain('<td>Sofia Lindqvist</td><td>First responder</td>');
    expect(page).toContain('<h2>Tags</h2><p>auth, config</p>');
  });

  it('says so when the review has no timeline yet', () => {
    const none = renderInternalReport({ ...loginOutage(), timeline: null });
    expect(none).toContain('The review has no timeline yet');
    expect(notWellFormed(none)).toBeNull();
  });

  it("renders on the local Confluence: status lozenge, Jira macros and the app's macro with its configuration", () => {
    const macros: ForgeMacroRef[] = [];
    const looked: string[] = [];
    const html = renderStorageToHtml(page, {
      renderForgeMacro: (m) => {
        macros.push(m);
        return '<iframe data-test="macro"></iframe>';
      },
      lookupJiraIssue: (key) => {
        looked.push(key);
        return { summary: `summary of ${key}`, status: 'Done', statusCategory: 'done', url: `/browse/${key}` };
      },
    });
    expect(macros).toStrictEqual([
      {
        extensionKey: 'app-1/env-1/static/pir-review-macro',
        localId: 'pir-INC-1',
        guestParams: { issueKey: 'INC-1', view: 'full' },
        title: 'Post-incident review',
      },
    ]);
    expect(looked.sort()).toStrictEqual(['INC-1', 'INC-2', 'OPS-7']);
    expect(html).toContain('cf-status-red');
    expect(html).toContain('<h2>Key metrics</h2>');
  });
});

// ---- The external summary --------------------------------------------------------------

describe('buildExternalSummary', () => {
  const c = loginOutage();
  const summary = buildExternalSummary(c);

  it("holds exactly the public fields, with every person's name replaced", () => {
    expect(summary).toStrictEqual({
      title: 'Incident summary: Login page outage: sign-in fails for all users (2026-10-17, INC-1)',
      summary: `A config push broke sign-in for 21 minutes.\nA team member rolled it back.`,
      servicesImpacted: ['auth-service', 'web-login'],
      duration: '21 min',
      severity: 'Sev1: Complete outage',
      customerImpact: `All users could not sign in; ${NAME_REPLACEMENT} answered support.`,
      proximateCause: `A config push (by ${NAME_REPLACEMENT}) disabled the session store.`,
      resolution: 'Rolled back auth-service to 4.1.',
      countermeasures: [`Alert on login error rate (ask ${NAME_REPLACEMENT})`, 'Canary config pushes'],
    });
  });

  it('has the same title as externalPageTitle when the summary names nobody', () => {
    expect(externalPageTitle(c.incident)).toBe(summary.title);
  });

  it('falls back to the time to recover, then to "unknown", never 0', () => {
    const t = c.timeline!;
    const noImpact = {
      ...t,
      metrics: { ...t.metrics, impact: { known: false as const, reason: 'missing' as const, moments: ['impactStarted' as const] } },
    };
    expect(buildExternalSummary({ ...c, timeline: noImpact }).duration).toBe('16 min');
    expect(
      buildExternalSummary({ ...c, timeline: { ...noImpact, metrics: { ...noImpact.metrics, ttr: noImpact.metrics.impact } } }).duration,
    ).toBe('unknown');
    expect(buildExternalSummary({ ...c, timeline: null }).duration).toBe('unknown');
  });

  it('answers the customer-impact question when no text was written', () => {
    const withImpact = (affected: boolean | null) =>
      buildExternalSummary({ ...c, doc: { ...c.doc, content: { ...c.doc.content, customerImpact: { affected, text: ' ' } } } })
        .customerImpact;
    expect([withImpact(true), withImpact(false), withImpact(null)]).toStrictEqual([
      'Customers were affected.',
      'No customers were affected.',
      'Not stated.',
    ]);
  });

  it('contains no timeline entry, no comment text and nothing marked internal', () => {
    const page = renderExternalSummary(summary);
    expect(page).not.toContain('auth-service &lt;error&gt;');
    expect(page).not.toContain('Incident created');
    expect(JSON.stringify(summary)).not.toMatch(/Maya|Okafor|Sofia|Lindqvist|Tomás|Herrera|INC-2/);
  });
});

describe('renderExternalSummary', () => {
  it('writes the eight sections, escaped, and says "Not stated." for an empty one', () => {
    const page = renderExternalSummary({ ...buildExternalSummary(loginOutage()), proximateCause: '<b>cause</b>', countermeasures: [] });
    expect(notWellFormed(page)).toBeNull();
    expect([...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toStrictEqual([
      'Summary',
      'Services impacted',
      'Duration',
      'Severity',
      'Customer impact',
      'Proximate cause',
      'Resolution',
      'Countermeasures',
    ]);
    expect(page).toContain('<h2>Proximate cause</h2><p>&lt;b&gt;cause&lt;/b&gt;</p>');
    expect(page).toContain('<h2>Countermeasures</h2><p><em>Not stated.</em></p>');
    expect(page).toContain('<p>A config push broke sign-in for 21 minutes.<br/>A team member rolled it back.</p>');
  });
});

// ---- Properties over every text field ------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const hostile = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '&amp;',
  '&nbsp;',
  '&#0;',
  '\u0000',
  '\u001b',
  '\uFFFE',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '😀',
  '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">X-1</ac:parameter></ac:structured-macro>',
  '</td></tr></tbody></table><script>alert(1)</script>',
  '" onmouseover="x',
  '<br/>',
  'incident',
  '2026-10-17T18:46:00Z',
);
const anyText = fc
  .array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 6 }), loneSurrogate), { maxLength: 12 })
  .map((p) => p.join(''));
const anyUrl = fc.oneof(
  fc.webUrl(),
  anyText,
  fc.constantFrom('javascript:alert(1)', 'https://x.test/?q="><b>&', ' https://x.test/a b', 'data:text/html,<b>'),
);
const anyTime = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  anyText,
  fc.constant(''),
);
const anyShape: fc.Arbitrary<Shape> = fc.record({
  entries: fc.nat(6),
  items: fc.nat(4),
  factors: fc.nat(3),
  tags: fc.nat(3),
  participants: fc.nat(3),
  linked: fc.nat(2),
  services: fc.nat(3),
  level: fc.constantFrom<SeverityLevel>(1, 2, 3, 4, 5),
  withTimeline: fc.boolean(),
  affected: fc.constantFrom(true, false, null),
});
const POOL = 97;

/** The same text with its letters gone: keeps blankness and line structure, which is all that may shape markup. */
function neutral(s: string): string {
  return s.trim() === ''
    ? s
    : s
        .trim()
        .split(/\r\n|\r|\n/)
        .map(() => 'x')
        .join('\n');
}
const neutralUrl = (u: string) => (safeHref(u) ? 'https://x.test/' : 'x');
/** A readable time stays (moment order shapes the metrics and their problem list); any other is text. */
const neutralTime = (m: string) => (isValid(parseISO(m)) || !Number.isNaN(Date.parse(m)) ? m : neutral(m));

describe('properties: no text can break the page or add markup', () => {
  const texts = fc.array(anyText, { minLength: POOL, maxLength: POOL });
  const urls = fc.array(anyUrl, { minLength: 7, maxLength: 7 });
  const isoTimes = fc.array(anyTime, { minLength: 11, maxLength: 11 });

  it('the internal report is well-formed XML for any text in any field', () => {
    fc.assert(
      fc.property(anyShape, texts, urls, isoTimes, (shape, t, u, m) => {
        expect(notWellFormed(renderInternalReport(buildCase(supplyFrom(t, u, m), shape)))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('the internal report links only absolute http(s) URLs without credentials, whatever URL Jira holds', () => {
    const hostileUrls = fc.array(anyRemoteUrl, { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(anyShape, texts, hostileUrls, isoTimes, (shape, t, u, m) => {
        const bad: string[] = [];
        const parser = new Parser(
          {
            onopentag(_name, attrs) {
              for (const [a, v] of Object.entries(attrs)) {
                if (!/(^|:)(href|url|src)$/i.test(a)) continue;
                const parsed = URL.canParse(v) ? new URL(v) : null;
                if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.username || parsed.password) bad.push(`${a}=${v}`);
              }
            },
          },
          { xmlMode: true, decodeEntities: true },
        );
        parser.write(renderInternalReport(buildCase(supplyFrom(t, u, m), { ...shape, withTimeline: true })));
        parser.end();
        expect(bad).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the internal report has the same elements, attributes and macros whatever the text (with its letters replaced by "x")', () => {
    fc.assert(
      fc.property(anyShape, texts, urls, isoTimes, (shape, t, u, m) => {
        const page = renderInternalReport(buildCase(supplyFrom(t, u, m), shape));
        const reference = renderInternalReport(buildCase(supplyFrom(t.map(neutral), u.map(neutralUrl), m.map(neutralTime)), shape));
        expect(structure(page)).toStrictEqual(structure(reference));
      }),
      { numRuns: 300 },
    );
  });

  it('the external summary is well-formed, and its markup depends on no text beyond blankness and line breaks', () => {
    fc.assert(
      fc.property(anyShape, texts, urls, isoTimes, (shape, t, u, m) => {
        const summary = buildExternalSummary(buildCase(supplyFrom(t, u, m), shape));
        const page = renderExternalSummary(summary);
        expect(notWellFormed(page)).toBeNull();
        const reference: ExternalSummary = {
          title: neutral(summary.title),
          summary: neutral(summary.summary),
          servicesImpacted: summary.servicesImpacted.map(neutral),
          duration: neutral(summary.duration),
          severity: neutral(summary.severity),
          customerImpact: neutral(summary.customerImpact),
          proximateCause: neutral(summary.proximateCause),
          resolution: neutral(summary.resolution),
          countermeasures: summary.countermeasures.map(neutral),
        };
        expect(structure(page)).toStrictEqual(structure(renderExternalSummary(reference)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: the external summary names nobody and quotes no timeline entry', () => {
  const word = fc.stringMatching(/^[A-Z][a-z]{3,8}$/);
  const fullName = fc.oneof(
    word,
    fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  );
  // Words the page writes itself (and escapes produce) cannot serve as test names: they would be found without any leak.
  const template = [
    renderExternalSummary(
      buildExternalSummary(
        buildCase(supplyFrom([''], [''], [at('18:46')]), {
          entries: 0,
          items: 0,
          factors: 0,
          tags: 0,
          participants: 0,
          linked: 0,
          services: 0,
          level: 2,
          withTimeline: true,
          affected: null,
        }),
      ),
    ),
    ...[
      'Sev1: Complete outage',
      'Sev2: Major functionality broken or revenue affected',
      'Sev3: Minor problem',
      'Sev4: Redundant component failed',
      'Sev5: False alarm or unactionable alert',
    ],
    'Incident summary: incident (2026-10-17, INC-1)',
    NAME_REPLACEMENT,
    'Customers were affected. No customers were affected. Not stated. unknown',
    '&amp;&lt;&gt;&quot;&#39;',
    'https x test',
  ]
    .join(' ')
    .toLowerCase();
  const names = fc.uniqueArray(
    fullName.filter((n) => !template.includes(n.toLowerCase())),
    { minLength: 20, maxLength: 20, selector: (n) => n.toLowerCase() },
  );
  const secret = fc.stringMatching(/^[a-z]{8}$/).map((s) => `Zq${s}`);

  it('for random names said in any text, and random timeline texts', () => {
    fc.assert(
      fc.property(
        anyShape,
        names,
        fc.array(anyText, { minLength: 30, maxLength: 30 }),
        fc.array(secret, { minLength: 6, maxLength: 6 }),
        (shape, people, noise, secrets) => {
          let n = 0;
          let k = 0;
          // Every person field draws a name; every other text mentions one amid hostile noise.
          const supply: Supply = {
            text: () => {
              const name = people[n++ % people.length];
              const pick = noise[n % noise.length];
              return n % 3 === 0 ? name : `${pick} ${name.toUpperCase()} then ${name}${pick}`;
            },
            name: () => people[n++ % people.length],
            url: () => 'https://x.test/',
            time: () => at('18:46'),
          };
          const c = buildCase(supply, shape);
          const entries = (c.timeline?.entries ?? []).map((e) => ({
            ...e,
            text: secrets[k++ % secrets.length],
            actorName: people[k % people.length],
          }));
          const input = { ...c, incident: { ...c.incident, key: 'INC-9' }, timeline: c.timeline && { ...c.timeline, entries } };
          const summary = buildExternalSummary(input);
          const out = `${summary.title}\n${renderExternalSummary(summary)}`.toLowerCase();
          const known = knownNames(input);
          expect(known.length).toBeGreaterThanOrEqual(6);
          for (const p of known) expect(out).not.toContain(p.toLowerCase());
          for (const s of secrets) expect(out).not.toContain(s.toLowerCase());
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---- Size: the large incident (docs/DECISIONS.md#performance) --------------------------

describe("the large incident's page", () => {
  it('stays well under the 5 MB body limit with 16,500 entries of ~300 characters, and says what it left out', () => {
    const c = loginOutage();
    const text = 'Investigating the login failures: auth-service returns 500 for /session; rolled the config back & watching <dashboards>. '
      .repeat(3)
      .slice(0, 300);
    const entries: TimelineEntry[] = Array.from({ length: 16_500 }, (_, i) => ({
      id: `comment:${i}`,
      at: new Date(Date.UTC(2026, 9, 17, 18, 0) + i * 1000).toISOString(),
      source: 'comment',
      issueKey: `OPS-${i % 60}`,
      relation: 'relates to',
      actor: [MAYA, SOFIA, TOMAS][i % 3],
      text,
      url: `${SITE}/browse/OPS-${i % 60}?focusedCommentId=${i}`,
      annotation: i % 50 === 0 ? { moments: [], internal: false, phase: 'response', impact: 'positive' } : { moments: [], internal: false },
    }));
    const page = renderInternalReport({ ...c, timeline: { ...c.timeline!, entries } });
    const bytes = Buffer.byteLength(page, 'utf8');
    expect(bytes).toBeLessThan(2_000_000);
    expect(notWellFormed(page)).toBeNull();
    const shown = Number(/Showing (\d+) of 16500 entries/.exec(page)?.[1]);
    expect(shown).toBeGreaterThan(1_000);
    // All 330 annotated entries made it in.
    expect(page.split('<td>Response</td><td>Positive</td>').length - 1).toBe(330);
    console.info(`large incident: ${bytes} bytes, ${shown} of 16500 entries shown`);
  });

  it('shows every entry of an ordinary incident', () => {
    expect(renderInternalReport(loginOutage())).not.toContain('Showing');
  });
});

describe('the external summary leaves out people known only from the timeline', () => {
  it('redacts authors of entries and people mentioned in them, in any case, and their addresses', () => {
    const c = loginOutage();
    const t = c.timeline!;
    const lena: Person = { accountId: 'a-lena', displayName: 'Lena Fischer' };
    const entries = [...t.entries, { ...t.entries[1], id: 'comment:9', actor: lena, text: 'Escalating to @Priya Nair now.' }];
    const doc = { ...c.doc, content: { ...c.doc.content, description: 'lena and Priya restarted it; mail lena.fischer@example.com.' } };
    const summary = buildExternalSummary({ ...c, doc, timeline: { ...t, entries } });
    expect(summary.summary).toBe('Two team members restarted it; mail a team member.');
  });
});

describe('one duration format on every surface', () => {
  it('shows the same TTR on the panel, the printable summary, the report, the Markdown export and the external summary; the CSV counts the same seconds', () => {
    const c = loginOutage();
    const t = c.timeline!;
    // Detected 18:46:00, restored 19:01:20: a TTR of 15 min 20 s, impact 20 min 20 s.
    const moments = { ...t.moments, restored: { at: '2026-10-17T19:01:20.000Z', source: 'override' as const } };
    const { metrics, problems } = computeMetrics(moments);
    const timeline = { ...t, moments, metrics, problems };
    expect(metrics.ttr).toStrictEqual({ known: true, ms: 920_000 });
    const ttr = '15 min 20 s';

    expect(uiDurationText(metrics.ttr)).toBe(ttr); // the panel's and the printable summary's metric tiles
    expect(durationCell(metrics.ttr.known ? metrics.ttr.ms : null).text).toBe(ttr); // After Action Summaries' table
    expect(renderInternalReport({ ...c, timeline })).toContain(`<td>Time to recover (TTR)</td><td>${ttr}</td>`);
    expect(renderReviewMarkdown({ ...c, timeline }).markdown).toContain(`| Time to recover (TTR) | ${ttr} |`);
    expect(
      buildExternalSummary({
        ...c,
        timeline: { ...timeline, metrics: { ...metrics, impact: { known: false, reason: 'missing', moments: ['impactStarted'] } } },
      }).duration,
    ).toBe(ttr);

    const row = { ...summaryRow(), ttrMs: 920_000, ttaMs: 180_499, impactMs: 1_220_000 };
    const [header, cells] = toCsv([row])
      .split('\r\n')
      .map((line) => line.split(','));
    expect(cells[header.indexOf('TTR (seconds)')]).toBe('920');
    expect(cells[header.indexOf('TTA (seconds)')]).toBe('180');
    expect(uiFormatDuration(180_499)).toBe('3 min'); // the same whole seconds, rounded the same way
  });
});

function summaryRow(): SummaryRow {
  return {
    incidentKey: 'INC-1',
    projectKey: 'INC',
    title: 'Login',
    severityLevel: 2,
    impactStartedAt: null,
    ttaMs: null,
    ttrMs: null,
    impactMs: null,
    customerImpact: null,
    status: 'draft',
    actionsOpen: 0,
    actionsOverdue: 0,
    actionsClosed: 0,
    openItems: [],
    openDueDates: [],
    docVersion: 0,
    tags: [],
    pageUrl: null,
    updatedAt: 0,
  };
}
