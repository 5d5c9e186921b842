import type { MacroConfig, MacroResult, MacroView, TimelineEntry } from '../../../../src/contract';
import { ISSUE_KEY_PATTERN } from '../../../../src/vocabulary';
import type { AppContext } from '../context';

export const MACRO_VIEW_LABEL: Record<MacroView, string> = {
  full: 'Full review',
  summary: 'Summary',
  timeline: 'Timeline and recovery plot',
  actions: 'Action items',
};

const VIEWS = Object.keys(MACRO_VIEW_LABEL) as MacroView[];

export const isMacroView = (value: unknown): value is MacroView => typeof value === 'string' && (VIEWS as string[]).includes(value);

/** The macro's configuration as 'macro/get' takes it, from the parsed context (unknown views dropped). */
export function macroConfigOf(macro: AppContext['macro']): MacroConfig {
  if (!macro) return {};
  return { ...(macro.issueKey ? { issueKey: macro.issueKey } : {}), ...(isMacroView(macro.view) ? { view: macro.view } : {}) };
}

export type MacroPart = 'header' | 'metrics' | 'learnings' | 'factors' | 'phases' | 'plot' | 'timeline' | 'actions';

const PARTS: Record<MacroView, MacroPart[]> = {
  summary: ['header', 'metrics', 'learnings', 'factors'],
  timeline: ['header', 'phases', 'plot', 'timeline'],
  actions: ['header', 'actions'],
  full: ['header', 'metrics', 'plot', 'learnings', 'factors', 'actions', 'timeline'],
};

/** What each view shows, in reading order. */
export const partsOf = (view: MacroView): readonly MacroPart[] => PARTS[view];

/** What the macro renders for a 'macro/get' answer; 'no-access' carries nothing about the incident. */
export type MacroScreen =
  | { kind: 'not-configured' }
  | { kind: 'no-access' }
  | { kind: 'ok'; result: Extract<MacroResult, { state: 'ok' }>; parts: readonly MacroPart[] };

export function macroScreen(result: MacroResult): MacroScreen {
  switch (result.state) {
    case 'not-configured':
      return { kind: 'not-configured' };
    case 'no-access':
      return { kind: 'no-access' };
    case 'ok':
      return { kind: 'ok', result, parts: partsOf(isMacroView(result.view) ? result.view : 'full') };
  }
}

/** The config form's incident key as stored: trimmed and upper-cased ("inc-7 " → "INC-7"). */
export const normaliseIssueKey = (text: string): string => text.trim().toUpperCase();

/** Why a typed incident key cannot be saved, or null when it can. */
export function issueKeyProblem(text: string): string | null {
  const key = normaliseIssueKey(text);
  if (key === '') return 'Enter the Jira issue key of the incident, for example INC-42.';
  if (!ISSUE_KEY_PATTERN.test(key)) return `"${text.trim()}" is not a Jira issue key. Keys look like INC-42.`;
  return null;
}

/** The configuration the form submits through the bridge. */
export function configFromForm(issueKey: string, view: MacroView): Required<MacroConfig> {
  return { issueKey: normaliseIssueKey(issueKey), view };
}

/** How many entries the compact timeline shows before "Show all". */
export const COMPACT_LIMIT = 20;

const isAnnotated = (entry: TimelineEntry): boolean => {
  const { kind, phase, impact, moments } = entry.annotation;
  return Boolean(kind ?? phase ?? impact) || moments.length > 0;
};

/**
 * The compact timeline's rows: the annotated entries (what the facilitator picked out) when there
 * are any, else the first COMPACT_LIMIT; `hidden` is what "Show all" adds. Order is kept.
 */
export function compactEntries(
  entries: readonly TimelineEntry[],
  limit = COMPACT_LIMIT,
): { shown: TimelineEntry[]; hidden: number; annotatedOnly: boolean } {
  const annotated = entries.filter(isAnnotated);
  const shown = annotated.length > 0 ? annotated : entries.slice(0, limit);
  return { shown, hidden: entries.length - shown.length, annotatedOnly: annotated.length > 0 };
}
