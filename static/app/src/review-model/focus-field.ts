import { fieldDomId, type FieldPath } from './field-paths';

/**
 * Moves focus to a field's input, scrolled into view; with a span, selects it in the text so the
 * flagged words are highlighted where they are written. Resolves whether the field was found.
 */
export function focusField(path: FieldPath, span?: { start: number; end: number }): boolean {
  const element = document.getElementById(fieldDomId(path));
  if (!(element instanceof HTMLElement)) return false;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  element.focus({ preventScroll: true });
  if (span && (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) {
    element.setSelectionRange(span.start, span.end);
  }
  return true;
}

/** Focuses an element by id after React has rendered the change that created or moved it. */
export function focusByIdSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
