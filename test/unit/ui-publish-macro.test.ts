import type { IncidentOverview, MacroResult, ReviewDoc, TimelineEntry } from '../../src/contract';
import {
  compactEntries,
  configFromForm,
  issueKeyProblem,
  macroConfigOf,
  macroScreen,
  partsOf,
} from '../../static/app/src/macro/macro-config';
import { formatDay } from '../../static/app/src/summaries/format-day';
import { currentEntry } from '../../static/app/src/entry';

const macro = (issueKey: string | null, view: string | null) => ({ issueKey, view, contentId: '1', spaceKey: 'IR' });

describe('macro configuration from the context', () => {
  it('passes the key and a known view to macro/get', () => {
    expect(macroConfigOf(macro('INC-7', 'timeline'))).toStrictEqual({ issueKey: 'INC-7', view: 'timeline' });
  });

  it('drops an unknown view and a missing key rather than sending them', () => {
    expect(macroConfigOf(macro('INC-7', 'gantt'))).toStrictEqual({ issueKey: 'INC-7' });
    expect(macroConfigOf(macro(null, null))).toStrictEqual({});
    expect(macroConfigOf(null)).toStrictEqual({});
  });
});

describe('macro screens', () => {
  const ok = {
    state: 'ok',
    view: 'summary',
    incident: {} as IncidentOverview,
    timeline: null,
    doc: {} as ReviewDoc,
  } as const satisfies MacroResult;

  it('maps not-configured and no-access to their own screens, carrying nothing about the incident', () => {
    expect(macroScreen({ state: 'not-configured' })).toStrictEqual({ kind: 'not-configured' });
    expect(macroScreen({ state: 'no-access' })).toStrictEqual({ kind: 'no-access' });
  });

  it('shows the parts the view names', () => {
    expect(macroScreen(ok)).toStrictEqual({ kind: 'ok', result: ok, parts: ['header', 'metrics', 'learnings', 'factors'] });
    expect(partsOf('timeline')).toStrictEqual(['header', 'phases', 'plot', 'timeline']);
    expect(partsOf('actions')).toStrictEqual(['header', 'actions']);
  });

  it('shows every part in the full view', () => {
    expect([...partsOf('full')].sort()).toStrictEqual(['actions', 'factors', 'header', 'learnings', 'metrics', 'plot', 'timeline']);
  });
});

describe('compact timeline', () => {
  const entry = (id: string, annotated = false): TimelineEntry => ({
    id,
    at: '2030-01-01T00:00:00Z',
    source: 'comment',
    issueKey: 'INC-1',
    relation: 'incident',
    actor: null,
    text: id,
    annotation: { moments: [], internal: false, ...(annotated ? { impact: 'positive' as const } : {}) },
  });

  it('shows only the annotated entries when the facilitator annotated some', () => {
    const entries = [entry('a'), entry('b', true), entry('c'), entry('d', true)];
    expect(compactEntries(entries)).toStrictEqual({ shown: [entries[1], entries[3]], hidden: 2, annotatedOnly: true });
  });

  it('shows the first entries up to the limit when none is annotated', () => {
    const entries = Array.from({ length: 25 }, (_, i) => entry(`e${i}`));
    const compact = compactEntries(entries, 20);
    expect(compact.shown.map((e) => e.id)).toStrictEqual(entries.slice(0, 20).map((e) => e.id));
    expect(compact.hidden).toBe(5);
    expect(compactEntries(entries.slice(0, 3), 20).hidden).toBe(0);
  });
});

describe('macro config form', () => {
  it('accepts a Jira key typed in any case and stores it trimmed and upper-cased', () => {
    expect(issueKeyProblem(' inc-42 ')).toBeNull();
    expect(configFromForm(' inc-42 ', 'actions')).toStrictEqual({ issueKey: 'INC-42', view: 'actions' });
  });

  it('explains an empty or malformed key instead of saving it', () => {
    expect(issueKeyProblem('  ')).toMatch(/Enter the Jira issue key/);
    expect(issueKeyProblem('login outage')).toMatch(/is not a Jira issue key/);
    expect(issueKeyProblem('INC-0')).toMatch(/is not a Jira issue key/);
  });

  it('knows it is the config view only from the marked index.html', () => {
    const doc = (marker: string | null) => ({ documentElement: { getAttribute: () => marker } }) as unknown as Document;
    expect(currentEntry(doc('macro-config'))).toBe('macro-config');
    expect(currentEntry(doc(null))).toBe('main');
    expect(currentEntry(undefined)).toBe('main');
  });
});

describe('due dates in the macro', () => {
  it('formats a calendar day without shifting it across zones, and leaves other text alone', () => {
    expect(formatDay('2030-01-10', 'en-GB')).toBe('10 Jan 2030');
    expect(formatDay('soon', 'en-GB')).toBe('soon');
  });
});
