/**
 * A display name as the import compares it: accents, case and spacing do not count
 * ("José  Núñez" matches "jose nunez"), nor do dots in initials or a trailing "(they/them)".
 */
export function matchKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s*\([^)]*\)\s*$/u, '')
    .replace(/[.]/g, ' ')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}
