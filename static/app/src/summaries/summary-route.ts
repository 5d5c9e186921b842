/** The printable summary's address in the global page's URL: `?incident=KEY` (see useSummaryRoute). */

/** An issue key as Jira writes it; anything else in the URL is ignored, never sent to a resolver. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/;

/** The incident a URL's query names for its printable summary (`?incident=INC-2`), or null. */
export function incidentOfSearch(search: string): string | null {
  const key = new URLSearchParams(search).get('incident');
  return key && ISSUE_KEY.test(key) ? key : null;
}

/** The query that opens `key`'s printable summary, keeping any other parameter the URL had. */
export function searchWithIncident(search: string, key: string | null): string {
  const params = new URLSearchParams(search);
  if (key) params.set('incident', key);
  else params.delete('incident');
  const text = params.toString();
  return text ? `?${text}` : '';
}
