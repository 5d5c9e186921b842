/**
 * Instants as wall-clock time in one IANA zone for reports ("2026-10-17 19:46"), with Intl only.
 * The zone comes in as an argument: the domain never reads the host's zone or clock.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: a long timeline shares one. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone as given when Intl knows it, else UTC: a report is still written, and says which zone it used. */
export function reportTimeZone(timeZone: string): string {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "YYYY-MM-DD HH:mm" in the zone (which must come from `reportTimeZone`), or null for an unreadable time. */
export function wallClockTime(iso: string, timeZone: string): string | null {
  // A date-time without an offset would be read in the host's zone: the contract's times are UTC.
  const ms = Date.parse(/T[^Z+-]*$/i.test(iso) ? `${iso}Z` : iso);
  if (Number.isNaN(ms)) return null;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
