/** Long entry texts are clamped to this many lines until "Show more". */
export const CLAMP_LINES = 4;
const CLAMP_CHARS = 320;

/**
 * Whether a text is long enough to clamp. Decided from the text, not by measuring the DOM, so
 * a thousand rows cost no layout reads; a narrow panel may clamp a little earlier than needed.
 */
export function needsClamp(text: string): boolean {
  return text.length > CLAMP_CHARS || text.split('\n').length > CLAMP_LINES;
}
