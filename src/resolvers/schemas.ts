import { z } from 'zod';

/** Jira issue keys: project key (letters, digits, underscore; starts with a letter) - number. */
export const IssueKey = z
  .string()
  .trim()
  .max(255)
  .regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,9}$/i, 'Must be a Jira issue key like INC-42')
  .transform((k) => k.toUpperCase());

export const IncidentGetPayload = z.object({ issueKey: IssueKey }).strict();
