import type { ReviewSearchField } from '../../../../../src/contract';

/** How each searched part of a review is named where a result says what matched. */
export const FIELD_LABEL: Readonly<Record<ReviewSearchField, string>> = {
  title: 'Title',
  learnings: 'Learnings',
  factors: 'Contributing factors',
  actions: 'Action items',
  services: 'Services',
  tags: 'Tags',
};

/** The day impact started, in the viewer's zone and locale; "Date unknown" without one. */
export function impactDay(iso: string | null, locale: string, timeZone: string): string {
  if (!iso) return 'Date unknown';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'Date unknown';
  try {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(date);
  } catch {
    // An unknown zone from the host: the UTC day rather than nothing.
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
  }
}

/** The services a filter offers: every one seen in results so far, and the chosen one, sorted. */
export function serviceChoices(seen: ReadonlySet<string>, chosen: string): string[] {
  const all = new Set(seen);
  if (chosen) all.add(chosen);
  return [...all].sort((a, b) => a.localeCompare(b));
}
