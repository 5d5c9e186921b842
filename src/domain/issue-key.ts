/** Small facts every layer needs about keys and days, in one place. */

/** The project key of an issue key: `INC` of `INC-42` (project keys may hold digits and `_`, never `-`). */
export const projectOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

/** The UTC calendar day (YYYY-MM-DD) of an instant: what overdue flags are counted against. */
export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);
