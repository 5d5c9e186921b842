import type { ManualEntryInput, ManualKind } from '../../../../src/contract';

/** What the form holds: the time as typed in a datetime-local input. */
export interface ManualEntryDraft {
  at: string;
  manualKind: ManualKind;
  actorName: string;
  text: string;
}

export type ManualEntryErrors = Partial<Record<keyof ManualEntryDraft, string>>;

export const MAX_ACTOR_LENGTH = 200;
export const MAX_TEXT_LENGTH = 10_000;

/** Checks a draft; `toInstant` reads the typed time in the viewer's zone (null when invalid). */
export function validateManualEntry(
  draft: ManualEntryDraft,
  toInstant: (local: string) => string | null,
): { entry: ManualEntryInput | null; errors: ManualEntryErrors } {
  const errors: ManualEntryErrors = {};
  const at = draft.at ? toInstant(draft.at) : null;
  if (!draft.at) errors.at = 'Enter when it happened.';
  else if (!at) errors.at = 'Enter a valid date and time.';
  const actorName = draft.actorName.trim();
  if (!actorName) errors.actorName = 'Enter who did it (a name or a team).';
  else if (actorName.length > MAX_ACTOR_LENGTH) errors.actorName = `Keep it under ${MAX_ACTOR_LENGTH} characters.`;
  const text = draft.text.trim();
  if (!text) errors.text = 'Describe what happened.';
  else if (text.length > MAX_TEXT_LENGTH) errors.text = `Keep it under ${MAX_TEXT_LENGTH.toLocaleString('en')} characters.`;
  const valid = Object.keys(errors).length === 0 && at !== null;
  return { entry: valid ? { at, manualKind: draft.manualKind, actorName, text } : null, errors };
}
