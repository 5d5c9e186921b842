/**
 * Normalises chip input: services keep inner spaces ("Login service"), tags do not (Jira labels
 * cannot hold spaces, so "customer facing" becomes "customer-facing"). Empty results are null.
 */
export function normalizeChip(raw: string, allowSpaces: boolean): string | null {
  const collapsed = raw.trim().replace(/\s+/g, allowSpaces ? ' ' : '-');
  const value = allowSpaces ? collapsed : collapsed.replace(/,/g, '');
  return value === '' ? null : value;
}

/** Adds the chips typed (comma-separated) that are not there yet, case-insensitively. */
export function addChips(current: readonly string[], raw: string, allowSpaces: boolean, max: number): string[] {
  const next = [...current];
  const seen = new Set(current.map((c) => c.toLowerCase()));
  for (const part of raw.split(',')) {
    const chip = normalizeChip(part, allowSpaces);
    if (chip && !seen.has(chip.toLowerCase()) && next.length < max) {
      next.push(chip);
      seen.add(chip.toLowerCase());
    }
  }
  return next;
}
