import type { EntrySource, Impact, Person, Phase, TimelineEntry } from '../../../../src/contract';
import { SOURCE_LABEL } from './labels';

/** '' means "any"; 'none' means "not annotated yet". */
export interface TimelineFilters {
  phase: Phase | 'none' | '';
  impact: Impact | 'none' | '';
  source: EntrySource | '';
  /** A person key from `personKeyOf`. */
  person: string;
  /** Free text, matched case-insensitively against text, actor and issue key. */
  text: string;
}

export const NO_FILTERS: TimelineFilters = { phase: '', impact: '', source: '', person: '', text: '' };

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** Jira people by account id; manual actors (who may be outside Jira) by the name typed. */
export function personKeyOf(entry: TimelineEntry): string | null {
  if (entry.actor) return `account:${entry.actor.accountId}`;
  const name = entry.actorName?.trim();
  return name ? `name:${name.toLowerCase()}` : null;
}

/** The name shown for an entry's actor. */
export function actorNameOf(entry: TimelineEntry): string | null {
  return entry.actor?.displayName ?? (entry.actorName?.trim() || null);
}

/** The people filter: the view's people plus every manual actor name, sorted by name. */
export function peopleOptions(people: readonly Person[], entries: readonly TimelineEntry[]): Option[] {
  const options = new Map<string, string>();
  for (const person of people) options.set(`account:${person.accountId}`, person.displayName);
  for (const entry of entries) {
    const key = personKeyOf(entry);
    const name = actorNameOf(entry);
    if (key && name && !options.has(key)) options.set(key, name);
  }
  return [...options].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The sources that occur in the timeline, in the order of SOURCE_LABEL. */
export function sourceOptions(entries: readonly TimelineEntry[]): Array<Option<EntrySource>> {
  const present = new Set(entries.map((entry) => entry.source));
  return (Object.keys(SOURCE_LABEL) as EntrySource[])
    .filter((source) => present.has(source))
    .map((source) => ({ value: source, label: SOURCE_LABEL[source] }));
}

const matchesAnnotated = <T extends string>(wanted: T | 'none' | '', actual: T | undefined): boolean =>
  wanted === '' || (wanted === 'none' ? actual === undefined : actual === wanted);

export function matchesFilters(entry: TimelineEntry, filters: TimelineFilters): boolean {
  if (!matchesAnnotated(filters.phase, entry.annotation.phase)) return false;
  if (!matchesAnnotated(filters.impact, entry.annotation.impact)) return false;
  if (filters.source && entry.source !== filters.source) return false;
  if (filters.person && personKeyOf(entry) !== filters.person) return false;
  const text = filters.text.trim().toLowerCase();
  if (text) {
    const haystack = `${entry.text}\n${actorNameOf(entry) ?? ''}\n${entry.issueKey}`.toLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

export function filterEntries(entries: readonly TimelineEntry[], filters: TimelineFilters): TimelineEntry[] {
  return entries.filter((entry) => matchesFilters(entry, filters));
}

export function activeFilterCount(filters: TimelineFilters): number {
  return [filters.phase, filters.impact, filters.source, filters.person, filters.text.trim()].filter(Boolean).length;
}
