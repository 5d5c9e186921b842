import type { Severity, SeverityClass, SeverityLevel } from '../contract';

const DESCRIPTIONS: Record<SeverityLevel, string> = {
  1: 'Complete outage',
  2: 'Major functionality broken or revenue affected',
  3: 'Minor problem',
  4: 'Redundant component failed',
  5: 'False alarm or unactionable alert',
};

const CLASSES: Record<SeverityLevel, SeverityClass> = { 1: 'critical', 2: 'critical', 3: 'warning', 4: 'warning', 5: 'info' };

/** Jira's default priorities, highest first, map to Sev1…Sev5 (docs/DECISIONS.md#vocabulary). */
const PRIORITY_LEVELS: Record<string, SeverityLevel> = { highest: 1, high: 2, medium: 3, low: 4, lowest: 5 };

export function severityOf(level: SeverityLevel, source: Severity['source']): Severity {
  return { level, label: `Sev${level}`, class: CLASSES[level], description: DESCRIPTIONS[level], source };
}

/**
 * The review's severity: an override wins; otherwise the Jira priority's default mapping;
 * a custom or missing priority falls back to Sev3 and says so through `source: 'default'`.
 */
export function severityFor(priorityName: string | null, override?: SeverityLevel): Severity {
  if (override) return severityOf(override, 'override');
  const level = priorityName ? PRIORITY_LEVELS[priorityName.trim().toLowerCase()] : undefined;
  return level ? severityOf(level, 'priority') : severityOf(3, 'default');
}
