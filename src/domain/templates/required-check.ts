import type { ActionItemInput, ReviewContent } from '../../contract';
import { AppFailure } from '../app-error';
import { missingRequired, missingRequiredNames } from './template-rules';

/** Refuses publishing (VALIDATION, one field each) while the review's template still requires something. */
export function requireTemplateFields(content: ReviewContent, items: readonly ActionItemInput[]): void {
  const missing = missingRequired(content, items);
  const count = Object.keys(missing).length;
  if (count === 0) return;
  const name = content.template?.name ?? 'review';
  // The message names each field: it is all the publish form shows of the refusal.
  const names = missingRequiredNames(content, items).join('; ');
  throw new AppFailure(
    'VALIDATION',
    `The ${name} template requires ${count} more field${count === 1 ? '' : 's'} before publishing: ${names}. Fill ${count === 1 ? 'it' : 'them'} in and save.`,
    missing,
  );
}
