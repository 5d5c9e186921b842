import type { SearchHighlight } from '../../../../../src/contract';

/**
 * A snippet with its matches marked. The server sends plain text and offsets, never markup:
 * React renders every piece as text, so nothing in a review can inject HTML here. Ranges that
 * overlap, run backwards or fall outside the text are ignored rather than trusted.
 */
export function Highlighted({ highlight }: { highlight: SearchHighlight }) {
  const { text } = highlight;
  const pieces: { text: string; mark: boolean }[] = [];
  let at = 0;
  const ranges = [...highlight.ranges].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < at || end <= start || end > text.length) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
    pieces.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return (
    <>
      {pieces.map((p, i) =>
        p.mark ? (
          <mark key={i} className="pir-search-mark">
            {p.text}
          </mark>
        ) : (
          // The parts of a field (each learning, factor, action item) are joined by line breaks: shown as a separator.
          <span key={i}>{p.text.replace(/\s*\n\s*/g, ' · ')}</span>
        ),
      )}
    </>
  );
}
