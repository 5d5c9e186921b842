import type { AppRequestError } from '../app-error';

/** What a failed publish says; a conflict has already reloaded the review (useReviewDoc.writeWithDoc). */
export function publishFailureText(error: AppRequestError, what: string): string {
  switch (error.code) {
    case 'CONFLICT':
      return `Someone else changed the review meanwhile, so the ${what} was not published. The latest version is loaded now: check it and publish again.`;
    case 'VALIDATION':
      return `The ${what} was not published: ${error.message}`;
    default:
      return error.message;
  }
}

export const NOT_SAVED_TEXT = 'Nothing was published because the review could not be saved. Fix what the form shows, then publish again.';
