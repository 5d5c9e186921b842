/**
 * Times as chat tools print them: "10:42", "10:42:05", "10:42 AM", "9:05pm". Read into a
 * 24-hour "HH:MM:SS", or null when the text is not a real time of day.
 */
export const TIME_PATTERN = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp])\.?[Mm]\.?)?`;

const pad = (n: number) => String(n).padStart(2, '0');

export function clockOf(hour: string, minute: string, second: string | undefined, meridiem: string | undefined): string | null {
  let h = Number(hour);
  const m = Number(minute);
  const s = second === undefined ? 0 : Number(second);
  if (m > 59 || s > 59) return null;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    const pm = meridiem.toLowerCase() === 'p';
    h = (h % 12) + (pm ? 12 : 0);
  } else if (h > 23) return null;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** "2026-10-17" or "10/17/2026" (US order, as Teams writes it) as "YYYY-MM-DD", or null when not a real date. */
export function dateOf(text: string): string | null {
  let y: number, mo: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) [y, mo, d] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`;
}
