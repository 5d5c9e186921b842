import { useId } from 'react';
import type { Severity, SeverityLevel } from '../../../../src/contract';
import { InlineError } from '../components/InlineError';
import { Select } from '../components/Select';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { useAction } from '../hooks/useAction';
import type { TimelineReview } from '../hooks/useTimelineReview';

const LEVELS: SeverityLevel[] = [1, 2, 3, 4, 5];
const DESCRIPTION: Record<SeverityLevel, string> = {
  1: 'Complete outage',
  2: 'Major functionality broken',
  3: 'Minor problem',
  4: 'Redundant component failed',
  5: 'False alarm',
};

interface SeverityFieldProps {
  severity: Severity;
  /** The incident's severity from its Jira priority, named in the "From priority" option. */
  priorityDerived: Severity;
  write: TimelineReview['write'];
}

/** The review's severity with its override: "From priority (Sev2)" or Sev1…Sev5. */
export function SeverityField({ severity, priorityDerived, write }: SeverityFieldProps) {
  const id = useId();
  const { run, busy, error } = useAction((level: SeverityLevel | null) => write('severity/set', { level }, 'severity'));
  const fromPriority = priorityDerived.source === 'override' ? 'From priority' : `From priority (${priorityDerived.label})`;
  const options = [
    { value: '', label: fromPriority },
    ...LEVELS.map((level) => ({ value: String(level), label: `Sev${level} · ${DESCRIPTION[level]}` })),
  ];
  return (
    <div className="pir-severity-field">
      <span className="pir-severity-field__current">
        <span className="pir-severity-field__label" id={`${id}-label`}>
          Severity
        </span>
        <SeverityLozenge severity={severity} />
        <span className="pir-subtle pir-truncate" title={severity.description}>
          {severity.description}
        </span>
      </span>
      <Select
        aria-labelledby={`${id}-label`}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-busy={busy || undefined}
        spacing="compact"
        options={options}
        value={severity.source === 'override' ? String(severity.level) : ''}
        onChange={(event) => void run(event.target.value ? (Number(event.target.value) as SeverityLevel) : null)}
      />
      {error && error.code !== 'CONFLICT' && <InlineError id={`${id}-error`}>{`Severity not saved. ${error.message}`}</InlineError>}
    </div>
  );
}
