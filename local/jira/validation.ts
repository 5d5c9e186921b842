import type { ZodError } from 'zod';

/** Zod issues as Jira-style error messages. */
export function zodMessages(error: ZodError): string[] {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}
