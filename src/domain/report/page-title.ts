/** Page titles: one line, within Confluence's limit, the unique part always kept. */

/** Confluence's title limit (characters). */
export const TITLE_MAX = 255;

/** One line: control characters and runs of whitespace become one space. */
export const oneLine = (s: string): string =>
  s
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * `fixedStart + variable + fixedEnd` within TITLE_MAX characters (code points): when too long the
 * end of `variable` gives way to "…", so the parts that make the title unique stay.
 */
export function fitTitle(fixedStart: string, variable: string, fixedEnd: string): string {
  const chars = Array.from(variable);
  const room = TITLE_MAX - Array.from(fixedStart).length - Array.from(fixedEnd).length;
  const middle =
    chars.length <= room
      ? variable
      : `${chars
          .slice(0, Math.max(0, room - 1))
          .join('')
          .trimEnd()}…`;
  return `${fixedStart}${middle}${fixedEnd}`;
}
